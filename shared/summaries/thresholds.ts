/**
 * The disclosure rule's numbers (contract, "Disclosure control"), apart from the rule's code
 * (./disclosure.ts) so that scoring can use them without importing the questionnaires.
 */

/** The Government Statistical Service's mark for a suppressed figure. */
export const SUPPRESSED = '[c]';
/** Counts of fewer people than this are suppressed (zero included). */
export const SUPPRESSION_THRESHOLD = 3;
/** A score over fewer cases than this is suppressed. */
export const SCORE_MIN_CASES = 5;
