/**
 * The workbench's pages for inspections (issue 12): the home page, a new inspection, an
 * inspection's dashboard with its CSV upload, the template and "Recompute now". Every page
 * calls the use case its JSON route calls; every POST answers with a 303 (post/redirect/get)
 * or, on bad input, the same page with the GOV.UK error summary.
 */
import * as z from 'zod/mini';
import { DuplicateInspection, InspectionClosed, InvalidInput, NotFound } from '#core/errors';
import { CasesWouldBeReplaced, casesTemplateOf } from '#domain/cases';
import { importCases } from '#domain/case-imports';
import { taskListOf } from '#domain/dashboard';
import { createInspection, listInspections, requireInspection } from '#domain/inspections';
import { jobFor } from '#domain/jobs';
import { recomputeSummary } from '#domain/summary';
import { download, html, httpHandler, type HttpReply, type RouteHandler } from '#http/handler';
import { workbenchRoutes } from '#route-table/workbench';
import { parseMultipart } from '#http/multipart';
import { pageOptions, seeOther } from '#http/pages';
import { csrfToken, type Session } from '#http/session';
import { CreateInspection, type Inspection } from '#schemas/inspection';
import { CARRIED_CSV_MAX_CHARS, replaceCasesPage } from '#web/workbench/upload-pages';
import { uploadProblems } from '#web/workbench/upload';
import { dateFromForm } from '#web/common/form-values';
import { CLOSED_EXPLANATION, jobPage, pageUrls, uploadPendingPage, type FieldError } from '#web/workbench/frame';
import { dashboardPage } from '#web/workbench/dashboard-page';
import { homePage, newInspectionPage, startPage } from '#web/workbench/home-pages';

const FIELD_NAMES = { area: 'the probation area', fieldworkStart: 'the first day of fieldwork', fieldworkEnd: 'the last day of fieldwork' } as const;

const home: RouteHandler<'GET /'> = async ({ query, session }) => {
  if (!session) return html(200, startPage());
  const { inspections, nextCursor } = await listInspections(query.cursor?.slice(0, 400) || undefined);
  return html(200, homePage(session, csrfToken(session), inspections, nextCursor));
};

const newInspectionForm: RouteHandler<'GET /workbench/inspections/new'> = async ({ session }) =>
  html(200, newInspectionPage(session!, csrfToken(session!), { area: '', fieldworkStart: '', fieldworkEnd: '' }));

const postNewInspection: RouteHandler<'POST /workbench/inspections/new'> = async ({ body, session }) => {
  const parts: Record<string, string> = {};
  const start = dateFromForm(body, 'fieldworkStart', FIELD_NAMES.fieldworkStart, parts);
  const end = dateFromForm(body, 'fieldworkEnd', FIELD_NAMES.fieldworkEnd, parts);
  const values = { area: body.get('area') ?? '', fieldworkStart: start.value, fieldworkEnd: end.value, parts };
  const errors: FieldError[] = [];
  if (!values.area.trim()) errors.push({ field: 'area', message: `Enter ${FIELD_NAMES.area}` });
  if (start.problem) errors.push({ field: 'fieldworkStart', message: start.problem });
  if (end.problem) errors.push({ field: 'fieldworkEnd', message: end.problem });
  // The schema the JSON route uses has the last word; the checks above only put its problems in words.
  const parsed = z.safeParse(CreateInspection, { area: values.area, fieldworkStart: values.fieldworkStart, fieldworkEnd: values.fieldworkEnd });
  if (parsed.success && errors.length === 0) {
    try {
      const inspection = await createInspection(parsed.data, session!);
      return seeOther(pageUrls.dashboard(inspection.inspectionId));
    } catch (error) {
      if (!(error instanceof DuplicateInspection)) throw error;
      const message = `${values.area.trim()} already has an inspection whose fieldwork overlaps these dates`;
      return html(409, newInspectionPage(session!, csrfToken(session!), values, [{ field: 'fieldworkStart', message }], error.existing));
    }
  }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? 'area') as keyof typeof FIELD_NAMES;
    if (errors.some((e) => e.field === field)) continue;
    const name = FIELD_NAMES[field] ?? field;
    errors.push({
      field,
      message:
        issue.message === 'Not a real date'
          ? `${name[0]!.toUpperCase()}${name.slice(1)} must be a real date`
          : field === 'area' && issue.code === 'too_big'
            ? 'The probation area must be 80 characters or fewer'
            : issue.message,
    });
  }
  return html(400, newInspectionPage(session!, csrfToken(session!), values, errors));
};

const dashboard: RouteHandler<'GET /workbench/inspections/{id}'> = async ({ params, query, session }) => {
  const uploaded =
    /^\d{1,5}$/.test(query.created ?? '') && /^\d{1,5}$/.test(query.replaced ?? '')
      ? { created: Number(query.created), replaced: Number(query.replaced) }
      : undefined;
  return html(200, await dashboardHtml(params.id, session!, uploaded, undefined, query.recomputed === '1'));
};

/** Left of the invocation when the upload page stops waiting for an import: enough to render and send the page. */
const ANSWER_BEFORE_DEADLINE_MS = 3_000;

const uploadCases: RouteHandler<'POST /workbench/inspections/{id}/cases'> = async ({ params, body, session, remainingTimeMs }) => {
  const inspection = await requireInspection(params.id);
  const checked = uploadProblems(body);
  if (checked.text === undefined) return html(400, await dashboardHtml(inspection.inspectionId, session!, undefined, checked.problems));
  return importAndAnswer(inspection, session!, checked.text, body.fields.confirmation, remainingTimeMs);
};

