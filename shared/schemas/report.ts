import * as z from 'zod/mini';

/** `POST /inspections/{id}/report-links` -> 201. The link is shown this once; only its token's hash is stored. */
export const ReportLinkCreated = z.object({
  inspectionId: z.string(),
  /** The link's id, to withdraw it with DELETE /inspections/{id}/report-links/{linkId}. */
  id: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  /** Set when the link opens a release (frozen) rather than the live report. */
  releaseId: z.optional(z.string()),
});
export type ReportLinkCreated = z.infer<typeof ReportLinkCreated>;

/** `GET /inspections/{id}/report-links` -> 200: the links made for an inspection (never their tokens). */
export const ReportLinkList = z.object({
  inspectionId: z.string(),
  links: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string(), revoked: z.boolean(), releaseId: z.optional(z.string()) })),
});
export type ReportLinkList = z.infer<typeof ReportLinkList>;

/** `DELETE /inspections/{id}/report-links/{linkId}` -> 200. */
export const ReportLinkWithdrawn = z.object({ inspectionId: z.string(), id: z.string(), revoked: z.literal(true) });
