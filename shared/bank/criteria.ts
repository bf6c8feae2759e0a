/**
 * The criteria of each published bank, without its questions: authored in
 * ./<version>.criteria.ts and read from shared/texts/bank/<version>.criteria.json when first
 * needed (shared/text-files.ts), so no bundle carries them.
 */
import type { Criterion } from '#schemas/bank';
import { readTextFile } from '#shared/text-files';
import { PUBLISHED_BANK_VERSIONS } from './current';

/** The criteria of the bank with this version (frozen), or undefined when there is none. */
export function criteriaOf(version: string): readonly Criterion[] | undefined {
  if (!PUBLISHED_BANK_VERSIONS.includes(version)) return undefined;
  return readTextFile(`bank/${version}.criteria.json`) as readonly Criterion[];
}
