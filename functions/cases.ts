import { caseWithHistory, listCasesPage, recordCase } from '#domain/cases';
import { questionBreakdownsOf } from '#domain/question-breakdowns';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { casesRoutes } from '#route-table/cases';

const putCase: RouteHandler<'PUT /inspections/{id}/cases/{caseRef}'> = async ({ body, params, user }) => {
  const recorded = await recordCase(params.id, params.caseRef, body, user);
  return json(recorded.outcome === 'created' ? 201 : 200, recorded);
};

const getCase: RouteHandler<'GET /inspections/{id}/cases/{caseRef}'> = async ({ params }) =>
  json(200, await caseWithHistory(params.id, params.caseRef));

const listCases: RouteHandler<'GET /inspections/{id}/cases'> = async ({ params, query }) => json(200, await listCasesPage(params.id, query.cursor));

const questionBreakdowns: RouteHandler<'GET /inspections/{id}/question-breakdowns'> = async ({ params, query }) =>
  json(200, await questionBreakdownsOf(params.id, query.criterion));

export const handler = httpHandler(casesRoutes, {
  'PUT /inspections/{id}/cases/{caseRef}': putCase,
  'GET /inspections/{id}/cases/{caseRef}': getCase,
  'GET /inspections/{id}/cases': listCases,
  'GET /inspections/{id}/question-breakdowns': questionBreakdowns,
});
