/** The routes of functions/report-css.ts: its part of the route table (shared/routes.ts joins them all). */
import type { RouteSpec } from './spec';

export const reportCssRoutes = [
  {
    method: 'GET',
    path: '/report.css',
    fn: 'report-css',
    access: 'public',
    summary: "The report's own styles: chart, tables and print",
    response: { status: 200, contentType: 'text/css' },
  },
] as const satisfies readonly RouteSpec[];
