/**
 * The routes of functions/report-link.ts: what anyone holding a report link may open. A
 * function of its own so that the anonymous routes run read-only (its role may only read the
 * table) and apart from the staff's report routes (shared/route-table/report.ts).
 */
import { Summary } from '#schemas/summary';
import { httpFunction, ReportQuery, type RouteSpec, CSV, HTML, ok, routesOfFunction } from './spec';

const route = routesOfFunction('report-link');

export const reportLinkRoutes = [
  route.get(
    '/reports/{token}',
    'token',
    'The report, opened with a report link (404 unknown, 410 expired): what is published, without staff-only material; ?lang=cy in Welsh',
    { query: ReportQuery, response: HTML },
  ),
  route.get(
    '/reports/{token}/improvement-plan',
    'token',
    "The improvement plan annex of the final release a report link opens (HTML, ?lang=cy in Welsh): each recommendation's actions, owners, due dates and states as frozen, or a sentence saying no plan has been received yet (and when it is due, for a final release)",
    { query: ReportQuery, response: HTML },
  ),
  route.get('/reports/{token}/summary.json', 'token', "The report's summary as JSON, with a report link", { response: ok(Summary) }),
  route.get('/reports/{token}/summary.csv', 'token', "The report's summary as CSV, with a report link", { response: CSV }),
] as const satisfies readonly RouteSpec[];

/**
 * A report link's pages and files: the link, the release's frozen files, the plan annex, or for a
 * link to the draft the last snapshot and the write-up. Only reads: whoever holds a link can change nothing.
 */
export const reportLinkFunction = httpFunction('report-link', reportLinkRoutes, { actions: ['GetItem', 'Query'], readsTexts: true });
