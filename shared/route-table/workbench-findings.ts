/** functions/workbench-findings.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, DYNAMO_ACTIONS } from './spec';

export const workbenchFindingsRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/findings',
    fn: 'workbench-findings',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Findings drafted from the figures, criterion by criterion: how many are used, how many no longer match their figure',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/findings/{criterionId}',
    fn: 'workbench-findings',
    access: SIGNED_IN,
    auth: 'session',
    summary: "One criterion's findings: those in the write-up and the drafts not used yet (read only for staff)",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/findings/{criterionId}',
    fn: 'workbench-findings',
    access: INSPECTORS,
    auth: 'session',
    summary: "Save one criterion's findings into the write-up (the write-up's use case, with the ETag the page was opened on)",
    body: { kind: 'form' },
  },
] as const satisfies readonly RouteSpec[];

/**
 * Drafted findings: the summary as the summary function reads it, the write-up as the write-up function.
 */
export const workbenchFindingsFunction = httpFunction(
  'workbench-findings',
  workbenchFindingsRoutes,
  {
    actions: DYNAMO_ACTIONS,
  },
  { readsTexts: true },
);
