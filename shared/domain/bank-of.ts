import { getBank } from '#bank/index';
import { Conflict } from '#core/errors';
import type { QuestionBank } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';

/** The bank the inspection was created with: a later bank never changes an old inspection's meaning. */
export function bankOf(inspection: Inspection): QuestionBank {
  const bank = getBank(inspection.questionBankVersion);
  if (!bank) {
    throw new Conflict(
      `Inspection ${inspection.inspectionId} uses question bank ${inspection.questionBankVersion}, which this release no longer ships.`,
    );
  }
  return bank;
}
