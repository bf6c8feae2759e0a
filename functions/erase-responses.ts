/** DELETE /inspections/{id}/responses: see shared/domain/erasure.ts for what is kept and why. */
import { eraseInspectionResponses } from '#domain/erasure';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { eraseResponsesRoutes } from '#route-table/erase-responses';

const eraseResponses: RouteHandler<'DELETE /inspections/{id}/responses'> = async ({ params, user }) =>
  json(200, await eraseInspectionResponses(params.id, user));

export const handler = httpHandler(eraseResponsesRoutes, { 'DELETE /inspections/{id}/responses': eraseResponses });
