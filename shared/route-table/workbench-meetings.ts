/** functions/workbench-meetings.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

export const workbenchMeetingsRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/meetings',
    fn: 'workbench-meetings',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The meetings met in person (as GET /inspections/{id}/meetings)',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/meetings/{meetingId}',
    fn: 'workbench-meetings',
    access: SIGNED_IN,
    auth: 'session',
    summary: "One meeting's form (read only for staff and once the inspection is closed); `new` for a meeting not yet recorded",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/meetings/{meetingId}',
    fn: 'workbench-meetings',
    access: INSPECTORS,
    auth: 'session',
    keepsFormOnSignIn: true,
    summary: 'Save the meeting (as PUT /inspections/{id}/meetings/{meetingId}), or with action=delete delete it (as DELETE)',
    body: { kind: 'form' },
  },
] as const satisfies readonly RouteSpec[];

/**
 * The workbench's meetings pages: the same use cases as the meetings function.
 */
export const workbenchMeetingsFunction = httpFunction(
  'workbench-meetings',
  workbenchMeetingsRoutes,
  { actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  { readsTexts: true },
);
