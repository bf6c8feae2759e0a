import { latestSummary, recomputeSummary, summaryComments, summaryDownload } from '#domain/summary';
import { download, httpHandler, json, type RouteHandler } from '#http/handler';
import { summaryRoutes } from '#route-table/summary';

const getSummary: RouteHandler<'GET /inspections/{id}/summary'> = async ({ params, query }) => {
  const summary = await latestSummary(params.id);
  if (query.format !== 'csv') return json(200, summary);
  const { filename, csv } = summaryDownload(summary);
  return download(csv, filename);
};

const getComments: RouteHandler<'GET /inspections/{id}/summary/comments'> = async ({ params, query }) =>
  json(200, await summaryComments(params.id, Number(query.page ?? 1)));

const aggregateNow: RouteHandler<'POST /inspections/{id}/aggregate'> = async ({ params }) => json(200, await recomputeSummary(params.id));

export const handler = httpHandler(summaryRoutes, {
  'GET /inspections/{id}/summary': getSummary,
  'GET /inspections/{id}/summary/comments': getComments,
  'POST /inspections/{id}/aggregate': aggregateNow,
});
