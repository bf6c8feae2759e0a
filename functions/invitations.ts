import { invitationsCsv } from '../shared/domain/invitation-tokens';
import { issueInvitations } from '../shared/domain/issue-invitations';
import { reminders } from '../shared/domain/reminders';
import { download, httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { invitationsRoutes } from '../shared/route-table/invitations';
import { publicOrigin, wantsCsv } from '../shared/http/request';

const postInvitations: RouteHandler<'POST /inspections/{id}/invitations'> = async ({ body, params, query, user, event }) => {
  const { batch, invitations } = await issueInvitations(params.id, body, user, publicOrigin(event));
  const location = `/inspections/${batch.inspectionId}`;
  if (wantsCsv(query.format, event.headers?.accept)) {
    const filename = `${batch.inspectionId}-${batch.audience}-${batch.language}-${batch.batchId}.csv`;
    return download(invitationsCsv(batch, invitations), filename, undefined, 201, { location });
  }
  return json(
    201,
    {
      inspectionId: batch.inspectionId,
      batchId: batch.batchId,
      audience: batch.audience,
      language: batch.language,
      questionnaireVersion: batch.questionnaireVersion,
      ...(batch.expiresAt ? { expiresAt: batch.expiresAt } : {}),
      invitations,
    },
    { location },
  );
};

const getReminders: RouteHandler<'GET /inspections/{id}/invitations/reminders.csv'> = async ({ params }) =>
  download(await reminders(params.id), `${params.id}-reminders.csv`);

export const handler = httpHandler(invitationsRoutes, {
  'POST /inspections/{id}/invitations': postInvitations,
  'GET /inspections/{id}/invitations/reminders.csv': getReminders,
});
