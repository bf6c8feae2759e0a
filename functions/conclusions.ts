import { recordGrade } from '../shared/domain/grades';
import { httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { conclusionsRoutes } from '../shared/route-table/conclusions';

const putConclusion: RouteHandler<'PUT /inspections/{id}/conclusions/{criterionId}'> = async ({ body, params, user }) => {
  const { outcome, inspectionId, criterionId } = await recordGrade(params.id, params.criterionId, { kind: 'conclusion', value: body }, user);
  return json(outcome === 'created' ? 201 : 200, { inspectionId, criterionId, ...body });
};

export const handler = httpHandler(conclusionsRoutes, { 'PUT /inspections/{id}/conclusions/{criterionId}': putConclusion });
