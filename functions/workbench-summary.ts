/**
 * The workbench's figures for one inspection: the summary as tables, its CSV and JSON
 * downloads and the report, for a signed-in person (the JSON routes take only bearer tokens).
 * Kept apart from functions/workbench.ts so that only this bundle carries the report.
 */
import { latestSummary, summaryDownload } from '#domain/summary';
import { writeUpOf } from '#domain/write-up';
import { download, html, httpHandler, json, type RouteHandler } from '#http/handler';
import { workbenchSummaryRoutes } from '#route-table/workbench-summary';
import { pageOptions } from '#http/pages';
import { csrfToken } from '#http/session';
import { reportPage } from '#web/report/report';
import { pageUrls } from '#web/workbench/frame';
import { summaryPage } from '#web/workbench/dashboard-page';

const figures: RouteHandler<'GET /workbench/inspections/{id}/summary'> = async ({ params, session }) =>
  html(200, summaryPage(session!, csrfToken(session!), await latestSummary(params.id)));

const summaryCsv: RouteHandler<'GET /workbench/inspections/{id}/summary.csv'> = async ({ params }) => {
  const { filename, csv } = summaryDownload(await latestSummary(params.id));
  return download(csv, filename);
};

const summaryJson: RouteHandler<'GET /workbench/inspections/{id}/summary.json'> = async ({ params }) => {
  const summary = await latestSummary(params.id);
  return json(200, summary, { 'content-disposition': `attachment; filename="${summary.inspectionId}-summary.json"` });
};

const report: RouteHandler<'GET /workbench/inspections/{id}/report'> = async ({ params, query }) => {
  const [summary, { writeUp }] = await Promise.all([latestSummary(params.id), writeUpOf(params.id)]);
  const id = summary.inspectionId;
  const downloads = { json: pageUrls.summaryJson(id), csv: pageUrls.summaryCsv(id) };
  return html(200, reportPage(summary, { downloads, writeUp, lang: query.lang ?? 'en', audience: 'staff' }), { 'x-robots-tag': 'noindex, nofollow' });
};

export const handler = httpHandler(
  workbenchSummaryRoutes,
  {
    'GET /workbench/inspections/{id}/summary': figures,
    'GET /workbench/inspections/{id}/summary.csv': summaryCsv,
    'GET /workbench/inspections/{id}/summary.json': summaryJson,
    'GET /workbench/inspections/{id}/report': report,
  },
  pageOptions,
);
