/**
 * Report links: capability links (<origin>/reports/<token>, 128 random bits, stored only as
 * the token's SHA-256) that open one inspection's report in a browser, which cannot send a
 * bearer token. Each has an id, so it can be listed and withdrawn without the token.
 */
import { Conflict, Forbidden, Gone, InvalidInput, NotFound } from '#core/errors';
import type { Inspection } from '#schemas/inspection';
import type { User } from '#core/roles';
import { getReportLink, type ListedReportLink, listReportLinks, putReportLink, revokeReportLink } from '#store/report-links';
import { requireInspection } from './inspections';
import { currentSummary } from './summary-read';
import { releasesOf, requireRelease } from './releases';
import { hashToken, isWellFormedToken, newToken } from './invitation-tokens';

/** A link as the list shows it: the pages read the store's record through this use case. */
export type { ListedReportLink };

export const DEFAULT_REPORT_LINK_HOURS = 24;

/** A withdrawn link: 410 like an expired one, with its own words on the page. */
export class ReportLinkWithdrawn extends Gone {}

/** A link to the live draft lasts at most this long (contract, "An inspection's life cycle"). */
export const DRAFT_LINK_MAX_HOURS = 7 * 24;

/**
 * A report link opens a release: `releaseId`'s, or by default the latest (409 when there is
 * none yet). `draft: true` opens the live draft instead, and only an admin may make one: it
 * shows what has not been published.
 */
export async function createReportLink(
  inspectionId: string,
  hours: number,
  user: User,
  origin: string,
  target: { releaseId?: string; draft?: boolean } = {},
): Promise<{ inspectionId: string; id: string; url: string; expiresAt: string; releaseId?: string; draft?: true }> {
  if (target.draft && target.releaseId !== undefined)
    throw new InvalidInput([{ path: 'draft', message: 'A link opens either the live draft or a release, not both' }]);
  if (target.draft && !user.roles.includes('admin'))
    throw new Forbidden('Only an admin can make a link to the live draft: it shows what has not been published.');
  if (target.draft && hours > DRAFT_LINK_MAX_HOURS)
    throw new InvalidInput([{ path: 'expiresInHours', message: `A link to the draft lasts at most ${DRAFT_LINK_MAX_HOURS} hours (7 days)` }]);
  let inspection: Inspection;
  let opens: { releaseId: string } | { draft: true };
  if (target.draft) {
    inspection = await requireInspection(inspectionId);
    // The link's read-only function reads the last snapshot and never computes one: make sure there is one.
    await currentSummary(inspection.inspectionId);
    opens = { draft: true };
  } else if (target.releaseId !== undefined) {
    inspection = (await requireRelease(inspectionId, target.releaseId)).inspection;
    opens = { releaseId: target.releaseId };
  } else {
    inspection = await requireInspection(inspectionId);
    const latest = (await releasesOf(inspection.inspectionId)).releases.at(-1);
    if (!latest)
      throw new Conflict(
        'No release has been made yet, and a report link opens a release. Make a release first (an admin can also make a link to the live draft).',
      );
    opens = { releaseId: latest.releaseId };
  }
  const token = newToken();
  const linkId = crypto.randomUUID();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  await putReportLink(hashToken(token), {
    linkId,
    inspectionId: inspection.inspectionId,
    createdAt: now.toISOString(),
    createdBy: user.sub,
    expiresAt,
    ...opens,
  });
  return { inspectionId: inspection.inspectionId, id: linkId, url: `${origin}/reports/${token}`, expiresAt, ...opens };
}

export async function reportLinksOf(inspectionId: string): Promise<{ inspectionId: string; links: ListedReportLink[] }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return { inspectionId: id, links: await listReportLinks(id) };
}

export async function withdrawReportLink(inspectionId: string, linkId: string): Promise<{ inspectionId: string; id: string; revoked: true }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  if (!/^[0-9a-f-]{36}$/.test(linkId) || !(await revokeReportLink(id, linkId))) {
    throw new NotFound(`No report link ${linkId.slice(0, 40)} in inspection ${id}.`);
  }
  return { inspectionId: id, id: linkId, revoked: true };
}

/**
 * What a report link opens (one of the inspection's releases, or its live draft), or NotFound /
 * ReportLinkWithdrawn / Gone. A link without a release is a draft, whether it was made as one
 * or before releases were the default.
 */
export async function reportLinkTarget(token: string): Promise<{ inspectionId: string; releaseId: string } | { inspectionId: string; draft: true }> {
  const link = isWellFormedToken(token) ? await getReportLink(hashToken(token)) : undefined;
  if (!link) throw new NotFound('No such report link.');
  if (link.revokedAt) throw new ReportLinkWithdrawn('This report link has been withdrawn. Ask for a new one.');
  if (Date.parse(link.expiresAt) <= Date.now()) throw new Gone('This report link has expired. Ask for a new one.');
  return link.releaseId ? { inspectionId: link.inspectionId, releaseId: link.releaseId } : { inspectionId: link.inspectionId, draft: true };
}
