/** functions/workbench-summary.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, ReportQuery, SIGNED_IN, type RouteSpec, CSV, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-summary');

export const workbenchSummaryRoutes = [
  route.getPage('/workbench/inspections/{id}/summary', SIGNED_IN, 'The figures as tables, with downloads and the report'),
  route.get('/workbench/inspections/{id}/summary.csv', SIGNED_IN, 'The summary as CSV', { auth: 'session', response: CSV }),
  route.get('/workbench/inspections/{id}/summary.json', SIGNED_IN, 'The summary as JSON', {
    auth: 'session',
    response: { status: 200, contentType: 'application/json' },
  }),
  route.getPage('/workbench/inspections/{id}/report', SIGNED_IN, 'The printable report, for staff; ?lang=cy in Welsh', { query: ReportQuery }),
] as const satisfies readonly RouteSpec[];

export const workbenchSummaryFunction = httpFunction('workbench-summary', workbenchSummaryRoutes, {
  actions: ['BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
  readsTexts: true,
});
