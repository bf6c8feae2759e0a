/**
 * The printable report and the links that open it in a browser.
 *
 * GET /inspections/{id}/report      the report (HTML) for a signed-in user, from the last snapshot
 * POST /inspections/{id}/report-links  a capability link (shared/domain/report-links.ts)
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
import type { Summary } from '../shared/domain/aggregate';
import { createReportLink, DEFAULT_REPORT_LINK_HOURS, inspectionOfReportLink } from '../shared/domain/report-links';
import { latestSummary, summaryDownload } from '../shared/domain/summary';
import { download, html, httpHandler, json, type HttpReply, type RouteHandler } from '../shared/http/handler';
import { publicOrigin } from '../shared/http/request';
import { reportPage, reportProblemPage, type ReportDownloads } from '../shared/web/report';

/** Renders a report, or the GOV.UK page for whatever stopped it. */
async function reportHtml(correlationId: string, build: () => Promise<{ summary: Summary; downloads: ReportDownloads }>): Promise<HttpReply> {
  try {
    const { summary, downloads } = await build();
    return html(200, reportPage(summary, { downloads }), { 'x-robots-tag': 'noindex, nofollow' });
  } catch (error) {
    if (error instanceof NotFound) return html(404, reportProblemPage('not-found'));
    if (error instanceof Gone) return html(410, reportProblemPage('expired'));
    if (error instanceof DomainError) return html(error.status, reportProblemPage('problem'));
    log('error', 'report page failed', { correlationId, ...safeErrorFields(error) });
    return html(500, reportProblemPage('problem'));
  }
}

function csvReply(summary: Summary): HttpReply {
  const { filename, csv } = summaryDownload(summary);
  return download(csv, filename);
}

const inspectionReport: RouteHandler<'GET /inspections/{id}/report'> = async ({ params, correlationId }) =>
  reportHtml(correlationId, async () => {
    const summary = await latestSummary(params.id);
    const base = `/inspections/${encodeURIComponent(summary.inspectionId)}/summary`;
    return { summary, downloads: { json: base, csv: `${base}?format=csv` } };
  });

const postReportLink: RouteHandler<'POST /inspections/{id}/report-links'> = async ({ params, query, user, event }) => {
  const hours = query.expiresInHours ? Number(query.expiresInHours) : DEFAULT_REPORT_LINK_HOURS;
  return json(201, await createReportLink(params.id, hours, user, publicOrigin(event)));
};

const linkedReport: RouteHandler<'GET /reports/{token}'> = async ({ params, correlationId }) =>
  reportHtml(correlationId, async () => {
    const summary = await latestSummary(await inspectionOfReportLink(params.token));
    const base = `/reports/${encodeURIComponent(params.token)}`;
    return { summary, downloads: { json: `${base}/summary.json`, csv: `${base}/summary.csv` } };
  });

const linkedSummaryJson: RouteHandler<'GET /reports/{token}/summary.json'> = async ({ params }) =>
  json(200, await latestSummary(await inspectionOfReportLink(params.token)));

const linkedSummaryCsv: RouteHandler<'GET /reports/{token}/summary.csv'> = async ({ params }) =>
  csvReply(await latestSummary(await inspectionOfReportLink(params.token)));

export const handler = httpHandler({
  'GET /inspections/{id}/report': inspectionReport,
  'POST /inspections/{id}/report-links': postReportLink,
  'GET /reports/{token}': linkedReport,
  'GET /reports/{token}/summary.json': linkedSummaryJson,
  'GET /reports/{token}/summary.csv': linkedSummaryCsv,
});
