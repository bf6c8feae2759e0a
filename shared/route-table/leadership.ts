/** functions/leadership.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { LeadershipRecorded, PutLeadership } from '#schemas/inspection';
import { httpFunction, INSPECTORS, type RouteSpec } from './spec';

export const leadershipRoutes = [
  {
    method: 'PUT',
    path: '/inspections/{id}/leadership/{criterionId}',
    fn: 'leadership',
    access: INSPECTORS,
    summary: 'Grade a leadership criterion (4.1-4.6)',
    body: { kind: 'json', schema: PutLeadership },
    response: { status: 201, contentType: 'application/json', schema: LeadershipRecorded },
  },
] as const satisfies readonly RouteSpec[];

/**
 * putGrade, putConclusion; getInspection.
 */
export const leadershipFunction = httpFunction(
  'leadership',
  leadershipRoutes,
  { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems'] },
  { readsTexts: true },
);
