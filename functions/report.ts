/**
 * The printable report and the links that open it in a browser.
 *
 * GET /inspections/{id}/report      the report (HTML) for a signed-in user, from the last snapshot
 * POST /inspections/{id}/report-links  a capability link (shared/domain/report-links.ts)
 * GET /inspections/{id}/report-links          the links made (id, made, expires, withdrawn), never a token
 * DELETE /inspections/{id}/report-links/{linkId}  withdraws one: it then answers 410
 *
 * What a link opens (GET /reports/{token}...) is functions/report-link.ts: read-only, apart from these.
 * (The report's stylesheet, GET /report.css, is functions/report-css.ts: public, with no table access.)
 *
 * The HTML routes answer with GOV.UK pages, not problem+json, when something is wrong: a person
 * reads them. Nothing from a token goes into a log.
 */
import { createReportLink, DEFAULT_REPORT_LINK_HOURS, reportLinksOf, withdrawReportLink } from '#domain/report-links';
import { latestSummary } from '#domain/summary';
import { writeUpOf } from '#domain/write-up';
import { reportHtml } from '#http/report-replies';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { reportRoutes } from '#route-table/report';
import { publicOrigin } from '#http/request';

const inspectionReport: RouteHandler<'GET /inspections/{id}/report'> = async ({ params, query, correlationId }) =>
  reportHtml(
    correlationId,
    async () => {
      const [summary, { writeUp }] = await Promise.all([latestSummary(params.id), writeUpOf(params.id)]);
      const base = `/inspections/${encodeURIComponent(summary.inspectionId)}/summary`;
      return { summary, writeUp, downloads: { json: base, csv: `${base}?format=csv` } };
    },
    { lang: query.lang ?? 'en', audience: 'staff' },
  );

const postReportLink: RouteHandler<'POST /inspections/{id}/report-links'> = async ({ params, query, body, user, event }) => {
  const hours = query.expiresInHours ? Number(query.expiresInHours) : DEFAULT_REPORT_LINK_HOURS;
  return json(201, await createReportLink(params.id, hours, user, publicOrigin(event), { releaseId: query.releaseId, draft: body.draft }));
};

const listReportLinks: RouteHandler<'GET /inspections/{id}/report-links'> = async ({ params }) => json(200, await reportLinksOf(params.id));

const deleteReportLink: RouteHandler<'DELETE /inspections/{id}/report-links/{linkId}'> = async ({ params }) =>
  json(200, await withdrawReportLink(params.id, params.linkId));

export const handler = httpHandler(reportRoutes, {
  'GET /inspections/{id}/report': inspectionReport,
  'POST /inspections/{id}/report-links': postReportLink,
  'GET /inspections/{id}/report-links': listReportLinks,
  'DELETE /inspections/{id}/report-links/{linkId}': deleteReportLink,
});
