import * as z from 'zod/mini';

/** The words a link to the live draft carries on its page and in its files. */
export const DRAFT_NOTICE = 'Draft, not published';

/**
 * `POST /inspections/{id}/report-links` body (optional): `draft: true` (admins only) opens the
 * live draft instead of the latest release, for at most 7 days.
 */
export const CreateReportLink = z.strictObject({ draft: z.optional(z.boolean()) });

/** What a link opens, said the same way when it is made and when it is listed. */
const linkOpens = {
  /** The release the link opens (frozen): the latest when none was asked for. */
  releaseId: z.optional(z.string()),
  /** True for a link to the live draft, which says "Draft, not published" on its page and files. */
  draft: z.optional(z.literal(true)),
};

/** `POST /inspections/{id}/report-links` -> 201. The link is shown this once; only its token's hash is stored. */
export const ReportLinkCreated = z.object({
  inspectionId: z.string(),
  /** The link's id, to withdraw it with DELETE /inspections/{id}/report-links/{linkId}. */
  id: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  ...linkOpens,
});
export type ReportLinkCreated = z.infer<typeof ReportLinkCreated>;

/** `GET /inspections/{id}/report-links` -> 200: the links made for an inspection (never their tokens). */
export const ReportLinkList = z.object({
  inspectionId: z.string(),
  links: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      expiresAt: z.string(),
      revoked: z.boolean(),
      ...linkOpens,
    }),
  ),
});
export type ReportLinkList = z.infer<typeof ReportLinkList>;

/** `DELETE /inspections/{id}/report-links/{linkId}` -> 200. */
export const ReportLinkWithdrawn = z.object({ inspectionId: z.string(), id: z.string(), revoked: z.literal(true) });

/**
 * Where a final release's contents list gets its line for the improvement plan annex, which the
 * area sends weeks after the release is frozen: a report link fills it in when it serves the
 * page; every other route empties it, so the release's own bytes never change. An HTML comment:
 * authored text is escaped when rendered, so it can never spell one.
 */
export const FROZEN_ANNEX_SLOT = '<!--omi-plan-annex-->';
