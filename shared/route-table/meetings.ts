/** functions/meetings.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { Meeting, MeetingInput, MeetingList } from '#schemas/meeting';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

export const MeetingDeleted = z.object({ inspectionId: z.string(), meetingId: z.string(), deleted: z.literal(true) });

export const meetingsRoutes = [
  {
    method: 'GET',
    path: '/inspections/{id}/meetings',
    fn: 'meetings',
    access: SIGNED_IN,
    summary: "The inspection's meetings (interviews and groups met in person), notes included: for staff, never published",
    response: { status: 200, contentType: 'application/json', schema: MeetingList },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/meetings/{meetingId}',
    fn: 'meetings',
    access: SIGNED_IN,
    summary: 'One meeting (404 for an unknown id)',
    response: { status: 200, contentType: 'application/json', schema: Meeting },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/meetings/{meetingId}',
    fn: 'meetings',
    access: INSPECTORS,
    summary:
      'Record a meeting, or replace the one with this id (201 created, 200 replaced; 400 naming a group of 0 people or more individuals than took part; 409 when the inspection is closed). Notes are never published; a quote without consent is never published',
    body: { kind: 'json', schema: MeetingInput },
    response: { status: 201, contentType: 'application/json', schema: Meeting },
  },
  {
    method: 'DELETE',
    path: '/inspections/{id}/meetings/{meetingId}',
    fn: 'meetings',
    access: INSPECTORS,
    summary: 'Delete a meeting (404 for an unknown id; 409 when the inspection is closed)',
    response: { status: 200, contentType: 'application/json', schema: MeetingDeleted },
  },
] as const satisfies readonly RouteSpec[];

/**
 * Meetings met in person (issue 29): putMeeting, getMeeting, listMeetings, deleteMeeting; getInspection.
 */
export const meetingsFunction = httpFunction(
  'meetings',
  meetingsRoutes,
  { actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems'] },
  { readsTexts: true },
);
