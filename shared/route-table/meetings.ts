/** functions/meetings.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { Meeting, MeetingInput, MeetingList } from '#schemas/meeting';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, created, json, ok, routesOfFunction } from './spec';

export const MeetingDeleted = z.object({ inspectionId: z.string(), meetingId: z.string(), deleted: z.literal(true) });

const route = routesOfFunction('meetings');

export const meetingsRoutes = [
  route.get(
    '/inspections/{id}/meetings',
    SIGNED_IN,
    "The inspection's meetings (interviews and groups met in person), notes included: for staff, never published",
    { response: ok(MeetingList) },
  ),
  route.get('/inspections/{id}/meetings/{meetingId}', SIGNED_IN, 'One meeting (404 for an unknown id)', { response: ok(Meeting) }),
  route.put(
    '/inspections/{id}/meetings/{meetingId}',
    INSPECTORS,
    'Record a meeting, or replace the one with this id (201 created, 200 replaced; 400 naming a group of 0 people or more individuals than took part; 409 when the inspection is closed). Notes are never published; a quote without consent is never published',
    { body: json(MeetingInput), response: created(Meeting) },
  ),
  route.delete('/inspections/{id}/meetings/{meetingId}', INSPECTORS, 'Delete a meeting (404 for an unknown id; 409 when the inspection is closed)', {
    response: ok(MeetingDeleted),
  }),
] as const satisfies readonly RouteSpec[];

/**
 * Meetings met in person (issue 29): putMeeting, getMeeting, listMeetings, deleteMeeting; getInspection.
 */
export const meetingsFunction = httpFunction('meetings', meetingsRoutes, {
  actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems'],
  readsTexts: true,
});
