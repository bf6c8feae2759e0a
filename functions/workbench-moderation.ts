/**
 * The workbench's evidence pages (issues 14 and 27): offender manager interviews, blind second
 * marking, the moderator's agreed judgements, and the area's caseload and performance figures.
 * Every save calls the use case the JSON route calls; a refused save shows the page again with
 * what was typed and each problem in words.
 */
import { namesOf, ROLE_AS_PERSON } from '#domain/people';
import { InspectionClosed, InvalidInput, type ProblemDetail } from '#core/errors';
import { isClosed } from '#domain/closing';
import {
  interviewSetOf,
  recordAreaContext,
  recordInterview,
  recordInterviewsCsv,
  recordPerformanceFigures,
  recordSecondMarking,
} from '#domain/evidence';
import { interviewsCsvHeader } from '#cases/interviews-csv';
import { areaEvidenceOf, caseToSecondMark, evidenceProgressOf, interviewOf } from '#domain/evidence-progress';
import { flaggedCasesOf } from '#domain/moderation';
import { moderationDecisionsOf, recordModerationDecision } from '#domain/moderation-decisions';
import { html, httpHandler, type HttpReply, type RouteHandler } from '#http/handler';
import { parseMultipart } from '#http/multipart';
import { pageOptions, seeOther } from '#http/pages';
import { csrfToken, type Session } from '#http/session';
import { workbenchModerationRoutes } from '#route-table/workbench-moderation';
import type * as z from 'zod/mini';
import type { CaseAnswers, Judgement } from '#schemas/case';
import type { Inspection } from '#schemas/inspection';
import {
  evidenceUrls,
  fieldIdOf,
  interviewFormPage,
  interviewsPage,
  judgementsFromForm,
  secondMarkingFormPage,
  secondMarkingListPage,
} from '#web/workbench/evidence-pages';
import { areaEvidencePage, contextErrorsOf, readContextForm, valuesOfContext } from '#web/workbench/area-page';
import { uploadProblems } from '#web/workbench/upload';
import type { FieldError } from '#web/workbench/frame';
import { moderationPage } from '#web/workbench/moderation-page';

const CLOSED_WORDS =
  'This inspection is closed: its final report has been released, so nothing can be saved. An admin can reopen it from the releases page. What you entered is still on this page.';
const SAVED: Record<string, string> = {
  interview: 'Interview saved',
  'second-marking': 'Second marking saved',
  context: 'Caseload saved',
  figures: 'Performance figures uploaded',
  decision: 'Agreed judgement recorded',
};
const savedNotice = (query: Record<string, string | undefined>) => SAVED[query.saved ?? ''];

/** A domain's problems as the form's fields: `answers.<id>` becomes that question's radios. */
const fieldErrors = (problems: readonly ProblemDetail[], prefix: string, fallback: string): FieldError[] =>
  problems.map((p) => {
    const path = p.path ?? '';
    const question = path.match(/^(?:answers|decided)\.(.+)$/)?.[1];
    return { field: question ? fieldIdOf(prefix, question) : fallback, message: p.message };
  });

/** A save refused because the inspection closed or the input was wrong: the same page again, with what was typed. */
async function refusedOr(error: unknown, again: (errors: FieldError[]) => Promise<HttpReply>, prefix: string, fallback: string): Promise<HttpReply> {
  if (error instanceof InspectionClosed) return again([{ field: fallback, message: CLOSED_WORDS }]);
  if (error instanceof InvalidInput) return again(fieldErrors(error.errors, prefix, fallback));
  throw error;
}

/* Moderation ------------------------------------------------------------------------------ */

async function moderationHtml(id: string, session: Session, refused?: Parameters<typeof moderationPage>[2]['refused']) {
  const [flagged, stored] = await Promise.all([flaggedCasesOf(id), moderationDecisionsOf(id)]);
  // The page names who agreed each judgement; the stored decision keeps only the account id.
  const nameOf = await namesOf([...stored.values()].map((d) => d.decidedBy));
  const decisions = new Map([...stored].map(([ref, d]) => [ref, { ...d, decidedBy: nameOf(d.decidedBy, ROLE_AS_PERSON.inspector) }]));
  return moderationPage(session, csrfToken(session), {
    ...flagged,
    decisions,
    closed: isClosed(flagged.inspection),
    ...(refused ? { refused } : {}),
  });
}

