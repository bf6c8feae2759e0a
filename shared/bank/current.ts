/**
 * The bank a new inspection is created with. An inspection keeps its version for good.
 * A module of its own so that code needing only the version does not bundle the bank.
 */
export const CURRENT_BANK_VERSION = 'omi-2008.1';

/**
 * Every published bank, oldest first. An inspection keeps its bank for good, so none is ever
 * taken out; each has its definition in shared/texts/bank/ (see shared/bank/structure.ts).
 */
export const PUBLISHED_BANK_VERSIONS: readonly string[] = Object.freeze(['omi-2008.1']);
