/**
 * The printable report and the links that open it in a browser.
 *
 * GET /inspections/{id}/report      the report (HTML) for a signed-in user, from the last snapshot
 *                                   (computed on the spot when there is none yet)
 * POST /inspections/{id}/report-links  a capability link: <origin>/reports/<token>, 128 random bits,
 *                                   stored only as its SHA-256 with the inspection and an expiry
 * GET /inspections/{id}/report-links          the links made (id, made, expires, withdrawn), never a token
 * DELETE /inspections/{id}/report-links/{linkId}  withdraws one: it then answers 410
 * GET /reports/{token}              the same report, for whoever holds the link (404 unknown, 410 expired)
 * GET /reports/{token}/summary.json|csv   the report's downloads, with the same link
 *
 * (The report's stylesheet, GET /report.css, is functions/report-css.ts: public, with no table access.)
 *
 * The HTML routes answer with GOV.UK pages, not problem+json, when something is wrong: a person
 * reads them. Nothing from a token goes into a log.
 */
import type { Summary } from '../shared/domain/aggregate';
import { currentSummary, summaryForLink } from '../shared/domain/summary-read';
import { requireInspection } from '../shared/domain/inspections';
import { hashToken, isWellFormedToken, newToken, publicOrigin } from '../shared/domain/invitation-tokens';
import { summaryToCsv } from '../shared/domain/summary-csv';
import { DomainError, Gone, NotFound } from '../shared/http/errors';
import { html, httpHandler, json, type HttpReply, type HttpRequest } from '../shared/http/handler';
import { log, safeErrorFields } from '../shared/http/log';
import { getReportLink, listReportLinks, putReportLink, revokeReportLink } from '../shared/store/report-links';
import { reportPage, reportProblemPage, type ReportDownloads } from '../shared/web/report';

export const DEFAULT_REPORT_LINK_HOURS = 24;

async function summaryOf(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  // The first read of a new inspection computes it rather than answering "not yet".
  return currentSummary(id);
}

class LinkWithdrawn extends Gone {}

/** The inspection a report link opens, or NotFound / Gone. */
async function inspectionOfLink(token: string): Promise<string> {
  const link = isWellFormedToken(token) ? await getReportLink(hashToken(token)) : undefined;
  if (!link) throw new NotFound('No such report link.');
  if (link.revokedAt) throw new LinkWithdrawn('This report link has been withdrawn. Ask for a new one.');
  if (Date.parse(link.expiresAt) <= Date.now()) throw new Gone('This report link has expired. Ask for a new one.');
  return link.inspectionId;
}

function csvReply(summary: Summary): HttpReply {
  return {
    status: 200,
    body: summaryToCsv(summary),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'content-disposition': `attachment; filename="${summary.inspectionId}-summary.csv"` },
  };
}

/** Renders a report, or the GOV.UK page for whatever stopped it. */
async function reportHtml(correlationId: string, build: () => Promise<{ summary: Summary; downloads: ReportDownloads }>): Promise<HttpReply> {
  try {
    const { summary, downloads } = await build();
    return html(200, reportPage(summary, { downloads }), { 'x-robots-tag': 'noindex, nofollow' });
  } catch (error) {
    if (error instanceof NotFound) return html(404, reportProblemPage('not-found'));
    if (error instanceof LinkWithdrawn) return html(410, reportProblemPage('withdrawn'));
    if (error instanceof Gone) return html(410, reportProblemPage('expired'));
    if (error instanceof DomainError) return html(error.status, reportProblemPage('problem'));
    log('error', 'report page failed', { correlationId, ...safeErrorFields(error) });
    return html(500, reportProblemPage('problem'));
  }
}

export const handler = httpHandler(
  [
    'GET /inspections/{id}/report',
    'POST /inspections/{id}/report-links',
    'GET /inspections/{id}/report-links',
    'DELETE /inspections/{id}/report-links/{linkId}',
    'GET /reports/{token}',
    'GET /reports/{token}/summary.json',
    'GET /reports/{token}/summary.csv',
  ],
  async (request: HttpRequest): Promise<HttpReply> => {
    const { route, params, query, user, event, correlationId } = request;
    switch (`${route.method} ${route.path}`) {
      case 'GET /inspections/{id}/report':
        return reportHtml(correlationId, async () => {
          const summary = await summaryOf(params.id ?? '');
          const base = `/inspections/${encodeURIComponent(summary.inspectionId)}/summary`;
          return { summary, downloads: { json: base, csv: `${base}?format=csv` } };
        });

      case 'POST /inspections/{id}/report-links': {
        const inspection = await requireInspection(params.id ?? '');
        const hours = query.expiresInHours ? Number(query.expiresInHours) : DEFAULT_REPORT_LINK_HOURS;
        const token = newToken();
        const linkId = crypto.randomUUID();
        const now = new Date();
        const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
        await putReportLink(hashToken(token), {
          linkId,
          inspectionId: inspection.inspectionId,
          createdAt: now.toISOString(),
          createdBy: user!.sub,
          expiresAt,
        });
        const url = `${publicOrigin(event.headers ?? {}, event.requestContext?.domainName)}/reports/${token}`;
        return json(201, { inspectionId: inspection.inspectionId, id: linkId, url, expiresAt });
      }

      case 'GET /inspections/{id}/report-links': {
        const { inspectionId } = await requireInspection(params.id ?? '');
        return json(200, { inspectionId, links: await listReportLinks(inspectionId) });
      }

      case 'DELETE /inspections/{id}/report-links/{linkId}': {
        const { inspectionId } = await requireInspection(params.id ?? '');
        const linkId = params.linkId ?? '';
        if (!/^[0-9a-f-]{36}$/.test(linkId) || !(await revokeReportLink(inspectionId, linkId))) {
          throw new NotFound(`No report link ${linkId.slice(0, 40)} in inspection ${inspectionId}.`);
        }
        return json(200, { inspectionId, id: linkId, revoked: true });
      }

      case 'GET /reports/{token}':
        return reportHtml(correlationId, async () => {
          const token = params.token ?? '';
          const summary = summaryForLink(await summaryOf(await inspectionOfLink(token)));
          const base = `/reports/${encodeURIComponent(token)}`;
          return { summary, downloads: { json: `${base}/summary.json`, csv: `${base}/summary.csv` } };
        });

      case 'GET /reports/{token}/summary.json':
        return json(200, summaryForLink(await summaryOf(await inspectionOfLink(params.token ?? ''))));

      case 'GET /reports/{token}/summary.csv':
        return csvReply(summaryForLink(await summaryOf(await inspectionOfLink(params.token ?? ''))));

      default:
        throw new NotFound('No such route.');
    }
  },
);
