import { getBankStructure } from '#bank/structure';
import { Conflict } from '#core/errors';
import type { BankStructure } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';

/** An inspection whose bank this release no longer ships: bankOf and bankStructureOf refuse it in the same words. */
export const bankNotShipped = (inspection: Inspection) =>
  new Conflict(`Inspection ${inspection.inspectionId} uses question bank ${inspection.questionBankVersion}, which this release no longer ships.`);

/**
 * The structure (no question texts) of the bank the inspection was created with: bankOf
 * (./bank-of.ts) for code that only checks ids, so that its bundle carries no texts.
 */
export function bankStructureOf(inspection: Inspection): BankStructure {
  const bank = getBankStructure(inspection.questionBankVersion);
  if (!bank) throw bankNotShipped(inspection);
  return bank;
}
