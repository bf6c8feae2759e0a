/** functions/workbench-paper.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, type RouteSpec } from './spec';

export const workbenchPaperRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/paper-returns',
    fn: 'workbench-paper',
    access: INSPECTORS,
    auth: 'session',
    summary:
      'Enter a paper return: the reference on the paper form (and, for admins, the reminders download); ?reference= only fills the form in (a GET looks nothing up)',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/paper-returns',
    fn: 'workbench-paper',
    access: INSPECTORS,
    auth: 'session',
    summary:
      'With a reference alone, find its invitation and show its answers form (its questionnaire version); with the answers (stage=answers), save the paper return as POST /inspections/{id}/paper-responses does',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/reminders.csv',
    fn: 'workbench-paper',
    access: ['admin'],
    auth: 'session',
    summary: 'The reminders mail merge (as GET /inspections/{id}/invitations/reminders.csv)',
    response: { status: 200, contentType: 'text/csv' },
  },
] as const satisfies readonly RouteSpec[];

export const workbenchPaperFunction = httpFunction(
  'workbench-paper',
  workbenchPaperRoutes,
  { actions: ['GetItem', 'Query', 'UpdateItem', 'DeleteItem'] },
  { readsTexts: true },
);
