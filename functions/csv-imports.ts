import { casesTemplateOf } from '#domain/cases';
import { importCases } from '#domain/case-imports';
import { recordPerformanceFigures } from '#domain/evidence';
import { once } from '#domain/idempotency';
import { download, httpHandler, json, type RouteHandler } from '#http/handler';
import { idempotentRequest } from '#http/idempotency';
import { csvImportsRoutes } from '#route-table/csv-imports';

// Replacing without asking stays the default: the contract's 200 for any good file.
const uploadCases: RouteHandler<'POST /inspections/{id}/cases'> = async (request) => {
  const outcome = (
    await once(idempotentRequest(request), () =>
      importCases(request.params.id, request.body, request.user, { existing: request.query.replace === 'ask' ? 'ask' : 'replace' }),
    )
  ).answer;
  // More rows than a request may write: checked whole already, written by a job.
  return outcome.job ? json(202, outcome.job, { location: outcome.job.location }) : json(200, outcome);
};

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
