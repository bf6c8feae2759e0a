/**
 * The workbench's pages for writing and publishing the report: the write-up form, the
 * releases (make, list, open), reopening, and the breakdowns with their diversity view. Each
 * POST goes through the same use case as its JSON route.
 */
import * as z from 'zod/mini';
import { InspectionClosed, InvalidInput, PreconditionFailed, type DomainError } from '../shared/core/errors';
import { createRelease, recoverTransition, releasedFile, releasesOf, reopenInspection, transitionOf } from '../shared/domain/releases';
import { readinessOf, unchangedSinceLastRelease } from '../shared/domain/readiness';
import { isClosed } from '../shared/domain/closing';
import { breakdownsView } from '../shared/domain/summary';
import { replaceWriteUp, writeUpForPage } from '../shared/domain/write-up';
import { requireInspection } from '../shared/domain/inspections';
import { download, html, httpHandler, issuesToProblems, type HttpReply, type RouteHandler } from '../shared/http/handler';
import { workbenchPublishRoutes } from '../shared/route-table/workbench-publish';
import { pageOptions, seeOther } from '../shared/http/pages';
import { CLOSED_EXPLANATION, inPlainWords, pageUrls } from '../shared/web/workbench-pages';
import { frozenJson, renderRelease, reportHtml } from '../shared/http/report-replies';
import { csrfToken } from '../shared/http/session';
import { ReleaseKind } from '../shared/schemas/release';
import { WriteUp } from '../shared/schemas/write-up';
import { breakdownsPage, fieldOfProblem, publishUrls, releasesPage, writeUpFormValues, writeUpFromForm, writeUpPage } from '../shared/web/workbench-publish';

const showWriteUp: RouteHandler<'GET /workbench/inspections/{id}/write-up'> = async ({ params, query, session }) => {
  const { inspection, criteria, read } = await writeUpForPage(params.id);
  return html(200, writeUpPage({ session: session!, csrf: csrfToken(session!), inspection, criteria, values: writeUpFormValues(read.writeUp), etag: read.etag, saved: query.saved === '1' }));
};

const saveWriteUp: RouteHandler<'POST /workbench/inspections/{id}/write-up'> = async ({ params, body, session }) => {
  const { inspection, criteria, read } = await writeUpForPage(params.id);
  const etag = body.get('etag') ?? '';
  const { candidate, values, problems } = writeUpFromForm(body, criteria, read.writeUp);
  const again = (status: number, extra: { errors?: { field: string; message: string }[]; stale?: boolean }, shown = inspection): HttpReply =>
    html(status, writeUpPage({ session: session!, csrf: csrfToken(session!), inspection: shown, criteria, values, etag, ...extra }));
  const parsed = z.safeParse(WriteUp, candidate);
  const schemaProblems = parsed.success ? [] : issuesToProblems(parsed.error.issues, []);
  const shaped = candidate as Parameters<typeof fieldOfProblem>[1];
  if (problems.length || !parsed.success) {
    return again(400, { errors: [...problems, ...schemaProblems.map((p) => ({ field: fieldOfProblem(p.path, shaped), message: p.message }))] });
  }
  try {
    await replaceWriteUp(inspection.inspectionId, parsed.data, etag, session!);
  } catch (error) {
    if (error instanceof PreconditionFailed) return again(409, { stale: true });
    // Closed since the form was opened: what was typed stays on the page, read only, with why.
    if (error instanceof InspectionClosed) return again(409, { errors: [{ field: 'closed-notice', message: CLOSED_EXPLANATION }] }, { ...inspection, status: 'closed' });
    if (error instanceof InvalidInput) return again(400, { errors: error.errors.map((p) => ({ field: fieldOfProblem(p.path, shaped), message: p.message })) });
    throw error;
  }
  return seeOther(`${publishUrls.writeUp(inspection.inspectionId)}?saved=1`);
};

type ReleasesExtra = Omit<Parameters<typeof releasesPage>[0], 'session' | 'csrf' | 'inspection' | 'releases' | 'readiness' | 'transition'>;

async function releasesReply(id: string, session: NonNullable<Parameters<typeof csrfToken>[0]>, status: number, extra: ReleasesExtra = {}): Promise<HttpReply> {
  const inspection = await requireInspection(id);
  const admin = session.roles.includes('admin');
  // The check comes first on the page, for whoever can make the release.
  const [{ releases }, readiness, transition] = await Promise.all([
    releasesOf(inspection.inspectionId),
    admin && !isClosed(inspection) ? readinessOf(inspection.inspectionId) : Promise.resolve(undefined),
    transitionOf(inspection.inspectionId),
  ]);
  return html(status, releasesPage({ session, csrf: csrfToken(session), inspection, releases, ...(readiness ? { readiness } : {}), ...(transition ? { transition } : {}), ...extra }));
}

const showReleases: RouteHandler<'GET /workbench/inspections/{id}/releases'> = async ({ params, query, session }) =>
  releasesReply(params.id, session!, 200, {
    ...(query.made ? { made: query.made } : {}),
    reopened: query.reopened === '1',
    ...(query.recovered === 'finish' || query.recovered === 'undo' ? { recovered: query.recovered } : {}),
  });

