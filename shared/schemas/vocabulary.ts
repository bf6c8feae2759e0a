/**
 * The fixed word lists the schemas and the code share (sample keys, quantity words, the area
 * context's parts), in a module without zod: scoring and the summaries use the words, and a
 * value imported from a schema module would bring zod's runtime (about 30 KB) into the
 * aggregation worker, which validates nothing. The schemas re-export them.
 */

/** The contract's quantity words, from p = 1 down to p = 0 (the words are in the contract's table). */
export const QUANTITY_WORDS = [
  'all',
  'all but one',
  'the vast majority',
  'most',
  'just over half',
  'half',
  'just under half',
  'a significant minority',
  'a small number',
  'none',
] as const;

export const NOT_RECORDED = 'not-recorded';
export const SAMPLE_KEYS = {
  caseType: ['community', 'licence', 'custody'],
  gender: ['male', 'female'],
  ethnicity: ['white', 'black', 'asian', 'mixed', 'other'],
  roh: ['low', 'medium', 'high', 'very-high'],
  mappaLevel: ['0', '1', '2', '3'],
  assessor: ['hmi', 'area'],
  tier: ['1', '2', '3', '4'],
} as const;

export const CONTEXT_KEYS = {
  byGender: ['male', 'female', 'not-recorded'],
  /** `minority-ethnic`: every group but white, for an area that gives only that split (Kent's Appendix 2 does). */
  byEthnicity: ['white', 'black', 'asian', 'mixed', 'other', 'minority-ethnic', 'not-recorded'],
  byCaseType: ['community', 'licence', 'custody'],
} as const;

/** The MAPPA levels an area's caseload is given by (Appendix 2); level 0 is everyone else. */
export const MAPPA_LEVELS = ['1', '2', '3'] as const;

/** The parts of Appendix 2 beyond the caseload's make-up (schemas/area-figures.ts), by name, for code that carries no zod. */
export const AREA_FIGURE_KEYS = ['caseloadAt', 'mappaPercent', 'ppoPercent', 'ppoDefinition', 'revenueBudgets', 'approvedPremises'] as const;

/** The kinds of case a sample must hold enough of (the Kent report's Appendix 2 and methodology). */
export const MINIMUM_KINDS = ['female', 'minorityEthnic', 'highRoh', 'ppo', 'approvedPremises', 'statutoryVictimContact'] as const;

/** Who a meeting met in person (contract, "Meetings and the improvement plan"). */
export const MEETING_AUDIENCES = ['offender', 'victim', 'sentencer', 'offender-manager', 'key-worker', 'partner', 'other'] as const;
