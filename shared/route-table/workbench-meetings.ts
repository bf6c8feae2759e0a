/** functions/workbench-meetings.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-meetings');

export const workbenchMeetingsRoutes = [
  route.getPage('/workbench/inspections/{id}/meetings', SIGNED_IN, 'The meetings met in person (as GET /inspections/{id}/meetings)'),
  route.getPage(
    '/workbench/inspections/{id}/meetings/{meetingId}',
    SIGNED_IN,
    "One meeting's form (read only for staff and once the inspection is closed); `new` for a meeting not yet recorded",
  ),
  route.postForm(
    '/workbench/inspections/{id}/meetings/{meetingId}',
    INSPECTORS,
    'Save the meeting (as PUT /inspections/{id}/meetings/{meetingId}), or with action=delete delete it (as DELETE)',
    { keepsFormOnSignIn: true },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * The workbench's meetings pages: the same use cases as the meetings function.
 */
export const workbenchMeetingsFunction = httpFunction('workbench-meetings', workbenchMeetingsRoutes, {
  actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'],
  readsTexts: true,
});
