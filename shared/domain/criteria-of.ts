import { criteriaOf } from '#bank/criteria';
import { Conflict } from '#core/errors';
import type { Criterion } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';

/** The criteria of the bank an inspection was created with, for functions that need no questions. */
export function criteriaOfInspection(inspection: Inspection): readonly Criterion[] {
  const criteria = criteriaOf(inspection.questionBankVersion);
  if (!criteria) {
    throw new Conflict(
      `Inspection ${inspection.inspectionId} uses question bank ${inspection.questionBankVersion}, which this release no longer ships.`,
    );
  }
  return criteria;
}
