/**
 * What a report link opens, for whoever holds it (no account): the report (HTML, ?lang=cy in
 * Welsh), its JSON and CSV downloads, and the improvement plan annex of a final release.
 *
 * GET /reports/{token}                    the report (404 unknown, 410 expired or withdrawn)
 * GET /reports/{token}/summary.json|csv   its downloads, with the same link
 * GET /reports/{token}/improvement-plan   the annex, with the same link
 *
 * A function of its own, apart from the staff's report routes (functions/report.ts), so that its
 * role may only read the table: a link to a release serves the files frozen at the release, and a
 * link to the draft reads the last snapshot (summaryOnRecord), never computing or caching one.
 * Nothing from a token goes into a log.
 */
import type { PublishedSummary, Summary } from '#schemas/summary';
import type { WriteUp } from '#schemas/write-up';
import { reportLinkTarget } from '#domain/report-links';
import { summaryDownload } from '#domain/summary';
import { summaryForLink, summaryOnRecord } from '#domain/summary-read';
import { writeUpOf } from '#domain/write-up';
import { releasedFile } from '#domain/releases';
import { hasPlanAnnex, publishedPlanAnnex } from '#domain/improvement-plan';
import { frozenJson, reportHtml } from '#http/report-replies';
import { download, httpHandler, json, type HttpReply, type RouteHandler } from '#http/handler';
import { reportLinkRoutes } from '#route-table/report-link';
import { DRAFT_NOTICE } from '#schemas/report';
import { annexContentsLine } from '#web/report/front';
import { planAnnexPage } from '#web/report/plan-annex';

function csvReply(summary: Summary | PublishedSummary): HttpReply {
  const { filename, csv } = summaryDownload(summary);
  return download(csv, filename);
}

/** What a link to the live draft may see and download: the published figures (see summaryForLink, narrowed by the write-up's settings), marked as the draft they are. */
async function linked(inspectionId: string): Promise<{ summary: PublishedSummary; writeUp: WriteUp }> {
  const [summary, { writeUp }] = await Promise.all([summaryOnRecord(inspectionId), writeUpOf(inspectionId)]);
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

export const handler = httpHandler(reportLinkRoutes, {
  'GET /reports/{token}': linkedReport,
  'GET /reports/{token}/improvement-plan': linkedPlanAnnex,
  'GET /reports/{token}/summary.json': linkedSummaryJson,
  'GET /reports/{token}/summary.csv': linkedSummaryCsv,
});
