/** The routes of functions/workbench-meetings.ts: its part of the route table (shared/routes.ts joins them all). */
import { INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

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
