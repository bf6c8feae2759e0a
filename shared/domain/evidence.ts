/**
 * Evidence beyond the case file (issue 14): a second marking of a case, the offender
 * manager's interview, the area's performance figures and caseload. Each is checked whole
 * before anything is written.
 */
import { interviewSetFor } from '#bank/interviews';
import { parseInterviewsCsv } from '#cases/interviews-csv';
import { parsePerformanceCsv } from '#cases/performance-csv';
import { contextProblems } from '#cases/context';
import { caseProblems } from '#cases/validate';
import { Conflict, InvalidInput, NotFound, type ProblemDetail } from '#core/errors';
import type { User } from '#core/roles';
import type { AreaContext, InterviewInput, InterviewQuestionSet, SecondMarkingInput } from '#schemas/evidence';
import type { Inspection } from '#schemas/inspection';
import { Judgement } from '#schemas/case';
import { getCase } from '#store/cases';
import { putAreaContext, putInterview, putPerformanceFigures, putSecondMarking } from '#store/evidence';
import { bankOf } from './bank-of';
import { checkCaseRef } from './cases';
import { requireOpenInspection } from './closing';

type Outcome = 'created' | 'replaced';
/** What saving a case's evidence answers: the case, and whether its evidence was new. */
interface CaseRecorded {
  inspectionId: string;
  caseRef: string;
  outcome: Outcome;
}
const JUDGEMENTS: readonly string[] = Judgement.options;

/** The interview questions published with the inspection's bank. */
export function interviewSetOf(inspection: Pick<Inspection, 'inspectionId' | 'questionBankVersion'>): InterviewQuestionSet {
  const set = interviewSetFor(inspection.questionBankVersion);
  if (!set)
    throw new Conflict(`Question bank ${inspection.questionBankVersion} of inspection ${inspection.inspectionId} has no interview question set.`);
  return set;
}

/**
 * A second, independent judgement of a case that has a first: 404 without one, 409 from the
 * first marker (an agreement of one person with themselves measures nothing).
 */
export async function recordSecondMarking(inspectionId: string, caseRef: string, input: SecondMarkingInput, user: User): Promise<CaseRecorded> {
  const inspection = await requireOpenInspection(inspectionId);
  const bank = bankOf(inspection);
  const ref = checkCaseRef(caseRef);
  const first = await getCase(bank, inspection.inspectionId, ref);
  if (!first) throw new NotFound(`Case ${ref} of inspection ${inspection.inspectionId} has no first marking to second-mark.`);
  if (first.current.updatedBy === user.sub) throw new Conflict(`You marked case ${ref} first: the second marking must come from someone else.`);
  const problems = caseProblems(bank, { profile: first.current.profile, answers: input.answers });
  if (problems.length) throw new InvalidInput(problems);
  const outcome = await putSecondMarking(bank, inspection.inspectionId, ref, input.answers, user.sub);
  return { inspectionId: inspection.inspectionId, caseRef: ref, outcome };
}

/** The offender manager's interview for a case of the sample (404 for a case not in it). */
export async function recordInterview(inspectionId: string, caseRef: string, input: InterviewInput, user: User): Promise<CaseRecorded> {
  const inspection = await requireOpenInspection(inspectionId);
  const set = interviewSetOf(inspection);
  const ref = checkCaseRef(caseRef);
  const known = new Set(set.questions.map((q) => q.id));
  // Checked here, not only by the JSON route's schema: the workbench's form reaches this use case too.
  const problems: ProblemDetail[] = Object.entries(input.answers).flatMap(([id, answer]): ProblemDetail[] => {
    if (!known.has(id)) return [{ path: `answers.${id}`, message: `No question ${id} in interview question set ${set.version}` }];
    if (!JUDGEMENTS.includes(answer)) return [{ path: `answers.${id}`, message: `Choose yes, no or not relevant for ${id}` }];
    return [];
  });
  if (problems.length) throw new InvalidInput(problems);
  if (!(await getCase(bankOf(inspection), inspection.inspectionId, ref))) {
    throw new NotFound(`Case ${ref} is not in the sample of inspection ${inspection.inspectionId}: record the case before its interview.`);
  }
  const outcome = await putInterview(inspection.inspectionId, ref, input, user.sub);
  return { inspectionId: inspection.inspectionId, caseRef: ref, outcome };
}

