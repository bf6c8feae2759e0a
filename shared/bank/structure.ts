/**
 * Every published bank without its question texts, by version: for code that never shows a
 * question (checking ids, scoring). The criteria and the questions' ids, criteria and flags are
 * authored in ./<version>.criteria.ts and ./<version>.structure.ts and read from the JSON files
 * written from them (shared/text-files.ts) when first needed, so no bundle carries them. A new
 * bank version is registered in ./current.ts (see CONTRIBUTING.md).
 */
import { deepFreeze } from '#core/freeze';
import type { BankStructure } from '#schemas/bank';
import { readTextFile } from '#shared/text-files';
import { criteriaOf } from './criteria';
import { PUBLISHED_BANK_VERSIONS } from './current';

const structures = new Map<string, BankStructure>();

/** The structure of the bank with this version, or undefined when there is none. */
export function getBankStructure(version: string): BankStructure | undefined {
  const known = structures.get(version);
  if (known) return known;
  const criteria = criteriaOf(version);
  if (!criteria) return undefined;
  const questions = readTextFile(`bank/${version}.questions.json`) as BankStructure['questions'];
  const structure: BankStructure = deepFreeze({ version, criteria: criteria as BankStructure['criteria'], questions });
  structures.set(version, structure);
  return structure;
}

/** The versions of every published bank, oldest first. */
export function bankStructureVersions(): string[] {
  return [...PUBLISHED_BANK_VERSIONS];
}
