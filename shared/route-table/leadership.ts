/** functions/leadership.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { LeadershipRecorded, PutLeadership } from '#schemas/inspection';
import { httpFunction, INSPECTORS, type RouteSpec, created, json, routesOfFunction } from './spec';

const route = routesOfFunction('leadership');

export const leadershipRoutes = [
  route.put('/inspections/{id}/leadership/{criterionId}', INSPECTORS, 'Grade a leadership criterion (4.1-4.6)', {
    body: json(PutLeadership),
    response: created(LeadershipRecorded),
  }),
] as const satisfies readonly RouteSpec[];

/**
 * putGrade, putConclusion; getInspection.
 */
export const leadershipFunction = httpFunction('leadership', leadershipRoutes, {
  actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems'],
  readsTexts: true,
});
