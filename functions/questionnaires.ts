import { findInvitation, requireOpen, submitWithToken } from '#domain/invitations';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { questionnairesRoutes } from '#route-table/questionnaires';

const getQuestionnaire: RouteHandler<'GET /questionnaires/{token}'> = async ({ params }) =>
  json(200, requireOpen(await findInvitation(params.token)).definition);

const postResponse: RouteHandler<'POST /questionnaires/{token}/responses'> = async ({ body, params }) => {
  const { submittedAt, questionnaireVersion } = await submitWithToken(params.token, body.answers);
  return json(201, { status: 'received', questionnaireVersion, submittedAt });
};

export const handler = httpHandler(questionnairesRoutes, {
  'GET /questionnaires/{token}': getQuestionnaire,
  'POST /questionnaires/{token}/responses': postResponse,
});
