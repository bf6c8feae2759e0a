/**
 * The improvement plan (issue 29): read and replace it with its ETag, export it, publish it
 * as an annex to a final release and serve that annex as frozen.
 */
import { improvementPlanCsv, improvementPlanOf, planAnnexOf, publishPlanAnnex, replaceImprovementPlan } from '#domain/improvement-plan';
import { download, httpHandler, json, type RouteHandler, versioned } from '#http/handler';
import { improvementPlanRoutes } from '#route-table/improvement-plan';

const getPlan: RouteHandler<'GET /inspections/{id}/improvement-plan'> = async ({ params }) => {
  const { plan, etag } = await improvementPlanOf(params.id);
  return versioned(plan, etag);
};

const putPlan: RouteHandler<'PUT /inspections/{id}/improvement-plan'> = async ({ params, body, user, event }) => {
  const { plan, etag } = await replaceImprovementPlan(params.id, body, event.headers?.['if-match'], user);
  return versioned(plan, etag);
};

const planCsv: RouteHandler<'GET /inspections/{id}/improvement-plan.csv'> = async ({ params }) => {
  const { csv, filename } = await improvementPlanCsv(params.id);
  return download(csv, filename);
};

const publishAnnex: RouteHandler<'POST /inspections/{id}/releases/{releaseId}/improvement-plan'> = async ({ params, user }) =>
  json(201, await publishPlanAnnex(params.id, params.releaseId, user));

const annex: RouteHandler<'GET /inspections/{id}/releases/{releaseId}/improvement-plan'> = async ({ params, query }) => {
  const frozen = await planAnnexOf(params.id, params.releaseId);
  if (query.format === 'csv') return download(frozen.csv, frozen.filename);
  return { status: 200, body: frozen.json, contentType: 'application/json; charset=utf-8' };
};

export const handler = httpHandler(improvementPlanRoutes, {
  'GET /inspections/{id}/improvement-plan': getPlan,
  'PUT /inspections/{id}/improvement-plan': putPlan,
  'GET /inspections/{id}/improvement-plan.csv': planCsv,
  'POST /inspections/{id}/releases/{releaseId}/improvement-plan': publishAnnex,
  'GET /inspections/{id}/releases/{releaseId}/improvement-plan': annex,
});
