/** functions/workbench-plan.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, SIGNED_IN, type RouteSpec } from './spec';

export const workbenchPlanRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/improvement-plan',
    fn: 'workbench-plan',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The improvement plan: due, overdue or received, each action open, done or overdue; its form for staff and admins',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/improvement-plan',
    fn: 'workbench-plan',
    access: ['admin', 'staff'],
    auth: 'session',
    keepsFormOnSignIn: true,
    summary: 'Save the plan (as PUT /inspections/{id}/improvement-plan, its ETag in a hidden field)',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/improvement-plan.csv',
    fn: 'workbench-plan',
    access: ['admin'],
    auth: 'session',
    summary: 'The plan as CSV (as GET /inspections/{id}/improvement-plan.csv)',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/improvement-plan/annex',
    fn: 'workbench-plan',
    access: ['admin'],
    auth: 'session',
    summary: 'Publish the plan as it is now with the latest final release (as POST /inspections/{id}/releases/{releaseId}/improvement-plan)',
    body: { kind: 'form' },
  },
] as const satisfies readonly RouteSpec[];

/**
 * The workbench's improvement plan: the same use cases as the improvement-plan function.
 */
export const workbenchPlanFunction = httpFunction('workbench-plan', workbenchPlanRoutes, {
  actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
});
