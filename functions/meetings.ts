import { meetingOf, meetingsOf, recordMeeting, removeMeeting } from '#domain/meetings';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { meetingsRoutes } from '#route-table/meetings';

const listMeetings: RouteHandler<'GET /inspections/{id}/meetings'> = async ({ params }) => {
  const { inspection, meetings } = await meetingsOf(params.id);
  return json(200, { inspectionId: inspection.inspectionId, meetings }, { 'cache-control': 'no-store' });
};

const getMeeting: RouteHandler<'GET /inspections/{id}/meetings/{meetingId}'> = async ({ params }) =>
  json(200, (await meetingOf(params.id, params.meetingId)).meeting, { 'cache-control': 'no-store' });

const putMeeting: RouteHandler<'PUT /inspections/{id}/meetings/{meetingId}'> = async ({ params, body, user }) => {
  const { outcome, meeting } = await recordMeeting(params.id, params.meetingId, body, user);
  return json(outcome === 'created' ? 201 : 200, meeting);
};

const deleteMeeting: RouteHandler<'DELETE /inspections/{id}/meetings/{meetingId}'> = async ({ params }) => {
  await removeMeeting(params.id, params.meetingId);
  return json(200, { inspectionId: params.id, meetingId: params.meetingId, deleted: true });
};

export const handler = httpHandler(meetingsRoutes, {
  'GET /inspections/{id}/meetings': listMeetings,
  'GET /inspections/{id}/meetings/{meetingId}': getMeeting,
  'PUT /inspections/{id}/meetings/{meetingId}': putMeeting,
  'DELETE /inspections/{id}/meetings/{meetingId}': deleteMeeting,
});
