/**
 * The printable report and the links that open it in a browser.
 *
 * GET /inspections/{id}/report      the report (HTML) for a signed-in user, from the last snapshot
 * POST /inspections/{id}/report-links  a capability link (shared/domain/report-links.ts)
 * GET /inspections/{id}/report-links          the links made (id, made, expires, withdrawn), never a token
 * DELETE /inspections/{id}/report-links/{linkId}  withdraws one: it then answers 410
 * GET /reports/{token}              the same report, for whoever holds the link (404 unknown, 410 expired)
 * GET /reports/{token}/summary.json|csv   the report's downloads, with the same link
 * GET /reports/{token}/improvement-plan   the improvement plan annex of a final release, with the same link
 *
 * (The report's stylesheet, GET /report.css, is functions/report-css.ts: public, with no table access.)
 *
 * The HTML routes answer with GOV.UK pages, not problem+json, when something is wrong: a person
 * reads them. Nothing from a token goes into a log.
 */
import type { PublishedSummary, Summary } from '../shared/schemas/summary';
import type { WriteUp } from '../shared/schemas/write-up';
import {
  createReportLink,
  DEFAULT_REPORT_LINK_HOURS,
  reportLinkTarget,
  reportLinksOf,
  withdrawReportLink,
} from '../shared/domain/report-links';
import { latestSummary, summaryDownload } from '../shared/domain/summary';
import { summaryForLink } from '../shared/domain/summary-read';
import { writeUpOf } from '../shared/domain/write-up';
import { releasedFile } from '../shared/domain/releases';
import { frozenJson, reportHtml } from '../shared/http/report-replies';
import { download, httpHandler, json, type HttpReply, type RouteHandler } from '../shared/http/handler';
import { reportRoutes } from '../shared/route-table/report';
import { publicOrigin } from '../shared/http/request';
import { DRAFT_NOTICE } from '../shared/schemas/report';
import { hasPlanAnnex, publishedPlanAnnex } from '../shared/domain/improvement-plan';
import { annexContentsLine } from '../shared/web/report/report-front';
import { planAnnexPage } from '../shared/web/report/plan-annex';

function csvReply(summary: Summary | PublishedSummary): HttpReply {
  const { filename, csv } = summaryDownload(summary);
  return download(csv, filename);
}

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

/** What a link to the live draft may see and download: the published figures (see summaryForLink, narrowed by the write-up's settings), marked as the draft they are. */
async function linked(inspectionId: string): Promise<{ summary: PublishedSummary; writeUp: WriteUp }> {
  const [summary, { writeUp }] = await Promise.all([latestSummary(inspectionId), writeUpOf(inspectionId)]);
  return { summary: { ...summaryForLink(summary, writeUp), notice: DRAFT_NOTICE }, writeUp };
}
const linkedSummary = async (inspectionId: string) => (await linked(inspectionId)).summary;

const linkedReport: RouteHandler<'GET /reports/{token}'> = async ({ params, query, correlationId }) => {
  const base = `/reports/${encodeURIComponent(params.token)}`;
  const downloads = { json: `${base}/summary.json`, csv: `${base}/summary.csv` };
  const lang = query.lang === 'cy' ? 'cy' : 'en';
  return reportHtml(
    correlationId,
    async () => {
      const target = await reportLinkTarget(params.token);
      if (!('releaseId' in target)) return { ...(await linked(target.inspectionId)), downloads, draft: true };
      // A final release's contents gain the annex once the area's plan is frozen beside it (only a final one has the slot).
      const annex = (await hasPlanAnnex(target.inspectionId, target.releaseId)) ? `${base}/improvement-plan${lang === 'cy' ? '?lang=cy' : ''}` : null;
      return (await releasedFile(target.inspectionId, target.releaseId, lang, downloads, annexContentsLine(lang, annex))).body;
    },
    { lang: query.lang ?? 'en', audience: 'published' },
  );
};

const linkedPlanAnnex: RouteHandler<'GET /reports/{token}/improvement-plan'> = async ({ params, query, correlationId }) => {
  const lang = query.lang === 'cy' ? 'cy' : 'en';
  const reportHref = `/reports/${encodeURIComponent(params.token)}${lang === 'cy' ? '?lang=cy' : ''}`;
  return reportHtml(
    correlationId,
    async () => {
      const target = await reportLinkTarget(params.token);
      return planAnnexPage({ ...(await publishedPlanAnnex(target.inspectionId, 'releaseId' in target ? target.releaseId : null)), lang, reportHref });
    },
    { lang, audience: 'published' },
  );
};

const linkedSummaryJson: RouteHandler<'GET /reports/{token}/summary.json'> = async ({ params }) => {
  const target = await reportLinkTarget(params.token);
  if ('releaseId' in target) return frozenJson((await releasedFile(target.inspectionId, target.releaseId, 'json')).body);
  return json(200, await linkedSummary(target.inspectionId));
};

const linkedSummaryCsv: RouteHandler<'GET /reports/{token}/summary.csv'> = async ({ params }) => {
  const target = await reportLinkTarget(params.token);
  if (!('releaseId' in target)) return csvReply(await linkedSummary(target.inspectionId));
  const { body, filename } = await releasedFile(target.inspectionId, target.releaseId, 'csv');
  return download(body, filename);
};

export const handler = httpHandler(reportRoutes, {
  'GET /inspections/{id}/report': inspectionReport,
  'POST /inspections/{id}/report-links': postReportLink,
  'GET /inspections/{id}/report-links': listReportLinks,
  'DELETE /inspections/{id}/report-links/{linkId}': deleteReportLink,
  'GET /reports/{token}': linkedReport,
  'GET /reports/{token}/improvement-plan': linkedPlanAnnex,
  'GET /reports/{token}/summary.json': linkedSummaryJson,
  'GET /reports/{token}/summary.csv': linkedSummaryCsv,
});
