/**
 * GET /report.css: the printable report's own styles (chart, tables, print rules). Public and
 * static, with no table access; linked with ?v=<hash of the CSS>, so it can be cached for a year.
 */
import { httpHandler, type RouteHandler } from '#http/handler';
import { reportCssRoutes } from '#route-table/report-css';
import { REPORT_CSS } from '#web/report/css';

const reportCss: RouteHandler<'GET /report.css'> = async () => ({
  status: 200,
  body: REPORT_CSS,
  contentType: 'text/css; charset=utf-8',
  headers: { 'cache-control': 'public, max-age=31536000, immutable' },
});

export const handler = httpHandler(reportCssRoutes, { 'GET /report.css': reportCss });
