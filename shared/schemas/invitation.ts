import * as z from 'zod/mini';

export const Audience = z.enum(['offender', 'victim', 'sentencer']);
export type Audience = z.infer<typeof Audience>;
export const Language = z.enum(['en', 'cy']);
export type Language = z.infer<typeof Language>;

export const CreateInvitations = z.strictObject({
  audience: Audience,
  count: z.int().check(z.minimum(1), z.maximum(1000)),
  language: Language,
  /** An ISO date (the end of that day, UTC) or date-time. */
  expiresAt: z.optional(
    z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, 'Use an ISO date such as 2026-12-31'),
      z.refine((s) => expiryTime(s) > Date.now(), 'The expiry must be in the future'),
    ),
  ),
});
export type CreateInvitations = z.infer<typeof CreateInvitations>;

export const ResponseBody = z.strictObject({
  answers: z.record(z.string().check(z.maxLength(64)), z.unknown()),
});

export function expiryTime(s: string): number {
  return Date.parse(s.length === 10 ? `${s}T23:59:59Z` : s);
}

/** `POST /inspections/{id}/invitations` -> 201. Each token is shown this once; only its hash is stored. */
export const CreatedInvitations = z.object({
  inspectionId: z.string(),
  batchId: z.string(),
  audience: Audience,
  language: Language,
  questionnaireVersion: z.string(),
  expiresAt: z.optional(z.string()),
  invitations: z.array(z.object({ invitationId: z.string(), token: z.string(), url: z.string(), reference: z.string() })),
});
export type CreatedInvitations = z.infer<typeof CreatedInvitations>;

/** A batch as listed, and as `POST .../invitations/{batchId}/sent` answers. */
export const InvitationBatchListed = z.object({
  batchId: z.optional(z.string()),
  audience: Audience,
  language: Language,
  count: z.number(),
  expiresAt: z.optional(z.string()),
  createdAt: z.optional(z.string()),
  createdBy: z.optional(z.string()),
  recoverableUntil: z.optional(z.string()),
  sentAt: z.optional(z.string()),
});

/** `POST /questionnaires/{token}/responses` -> 201. */
export const ResponseReceived = z.object({ status: z.literal('received'), questionnaireVersion: z.string(), submittedAt: z.string() });

/** `POST /inspections/{id}/paper-responses`: a paper questionnaire's answers, entered against its reference. */
export const PaperResponseBody = z.strictObject({
  reference: z.string().check(z.minLength(1), z.maxLength(32)),
  answers: z.record(z.string().check(z.maxLength(64)), z.unknown()),
});
export type PaperResponseBody = z.infer<typeof PaperResponseBody>;

/** `POST /inspections/{id}/paper-responses` -> 201. */
export const PaperResponseReceived = z.object({
  status: z.literal('received'),
  channel: z.literal('paper'),
  reference: z.string(),
  invitationId: z.string(),
  audience: Audience,
  questionnaireVersion: z.string(),
  submittedAt: z.string(),
});
