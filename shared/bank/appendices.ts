/**
 * The report's fixed appendices published with a question bank (issue 28): Appendix 3 (the
 * inspection model, methodology and publication arrangements) and Appendix 5 (the role of the
 * inspectorate, its code of practice and where to write), in English and Welsh. They describe
 * the inspection the bank belongs to, so an inspection keeps the words of its own bank for good.
 * Authored in ./appendices-<version>.ts and read from shared/texts/bank/<bank>.appendices.json
 * when first needed (shared/text-files.ts), so no bundle carries them.
 */
import { readTextFile } from '#shared/text-files';
import { PUBLISHED_BANK_VERSIONS } from './current';

/** A bullet, with a list under it and words after that list when the report has them. */
export type FixedItem = string | { text: string; items: readonly string[]; after?: string };
export type FixedBlock = { p: string } | { list: readonly FixedItem[] } | { address: readonly string[] };

export interface FixedAppendix {
  /** Its number in the report: 3 or 5. */
  number: number;
  /** The anchor in the report and its contents list. */
  id: string;
  title: string;
  parts: readonly { heading: string; blocks: readonly FixedBlock[] }[];
}

export interface FixedAppendices {
  version: string;
  en: readonly FixedAppendix[];
  cy: readonly FixedAppendix[];
}

/** The fixed appendices published with this bank, or undefined when it has none. */
export function fixedAppendicesFor(bankVersion: string): FixedAppendices | undefined {
  if (!PUBLISHED_BANK_VERSIONS.includes(bankVersion)) return undefined;
  return readTextFile(`bank/${bankVersion}.appendices.json`) as FixedAppendices;
}
