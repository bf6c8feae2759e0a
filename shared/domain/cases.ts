/**
 * Case use cases: record one case, read one with its history, list a page, the CSV template
 * (uploads of many: case-imports.ts). The JSON API and the workbench pages both call these.
 */
import { createHash } from 'node:crypto';
import { casesTemplate, type TemplateKind } from '#cases/csv';
import { caseProblems, isFinished } from '#cases/validate';
import { Conflict, DomainError, InvalidInput, NotFound } from '#core/errors';
import type { User } from '#core/roles';
import type { CaseInput, ListedCase } from '#schemas/case';
import { CaseRef } from '#schemas/inspection';
import { getCase, listCases, putCase, StaleCase, type StoredCase } from '#store/cases';
import * as z from 'zod/mini';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';
import { advanceStageAfterWrite, requireOpenInspection } from './closing';

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

/** A case an upload would replace: its row in the file, the version stored now, who saved it last and when. */
export interface CaseToReplace {
  caseRef: string;
  row: number;
  version: number;
  updatedBy: string;
  /** Who that is, by name (the people directory): what a person reads, in the page and the problem alike. */
  updatedByName: string;
  updatedAt: string;
  finished: boolean;
}

/**
 * An upload that would replace cases nobody confirmed replacing (issue 27: a case finished by
 * hand is never silently overwritten by a sheet): each one, by reference, with who saved it last.
 */
export class CasesWouldBeReplaced extends DomainError {
  readonly status = 409;
  readonly slug = 'cases-would-be-replaced';
  /** What confirms replacing exactly these cases at these versions: ImportCasesOptions.confirmation. */
  readonly confirmation: string;
  constructor(
    readonly cases: readonly CaseToReplace[],
    /** How many cases the upload holds in all. */
    readonly uploaded: number,
  ) {
    super(
      `The upload would replace ${cases.length === 1 ? '1 case' : `${cases.length} cases`} already entered, each listed with who saved it last; nothing is imported until replacing them is confirmed.`,
      cases.map((c) => ({
        path: `row ${c.row}.caseRef`,
        message: `Case ${c.caseRef} (row ${c.row}) is already entered: version ${c.version}, last saved by ${c.updatedByName} at ${c.updatedAt}`,
      })),
    );
    this.confirmation = replacementConfirmation(cases);
  }
}

/**
 * A short digest of the cases to replace, each at its version: a confirmation holds for exactly
 * the list the person was shown. A case saved again since, or one more case, makes another list.
 */
export function replacementConfirmation(cases: readonly Pick<CaseToReplace, 'caseRef' | 'version'>[]): string {
  const lines = cases.map((c) => `${c.caseRef}@${c.version}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('base64url').slice(0, 22);
}

export interface ImportCasesOptions {
  /**
   * Cases already stored under the upload's references: `replace` (the default, as the JSON
   * route has always done) replaces them; `ask` refuses with CasesWouldBeReplaced, naming every
   * one not in `confirmed` at the version stored now, and imports nothing.
   */
  existing?: 'replace' | 'ask';
  /** With `ask`: CasesWouldBeReplaced.confirmation of the list the person was shown and agreed to. */
  confirmation?: string;
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

/** The bare header without a kind; with one, the template that explains itself (cases/csv.ts). */
export async function casesTemplateOf(inspectionId: string, kind?: TemplateKind): Promise<{ filename: string; csv: string }> {
  const inspection = await requireInspection(inspectionId);
  return { filename: `${inspection.inspectionId}-cases-template${kind ? `-${kind}` : ''}.csv`, csv: casesTemplate(bankOf(inspection), kind) };
}
