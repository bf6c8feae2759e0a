import { casesTemplateOf, importCases } from '../shared/domain/cases';
import { download, httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { casesCsvRoutes } from '../shared/route-table/cases-csv';

const uploadCases: RouteHandler<'POST /inspections/{id}/cases'> = async ({ body, params, user }) => json(200, await importCases(params.id, body, user));

const casesTemplate: RouteHandler<'GET /inspections/{id}/cases-template.csv'> = async ({ params }) => {
  const { filename, csv } = await casesTemplateOf(params.id);
  return download(csv, filename);
};

export const handler = httpHandler(casesCsvRoutes, {
  'POST /inspections/{id}/cases': uploadCases,
  'GET /inspections/{id}/cases-template.csv': casesTemplate,
});
