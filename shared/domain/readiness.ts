/**
 * Whether an inspection is ready for its final release (contract, "An inspection's life
 * cycle"): what a published report would still be missing. A final release with anything
 * missing is refused (409 not-ready, each missing thing named) unless the admin confirms with
 * the area's name, which publishes despite them: the check informs, the admin decides.
 *
 * Everything here is read, never written: the check itself changes nothing.
 */
import { figureMismatches, figuresOfSummary, figureWords, placeName } from './figure-check';
import { unconsentedQuotes } from './meetings';
import { gradedCriteria, scoredCriteria } from '#bank/index';
import { isFinished } from '#cases/validate';
import { NotReady } from '#core/errors';
import type { Inspection } from '#schemas/inspection';
import type { Summary } from '#schemas/summary';
import { allCases } from '#store/cases';
import { listConclusions, listGrades } from '#store/grades';
import { staleMarkerOf } from '#store/inspections';
import { getReleaseFile, listReleases } from '#store/releases';
import { getSummarySnapshot } from '#store/summaries';
import { getWriteUp } from '#store/write-up';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';
import { openInvitations } from './reminders';

export type MissingKind =
  | 'unfinished-cases'
  | 'grades'
  | 'conclusions'
  | 'placeholders'
  | 'stale-figures'
  | 'open-questionnaires'
  | 'unconsented-quotes'
  | 'figure-mismatches';

/**
 * What the check shows without stopping a final release: open questionnaires (the contract's
 * list leaves them out, and the release closes them) and words whose figures contradict the
 * figures they claim (issue 28: the contract's list leaves them out too, and only the
 * inspector can say whether the words or the question are wrong; the admin sees them named
 * before choosing to publish).
 */
const WARNS_ONLY: ReadonlySet<MissingKind> = new Set(['open-questionnaires', 'figure-mismatches']);

export interface Missing {
  /** Also the problem's `path` in the 409's `errors`. */
  kind: MissingKind;
  count: number;
  /** One plain sentence a person can act on. */
  message: string;
  /** Which ones (case references, criterion ids), the first few. */
  examples: string[];
  /** Whether it stops a final release without confirmation (see `WARNS_ONLY`); the check shows it either way. */
  blocks: boolean;
}

export interface Readiness {
  inspectionId: string;
  area: string;
  ready: boolean;
  missing: Missing[];
}

/** How many of each missing kind a message names before "and N more". */
const NAMED = 10;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const naming = (ids: readonly string[]) => (ids.length > NAMED ? `${ids.slice(0, NAMED).join(', ')} and ${ids.length - NAMED} more` : ids.join(', '));

/**
 * Quotes from meetings without the speaker's consent (contract, "Meetings and the improvement
 * plan"): never published, so a final release lists them, by meeting and quote.
 */
export async function unconsentedQuoteRefs(inspectionId: string): Promise<string[]> {
  return (await unconsentedQuotes(inspectionId)).map((q) => `quote ${q.quote + 1} of meeting ${q.meetingId}`);
}

/**
 * The write-up's words whose figures contradict the figure they claim, each named by place
 * with what it says and what the figure is ("2.1 strength (b) says 83% where question 2.1.3 is
 * 76% (38 of 50)"). Read against the summary the report prints, so the two agree.
 */
async function figureMismatchRefs(inspectionId: string, snapshot: Summary | undefined): Promise<string[]> {
  if (!snapshot) return [];
  const { writeUp } = await getWriteUp(inspectionId);
  return figureMismatches(writeUp, figuresOfSummary(snapshot)).map(
    (m) => `${placeName(m.place, m.lang)} says ${m.claims.join(' and ')} where question ${m.question} is ${figureWords(m.figure, 'of')}`,
  );
}

/** Where the report would print "None written yet." and its like, named as the write-up page names them. */
async function placeholdersOf(inspection: Inspection): Promise<string[]> {
  const { writeUp } = await getWriteUp(inspection.inspectionId);
  const out: string[] = [];
  if (writeUp.summary.length === 0) out.push('the summary');
  if (writeUp.recommendations.length === 0) out.push('the recommendations');
  for (const c of scoredCriteria(bankOf(inspection))) {
    const written = writeUp.criteria[c.id];
    if (!written?.strengths.length) out.push(`${c.id} strengths`);
    if (!written?.improvements.length) out.push(`${c.id} areas for improvement`);
  }
  return out;
}

async function unfinishedCaseRefs(inspection: Inspection): Promise<string[]> {
  const bank = bankOf(inspection);
  const refs: string[] = [];
  for await (const page of allCases(bank, inspection.inspectionId)) for (const c of page) if (!isFinished(bank, c)) refs.push(c.caseRef);
  return refs;
}

