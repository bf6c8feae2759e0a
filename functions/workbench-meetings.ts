/**
 * The workbench's meetings (issue 29): the list, and one meeting's form, saved and deleted
 * through the same use cases as PUT and DELETE /inspections/{id}/meetings/{meetingId}.
 */
import * as z from 'zod/mini';
import { InvalidInput } from '#core/errors';
import { requireInspection } from '#domain/inspections';
import { meetingOf, meetingsOf, recordMeeting, removeMeeting } from '#domain/meetings';
import { html, httpHandler, issuesToProblems, type RouteHandler } from '#http/handler';
import { pageOptions, seeOther } from '#http/pages';
import { csrfToken } from '#http/session';
import { workbenchMeetingsRoutes } from '#route-table/workbench-meetings';
import { MEETING_ID, MeetingInput } from '#schemas/meeting';
import {
  fieldOfMeetingProblem,
  meetingFormPage,
  meetingFormValues,
  meetingFromForm,
  meetingsListPage,
  meetingUrls,
  NEW_MEETING,
} from '#web/workbench/meeting-pages';

const list: RouteHandler<'GET /workbench/inspections/{id}/meetings'> = async ({ params, query, session }) => {
  const { inspection, meetings } = await meetingsOf(params.id);
  const named = (v: string | undefined) => (v && MEETING_ID.test(v) ? v : undefined);
  const saved = named(query.saved);
  const deleted = named(query.deleted);
  return html(
    200,
    meetingsListPage({
      session: session!,
      csrf: csrfToken(session!),
      inspection,
      meetings,
      ...(saved ? { saved } : {}),
      ...(deleted ? { deleted } : {}),
    }),
  );
};

const show: RouteHandler<'GET /workbench/inspections/{id}/meetings/{meetingId}'> = async ({ params, session }) => {
  if (params.meetingId === NEW_MEETING) {
    const inspection = await requireInspection(params.id);
    return html(200, meetingFormPage({ session: session!, csrf: csrfToken(session!), inspection, meetingId: NEW_MEETING, values: {} }));
  }
  const { inspection, meeting } = await meetingOf(params.id, params.meetingId);
  return html(
    200,
    meetingFormPage({ session: session!, csrf: csrfToken(session!), inspection, meetingId: meeting.meetingId, values: meetingFormValues(meeting) }),
  );
};

const save: RouteHandler<'POST /workbench/inspections/{id}/meetings/{meetingId}'> = async ({ params, body, session }) => {
  const inspection = await requireInspection(params.id);
  const isNew = params.meetingId === NEW_MEETING;
  const meetingId = isNew ? (body.get('meetingId') ?? '').trim() : params.meetingId;
  if (!isNew && body.get('action') === 'delete') {
    await removeMeeting(inspection.inspectionId, meetingId);
    return seeOther(`${meetingUrls.list(inspection.inspectionId)}?deleted=${encodeURIComponent(meetingId)}`);
  }
  const { candidate, values } = meetingFromForm(body);
  const again = (errors: { field: string; message: string }[]) =>
    html(400, meetingFormPage({ session: session!, csrf: csrfToken(session!), inspection, meetingId: params.meetingId, values, errors }));
  const idProblems =
    isNew && !MEETING_ID.test(meetingId)
      ? [
          {
            field: 'meetingId',
            message: 'Enter a meeting reference: lower-case letters, digits and dashes, with at least one digit or dash, for example offenders-idap',
          },
        ]
      : [];
  const parsed = z.safeParse(MeetingInput, candidate);
  if (!parsed.success || idProblems.length) {
    const schema = parsed.success
      ? []
      : issuesToProblems(parsed.error.issues, []).map((p) => ({ field: fieldOfMeetingProblem(p.path), message: p.message }));
    return again([...idProblems, ...schema]);
  }
  try {
    await recordMeeting(inspection.inspectionId, meetingId, parsed.data, session!);
  } catch (error) {
    if (error instanceof InvalidInput) return again(error.errors.map((p) => ({ field: fieldOfMeetingProblem(p.path), message: p.message })));
    throw error;
  }
  return seeOther(`${meetingUrls.list(inspection.inspectionId)}?saved=${encodeURIComponent(meetingId)}`);
};

export const handler = httpHandler(
  workbenchMeetingsRoutes,
  {
    'GET /workbench/inspections/{id}/meetings': list,
    'GET /workbench/inspections/{id}/meetings/{meetingId}': show,
    'POST /workbench/inspections/{id}/meetings/{meetingId}': save,
  },
  pageOptions,
);
