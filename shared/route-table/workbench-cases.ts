/** functions/workbench-cases.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

export const workbenchCasesRoutes = [
  // The inspectors' inputs (the case form, grades and conclusions) and the admin's pages.
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases',
    fn: 'workbench-cases',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The inspection's cases, a page at a time, each marked finished or not (?show=unfinished: only the unfinished ones)",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases/new',
    fn: 'workbench-cases',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Enter a new case: its case type first, then its profile and every question that applies',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/cases/new',
    fn: 'workbench-cases',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Save a new case (part-filled is fine: the case stays unfinished, and out of the figures, until every question is answered)',
    body: { kind: 'form' },
    keepsFormOnSignIn: true,
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases/{caseRef}',
    fn: 'workbench-cases',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'One case: its form (inspectors) or its answers, and who changed what, when',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/cases/{caseRef}',
    fn: 'workbench-cases',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Save a case; refused if somebody else saved it since the form was opened',
    body: { kind: 'form' },
    keepsFormOnSignIn: true,
  },
] as const satisfies readonly RouteSpec[];

export const workbenchCasesFunction = httpFunction(
  'workbench-cases',
  workbenchCasesRoutes,
  { actions: ['BatchGetItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  { readsTexts: true },
);
