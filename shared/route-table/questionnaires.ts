/** functions/questionnaires.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { ResponseBody, ResponseReceived } from '#schemas/invitation';
import { QuestionnaireDefinition } from '#schemas/questionnaire';
import { httpFunction, RESPONDENT_MAX_BODY_BYTES, type RouteSpec, created, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('questionnaires');

export const questionnairesRoutes = [
  route.get(
    '/questionnaires/{token}',
    'token',
    "The questionnaire for the token's audience and language (404 unknown, 409 already sent, 410 expired)",
    { response: ok(QuestionnaireDefinition) },
  ),
  route.post('/questionnaires/{token}/responses', 'token', 'Send the answers, once: 201, then 409 for the same token; 410 when expired', {
    body: json(ResponseBody),
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
    response: created(ResponseReceived),
  }),
] as const satisfies readonly RouteSpec[];

/**
 * getSlot (a page, a refused send with bad answers); sendToSlot: the one conditional UpdateItem of a send.
 */
export const questionnairesFunction = httpFunction('questionnaires', questionnairesRoutes, { actions: ['GetItem', 'UpdateItem'], readsTexts: true });