const recover: RouteHandler<'POST /workbench/inspections/{id}/releases/recover'> = async ({ params, body, session }) => {
  const action = body.get('action');
  if (action !== 'finish' && action !== 'undo') return releasesReply(params.id, session!, 400, { error: 'Choose whether to finish or undo it' });
  try {
    await recoverTransition(params.id, action, session!, renderRelease);
  } catch (error) {
    if ((error as DomainError).status === 409) return releasesReply(params.id, session!, 409, { error: (error as Error).message });
    throw error;
  }
  return seeOther(`${publishUrls.releases(params.id)}?recovered=${action}`);
};

const makeRelease: RouteHandler<'POST /workbench/inspections/{id}/releases'> = async ({ params, body, session }) => {
  const inspection = await requireInspection(params.id);
  const kind = z.safeParse(ReleaseKind, body.get('kind'));
  const typed = body.get('confirmArea') ?? '';
  const values = { kind: kind.success ? kind.data : undefined, confirmArea: typed };
  if (!kind.success) return releasesReply(params.id, session!, 400, { values, fieldErrors: [{ field: 'kind', message: 'Select the kind of release' }] });
  if (kind.data === 'final' && typed !== inspection.area) {
    const message = typed.trim() ? `The name typed is not ${inspection.area}: type it exactly as shown. Nothing was released.` : `Type the area's name, ${inspection.area}, to confirm the final release`;
    return releasesReply(params.id, session!, 400, { values, fieldErrors: [{ field: 'confirmArea', message }] });
  }
  if (kind.data === 'factual-accuracy') {
    const unchanged = await unchangedSinceLastRelease(inspection.inspectionId);
    if (unchanged) return releasesReply(params.id, session!, 409, { values, unchanged });
  }
  try {
    // The typed name is the confirmation: the admin has seen the check and publishes despite what it lists.
    const made = await createRelease(params.id, kind.data, session!, renderRelease, kind.data === 'final' ? { confirm: typed } : {});
    if ('job' in made) return seeOther(pageUrls.job(made.job.jobId));
    return seeOther(`${publishUrls.releases(params.id)}?made=${encodeURIComponent(made.release.releaseId)}`);
  } catch (error) {
    // The two refusals a person can act on: no cases yet, or the final report released already.
    if (error instanceof InspectionClosed || (error as DomainError).status === 409) return releasesReply(params.id, session!, 409, { values, error: inPlainWords((error as Error).message, inspection) });
    throw error;
  }
};

const reopen: RouteHandler<'POST /workbench/inspections/{id}/reopen'> = async ({ params, session }) => {
  try {
    await reopenInspection(params.id, session!);
  } catch (error) {
    if ((error as DomainError).status === 409) {
      const inspection = await requireInspection(params.id);
      return releasesReply(params.id, session!, 409, { error: inPlainWords((error as Error).message, inspection) });
    }
    throw error;
  }
  return seeOther(`${publishUrls.releases(params.id)}?reopened=1`);
};

const downloadsOf = (id: string, releaseId: string) => {
  const base = `${publishUrls.release(id, releaseId)}/summary`;
  return { json: `${base}.json`, csv: `${base}.csv` };
};

const releaseReport: RouteHandler<'GET /workbench/inspections/{id}/releases/{releaseId}/report'> = async ({ params, query, correlationId }) =>
  reportHtml(correlationId, async () => (await releasedFile(params.id, params.releaseId, query.lang ?? 'en', downloadsOf(params.id, params.releaseId))).body);

const releaseJson: RouteHandler<'GET /workbench/inspections/{id}/releases/{releaseId}/summary.json'> = async ({ params }) =>
  frozenJson((await releasedFile(params.id, params.releaseId, 'json')).body);

const releaseCsv: RouteHandler<'GET /workbench/inspections/{id}/releases/{releaseId}/summary.csv'> = async ({ params }) => {
  const { body, filename } = await releasedFile(params.id, params.releaseId, 'csv');
  return download(body, filename);
};

const breakdowns: RouteHandler<'GET /workbench/inspections/{id}/breakdowns'> = async ({ params, session }) => {
  const { summary, diversityQuestions } = await breakdownsView(params.id);
  return html(200, breakdownsPage(session!, csrfToken(session!), summary, diversityQuestions));
};

export const handler = httpHandler(
  workbenchPublishRoutes,
  {
    'GET /workbench/inspections/{id}/write-up': showWriteUp,
    'POST /workbench/inspections/{id}/write-up': saveWriteUp,
    'GET /workbench/inspections/{id}/releases': showReleases,
    'POST /workbench/inspections/{id}/releases': makeRelease,
    'POST /workbench/inspections/{id}/reopen': reopen,
    'POST /workbench/inspections/{id}/releases/recover': recover,
    'GET /workbench/inspections/{id}/releases/{releaseId}/report': releaseReport,
    'GET /workbench/inspections/{id}/releases/{releaseId}/summary.json': releaseJson,
    'GET /workbench/inspections/{id}/releases/{releaseId}/summary.csv': releaseCsv,
    'GET /workbench/inspections/{id}/breakdowns': breakdowns,
  },
  pageOptions,
);
