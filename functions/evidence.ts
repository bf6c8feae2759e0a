import { recordAreaContext, recordInterview, recordSecondMarking } from '#domain/evidence';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { evidenceRoutes } from '#route-table/evidence';

const putSecondMarking: RouteHandler<'PUT /inspections/{id}/cases/{caseRef}/second-marking'> = async ({ body, params, user }) => {
  const recorded = await recordSecondMarking(params.id, params.caseRef, body, user);
  return json(recorded.outcome === 'created' ? 201 : 200, recorded);
};

const putInterview: RouteHandler<'PUT /inspections/{id}/interviews/{caseRef}'> = async ({ body, params, user }) => {
  const recorded = await recordInterview(params.id, params.caseRef, body, user);
  return json(recorded.outcome === 'created' ? 201 : 200, recorded);
};

const putContext: RouteHandler<'PUT /inspections/{id}/context'> = async ({ body, params, user }) =>
  json(200, await recordAreaContext(params.id, body, user));

export const handler = httpHandler(evidenceRoutes, {
  'PUT /inspections/{id}/cases/{caseRef}/second-marking': putSecondMarking,
  'PUT /inspections/{id}/interviews/{caseRef}': putInterview,
  'PUT /inspections/{id}/context': putContext,
});
