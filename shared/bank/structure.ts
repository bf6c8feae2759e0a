/**
 * Every published bank without its question texts, by version: for code that never shows a
 * question (checking ids, scoring), so that its bundle carries no texts. A new bank version
 * is registered here too (see CONTRIBUTING.md).
 */
import type { BankStructure } from '../schemas/bank';
import { deepFreeze } from '../core/freeze';
import { omi2008_1Structure } from './omi-2008.1.structure';

const structures: ReadonlyMap<string, BankStructure> = new Map(
  [omi2008_1Structure].map((bank) => [bank.version, deepFreeze(bank)] as const),
);

/** The structure of the bank with this version, or undefined when there is none. */
export function getBankStructure(version: string): BankStructure | undefined {
  return structures.get(version);
}

/** The versions of every published bank, oldest first. */
export function bankStructureVersions(): string[] {
  return [...structures.keys()];
}