/** How many interviews of an upload are written at once. */
const INTERVIEW_WRITES_AT_ONCE = 8;

/**
 * The offender manager interviews of many cases from a CSV (shared/cases/interviews-csv.ts), all
 * or nothing: every row is checked first (its answers, and its case in the sample), and only a
 * file with no problem is written, each row through recordInterview, the JSON route's use case.
 */
export async function recordInterviewsCsv(
  inspectionId: string,
  csv: string,
  user: User,
): Promise<{ inspectionId: string; created: number; replaced: number }> {
  const inspection = await requireOpenInspection(inspectionId);
  const set = interviewSetOf(inspection);
  const { rows, problems, problemCount } = parseInterviewsCsv(csv, set);
  const nothingSaved = (n: number) => `The file has ${n} ${n === 1 ? 'problem' : 'problems'}: no interview was saved.`;
  if (problems.length) throw new InvalidInput(problems, nothingSaved(problemCount));
  const bank = bankOf(inspection);
  const notInSample: ProblemDetail[] = [];
  await inBatches(rows, INTERVIEW_WRITES_AT_ONCE, async ({ row, caseRef }) => {
    const where = { path: `row ${row}.caseRef`, prefix: `Row ${row}, column caseRef: ` };
    let ref: string;
    try {
      ref = checkCaseRef(caseRef);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      notInSample.push({
        path: where.path,
        message: `${where.prefix}"${caseRef.slice(0, 40)}" is not a case reference: ${(error.errors[0]?.message ?? 'check it').replace(/^./, (c) => c.toLowerCase())}`,
      });
      return;
    }
    if (!(await getCase(bank, inspection.inspectionId, ref)))
      notInSample.push({ path: where.path, message: `${where.prefix}case ${ref} is not in the sample: enter the case before its interview` });
  });
  if (notInSample.length)
    throw new InvalidInput(
      notInSample.sort((a, b) => a.path!.localeCompare(b.path!, 'en', { numeric: true })),
      nothingSaved(notInSample.length),
    );
  let created = 0;
  await inBatches(rows, INTERVIEW_WRITES_AT_ONCE, async ({ caseRef, answers }) => {
    if ((await recordInterview(inspection.inspectionId, caseRef, { answers }, user)).outcome === 'created') created++;
  });
  return { inspectionId: inspection.inspectionId, created, replaced: rows.length - created };
}

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

/** The area's performance figures from a CSV, all or nothing; a new upload replaces the last whole. */
export async function recordPerformanceFigures(inspectionId: string, csv: string, user: User): Promise<{ inspectionId: string; measures: number }> {
  const inspection = await requireOpenInspection(inspectionId);
  const { figures, problems, problemCount } = parsePerformanceCsv(csv);
  if (problems.length) throw new InvalidInput(problems, `The upload has ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}.`);
  await putPerformanceFigures(inspection.inspectionId, figures, user.sub);
  return { inspectionId: inspection.inspectionId, measures: figures.length };
}

export async function recordAreaContext(inspectionId: string, context: AreaContext, user: User): Promise<{ inspectionId: string; outcome: Outcome }> {
  const inspection = await requireOpenInspection(inspectionId);
  const problems = contextProblems(context);
  if (problems.length) throw new InvalidInput(problems);
  const outcome = await putAreaContext(inspection.inspectionId, context, user.sub);
  return { inspectionId: inspection.inspectionId, outcome };
}

export type { FlaggedCase } from './moderation';
