import * as z from 'zod/mini';
import { CaseType } from './bank';

export const Judgement = z.enum(['yes', 'no', 'na']);
export type Judgement = z.infer<typeof Judgement>;

export const RohLevel = z.enum(['low', 'medium', 'high', 'very-high']);
export const Gender = z.enum(['male', 'female']);
export const Ethnicity = z.enum(['white', 'black', 'asian', 'mixed', 'other', 'not-recorded']);
export const Assessor = z.enum(['hmi', 'area']);

export const CaseProfile = z.strictObject({
  caseType: CaseType,
  tier: z.optional(z.int().check(z.minimum(1), z.maximum(4))),
  roh: z.optional(RohLevel),
  ppo: z.optional(z.boolean()),
  gender: z.optional(Gender),
  ethnicity: z.optional(Ethnicity),
  mappaLevel: z.optional(z.int().check(z.minimum(0), z.maximum(3))),
  approvedPremises: z.optional(z.boolean()),
  statutoryVictimContact: z.optional(z.boolean()),
  assessor: z.optional(Assessor),
});
export type CaseProfile = z.infer<typeof CaseProfile>;

/** Answers keyed by question id; a question left out counts as `na`. Checked against the bank separately. */
export const CaseAnswers = z.record(z.string(), Judgement);

export const CaseInput = z.strictObject({
  profile: CaseProfile,
  answers: CaseAnswers,
});
export type CaseInput = z.infer<typeof CaseInput>;
