import { createInspection, deleteInspection, listInspections, requireInspection } from '../shared/domain/inspections';
import { httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { inspectionsRoutes } from '../shared/route-table/inspections';

const postInspection: RouteHandler<'POST /inspections'> = async ({ body, user }) => {
  const inspection = await createInspection(body, user);
  return json(201, inspection, { location: `/inspections/${inspection.inspectionId}` });
};

const getInspections: RouteHandler<'GET /inspections'> = async ({ query }) => json(200, await listInspections(query.cursor));

const getInspection: RouteHandler<'GET /inspections/{id}'> = async ({ params }) => json(200, await requireInspection(params.id));

const removeInspection: RouteHandler<'DELETE /inspections/{id}'> = async ({ params }) => json(200, { inspectionId: (await deleteInspection(params.id)).inspectionId, deleted: true as const });

export const handler = httpHandler(inspectionsRoutes, {
  'POST /inspections': postInspection,
  'GET /inspections': getInspections,
  'GET /inspections/{id}': getInspection,
  'DELETE /inspections/{id}': removeInspection,
});