const moderation: RouteHandler<'GET /workbench/inspections/{id}/moderation'> = async ({ params, session }) =>
  html(200, await moderationHtml(params.id, session!));

const decide: RouteHandler<'POST /workbench/inspections/{id}/moderation/{caseRef}'> = async ({ params, body, session }) => {
  const decided: Record<string, Judgement> = {};
  for (const [name, value] of body) if (name.startsWith('d-')) decided[name.slice(2)] = value as Judgement;
  const note = (body.get('note') ?? '').slice(0, 4000);
  const version = Number(body.get('version'));
  const prefix = `d-${params.caseRef}`;
  try {
    await recordModerationDecision(params.id, params.caseRef, { decided, note, version: Number.isSafeInteger(version) ? version : -1 }, session!);
  } catch (error) {
    const again = async (errors: FieldError[]) =>
      html(
        error instanceof InspectionClosed ? 409 : 400,
        await moderationHtml(params.id, session!, { caseRef: params.caseRef, errors, decided, note }),
      );
    const mapped = (errors: FieldError[]) =>
      again(errors.map((e) => (e.field === `${prefix}-note` || e.field === 'note' ? { ...e, field: `note-${params.caseRef}` } : e)));
    if (error instanceof InvalidInput) {
      return mapped(
        error.errors.map((p) => {
          const question = p.path?.match(/^decided\.(.+)$/)?.[1];
          return { field: question ? fieldIdOf(prefix, question) : `note-${params.caseRef}`, message: p.message };
        }),
      );
    }
    if (error instanceof InspectionClosed) return mapped([{ field: `note-${params.caseRef}`, message: CLOSED_WORDS }]);
    throw error;
  }
  return seeOther(`/workbench/inspections/${encodeURIComponent(params.id)}/moderation?saved=decision#case-${encodeURIComponent(params.caseRef)}`);
};

/* Interviews ------------------------------------------------------------------------------ */

async function interviewsHtml(id: string, session: Session, status: number, extra: { notice?: string; uploadErrors?: string[] } = {}) {
  const { inspection, cases } = await evidenceProgressOf(id);
  const set = interviewSetOf(inspection);
  return html(
    status,
    interviewsPage({
      session,
      csrf: csrfToken(session),
      inspectionId: inspection.inspectionId,
      area: inspection.area,
      cases,
      closed: isClosed(inspection),
      columns: interviewsCsvHeader(set),
      ...extra,
    }),
  );
}

const interviews: RouteHandler<'GET /workbench/inspections/{id}/interviews'> = async ({ params, query, session }) => {
  const notice = /^\d{1,4}$/.test(query.uploaded ?? '')
    ? `${query.uploaded} ${query.uploaded === '1' ? 'interview' : 'interviews'} uploaded`
    : savedNotice(query);
  return interviewsHtml(params.id, session!, 200, notice ? { notice } : {});
};

/** The interviews of many cases from a CSV, all or nothing: any problem lists every row and column, and saves nothing. */
const uploadInterviews: RouteHandler<'POST /workbench/inspections/{id}/interviews'> = async ({ params, body, session }) => {
  const checked = uploadProblems(body);
  if (checked.text === undefined) return interviewsHtml(params.id, session!, 400, { uploadErrors: checked.problems });
  let saved: Awaited<ReturnType<typeof recordInterviewsCsv>>;
  try {
    saved = await recordInterviewsCsv(params.id, checked.text, session!);
  } catch (error) {
    if (error instanceof InspectionClosed) return interviewsHtml(params.id, session!, 409, { uploadErrors: [CLOSED_WORDS] });
    if (!(error instanceof InvalidInput)) throw error;
    return interviewsHtml(params.id, session!, 400, { uploadErrors: [error.message, ...error.errors.map((p) => p.message)] });
  }
  return seeOther(`${evidenceUrls.interviews(params.id)}?uploaded=${saved.created + saved.replaced}`);
};

