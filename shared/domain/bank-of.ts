import { getBank } from '#bank/index';
import type { QuestionBank } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';
import { bankNotShipped } from './bank-structure-of';

/** The bank the inspection was created with: a later bank never changes an old inspection's meaning. */
export function bankOf(inspection: Inspection): QuestionBank {
  const bank = getBank(inspection.questionBankVersion);
  if (!bank) throw bankNotShipped(inspection);
  return bank;
}
