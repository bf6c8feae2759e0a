/**
 * Each question's figure by sub-group, from the inspection's finished cases as they are now
 * (shared/scoring/question-breakdowns.ts does the counting). Staff only: the JSON route and
 * the findings page read it; nothing published does.
 */
import { isFinished } from '../cases/validate';
import type { QuestionBreakdowns } from '../schemas/analysis';
import { createQuestionBreakdownAccumulator } from '../scoring/question-breakdowns';
import { allCases } from '../store/cases';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';

export async function questionBreakdownsOf(inspectionId: string, criterion?: string): Promise<QuestionBreakdowns> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const only = criterion ? new Set(bank.questions.filter((q) => q.criterion === criterion).map((q) => q.id)) : undefined;
  const acc = createQuestionBreakdownAccumulator(bank, only);
  let unfinished = 0;
  for await (const page of allCases(bank, inspection.inspectionId)) {
    for (const c of page) {
      if (isFinished(bank, c)) acc.add(c);
      else unfinished++;
    }
  }
  return {
    inspectionId: inspection.inspectionId,
    questionBankVersion: bank.version,
    computedAt: new Date().toISOString(),
    notForPublication: true,
    unfinished,
    ...acc.result(),
  };
}