export async function readinessOf(inspectionId: string, now = Date.now()): Promise<Readiness> {
  const inspection = await requireInspection(inspectionId);
  const id = inspection.inspectionId;
  const bank = bankOf(inspection);
  const [unfinished, grades, conclusions, placeholders, stale, snapshot, open, quotes] = await Promise.all([
    unfinishedCaseRefs(inspection),
    listGrades(id),
    listConclusions(id),
    placeholdersOf(inspection),
    staleMarkerOf(id),
    getSummarySnapshot<Summary>(id),
    openInvitations(id, now),
    unconsentedQuoteRefs(id),
  ]);
  const mismatched = await figureMismatchRefs(id, snapshot);
  const graded = new Set(grades.filter((g) => g.grade).map((g) => g.criterionId));
  const ungraded = gradedCriteria(bank)
    .filter((c) => !graded.has(c.id))
    .map((c) => c.id);
  // A criterion with no score has no band to conclude with (the report says "no score"), so it needs no conclusion.
  const unscored = new Set(snapshot?.criteria.filter((c) => c.percent === null).map((c) => c.id) ?? []);
  const concluded = new Set(conclusions.map((c) => c.criterionId));
  const unconcluded = scoredCriteria(bank)
    .filter((c) => !concluded.has(c.id) && !unscored.has(c.id))
    .map((c) => c.id);
  const openByAudience = new Map<string, number>();
  for (const o of open) openByAudience.set(o.audience, (openByAudience.get(o.audience) ?? 0) + 1);

  const missing: Missing[] = [];
  const add = (kind: MissingKind, examples: string[], message: string) => {
    if (examples.length) missing.push({ kind, count: examples.length, message, examples: examples.slice(0, NAMED), blocks: !WARNS_ONLY.has(kind) });
  };
  add(
    'unfinished-cases',
    unfinished,
    `${plural(unfinished.length, 'case is', 'cases are')} unfinished, with questions still unanswered, and left out of the figures: ${naming(unfinished)}.`,
  );
  add('grades', ungraded, `${plural(ungraded.length, 'leadership criterion has', 'leadership criteria have')} no grade: ${naming(ungraded)}.`);
  add('conclusions', unconcluded, `${plural(unconcluded.length, 'criterion has', 'criteria have')} no conclusion recorded: ${naming(unconcluded)}.`);
  add(
    'placeholders',
    placeholders,
    `The report would say "None written yet." (or "not written yet") in ${plural(placeholders.length, 'place', 'places')}: ${naming(placeholders)}.`,
  );
  if (stale || !snapshot) {
    missing.push({
      kind: 'stale-figures',
      count: 1,
      message: 'The figures have not been recomputed since the last change: recompute them and check them before publishing.',
      examples: [],
      blocks: true,
    });
  }
  const openNames = [...openByAudience].map(([audience, n]) => `${n} ${audience}`);
  add(
    'open-questionnaires',
    open.map((o) => o.reference),
    `${plural(open.length, 'questionnaire is', 'questionnaires are')} still open (neither answered nor expired: ${openNames.join(', ')}); publishing closes them.`,
  );
  add('unconsented-quotes', quotes, `${plural(quotes.length, 'quote has', 'quotes have')} no consent to publish: ${naming(quotes)}.`);
  add(
    'figure-mismatches',
    mismatched,
    `${plural(mismatched.length, 'text of the write-up contradicts the figure it claims', 'texts of the write-up contradict the figures they claim')}: ${naming(mismatched)}. Correct the words or check the figures.`,
  );
  return { inspectionId: id, area: inspection.area, ready: missing.length === 0, missing };
}

/**
 * For a final release: passes when nothing is missing, or when `confirm` is exactly the area's
 * name (the admin has seen what is missing and publishes anyway); otherwise 409 not-ready.
 */
export async function requireReady(inspection: Pick<Inspection, 'inspectionId' | 'area'>, confirm: string | undefined): Promise<void> {
  if (confirm !== undefined && confirm === inspection.area) return;
  const { missing } = await readinessOf(inspection.inspectionId);
  // What does not block is still named beside what does, so the refusal says everything the page would.
  if (!missing.some((m) => m.blocks)) return;
  const errors: { path: string; message: string }[] = missing.map((m) => ({ path: m.kind, message: m.message }));
  if (confirm !== undefined)
    errors.push({
      path: 'confirm',
      message: `"${confirm.slice(0, 80)}" is not the area's name: to publish despite what is missing, confirm with exactly "${inspection.area}".`,
    });
  throw new NotReady(
    `The inspection is not ready for its final release: ${plural(missing.length, 'thing is', 'things are')} missing. Send "confirm" with the area's name, "${inspection.area}", to publish despite them.`,
    errors,
  );
}

/**
 * The latest release, when nothing it froze has changed since: the figures' inputs (their
 * fingerprint, and no change waiting to be recomputed) and the write-up. A second release
 * would be the same report again.
 */
export async function unchangedSinceLastRelease(inspectionId: string): Promise<{ releaseId: string; createdAt: string } | undefined> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const latest = (await listReleases(id)).at(-1);
  if (!latest) return undefined;
  const [stale, snapshot, writeUp] = await Promise.all([staleMarkerOf(id), getSummarySnapshot<Summary>(id), getWriteUp(id)]);
  if (stale || !snapshot) return undefined;
  if (writeUp.updatedAt && writeUp.updatedAt > latest.createdAt) return undefined;
  const frozen = JSON.parse(await getReleaseFile(id, latest, 'json')) as Partial<Summary>;
  return frozen.fingerprint === snapshot.fingerprint ? { releaseId: latest.releaseId, createdAt: latest.createdAt } : undefined;
}
