/**
 * The use cases the pages call: the very ones the JSON routes call. Until the use-case layer
 * (issue 11) lands in shared/domain, this file holds the same steps the JSON handlers take, with
 * the signatures that layer has; then it becomes a list of re-exports.
 */
import { mapLimit } from '../concurrency';
import { casesTemplate, parseCasesCsv } from '../cases/csv';
import { computeSummary, type Summary } from '../domain/aggregate';
import { bankOf } from '../domain/bank-of';
import { newInspectionId, requireInspection } from '../domain/inspections';
import { summaryToCsv } from '../domain/summary-csv';
import { CURRENT_BANK_VERSION } from '../bank/current';
import { InvalidInput } from '../http/errors';
import type { User } from '../http/auth';
import type { CreateInspection, Inspection } from '../schemas/inspection';
import { allCases, putCase, type StoredCase } from '../store/cases';
import { createInspection as storeInspection, listInspections as storeList, markStale } from '../store/inspections';
import { getSummarySnapshot } from '../store/summaries';

export { requireInspection };
export type { Summary };

export async function createInspection(input: CreateInspection, user: User): Promise<Inspection> {
  for (;;) {
    const inspection: Inspection = {
      inspectionId: newInspectionId(input.area, input.fieldworkStart),
      area: input.area,
      fieldworkStart: input.fieldworkStart,
      fieldworkEnd: input.fieldworkEnd,
      questionBankVersion: CURRENT_BANK_VERSION,
      status: 'open',
      createdAt: new Date().toISOString(),
      createdBy: user.sub,
    };
    if (await storeInspection(inspection)) return inspection;
  }
}

export function listInspections(cursor?: string): Promise<{ inspections: Inspection[]; nextCursor?: string }> {
  return storeList(cursor);
}

export async function importCases(inspectionId: string, csv: string, user: User): Promise<{ imported: number; created: number; replaced: number }> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const { cases, problems } = parseCasesCsv(bank, csv);
  if (problems.length) throw new InvalidInput(problems);
  const outcomes = await mapLimit(cases, 16, (c) => putCase(bank, inspection.inspectionId, c.caseRef, c.input, user.sub));
  await markStale(inspection.inspectionId);
  return {
    imported: cases.length,
    created: outcomes.filter((o) => o === 'created').length,
    replaced: outcomes.filter((o) => o === 'replaced').length,
  };
}

export async function casesTemplateOf(inspectionId: string): Promise<{ filename: string; csv: string }> {
  const inspection = await requireInspection(inspectionId);
  return { filename: `${inspection.inspectionId}-cases-template.csv`, csv: casesTemplate(bankOf(inspection)) };
}

export async function latestSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return (await getSummarySnapshot<Summary>(id)) ?? (await computeSummary(id));
}

export async function recomputeSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return computeSummary(id);
}

export function summaryDownload(summary: Summary): { filename: string; csv: string } {
  return { filename: `${summary.inspectionId}-summary.csv`, csv: summaryToCsv(summary) };
}

/** Every case of an inspection, for the dashboard's counts (an inspection has about 110). */
export async function allCasesOf(inspection: Inspection): Promise<StoredCase[]> {
  const out: StoredCase[] = [];
  for await (const page of allCases(bankOf(inspection), inspection.inspectionId)) out.push(...page);
  return out;
}
