/** functions/workbench-summary.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, ReportQuery, SIGNED_IN, type RouteSpec } from './spec';

export const workbenchSummaryRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/summary',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The figures as tables, with downloads and the report',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/summary.csv',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The summary as CSV',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/summary.json',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The summary as JSON',
    response: { status: 200, contentType: 'application/json' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/report',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The printable report, for staff; ?lang=cy in Welsh',
    query: ReportQuery,
    response: { status: 200, contentType: 'text/html' },
  },
] as const satisfies readonly RouteSpec[];

export const workbenchSummaryFunction = httpFunction(
  'workbench-summary',
  workbenchSummaryRoutes,
  { actions: ['BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'] },
  { readsTexts: true },
);
