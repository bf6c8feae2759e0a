/** functions/workbench-paper.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, type RouteSpec, CSV, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-paper');

export const workbenchPaperRoutes = [
  route.getPage(
    '/workbench/inspections/{id}/paper-returns',
    INSPECTORS,
    'Enter a paper return: the reference on the paper form (and, for admins, the reminders download); ?reference= only fills the form in (a GET looks nothing up)',
  ),
  route.postForm(
    '/workbench/inspections/{id}/paper-returns',
    INSPECTORS,
    'With a reference alone, find its invitation and show its answers form (its questionnaire version); with the answers (stage=answers), save the paper return as POST /inspections/{id}/paper-responses does',
  ),
  route.get('/workbench/inspections/{id}/reminders.csv', ['admin'], 'The reminders mail merge (as GET /inspections/{id}/invitations/reminders.csv)', {
    auth: 'session',
    response: CSV,
  }),
] as const satisfies readonly RouteSpec[];

export const workbenchPaperFunction = httpFunction('workbench-paper', workbenchPaperRoutes, {
  actions: ['GetItem', 'Query', 'UpdateItem', 'DeleteItem'],
  readsTexts: true,
});
