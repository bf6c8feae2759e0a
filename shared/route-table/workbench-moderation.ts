/** The routes of functions/workbench-moderation.ts: its part of the route table (shared/routes.ts joins them all). */
import { SIGNED_IN, type RouteSpec } from './spec';

export const workbenchModerationRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/moderation',
    fn: 'workbench-moderation',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The second-marked cases for a moderator, their two markings side by side',
    response: { status: 200, contentType: 'text/html' },
  },
] as const satisfies readonly RouteSpec[];
