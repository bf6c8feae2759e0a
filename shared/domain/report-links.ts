/**
 * Report links: capability links (<origin>/reports/<token>, 128 random bits, stored only as
 * the token's SHA-256) that open one inspection's report in a browser, which cannot send a
 * bearer token.
 */
import { Gone, NotFound } from '../core/errors';
import type { User } from '../core/roles';
import { getReportLink, putReportLink } from '../store/report-links';
import { requireInspection } from './inspections';
import { hashToken, isWellFormedToken, newToken } from './invitation-tokens';

export const DEFAULT_REPORT_LINK_HOURS = 24;

export async function createReportLink(
  inspectionId: string,
  hours: number,
  user: User,
  origin: string,
): Promise<{ inspectionId: string; url: string; expiresAt: string }> {
  const inspection = await requireInspection(inspectionId);
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  await putReportLink(hashToken(token), {
    inspectionId: inspection.inspectionId,
    createdAt: now.toISOString(),
    createdBy: user.sub,
    expiresAt,
  });
  return { inspectionId: inspection.inspectionId, url: `${origin}/reports/${token}`, expiresAt };
}

/** The inspection a report link opens, or NotFound / Gone. */
export async function inspectionOfReportLink(token: string): Promise<string> {
  const link = isWellFormedToken(token) ? await getReportLink(hashToken(token)) : undefined;
  if (!link) throw new NotFound('No such report link.');
  if (Date.parse(link.expiresAt) <= Date.now()) throw new Gone('This report link has expired. Ask for a new one.');
  return link.inspectionId;
}
