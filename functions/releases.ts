/**
 * Releases: freeze the report (admin), list them, serve a release's frozen report and
 * summary byte for byte, and reopen an inspection a final release closed.
 */
import { createRelease, recoverTransition, releasedFile, releasesOf, reopenInspection } from '../shared/domain/releases';
import { download, httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { releasesRoutes } from '../shared/route-table/releases';
import { frozenJson, renderRelease, reportHtml } from '../shared/http/report-replies';

const postRelease: RouteHandler<'POST /inspections/{id}/releases'> = async ({ params, body, user }) =>
  json(201, await createRelease(params.id, body.kind, user, renderRelease, { confirm: body.confirm }));

const listReleases: RouteHandler<'GET /inspections/{id}/releases'> = async ({ params }) => json(200, await releasesOf(params.id));

const releaseReport: RouteHandler<'GET /inspections/{id}/releases/{releaseId}/report'> = async ({ params, query, correlationId }) => {
  const base = `/inspections/${encodeURIComponent(params.id)}/releases/${encodeURIComponent(params.releaseId)}/summary`;
  return reportHtml(correlationId, async () => (await releasedFile(params.id, params.releaseId, query.lang ?? 'en', { json: base, csv: `${base}?format=csv` })).body);
};

const releaseSummary: RouteHandler<'GET /inspections/{id}/releases/{releaseId}/summary'> = async ({ params, query }) => {
  if (query.format !== 'csv') return frozenJson((await releasedFile(params.id, params.releaseId, 'json')).body);
  const { body, filename } = await releasedFile(params.id, params.releaseId, 'csv');
  return download(body, filename);
};

const reopen: RouteHandler<'POST /inspections/{id}/reopen'> = async ({ params, user }) => json(200, await reopenInspection(params.id, user));

const recover: RouteHandler<'POST /inspections/{id}/releases/recover'> = async ({ params, body, user }) =>
  json(200, await recoverTransition(params.id, body.action, user, renderRelease));

export const handler = httpHandler(releasesRoutes, {
  'POST /inspections/{id}/releases': postRelease,
  'GET /inspections/{id}/releases': listReleases,
  'GET /inspections/{id}/releases/{releaseId}/report': releaseReport,
  'GET /inspections/{id}/releases/{releaseId}/summary': releaseSummary,
  'POST /inspections/{id}/reopen': reopen,
  'POST /inspections/{id}/releases/recover': recover,
});
