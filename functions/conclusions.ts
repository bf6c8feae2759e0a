import { recordGrade } from '#domain/grades';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { conclusionsRoutes } from '#route-table/conclusions';

const putConclusion: RouteHandler<'PUT /inspections/{id}/conclusions/{criterionId}'> = async ({ body, params, user }) => {
  const { outcome, inspectionId, criterionId } = await recordGrade(params.id, params.criterionId, { kind: 'conclusion', value: body }, user);
  return json(outcome === 'created' ? 201 : 200, { inspectionId, criterionId, ...body });
};

export const handler = httpHandler(conclusionsRoutes, { 'PUT /inspections/{id}/conclusions/{criterionId}': putConclusion });
