import { casesTemplateOf, importCases } from '../shared/domain/cases';
import { recordPerformanceFigures } from '../shared/domain/evidence';
import { once } from '../shared/domain/idempotency';
import { download, httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { idempotentRequest } from '../shared/http/idempotency';
import { csvImportsRoutes } from '../shared/route-table/csv-imports';

// Replacing without asking stays the default: the contract's 200 for any good file.
const uploadCases: RouteHandler<'POST /inspections/{id}/cases'> = async (request) =>
  json(200, (await once(idempotentRequest(request), () => importCases(request.params.id, request.body, request.user, { existing: request.query.replace === 'ask' ? 'ask' : 'replace' }))).answer);

const casesTemplate: RouteHandler<'GET /inspections/{id}/cases-template.csv'> = async ({ params, query }) => {
  const { filename, csv } = await casesTemplateOf(params.id, query.caseType);
  return download(csv, filename);
};

const putPerformanceFigures: RouteHandler<'PUT /inspections/{id}/performance-figures'> = async ({ body, params, user }) =>
  json(200, await recordPerformanceFigures(params.id, body, user));

export const handler = httpHandler(csvImportsRoutes, {
  'POST /inspections/{id}/cases': uploadCases,
  'GET /inspections/{id}/cases-template.csv': casesTemplate,
  'PUT /inspections/{id}/performance-figures': putPerformanceFigures,
});
