/**
 * Case use cases: record one case, import many from CSV (all or nothing), read one with its
 * history, list a page, the CSV template. The JSON API and the workbench pages both call these.
 */
import { casesTemplate, parseCasesCsv } from '../cases/csv';
import { caseProblems, isFinished } from '../cases/validate';
import { Conflict, InvalidInput, NotFound } from '../core/errors';
import type { User } from '../core/roles';
import type { CaseInput, ListedCase } from '../schemas/case';
import { CaseRef } from '../schemas/inspection';
import { getCase, listCases, putCase, putCases, StaleCase, type StoredCase } from '../store/cases';
import * as z from 'zod/mini';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';
import { advanceStageAfterWrite, requireOpenInspection, withWriterLease } from './closing';

export type CaseOutcome = 'created' | 'replaced';

export function checkCaseRef(caseRef: string): string {
  const parsed = z.safeParse(CaseRef, caseRef);
  if (!parsed.success) throw new InvalidInput(parsed.error.issues.map((i) => ({ path: 'caseRef', message: i.message })));
  return parsed.data;
}

/**
 * Somebody else saved the case after the writer read it (a 409): who and when, so the page can
 * say so and the writer can decide. Only when the writer passed the version it read.
 */
export class CaseChanged extends Conflict {
  constructor(
    readonly caseRef: string,
    readonly current: { version: number; updatedBy: string; updatedAt: string },
  ) {
    super(`Case ${caseRef} was changed by someone else (now version ${current.version}) since you read it.`);
  }
}

/**
 * `expectedVersion`: the version the writer read (0 for a case it believes new). Without it
 * the last write wins whole, as the JSON route has always done.
 */
export async function recordCase(
  inspectionId: string,
  caseRef: string,
  input: CaseInput,
  user: User,
  options: { expectedVersion?: number } = {},
): Promise<{ inspectionId: string; caseRef: string; outcome: CaseOutcome }> {
  const inspection = await requireOpenInspection(inspectionId);
  const bank = bankOf(inspection);
  const ref = checkCaseRef(caseRef);
  const problems = caseProblems(bank, input);
  if (problems.length) throw new InvalidInput(problems);
  try {
    const outcome = await putCase(bank, inspection.inspectionId, ref, input, user.sub, options.expectedVersion);
    await advanceStageAfterWrite(inspection, 'fieldwork');
    return { inspectionId: inspection.inspectionId, caseRef: ref, outcome };
  } catch (error) {
    if (error instanceof StaleCase) throw new CaseChanged(ref, { version: error.version, updatedBy: error.updatedBy, updatedAt: error.updatedAt });
    throw error;
  }
}

export async function importCases(inspectionId: string, csv: string, user: User): Promise<{ imported: number; created: number; replaced: number }> {
  const inspection = await requireOpenInspection(inspectionId);
  const bank = bankOf(inspection);
  const { cases, problems, problemCount } = parseCasesCsv(bank, csv);
  // The problems listed are capped; the count says how many there were in all.
  if (problems.length) throw new InvalidInput(problems, `The upload has ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}.`);
  // Under a writer's lease (closing.ts): a final release waits for the whole upload, so all of it is in the release or none.
  const outcomes = await withWriterLease(inspection.inspectionId, (fence) => putCases(bank, inspection.inspectionId, cases, user.sub, fence));
  await advanceStageAfterWrite(inspection, 'fieldwork');
  return {
    imported: cases.length,
    created: outcomes.filter((o) => o === 'created').length,
    replaced: outcomes.filter((o) => o === 'replaced').length,
  };
}

export async function caseWithHistory(inspectionId: string, caseRef: string): Promise<ListedCase & { earlierVersions: StoredCase[] }> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const found = await getCase(bank, inspection.inspectionId, checkCaseRef(caseRef));
  if (!found) throw new NotFound(`No case ${caseRef} in inspection ${inspection.inspectionId}.`);
  return { ...found.current, finished: isFinished(bank, found.current), earlierVersions: found.earlier };
}

export async function listCasesPage(inspectionId: string, cursor?: string): Promise<{ cases: ListedCase[]; nextCursor?: string }> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const page = await listCases(bank, inspection.inspectionId, cursor);
  return { ...page, cases: page.cases.map((c) => ({ ...c, finished: isFinished(bank, c) })) };
}

export async function casesTemplateOf(inspectionId: string): Promise<{ filename: string; csv: string }> {
  const inspection = await requireInspection(inspectionId);
  return { filename: `${inspection.inspectionId}-cases-template.csv`, csv: casesTemplate(bankOf(inspection)) };
}