/** The confirmation page's button: the file it carried, and what the person was shown. */
const replaceCases: RouteHandler<'POST /workbench/inspections/{id}/cases/replace'> = async ({ params, body, session, remainingTimeMs }) => {
  const inspection = await requireInspection(params.id);
  const csv = body.get('csv') ?? '';
  if (!csv.trim()) return html(400, await dashboardHtml(inspection.inspectionId, session!, undefined, ['Select a CSV file to upload']));
  return importAndAnswer(inspection, session!, csv, body.get('confirmation') ?? undefined, remainingTimeMs);
};

/**
 * Imports the file, asking first about any case it would replace (issue 27): with no
 * confirmation, or one for another list, the confirmation page lists them and nothing is stored.
 */
async function importAndAnswer(
  inspection: Inspection,
  session: Session,
  csv: string,
  confirmation: string | undefined,
  remainingTimeMs: () => number,
): Promise<HttpReply> {
  try {
    const importing = importCases(inspection.inspectionId, csv, session, { existing: 'ask', ...(confirmation ? { confirmation } : {}) });
    const outcome = await beforeDeadline(importing, remainingTimeMs() - ANSWER_BEFORE_DEADLINE_MS);
    if (outcome === 'deadline') {
      // Never a bare 500 at the deadline: the person is told what may have happened and what is safe to do.
      importing.catch(() => undefined);
      return html(202, uploadPendingPage(session, csrfToken(session), inspection.inspectionId));
    }
    // A large upload, checked whole, is written by a job: its page says when it is done.
    if (outcome.job) return seeOther(pageUrls.job(outcome.job.jobId));
    return seeOther(`${pageUrls.dashboard(inspection.inspectionId)}?created=${outcome.created}&replaced=${outcome.replaced}`);
  } catch (error) {
    if (error instanceof CasesWouldBeReplaced) {
      return html(
        409,
        replaceCasesPage({
          session,
          csrf: csrfToken(session),
          inspectionId: inspection.inspectionId,
          area: inspection.area,
          cases: error.cases.map(({ updatedBy: _sub, updatedByName, ...c }) => ({ ...c, savedBy: updatedByName })),
          uploaded: error.uploaded,
          confirmation: error.confirmation,
          ...(csv.length <= CARRIED_CSV_MAX_CHARS ? { csv } : {}),
          changedSinceAsked: !!confirmation,
        }),
      );
    }
    // Closed since the page was opened: the page says so, with who can reopen it (the file is not kept: no browser refills a file input).
    if (error instanceof InspectionClosed) return html(409, await dashboardHtml(inspection.inspectionId, session, undefined, [CLOSED_EXPLANATION]));
    if (!(error instanceof InvalidInput)) throw error;
    return html(
      400,
      await dashboardHtml(
        inspection.inspectionId,
        session,
        undefined,
        error.errors.map((p) => p.message),
      ),
    );
  }
}

/** The work's outcome, or 'deadline' when it has not finished within `ms`. */
async function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'deadline'> {
  if (!Number.isFinite(ms)) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const template: RouteHandler<'GET /workbench/inspections/{id}/cases-template.csv'> = async ({ params, query }) => {
  const { filename, csv } = await casesTemplateOf(params.id, query.caseType);
  return download(csv, filename);
};

const recompute: RouteHandler<'POST /workbench/inspections/{id}/recompute'> = async ({ params }) => {
  const summary = await recomputeSummary(params.id);
  return seeOther(`${pageUrls.dashboard(summary.inspectionId)}?recomputed=1`);
};

const jobStatus: RouteHandler<'GET /workbench/jobs/{jobId}'> = async ({ params, session }) => {
  const job = await jobFor(params.jobId);
  const batchId = job.kind === 'invitations' && job.status === 'done' ? (job.result as { batchId?: string } | undefined)?.batchId : undefined;
  const next =
    job.kind === 'release'
      ? { href: pageUrls.releases(job.inspectionId), text: "Go to the inspection's releases" }
      : job.kind === 'import'
        ? { href: pageUrls.cases(job.inspectionId), text: "Go to the inspection's cases" }
        : batchId
          ? {
              href: `${pageUrls.invitations(job.inspectionId)}/${encodeURIComponent(batchId)}.csv`,
              text: 'Download the links (CSV for a mail merge)',
            }
          : { href: pageUrls.invitations(job.inspectionId), text: "Go to the inspection's invitations" };
  return html(200, jobPage(session!, csrfToken(session!), job, next));
};

const workbenchPrefix: RouteHandler<'GET /workbench'> = async () => seeOther(pageUrls.home);

const notFound: RouteHandler<'GET /workbench/{path+}'> = async () => {
  throw new NotFound('If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.');
};

export const handler = httpHandler(
  workbenchRoutes,
  {
    'GET /': home,
    'GET /workbench/inspections/new': newInspectionForm,
    'POST /workbench/inspections/new': postNewInspection,
    'GET /workbench/inspections/{id}': dashboard,
    'POST /workbench/inspections/{id}/cases': uploadCases,
    'POST /workbench/inspections/{id}/cases/replace': replaceCases,
    'GET /workbench/inspections/{id}/cases-template.csv': template,
    'POST /workbench/inspections/{id}/recompute': recompute,
    'GET /workbench/jobs/{jobId}': jobStatus,
    'GET /workbench': workbenchPrefix,
    'GET /workbench/{path+}': notFound,
  },
  { ...pageOptions, multipart: parseMultipart },
);

async function dashboardHtml(
  id: string,
  session: Session,
  uploaded?: { created: number; replaced: number },
  uploadErrors?: string[],
  recomputed = false,
) {
  const { inspection, cases, summary, stages } = await taskListOf(id);
  return dashboardPage({ session, csrf: csrfToken(session), inspection, cases, summary, uploaded, uploadErrors, recomputed, stages });
}
