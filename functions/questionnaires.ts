import { findInvitation, requireOpen, submitResponse } from '../shared/domain/invitations';
import { httpHandler, json, type RouteHandler } from '../shared/http/handler';

const getQuestionnaire: RouteHandler<'GET /questionnaires/{token}'> = async ({ params }) =>
  json(200, requireOpen(await findInvitation(params.token)).definition);

const postResponse: RouteHandler<'POST /questionnaires/{token}/responses'> = async ({ body, params }) => {
  // A send needs no draft: its conditional put tells "already sent" by itself, one read fewer.
  const found = requireOpen(await findInvitation(params.token, { readSlot: false }));
  const { submittedAt } = await submitResponse(found, body.answers);
  return json(201, { status: 'received', questionnaireVersion: found.definition.version, submittedAt });
};

export const handler = httpHandler({
  'GET /questionnaires/{token}': getQuestionnaire,
  'POST /questionnaires/{token}/responses': postResponse,
});
