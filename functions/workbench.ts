/**
 * The workbench's pages for inspections (issue 12): the home page, a new inspection, an
 * inspection's dashboard with its CSV upload, the template and "Recompute now". Every page
 * calls the use case its JSON route calls; every POST answers with a 303 (post/redirect/get)
 * or, on bad input, the same page with the GOV.UK error summary.
 */
import * as z from 'zod/mini';
import { InvalidInput } from '../shared/http/errors';
import { html, httpHandler, type HttpRequest, type MultipartBody } from '../shared/http/handler';
import { csrfToken } from '../shared/http/session';
import { CreateInspection } from '../shared/schemas/inspection';
import {
  allCasesOf,
  casesTemplateOf,
  createInspection,
  importCases,
  latestSummary,
  listInspections,
  recomputeSummary,
  requireInspection,
} from '../shared/web/use-cases';
import { download, errorPage, seeOther } from '../shared/web/workbench-http';
import { dashboardPage, homePage, newInspectionPage, pageUrls, startPage, type FieldError } from '../shared/web/workbench-pages';
import { uploadProblems } from '../shared/web/upload';

const FIELD_NAMES = { area: 'the probation area', fieldworkStart: 'the first day of fieldwork', fieldworkEnd: 'the last day of fieldwork' } as const;

export const handler = httpHandler(
  [
    'GET /',
    'GET /workbench/inspections/new',
    'POST /workbench/inspections/new',
    'GET /workbench/inspections/{id}',
    'POST /workbench/inspections/{id}/cases',
    'GET /workbench/inspections/{id}/cases-template.csv',
    'POST /workbench/inspections/{id}/recompute',
  ],
  async (request: HttpRequest) => {
    const { route, params, query, body, session } = request;
    // Every route but the home page has a role list, so the stack has made sure of a session.
    const csrf = session ? csrfToken(session) : '';
    switch (`${route.method} ${route.path}`) {
      case 'GET /': {
        if (!session) return html(200, startPage());
        const { inspections, nextCursor } = await listInspections(query.cursor?.slice(0, 400) || undefined);
        return html(200, homePage(session, csrf, inspections, nextCursor));
      }

      case 'GET /workbench/inspections/new':
        return html(200, newInspectionPage(session!, csrf, { area: '', fieldworkStart: '', fieldworkEnd: '' }));

      case 'POST /workbench/inspections/new': {
        const form = body as URLSearchParams;
        const values = { area: form.get('area') ?? '', fieldworkStart: form.get('fieldworkStart')?.trim() ?? '', fieldworkEnd: form.get('fieldworkEnd')?.trim() ?? '' };
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
        return html(400, newInspectionPage(session!, csrf, values, errors));
      }

      case 'GET /workbench/inspections/{id}': {
        const uploaded =
          /^\d{1,5}$/.test(query.created ?? '') && /^\d{1,5}$/.test(query.replaced ?? '')
            ? { created: Number(query.created), replaced: Number(query.replaced) }
            : undefined;
        return html(200, await dashboard(params.id!, request, uploaded));
      }

      case 'POST /workbench/inspections/{id}/cases': {
        const inspection = await requireInspection(params.id!);
        const checked = uploadProblems(body as MultipartBody);
        let problems = checked.problems;
        if (checked.text !== undefined) {
          try {
            const outcome = await importCases(inspection.inspectionId, checked.text, session!);
            return seeOther(`${pageUrls.dashboard(inspection.inspectionId)}?created=${outcome.created}&replaced=${outcome.replaced}`);
          } catch (error) {
            if (!(error instanceof InvalidInput)) throw error;
            problems = error.errors.map((p) => inWords(p.path, p.message));
          }
        }
        return html(400, await dashboard(inspection.inspectionId, request, undefined, problems));
      }

      case 'GET /workbench/inspections/{id}/cases-template.csv': {
        const { filename, csv } = await casesTemplateOf(params.id!);
        return download(csv, 'text/csv; charset=utf-8', filename);
      }

      case 'POST /workbench/inspections/{id}/recompute': {
        const summary = await recomputeSummary(params.id!);
        return seeOther(pageUrls.dashboard(summary.inspectionId));
      }

      default:
        throw new InvalidInput([{ path: '', message: 'No such page' }]);
    }
  },
  { errorPage },
);

async function dashboard(id: string, { session }: HttpRequest, uploaded?: { created: number; replaced: number }, uploadErrors?: string[]) {
  const inspection = await requireInspection(id);
  const [cases, summary] = await Promise.all([allCasesOf(inspection), latestSummary(inspection.inspectionId)]);
  return dashboardPage({
    session: session!,
    csrf: csrfToken(session!),
    inspection,
    cases: cases.map((c) => ({ caseType: c.profile.caseType, assessor: c.profile.assessor, updatedBy: c.updatedBy })),
    summary,
    uploaded,
    uploadErrors,
  });
}

/** "row 3.caseType" -> "Row 3, column caseType: ..." : where an inspector would look in the spreadsheet. */
function inWords(path: string, message: string): string {
  const m = /^row (\d+)(?:\.(.+))?$/.exec(path);
  if (m) return `Row ${m[1]}${m[2] ? `, column ${m[2]}` : ''}: ${message}`;
  const h = /^header\.(.+)$/.exec(path);
  if (h) return `Header row: ${message}`;
  return message;
}
