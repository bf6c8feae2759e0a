/** functions/workbench-findings.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, DYNAMO_ACTIONS, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-findings');

export const workbenchFindingsRoutes = [
  route.getPage(
    '/workbench/inspections/{id}/findings',
    SIGNED_IN,
    'Findings drafted from the figures, criterion by criterion: how many are used, how many no longer match their figure',
  ),
  route.getPage(
    '/workbench/inspections/{id}/findings/{criterionId}',
    SIGNED_IN,
    "One criterion's findings: those in the write-up and the drafts not used yet (read only for staff)",
  ),
  route.postForm(
    '/workbench/inspections/{id}/findings/{criterionId}',
    INSPECTORS,
    "Save one criterion's findings into the write-up (the write-up's use case, with the ETag the page was opened on)",
  ),
] as const satisfies readonly RouteSpec[];

/**
 * Drafted findings: the summary as the summary function reads it, the write-up as the write-up function.
 */
export const workbenchFindingsFunction = httpFunction('workbench-findings', workbenchFindingsRoutes, { actions: DYNAMO_ACTIONS, readsTexts: true });
