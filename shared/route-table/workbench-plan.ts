/** functions/workbench-plan.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, SIGNED_IN, type RouteSpec, CSV, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-plan');

export const workbenchPlanRoutes = [
  route.getPage(
    '/workbench/inspections/{id}/improvement-plan',
    SIGNED_IN,
    'The improvement plan: due, overdue or received, each action open, done or overdue; its form for staff and admins',
  ),
  route.postForm(
    '/workbench/inspections/{id}/improvement-plan',
    ['admin', 'staff'],
    'Save the plan (as PUT /inspections/{id}/improvement-plan, its ETag in a hidden field)',
    { keepsFormOnSignIn: true },
  ),
  route.get('/workbench/inspections/{id}/improvement-plan.csv', ['admin'], 'The plan as CSV (as GET /inspections/{id}/improvement-plan.csv)', {
    auth: 'session',
    response: CSV,
  }),
  route.postForm(
    '/workbench/inspections/{id}/improvement-plan/annex',
    ['admin'],
    'Publish the plan as it is now with the latest final release (as POST /inspections/{id}/releases/{releaseId}/improvement-plan)',
  ),
] as const satisfies readonly RouteSpec[];

/**
 * The workbench's improvement plan: the same use cases as the improvement-plan function.
 */
export const workbenchPlanFunction = httpFunction('workbench-plan', workbenchPlanRoutes, {
  actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
});