/** What a refused save sends back to its form: the values typed and what was wrong with them. */
interface SentBack {
  values?: Record<string, string>;
  errors?: FieldError[];
}

/** A case's form of judgements (an interview, a second marking): the answers saved, or those sent back with what was wrong. */
function caseForm<View extends { inspection: Inspection; answers: Record<string, string> }>(session: Session, view: View, sent: SentBack) {
  const { inspection } = view;
  return {
    session,
    csrf: csrfToken(session),
    view: { ...view, inspectionId: inspection.inspectionId, area: inspection.area, closed: isClosed(inspection) },
    values: sent.values ?? view.answers,
    errors: sent.errors ?? [],
  };
}

const interviewHtml = async (id: string, caseRef: string, session: Session, status: number, sent: SentBack = {}) =>
  html(status, interviewFormPage(caseForm(session, await interviewOf(id, caseRef), sent)));

const interview: RouteHandler<'GET /workbench/inspections/{id}/interviews/{caseRef}'> = async ({ params, session }) =>
  interviewHtml(params.id, params.caseRef, session!, 200);

const saveInterview: RouteHandler<'POST /workbench/inspections/{id}/interviews/{caseRef}'> = async ({ params, body, session }) => {
  const { set } = await interviewOf(params.id, params.caseRef);
  const values = judgementsFromForm(
    body,
    'i',
    set.questions.map((q) => q.id),
  );
  const firstId = set.questions[0] ? fieldIdOf('i', set.questions[0].id) : 'main-content';
  try {
    await recordInterview(params.id, params.caseRef, { answers: values as Record<string, Judgement> }, session!);
  } catch (error) {
    return refusedOr(
      error,
      (errors) => interviewHtml(params.id, params.caseRef, session!, error instanceof InspectionClosed ? 409 : 400, { values, errors }),
      'i',
      firstId,
    );
  }
  return seeOther(`${evidenceUrls.interviews(params.id)}?saved=interview`);
};

/* Second marking -------------------------------------------------------------------------- */

const secondMarking: RouteHandler<'GET /workbench/inspections/{id}/second-marking'> = async ({ params, query, session }) => {
  const { inspection, cases } = await evidenceProgressOf(params.id);
  const notice = savedNotice(query);
  return html(
    200,
    secondMarkingListPage({
      session: session!,
      csrf: csrfToken(session!),
      inspectionId: inspection.inspectionId,
      area: inspection.area,
      cases,
      ...(notice ? { notice } : {}),
    }),
  );
};

const secondMarkingHtml = async (id: string, caseRef: string, session: Session, status: number, sent: SentBack = {}) =>
  html(status, secondMarkingFormPage(caseForm(session, await caseToSecondMark(id, caseRef, session), sent)));

const secondMark: RouteHandler<'GET /workbench/inspections/{id}/second-marking/{caseRef}'> = async ({ params, session }) =>
  secondMarkingHtml(params.id, params.caseRef, session!, 200);

const saveSecondMarking: RouteHandler<'POST /workbench/inspections/{id}/second-marking/{caseRef}'> = async ({ params, body, session }) => {
  const view = await caseToSecondMark(params.id, params.caseRef, session!);
  const ids = view.bank.questions.filter((q) => q.appliesTo.includes(view.profile.caseType)).map((q) => q.id);
  const values = judgementsFromForm(body, 's', ids);
  try {
    await recordSecondMarking(params.id, params.caseRef, { answers: values as z.infer<typeof CaseAnswers> }, session!);
  } catch (error) {
    if (view.markedFirstByViewer) return secondMarkingHtml(params.id, params.caseRef, session!, 409, { values });
    return refusedOr(
      error,
      (errors) => secondMarkingHtml(params.id, params.caseRef, session!, error instanceof InspectionClosed ? 409 : 400, { values, errors }),
      's',
      ids[0] ? fieldIdOf('s', ids[0]) : 'main-content',
    );
  }
  return seeOther(`${evidenceUrls.secondMarking(params.id)}?saved=second-marking`);
};

