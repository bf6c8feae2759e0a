/**
 * Report links: capability links (<origin>/reports/<token>, 128 random bits, stored only as
 * the token's SHA-256) that open one inspection's report in a browser, which cannot send a
 * bearer token. Each has an id, so it can be listed and withdrawn without the token.
 */
import { Gone, NotFound } from '../core/errors';
import type { User } from '../core/roles';
import { getReportLink, type ListedReportLink, listReportLinks, putReportLink, revokeReportLink } from '../store/report-links';
import { requireInspection } from './inspections';
import { requireRelease } from './releases';
import { hashToken, isWellFormedToken, newToken } from './invitation-tokens';

export const DEFAULT_REPORT_LINK_HOURS = 24;

/** A withdrawn link: 410 like an expired one, with its own words on the page. */
export class ReportLinkWithdrawn extends Gone {}

export async function createReportLink(
  inspectionId: string,
  hours: number,
  user: User,
  origin: string,
  releaseId?: string,
): Promise<{ inspectionId: string; id: string; url: string; expiresAt: string; releaseId?: string }> {
  const inspection = releaseId === undefined ? await requireInspection(inspectionId) : (await requireRelease(inspectionId, releaseId)).inspection;
  const release = releaseId === undefined ? {} : { releaseId };
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
    ...release,
  });
  return { inspectionId: inspection.inspectionId, id: linkId, url: `${origin}/reports/${token}`, expiresAt, ...release };
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

/** What a report link opens (an inspection's live report, or one of its releases), or NotFound / ReportLinkWithdrawn / Gone. */
export async function reportLinkTarget(token: string): Promise<{ inspectionId: string; releaseId?: string }> {
  const link = isWellFormedToken(token) ? await getReportLink(hashToken(token)) : undefined;
  if (!link) throw new NotFound('No such report link.');
  if (link.revokedAt) throw new ReportLinkWithdrawn('This report link has been withdrawn. Ask for a new one.');
  if (Date.parse(link.expiresAt) <= Date.now()) throw new Gone('This report link has expired. Ask for a new one.');
  return { inspectionId: link.inspectionId, ...(link.releaseId ? { releaseId: link.releaseId } : {}) };
}
