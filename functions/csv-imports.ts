import { casesTemplateOf, importCases } from '../shared/domain/cases';
import { recordPerformanceFigures } from '../shared/domain/evidence';
import { once } from '../shared/domain/idempotency';
import { download, httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { idempotentRequest } from '../shared/http/idempotency';
import { csvImportsRoutes } from '../shared/route-table/csv-imports';

const uploadCases: RouteHandler<'POST /inspections/{id}/cases'> = async (request) =>
  json(200, (await once(idempotentRequest(request), () => importCases(request.params.id, request.body, request.user))).answer);

const casesTemplate: RouteHandler<'GET /inspections/{id}/cases-template.csv'> = async ({ params }) => {
  const { filename, csv } = await casesTemplateOf(params.id);
  return download(csv, filename);
};

const putPerformanceFigures: RouteHandler<'PUT /inspections/{id}/performance-figures'> = async ({ body, params, user }) =>
  json(200, await recordPerformanceFigures(params.id, body, user));

export const handler = httpHandler(csvImportsRoutes, {
  'POST /inspections/{id}/cases': uploadCases,
  'GET /inspections/{id}/cases-template.csv': casesTemplate,
  'PUT /inspections/{id}/performance-figures': putPerformanceFigures,
});
