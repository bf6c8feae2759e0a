import { recordGrade } from '#domain/grades';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { leadershipRoutes } from '#route-table/leadership';

const putLeadership: RouteHandler<'PUT /inspections/{id}/leadership/{criterionId}'> = async ({ body, params, user }) => {
  const { outcome, inspectionId, criterionId } = await recordGrade(params.id, params.criterionId, { kind: 'leadership', value: body }, user);
  return json(outcome === 'created' ? 201 : 200, { inspectionId, criterionId, ...body });
};

export const handler = httpHandler(leadershipRoutes, { 'PUT /inspections/{id}/leadership/{criterionId}': putLeadership });
