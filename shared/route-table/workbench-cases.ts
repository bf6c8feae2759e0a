/** functions/workbench-cases.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-cases');

export const workbenchCasesRoutes = [
  // The inspectors' inputs (the case form, grades and conclusions) and the admin's pages.
  route.getPage(
    '/workbench/inspections/{id}/cases',
    SIGNED_IN,
    "The inspection's cases, a page at a time, each marked finished or not (?show=unfinished: only the unfinished ones)",
  ),
  route.getPage(
    '/workbench/inspections/{id}/cases/new',
    INSPECTORS,
    'Enter a new case: its case type first, then its profile and every question that applies',
  ),
  route.postForm(
    '/workbench/inspections/{id}/cases/new',
    INSPECTORS,
    'Save a new case (part-filled is fine: the case stays unfinished, and out of the figures, until every question is answered)',
    { keepsFormOnSignIn: true },
  ),
  route.getPage(
    '/workbench/inspections/{id}/cases/{caseRef}',
    SIGNED_IN,
    'One case: its form (inspectors) or its answers, and who changed what, when',
  ),
  route.postForm(
    '/workbench/inspections/{id}/cases/{caseRef}',
    INSPECTORS,
    'Save a case; refused if somebody else saved it since the form was opened',
    { keepsFormOnSignIn: true },
  ),
] as const satisfies readonly RouteSpec[];

export const workbenchCasesFunction = httpFunction('workbench-cases', workbenchCasesRoutes, {
  actions: ['BatchGetItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'],
  readsTexts: true,
});
