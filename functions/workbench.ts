/**
 * The workbench's pages for inspections (issue 12): the home page, a new inspection, an
 * inspection's dashboard with its CSV upload, the template and "Recompute now". Every page
 * calls the use case its JSON route calls; every POST answers with a 303 (post/redirect/get)
 * or, on bad input, the same page with the GOV.UK error summary.
 */
import * as z from 'zod/mini';
import { InvalidInput } from '../shared/core/errors';
import { importCases, casesTemplateOf } from '../shared/domain/cases';
import { dashboardOf } from '../shared/domain/dashboard';
import { createInspection, listInspections, requireInspection } from '../shared/domain/inspections';
import { recomputeSummary } from '../shared/domain/summary';
import { download, html, httpHandler, type RouteHandler } from '../shared/http/handler';
import { workbenchRoutes } from '../shared/route-table/workbench';
import { parseMultipart } from '../shared/http/multipart';
import { pageOptions, seeOther } from '../shared/http/pages';
import { csrfToken, type Session } from '../shared/http/session';
import { CreateInspection } from '../shared/schemas/inspection';
import { uploadProblems } from '../shared/web/upload';
import { dashboardPage, homePage, newInspectionPage, pageUrls, startPage, uploadPendingPage, type FieldError } from '../shared/web/workbench-pages';

const FIELD_NAMES = { area: 'the probation area', fieldworkStart: 'the first day of fieldwork', fieldworkEnd: 'the last day of fieldwork' } as const;

const home: RouteHandler<'GET /'> = async ({ query, session }) => {
  if (!session) return html(200, startPage());
  const { inspections, nextCursor } = await listInspections(query.cursor?.slice(0, 400) || undefined);
  return html(200, homePage(session, csrfToken(session), inspections, nextCursor));
};

const newInspectionForm: RouteHandler<'GET /workbench/inspections/new'> = async ({ session }) =>
  html(200, newInspectionPage(session!, csrfToken(session!), { area: '', fieldworkStart: '', fieldworkEnd: '' }));

const postNewInspection: RouteHandler<'POST /workbench/inspections/new'> = async ({ body, session }) => {
  const values = { area: body.get('area') ?? '', fieldworkStart: body.get('fieldworkStart')?.trim() ?? '', fieldworkEnd: body.get('fieldworkEnd')?.trim() ?? '' };
  const errors: FieldError[] = [];
  for (const field of Object.keys(FIELD_NAMES) as (keyof typeof FIELD_NAMES)[]) {
    if (!values[field].trim()) errors.push({ field, message: `Enter ${FIELD_NAMES[field]}` });
    else if (field !== 'area' && !/^\d{4}-\d{2}-\d{2}$/.test(values[field]))
      errors.push({ field, message: `Enter ${FIELD_NAMES[field]} as year-month-day, for example 2007-11-05` });
  }
  // The schema the JSON route uses has the last word; the checks above only put its problems in words.
  const parsed = z.safeParse(CreateInspection, values);
  if (parsed.success && errors.length === 0) {
    const inspection = await createInspection(parsed.data, session!);
    return seeOther(pageUrls.dashboard(inspection.inspectionId));
  }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? 'area') as keyof typeof FIELD_NAMES;
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: issue.message === 'Not a real date' ? `Enter a real date for ${FIELD_NAMES[field] ?? field}` : issue.message });
  }
  return html(400, newInspectionPage(session!, csrfToken(session!), values, errors));
};

const dashboard: RouteHandler<'GET /workbench/inspections/{id}'> = async ({ params, query, session }) => {
  const uploaded =
    /^\d{1,5}$/.test(query.created ?? '') && /^\d{1,5}$/.test(query.replaced ?? '') ? { created: Number(query.created), replaced: Number(query.replaced) } : undefined;
  return html(200, await dashboardHtml(params.id, session!, uploaded));
};

/** Left of the invocation when the upload page stops waiting for an import: enough to render and send the page. */
const ANSWER_BEFORE_DEADLINE_MS = 3_000;

const uploadCases: RouteHandler<'POST /workbench/inspections/{id}/cases'> = async ({ params, body, session, remainingTimeMs }) => {
  const inspection = await requireInspection(params.id);
  const checked = uploadProblems(body);
  let problems = checked.problems;
  if (checked.text !== undefined) {
    try {
      const importing = importCases(inspection.inspectionId, checked.text, session!);
      const outcome = await beforeDeadline(importing, remainingTimeMs() - ANSWER_BEFORE_DEADLINE_MS);
      if (outcome === 'deadline') {
        // Never a bare 500 at the deadline: the person is told what may have happened and what is safe to do.
        importing.catch(() => undefined);
        return html(202, uploadPendingPage(session!, csrfToken(session!), inspection.inspectionId));
      }
      return seeOther(`${pageUrls.dashboard(inspection.inspectionId)}?created=${outcome.created}&replaced=${outcome.replaced}`);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      problems = error.errors.map((p) => inWords(p.path, p.message));
    }
  }
  return html(400, await dashboardHtml(inspection.inspectionId, session!, undefined, problems));
};

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

const template: RouteHandler<'GET /workbench/inspections/{id}/cases-template.csv'> = async ({ params }) => {
  const { filename, csv } = await casesTemplateOf(params.id);
  return download(csv, filename);
};

const recompute: RouteHandler<'POST /workbench/inspections/{id}/recompute'> = async ({ params }) => {
  const summary = await recomputeSummary(params.id);
  return seeOther(pageUrls.dashboard(summary.inspectionId));
};

export const handler = httpHandler(
  workbenchRoutes,
  {
    'GET /': home,
    'GET /workbench/inspections/new': newInspectionForm,
    'POST /workbench/inspections/new': postNewInspection,
    'GET /workbench/inspections/{id}': dashboard,
    'POST /workbench/inspections/{id}/cases': uploadCases,
    'GET /workbench/inspections/{id}/cases-template.csv': template,
    'POST /workbench/inspections/{id}/recompute': recompute,
  },
  { ...pageOptions, multipart: parseMultipart },
);

async function dashboardHtml(id: string, session: Session, uploaded?: { created: number; replaced: number }, uploadErrors?: string[]) {
  const { inspection, cases, summary } = await dashboardOf(id);
  return dashboardPage({ session, csrf: csrfToken(session), inspection, cases, summary, uploaded, uploadErrors });
}

/** "row 3.caseType" -> "Row 3, column caseType: ..." : where an inspector would look in the spreadsheet. */
function inWords(path: string, message: string): string {
  const m = /^row (\d+)(?:\.(.+))?$/.exec(path);
  if (m) return `Row ${m[1]}${m[2] ? `, column ${m[2]}` : ''}: ${message}`;
  if (path.startsWith('header.')) return `Header row: ${message}`;
  return message;
}
