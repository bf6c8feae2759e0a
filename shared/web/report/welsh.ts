/**
 * The Welsh report's own parts (issue 28, "Welsh throughout"): the service users' sentences in
 * the English ones' shapes, the bank's questions in Welsh, and for staff the list of authored
 * blocks still in English for the translator. Kept apart from report.ts so each is one call
 * there. Everything interpolated goes through `esc`.
 */
import { bankTextsCy } from '#bank/index';
import { getQuestionnaireVersion, summaryPhrasesCyFor } from '#questionnaires/index';
import type { Audience } from '#schemas/questionnaire';
import type { PublishedClosedQuestionSummary } from '#schemas/summary';
import { distributionSentenceCy, positiveAnswerTo, questionSentenceCy, suppressedSentenceCy } from '#summaries/sentences-cy';
import { esc } from '#web/common/layout';

type Closed = Exclude<PublishedClosedQuestionSummary, { type: 'text' }>;

/** A bank question's Welsh, or undefined when this bank has none for it (the page then prints the English, marked so). */
export function bankQuestionCy(version: string, questionId: string): string | undefined {
  return bankTextsCy(version)?.[questionId];
}

/**
 * One closed question's Welsh sentence, as the English summary's: the audience's Welsh noun
 * and finding, over those who answered; a routed question names the group it was put to.
 * `words` is the question and its options' labels in Welsh.
 */
export function serviceUserSentenceCy(
  audience: Audience,
  version: string,
  q: Closed,
  words: { text: string; labels: ReadonlyMap<string, string> },
): string {
  const phrases = summaryPhrasesCyFor(audience);
  if (q.distribution)
    return distributionSentenceCy(
      phrases.noun,
      q.answered,
      Object.entries(q.counts).map(([v, n]) => [words.labels.get(v) ?? v, n] as const),
    );
  if (q.answered === '[c]' || q.positive === '[c]') return suppressedSentenceCy(phrases.noun, words.text, q.answered);
  const finding = phrases.findings[q.id] ?? positiveAnswerTo(words.text);
  return questionSentenceCy(phrases.noun, finding, q.positive, q.answered, askedWhenCy(version, q.id, phrases));
}

/** The group a routed question was put to, in Welsh, on the same condition as the English `askedPhrase`. */
function askedWhenCy(version: string, id: string, phrases: ReturnType<typeof summaryPhrasesCyFor>): string | undefined {
  let def: ReturnType<typeof getQuestionnaireVersion>;
  try {
    def = getQuestionnaireVersion(version, 'cy');
  } catch {
    return undefined;
  }
  const q = def?.questions.find((d) => d.id === id);
  if (!q?.showIf) return undefined;
  const on = def!.questions.find((o) => o.id === q.showIf!.question);
  const finding = on ? (phrases.askedOf?.[on.id] ?? phrases.findings[on.id]) : undefined;
  const positive = on?.positive ?? [];
  if (!finding || q.showIf.in.length === 0 || !q.showIf.in.every((v) => positive.includes(v))) return undefined;
  return finding;
}

/** An authored block printed in English on the Welsh page: its anchor's number, counted in page order. */
export interface Untranslated {
  readonly blocks: string[];
}

/** Records a block left in English and gives its attributes: ` lang="en" id="untranslated-N"` (without a list, not for staff: ` lang="en"`). */
export function markUntranslated(list: Untranslated | undefined, english: string): string {
  if (!list) return ' lang="en"';
  list.blocks.push(english);
  return ` lang="en" id="untranslated-${list.blocks.length}"`;
}

const TRANSLATOR_HEADING = 'Testun heb ei gyfieithu eto';
const translatorIntro = (n: number) =>
  `${n === 1 ? 'Mae un darn' : `Mae ${n} darn`} o destun a ysgrifennwyd gan yr arolygiaeth yn dal yn Saesneg yn yr adroddiad hwn: ${n === 1 ? 'mae’r ddolen isod yn mynd ato' : 'mae’r dolenni isod yn mynd at bob un'}. Ar gyfer y cyfieithydd a staff yr arolygiad yn unig: nid yw’r rhestr hon yn yr adroddiad cyhoeddedig.`;

/** For staff, on the Welsh page: every authored block still in English, each a link to where it stands, its first words in English. */
export function untranslatedBlock(list: Untranslated): string {
  if (!list.blocks.length) return '';
  const start = (s: string) => (s.length > 120 ? `${s.slice(0, 117).trimEnd()}…` : s);
  return `<h2 class="govuk-heading-l app-no-print app-page-break" id="untranslated">${esc(TRANSLATOR_HEADING)}</h2>
<p class="govuk-body app-no-print" id="untranslated-count">${esc(translatorIntro(list.blocks.length))}</p>
<ol class="govuk-list govuk-list--number app-no-print" id="untranslated-list">
${list.blocks.map((text, i) => `  <li><a class="govuk-link" href="#untranslated-${i + 1}" lang="en">${esc(start(text))}</a></li>`).join('\n')}
</ol>`;
}
