/**
 * The printable report and the links that open it in a browser.
 *
 * GET /inspections/{id}/report      the report (HTML) for a signed-in user, from the last snapshot
 * POST /inspections/{id}/report-links  a capability link (shared/domain/report-links.ts)
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
import { DomainError, Gone, NotFound } from '../shared/core/errors';
import { log, safeErrorFields } from '../shared/core/log';
import type { Summary } from '../shared/schemas/summary';
import type { WriteUp } from '../shared/schemas/write-up';
import {
  createReportLink,
  DEFAULT_REPORT_LINK_HOURS,
  inspectionOfReportLink,
  ReportLinkWithdrawn,
  reportLinksOf,
  withdrawReportLink,
} from '../shared/domain/report-links';
import { latestSummary, summaryDownload } from '../shared/domain/summary';
import { summaryForLink } from '../shared/domain/summary-read';
import { writeUpOf } from '../shared/domain/write-up';
import { download, html, httpHandler, json, type HttpReply, type RouteHandler } from '../shared/http/handler';
import { publicOrigin } from '../shared/http/request';
import { reportPage, reportProblemPage, type ReportDownloads } from '../shared/web/report';

type Built = { summary: Summary; downloads: ReportDownloads; writeUp?: WriteUp };

/**
 * Renders a report, or the GOV.UK page for whatever stopped it. Signed-in staff get the draft
 * with everything; a report link shows what is published.
 */
async function reportHtml(correlationId: string, lang: 'en' | 'cy', audience: 'staff' | 'published', build: () => Promise<Built>): Promise<HttpReply> {
  try {
    const { summary, downloads, writeUp } = await build();
    return html(200, reportPage(summary, { downloads, writeUp, lang, audience }), { 'x-robots-tag': 'noindex, nofollow' });
  } catch (error) {
    if (error instanceof NotFound) return html(404, reportProblemPage('not-found', lang));
    if (error instanceof ReportLinkWithdrawn) return html(410, reportProblemPage('withdrawn', lang));
    if (error instanceof Gone) return html(410, reportProblemPage('expired', lang));
    if (error instanceof DomainError) return html(error.status, reportProblemPage('problem', lang));
    log('error', 'report page failed', { correlationId, ...safeErrorFields(error) });
    return html(500, reportProblemPage('problem', lang));
  }
}

function csvReply(summary: Summary): HttpReply {
  const { filename, csv } = summaryDownload(summary);
  return download(csv, filename);
}

const inspectionReport: RouteHandler<'GET /inspections/{id}/report'> = async ({ params, query, correlationId }) =>
  reportHtml(correlationId, query.lang ?? 'en', 'staff', async () => {
    const [summary, { writeUp }] = await Promise.all([latestSummary(params.id), writeUpOf(params.id)]);
    const base = `/inspections/${encodeURIComponent(summary.inspectionId)}/summary`;
    return { summary, writeUp, downloads: { json: base, csv: `${base}?format=csv` } };
  });

const postReportLink: RouteHandler<'POST /inspections/{id}/report-links'> = async ({ params, query, user, event }) => {
  const hours = query.expiresInHours ? Number(query.expiresInHours) : DEFAULT_REPORT_LINK_HOURS;
  return json(201, await createReportLink(params.id, hours, user, publicOrigin(event)));
};

const listReportLinks: RouteHandler<'GET /inspections/{id}/report-links'> = async ({ params }) => json(200, await reportLinksOf(params.id));

const deleteReportLink: RouteHandler<'DELETE /inspections/{id}/report-links/{linkId}'> = async ({ params }) =>
  json(200, await withdrawReportLink(params.id, params.linkId));

/** What a link holder may see: the summary without who recorded each conclusion. */
async function linkedSummary(token: string): Promise<Summary> {
  return summaryForLink(await latestSummary(await inspectionOfReportLink(token)));
}

const linkedReport: RouteHandler<'GET /reports/{token}'> = async ({ params, query, correlationId }) =>
  reportHtml(correlationId, query.lang ?? 'en', 'published', async () => {
    const summary = await linkedSummary(params.token);
    const { writeUp } = await writeUpOf(summary.inspectionId);
    const base = `/reports/${encodeURIComponent(params.token)}`;
    return { summary, writeUp, downloads: { json: `${base}/summary.json`, csv: `${base}/summary.csv` } };
  });

const linkedSummaryJson: RouteHandler<'GET /reports/{token}/summary.json'> = async ({ params }) =>
  json(200, await linkedSummary(params.token));

const linkedSummaryCsv: RouteHandler<'GET /reports/{token}/summary.csv'> = async ({ params }) =>
  csvReply(await linkedSummary(params.token));

export const handler = httpHandler({
  'GET /inspections/{id}/report': inspectionReport,
  'POST /inspections/{id}/report-links': postReportLink,
  'GET /inspections/{id}/report-links': listReportLinks,
  'DELETE /inspections/{id}/report-links/{linkId}': deleteReportLink,
  'GET /reports/{token}': linkedReport,
  'GET /reports/{token}/summary.json': linkedSummaryJson,
  'GET /reports/{token}/summary.csv': linkedSummaryCsv,
});
