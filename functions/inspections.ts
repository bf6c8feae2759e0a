import { createInspection, deleteInspection, listInspections, requireInspection } from '#domain/inspections';
import { jobFor } from '#domain/jobs';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { inspectionsRoutes } from '#route-table/inspections';

const postInspection: RouteHandler<'POST /inspections'> = async ({ body, query, user }) => {
  const inspection = await createInspection(body, user, { refuseOverlap: query.overlap === 'refuse' });
  return json(201, inspection, { location: `/inspections/${inspection.inspectionId}` });
};

const getInspections: RouteHandler<'GET /inspections'> = async ({ query }) => json(200, await listInspections(query.cursor));

const getInspection: RouteHandler<'GET /inspections/{id}'> = async ({ params }) => json(200, await requireInspection(params.id));

const getJob: RouteHandler<'GET /jobs/{jobId}'> = async ({ params }) => json(200, await jobFor(params.jobId));

const removeInspection: RouteHandler<'DELETE /inspections/{id}'> = async ({ params }) =>
  json(200, { inspectionId: (await deleteInspection(params.id)).inspectionId, deleted: true as const });

export const handler = httpHandler(inspectionsRoutes, {
  'POST /inspections': postInspection,
  'GET /inspections': getInspections,
  'GET /inspections/{id}': getInspection,
  'GET /jobs/{jobId}': getJob,
  'DELETE /inspections/{id}': removeInspection,
});
