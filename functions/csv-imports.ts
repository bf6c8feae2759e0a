import { casesTemplateOf, importCases } from '../shared/domain/cases';
import { recordPerformanceFigures } from '../shared/domain/evidence';
import { download, httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { csvImportsRoutes } from '../shared/route-table/csv-imports';

const uploadCases: RouteHandler<'POST /inspections/{id}/cases'> = async ({ body, params, user }) => json(200, await importCases(params.id, body, user));

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
