/**
 * The bank a new inspection is created with. An inspection keeps its version for good.
 * A module of its own so that code needing only the version does not bundle the bank.
 */
export const CURRENT_BANK_VERSION = 'omi-2008.1';
