/**
 * A case's history on its page: each saved version against the one before it, newest first,
 * who saved it (by name, never an account id), when, and what changed in words.
 */
import { ROLE_AS_PERSON, type NameOf } from '#core/roles';
import type { QuestionBank } from '#schemas/bank';
import type { CaseProfile, StoredCase } from '#schemas/case';
import { esc } from '#web/common/layout';
import { PROFILE_FIELDS } from '#cases/words';
import { CASE_TYPES, dateTime } from './frame';

/** A profile field's name in words, as the case form labels it. */
export const FIELD_LABELS: Record<string, string> = { caseType: 'Case type', ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f.name, f.label])) };
const ANSWER_WORDS: Record<string, string> = { yes: 'yes', no: 'no', na: 'not relevant', '': 'unanswered' };

export interface HistoryEntry {
  version: number;
  /** Who saved it, by name: never their account id. */
  savedBy: string;
  updatedAt: string;
  changes: string[];
}

/** Who changed what, when: each version against the one before it, newest first. */
export function caseHistory(bank: QuestionBank, versions: readonly StoredCase[], nameOf: NameOf): HistoryEntry[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const word = (v: unknown) => (v === undefined ? 'not recorded' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
  return sorted
    .map((v, i) => {
      const before = sorted[i - 1];
      const changes: string[] = [];
      if (!before) {
        const answered = Object.values(v.answers).filter((a) => a !== 'na').length;
        changes.push(
          `Entered as a ${CASE_TYPES[v.profile.caseType]?.toLowerCase() ?? v.profile.caseType} case, ${answered} ${answered === 1 ? 'question' : 'questions'} answered yes or no`,
        );
      } else {
        for (const name of ['caseType', ...PROFILE_FIELDS.map((f) => f.name)] as (keyof CaseProfile)[]) {
          const was = before.profile[name];
          const now = v.profile[name];
          if (was !== now) changes.push(`${FIELD_LABELS[name]}: ${word(was)} → ${word(now)}`);
        }
        for (const q of bank.questions) {
          const was = before.answers[q.id] ?? '';
          const now = v.answers[q.id] ?? '';
          if (was !== now) changes.push(`${q.id}: ${ANSWER_WORDS[was]} → ${ANSWER_WORDS[now]}`);
        }
        if (changes.length === 0) changes.push('Saved with no changes');
      }
      return { version: v.version, savedBy: nameOf(v.updatedBy, ROLE_AS_PERSON.inspector), updatedAt: v.updatedAt, changes };
    })
    .reverse();
}

export function historySection(entries: readonly HistoryEntry[]): string {
  if (entries.length === 0) return '';
  return `<h2 class="govuk-heading-m" id="history">History</h2>
<ol class="govuk-list" reversed>
${entries
  .map(
    (e) => `  <li class="govuk-!-margin-bottom-4">
    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">Version ${e.version}: ${esc(e.savedBy)}, ${esc(dateTime(e.updatedAt))}</h3>
    <ul class="govuk-list govuk-list--bullet">${e.changes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>
  </li>`,
  )
  .join('\n')}
</ol>`;
}
