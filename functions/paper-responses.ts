/** POST /inspections/{id}/paper-responses: see shared/domain/paper-returns.ts. */
import { enterPaperReturn } from '#domain/paper-returns';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { paperResponsesRoutes } from '#route-table/paper-responses';

const postPaperResponse: RouteHandler<'POST /inspections/{id}/paper-responses'> = async ({ params, body, user }) =>
  json(201, await enterPaperReturn(params.id, body, user));

export const handler = httpHandler(paperResponsesRoutes, { 'POST /inspections/{id}/paper-responses': postPaperResponse });
