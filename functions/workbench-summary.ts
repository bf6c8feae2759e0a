/**
 * The workbench's figures for one inspection: the summary as tables, its CSV and JSON
 * downloads and the report, for a signed-in person (the JSON routes take only bearer tokens).
 * Kept apart from functions/workbench.ts so that only this bundle carries the report.
 */
import { NotFound } from '../shared/http/errors';
import { html, httpHandler, json } from '../shared/http/handler';
import { csrfToken } from '../shared/http/session';
import { reportPage } from '../shared/web/report';
import { latestSummary, summaryDownload } from '../shared/web/use-cases';
import { download, errorPage } from '../shared/web/workbench-http';
import { pageUrls, summaryPage } from '../shared/web/workbench-pages';

export const handler = httpHandler(
  [
    'GET /workbench/inspections/{id}/summary',
    'GET /workbench/inspections/{id}/summary.csv',
    'GET /workbench/inspections/{id}/summary.json',
    'GET /workbench/inspections/{id}/report',
  ],
  async ({ route, params, session }) => {
    const summary = await latestSummary(params.id!);
    const id = summary.inspectionId;
    switch (route.path) {
      case '/workbench/inspections/{id}/summary':
        return html(200, summaryPage(session!, csrfToken(session!), summary));
      case '/workbench/inspections/{id}/summary.csv': {
        const { filename, csv } = summaryDownload(summary);
        return download(csv, 'text/csv; charset=utf-8', filename);
      }
      case '/workbench/inspections/{id}/summary.json':
        return json(200, summary, { 'content-disposition': `attachment; filename="${id}-summary.json"` });
      case '/workbench/inspections/{id}/report':
        return html(200, reportPage(summary, { downloads: { json: pageUrls.summaryJson(id), csv: pageUrls.summaryCsv(id) } }), { 'x-robots-tag': 'noindex, nofollow' });
      default:
        throw new NotFound('No such page.');
    }
  },
  { errorPage },
);
