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
  /** Transferred in from another area during the sentence (the Kent report's 2.2 counts them apart). */
  transferred: z.optional(z.boolean()),
});
export type CaseProfile = z.infer<typeof CaseProfile>;

/**
 * Answers keyed by question id; a question left out is unanswered (never `na`), and a case with
 * an unanswered question its type takes is unfinished. Checked against the bank separately.
 */
export const CaseAnswers = z.record(z.string(), Judgement);

export const CaseInput = z.strictObject({
  profile: CaseProfile,
  answers: CaseAnswers,
});
export type CaseInput = z.infer<typeof CaseInput>;

/** A case as stored: what was sent, plus its version and who changed it last, when. */
export const StoredCase = z.object({
  caseRef: z.string(),
  profile: CaseProfile,
  answers: CaseAnswers,
  version: z.int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type StoredCase = z.infer<typeof StoredCase>;

export const CaseRecorded = z.object({ inspectionId: z.string(), caseRef: z.string(), outcome: z.enum(['created', 'replaced']) });
/** `finished`: every question the case type takes has an answer (yes, no or na); unfinished cases stay out of the figures. */
export const ListedCase = z.extend(StoredCase, { finished: z.boolean() });
export type ListedCase = z.infer<typeof ListedCase>;
export const CaseWithHistory = z.extend(ListedCase, { earlierVersions: z.array(StoredCase) });
export const CaseList = z.object({ cases: z.array(ListedCase), nextCursor: z.optional(z.string()) });
export const CasesImported = z.object({ imported: z.int(), created: z.int(), replaced: z.int() });
