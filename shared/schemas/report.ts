import * as z from 'zod/mini';

/** `POST /inspections/{id}/report-links` -> 201. The link is shown this once; only its token's hash is stored. */
export const ReportLinkCreated = z.object({
  inspectionId: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});
export type ReportLinkCreated = z.infer<typeof ReportLinkCreated>;
