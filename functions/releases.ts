/**
 * Releases: freeze the report (admin), list them, serve a release's frozen report and
 * summary byte for byte, and reopen an inspection a final release closed.
 */
import { createRelease, recoverTransition, releasedFile, releasesOf, reopenInspection } from '#domain/releases';
import { once } from '#domain/idempotency';
import { dataPackageOf, dataPackageResource } from '#domain/data-package';
import { download, httpHandler, json, type RouteHandler } from '#http/handler';
import { idempotentRequest } from '#http/idempotency';
import { releasesRoutes } from '#route-table/releases';
import { frozenJson, renderRelease, reportHtml } from '#http/report-replies';

const postRelease: RouteHandler<'POST /inspections/{id}/releases'> = async (request) => {
  const outcome = (
    await once(idempotentRequest(request), () =>
      createRelease(request.params.id, request.body.kind, request.user, renderRelease, { confirm: request.body.confirm }),
    )
  ).answer;
  return 'job' in outcome ? json(202, outcome.job, { location: outcome.job.location }) : json(201, outcome.release);
};

const listReleases: RouteHandler<'GET /inspections/{id}/releases'> = async ({ params }) => json(200, await releasesOf(params.id));

const releaseReport: RouteHandler<'GET /inspections/{id}/releases/{releaseId}/report'> = async ({ params, query, correlationId }) => {
  const base = `/inspections/${encodeURIComponent(params.id)}/releases/${encodeURIComponent(params.releaseId)}/summary`;
  return reportHtml(
    correlationId,
    async () => (await releasedFile(params.id, params.releaseId, query.lang ?? 'en', { json: base, csv: `${base}?format=csv` })).body,
  );
};

const releaseSummary: RouteHandler<'GET /inspections/{id}/releases/{releaseId}/summary'> = async ({ params, query }) => {
  if (query.format !== 'csv') return frozenJson((await releasedFile(params.id, params.releaseId, 'json')).body);
  const { body, filename } = await releasedFile(params.id, params.releaseId, 'csv');
  return download(body, filename);
};

const dataPackage: RouteHandler<'GET /inspections/{id}/releases/{releaseId}/data-package'> = async ({ params, query, user }) =>
  json(200, await dataPackageOf(params.id, params.releaseId, user, query.freeText === 'include'));

const dataPackageFile: RouteHandler<'GET /inspections/{id}/releases/{releaseId}/data-package/{resource}'> = async ({ params, user }) => {
  const { csv, filename } = await dataPackageResource(params.id, params.releaseId, params.resource, user);
  return download(csv, filename);
};

const reopen: RouteHandler<'POST /inspections/{id}/reopen'> = async (request) =>
  json(200, (await once(idempotentRequest(request), () => reopenInspection(request.params.id, request.user))).answer);

const recover: RouteHandler<'POST /inspections/{id}/releases/recover'> = async ({ params, body, user }) =>
  json(200, await recoverTransition(params.id, body.action, user, renderRelease));

export const handler = httpHandler(releasesRoutes, {
  'POST /inspections/{id}/releases': postRelease,
  'GET /inspections/{id}/releases': listReleases,
  'GET /inspections/{id}/releases/{releaseId}/report': releaseReport,
  'GET /inspections/{id}/releases/{releaseId}/summary': releaseSummary,
  'GET /inspections/{id}/releases/{releaseId}/data-package': dataPackage,
  'GET /inspections/{id}/releases/{releaseId}/data-package/{resource}': dataPackageFile,
  'POST /inspections/{id}/reopen': reopen,
  'POST /inspections/{id}/releases/recover': recover,
});