/* The area's caseload and performance figures --------------------------------------------- */

async function areaHtml(
  id: string,
  session: Session,
  status: number,
  extra: { contextValues?: Record<string, string>; contextErrors?: FieldError[]; uploadErrors?: string[]; notice?: string } = {},
) {
  const { inspection, context, figures, figuresAt } = await areaEvidenceOf(id);
  return html(
    status,
    areaEvidencePage({
      session,
      csrf: csrfToken(session),
      inspectionId: inspection.inspectionId,
      area: inspection.area,
      closed: isClosed(inspection),
      contextValues: extra.contextValues ?? valuesOfContext(context),
      ...(extra.contextErrors ? { contextErrors: extra.contextErrors } : {}),
      ...(figures ? { figures } : {}),
      ...(figuresAt ? { figuresAt } : {}),
      ...(extra.uploadErrors ? { uploadErrors: extra.uploadErrors } : {}),
      ...(extra.notice ? { notice: extra.notice } : {}),
    }),
  );
}

const area: RouteHandler<'GET /workbench/inspections/{id}/area'> = async ({ params, query, session }) => {
  const notice = savedNotice(query);
  return areaHtml(params.id, session!, 200, notice ? { notice } : {});
};

const saveContext: RouteHandler<'POST /workbench/inspections/{id}/area'> = async ({ params, body, session }) => {
  const { values, context, errors } = readContextForm(body);
  if (!context) return areaHtml(params.id, session!, 400, { contextValues: values, contextErrors: errors });
  try {
    await recordAreaContext(params.id, context, session!);
  } catch (error) {
    const status = error instanceof InspectionClosed ? 409 : 400;
    const contextErrors =
      error instanceof InspectionClosed
        ? [{ field: 'caseload', message: CLOSED_WORDS }]
        : error instanceof InvalidInput
          ? contextErrorsOf(error.errors)
          : undefined;
    if (!contextErrors) throw error;
    return areaHtml(params.id, session!, status, { contextValues: values, contextErrors });
  }
  return seeOther(`${evidenceUrls.area(params.id)}?saved=context`);
};

const uploadFigures: RouteHandler<'POST /workbench/inspections/{id}/area/performance-figures'> = async ({ params, body, session }) => {
  const checked = uploadProblems(body);
  if (checked.text === undefined) return areaHtml(params.id, session!, 400, { uploadErrors: checked.problems });
  try {
    await recordPerformanceFigures(params.id, checked.text, session!);
  } catch (error) {
    if (error instanceof InspectionClosed) return areaHtml(params.id, session!, 409, { uploadErrors: [CLOSED_WORDS] });
    if (!(error instanceof InvalidInput)) throw error;
    // Each message names its row and column in words; the path is for programs.
    return areaHtml(params.id, session!, 400, { uploadErrors: [error.message, ...error.errors.map((p) => p.message)] });
  }
  return seeOther(`${evidenceUrls.area(params.id)}?saved=figures`);
};

export const handler = httpHandler(
  workbenchModerationRoutes,
  {
    'GET /workbench/inspections/{id}/moderation': moderation,
    'POST /workbench/inspections/{id}/moderation/{caseRef}': decide,
    'GET /workbench/inspections/{id}/interviews': interviews,
    'POST /workbench/inspections/{id}/interviews': uploadInterviews,
    'GET /workbench/inspections/{id}/interviews/{caseRef}': interview,
    'POST /workbench/inspections/{id}/interviews/{caseRef}': saveInterview,
    'GET /workbench/inspections/{id}/second-marking': secondMarking,
    'GET /workbench/inspections/{id}/second-marking/{caseRef}': secondMark,
    'POST /workbench/inspections/{id}/second-marking/{caseRef}': saveSecondMarking,
    'GET /workbench/inspections/{id}/area': area,
    'POST /workbench/inspections/{id}/area': saveContext,
    'POST /workbench/inspections/{id}/area/performance-figures': uploadFigures,
  },
  { ...pageOptions, multipart: parseMultipart },
);
