/** functions/questionnaires.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { ResponseBody, ResponseReceived } from '#schemas/invitation';
import { QuestionnaireDefinition } from '#schemas/questionnaire';
import { httpFunction, RESPONDENT_MAX_BODY_BYTES, type RouteSpec } from './spec';

export const questionnairesRoutes = [
  {
    method: 'GET',
    path: '/questionnaires/{token}',
    fn: 'questionnaires',
    access: 'token',
    summary: "The questionnaire for the token's audience and language (404 unknown, 409 already sent, 410 expired)",
    response: { status: 200, contentType: 'application/json', schema: QuestionnaireDefinition },
  },
  {
    method: 'POST',
    path: '/questionnaires/{token}/responses',
    fn: 'questionnaires',
    access: 'token',
    summary: 'Send the answers, once: 201, then 409 for the same token; 410 when expired',
    body: { kind: 'json', schema: ResponseBody },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
    response: { status: 201, contentType: 'application/json', schema: ResponseReceived },
  },
] as const satisfies readonly RouteSpec[];

/**
 * getSlot (a page, a refused send with bad answers); sendToSlot: the one conditional UpdateItem of a send.
 */
export const questionnairesFunction = httpFunction(
  'questionnaires',
  questionnairesRoutes,
  { actions: ['GetItem', 'UpdateItem'] },
  { readsTexts: true },
);
