/** The routes of functions/workbench-findings.ts: its part of the route table (shared/routes.ts joins them all). */
import { INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

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
