/** The routes of functions/leadership.ts: its part of the route table (shared/routes.ts joins them all). */
import { LeadershipRecorded, PutLeadership } from '../schemas/inspection';
import { INSPECTORS, type RouteSpec } from './spec';

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
