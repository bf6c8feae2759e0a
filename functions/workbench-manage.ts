/**
 * The workbench's pages for grades and conclusions, invitations, report links and erasure
 * (issue 12). Each calls the use case its JSON route calls; the forms' fields go through the
 * JSON route's own schema, so a page can accept nothing the API would refuse.
 */
import { namesOf, ROLE_AS_PERSON } from '#domain/people';
import * as z from 'zod/mini';
import { Conflict, Forbidden, InspectionClosed, InspectionHasReleases, NotFound, ReleaseInProgress, type DomainError } from '#core/errors';
import type { Criterion } from '#schemas/bank';
import { eraseInspectionResponses } from '#domain/erasure';
import { gradesOf, recordGrade } from '#domain/grades';
import { deleteInspection, requireInspection } from '#domain/inspections';
import { endOfUkDay, invitationsCsv } from '#domain/invitation-tokens';
import { once } from '#domain/idempotency';
import { invitationBatchesOf, issueOrHandOver, markBatchSent, reissuedBatch, type IssuedBatch } from '#domain/issue-invitations';
import type { JobAccepted } from '#schemas/job';
import { createReportLink, reportLinksOf, withdrawReportLink } from '#domain/report-links';
import { download, html, httpHandler, type HttpReply, type RouteHandler } from '#http/handler';
import { releasesOf } from '#domain/releases';
import { workbenchManageRoutes } from '#route-table/workbench-manage';
import { pageOptions, seeOther } from '#http/pages';
import { publicOrigin } from '#http/request';
import { csrfToken, type Session } from '#http/session';
import { Conclusion, type Inspection, type LeadershipPoint, PutLeadership } from '#schemas/inspection';
import { CreateInvitations } from '#schemas/invitation';
import { dateFromForm, sameAsShown } from '#web/common/form-values';
import { randomUUID } from 'node:crypto';
import {
  deleteInspectionPage,
  erasePage,
  inspectionDeletedPage,
  invitationsPage,
  reportLinksPage,
  type InvitationValues,
} from '#web/workbench/manage-pages';
import { BAND_WORDS, GRADE_WORDS, gradeFormPage, gradesPage, type GradeFormValues } from '#web/workbench/grade-pages';
import { CLOSED_EXPLANATION, inPlainWords, pageUrls, type FieldError } from '#web/workbench/frame';

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const issuesAsFields = (issues: readonly z.core.$ZodIssue[], words: Record<string, string>): FieldError[] => {
  const out: FieldError[] = [];
  for (const i of issues) {
    const field = String(i.path[0] ?? Object.keys(words)[0]);
    if (!out.some((e) => e.field === field)) out.push({ field, message: `${words[field] ?? field}: ${i.message}` });
  }
  return out;
};

/* --------------------------------------- grades ------------------------------------------- */

const grades: RouteHandler<'GET /workbench/inspections/{id}/grades'> = async ({ params, query, session }) => {
  const { inspection, criteria, grades: recorded, conclusions } = await gradesOf(params.id);
  const nameOf = await namesOf([...recorded, ...conclusions].map((r) => r.updatedBy));
  const by = (sub: string | undefined) => (sub ? nameOf(sub, ROLE_AS_PERSON.inspector) : undefined);
  const rows = criteria.map((criterion) => {
    const g = recorded.find((x) => x.criterionId === criterion.id);
    const c = conclusions.find((x) => x.criterionId === criterion.id);
    return criterion.section === 4
      ? { criterion, recorded: g ? GRADE_WORDS[g.grade] : undefined, updatedBy: by(g?.updatedBy) }
      : { criterion, recorded: c ? BAND_WORDS[c.band] : undefined, updatedBy: by(c?.updatedBy) };
  });
  const saved = criteria.find((c) => c.id === query.saved)?.id;
  return html(200, gradesPage(session!, csrfToken(session!), inspection, rows, saved));
};

const POINT_LISTS = ['strengths', 'improvements'] as const;
const englishOf = (p: LeadershipPoint) => (typeof p === 'string' ? p : p.text);
const welshOf = (p: LeadershipPoint) => (typeof p === 'string' ? '' : (p.textCy ?? ''));
/** The Welsh box pairs its lines with the English ones by position; a dash keeps the place of a point not translated. */
const NOT_TRANSLATED = '-';

function gradeFormValues(
  g: { grade: string; strengths?: LeadershipPoint[]; improvements?: LeadershipPoint[] } | undefined,
  c: { band: string; text?: string; textCy?: string } | undefined,
): GradeFormValues {
  const welsh = (points: LeadershipPoint[] = []) => (points.some(welshOf) ? points.map((p) => welshOf(p) || NOT_TRANSLATED).join('\n') : '');
  return {
    grade: g?.grade ?? '',
    strengths: (g?.strengths ?? []).map(englishOf).join('\n'),
    strengthsCy: welsh(g?.strengths),
    improvements: (g?.improvements ?? []).map(englishOf).join('\n'),
    improvementsCy: welsh(g?.improvements),
    band: c?.band ?? '',
    text: c?.text ?? '',
    textCy: c?.textCy ?? '',
  };
}

async function criterionOf(inspectionId: string, criterionId: string) {
  const all = await gradesOf(inspectionId);
  const criterion = all.criteria.find((c) => c.id === criterionId);
  if (!criterion) throw new NotFound(`There is no criterion ${criterionId.slice(0, 10)} in this inspection.`);
  return { ...all, criterion };
}

const gradeForm: RouteHandler<'GET /workbench/inspections/{id}/grades/{criterionId}'> = async ({ params, session }) => {
  const { inspection, criterion, grades: recorded, conclusions } = await criterionOf(params.id, params.criterionId);
  const g = recorded.find((x) => x.criterionId === criterion.id);
  const c = conclusions.find((x) => x.criterionId === criterion.id);
  return html(200, gradeFormPage(session!, csrfToken(session!), inspection, criterion, gradeFormValues(g, c)));
};

const postGrade: RouteHandler<'POST /workbench/inspections/{id}/grades/{criterionId}'> = async ({ params, body, session }) => {
  const { inspection, criterion, grades: recorded, conclusions } = await criterionOf(params.id, params.criterionId);
  const g = recorded.find((x) => x.criterionId === criterion.id);
  const c = conclusions.find((x) => x.criterionId === criterion.id);
  const shown = gradeFormValues(g, c);
  const values: GradeFormValues = {
    grade: body.get('grade') ?? '',
    strengths: body.get('strengths') ?? '',
    strengthsCy: body.get('strengthsCy') ?? '',
    improvements: body.get('improvements') ?? '',
    improvementsCy: body.get('improvementsCy') ?? '',
    band: body.get('band') ?? '',
    text: body.get('text') ?? '',
    textCy: body.get('textCy') ?? '',
  };
  // A field sent back as it was shown keeps what was stored (a point with a line break in it, a conclusion's own spacing).
  const kept = <T>(name: keyof GradeFormValues, stored: T | undefined, typed: () => T): T =>
    stored !== undefined && sameAsShown(values[name], shown[name]) ? stored : typed();
  const errors: FieldError[] = [];
  let saved = false;
  try {
    saved = await saveGradeForm(inspection.inspectionId, criterion, values, errors, session!, { g, c, kept });
  } catch (error) {
    // Closed since the form was opened: what was typed stays on the page, read only, with why.
    if (!(error instanceof InspectionClosed)) throw error;
    const closed = { ...inspection, status: 'closed' as const };
    return html(
      409,
      gradeFormPage(session!, csrfToken(session!), closed, criterion, values, [{ field: 'closed-notice', message: CLOSED_EXPLANATION }]),
    );
  }
  if (saved) return seeOther(`${pageUrls.grades(inspection.inspectionId)}?saved=${encodeURIComponent(criterion.id)}`);
  return html(400, gradeFormPage(session!, csrfToken(session!), inspection, criterion, values, errors));
};

/** What was stored when the form was read, and how a field sent back unchanged keeps it. */
interface StoredBeforeForm {
  g: { strengths: LeadershipPoint[]; improvements: LeadershipPoint[] } | undefined;
  c: { text?: string | null; textCy?: string | null } | undefined;
  kept: <T>(name: keyof GradeFormValues, stored: T | undefined, typed: () => T) => T;
}

const POINT_WORDS = {
  strengths: 'Strengths',
  strengthsCy: 'Strengths in Welsh',
  improvements: 'Areas for improvement',
  improvementsCy: 'Areas for improvement in Welsh',
};

/**
 * A list of points from its English and Welsh boxes, one point a line, paired by position.
 * Both boxes sent back as shown keep what was stored (a point with a line break in it); the
 * English alone unchanged keeps the stored English words while the Welsh changes.
 */
function pointsFromForm(
  list: (typeof POINT_LISTS)[number],
  values: GradeFormValues,
  stored: LeadershipPoint[] | undefined,
  kept: StoredBeforeForm['kept'],
  errors: FieldError[],
): LeadershipPoint[] {
  const cyName = `${list}Cy` as const;
  const english = kept(list, stored?.map(englishOf), () => lines(values[list]));
  // As the form showed it: no Welsh at all is an empty box, not a dash for every English point.
  const storedWelsh = stored && (stored.some(welshOf) ? stored.map((p) => welshOf(p) || NOT_TRANSLATED) : []);
  const welsh = kept(cyName, storedWelsh, () => lines(values[cyName]));
  if (welsh.length > english.length)
    errors.push({
      field: cyName,
      message: `${POINT_WORDS[cyName]}: there are more Welsh points (${welsh.length}) than English ones (${english.length})`,
    });
  return english.map((text, i) => {
    const textCy = welsh[i] && welsh[i] !== NOT_TRANSLATED ? welsh[i] : undefined;
    return textCy ? { text, textCy } : text;
  });
}

/** Validates the grade or conclusion form into `errors`, and saves it when it has none. */
async function saveGradeForm(
  inspectionId: string,
  criterion: Criterion,
  values: GradeFormValues,
  errors: FieldError[],
  session: Session,
  { g, c, kept }: StoredBeforeForm,
): Promise<boolean> {
  let saved = false;
  if (criterion.section === 4) {
    if (!values.grade) errors.push({ field: 'grade', message: 'Choose a grade' });
    const points = Object.fromEntries(POINT_LISTS.map((list) => [list, pointsFromForm(list, values, g?.[list], kept, errors)]));
    const parsed = z.safeParse(PutLeadership, { grade: values.grade, ...points });
    if (parsed.success && !errors.length) {
      await recordGrade(inspectionId, criterion.id, { kind: 'leadership', value: parsed.data }, session);
      saved = true;
    } else if (!parsed.success) {
      // A point's Welsh that is wrong belongs to the Welsh box.
      const issues = parsed.error.issues.map((i) => (i.path[2] === 'textCy' ? { ...i, path: [`${String(i.path[0])}Cy`] } : i));
      errors.push(...issuesAsFields(issues, { grade: 'Grade', ...POINT_WORDS }).filter((e) => !errors.some((x) => x.field === e.field)));
    }
  } else {
    if (!values.band) errors.push({ field: 'band', message: 'Choose a conclusion' });
    const text = kept('text', c ? (c.text ?? null) : undefined, () => values.text.trim() || null);
    const textCy = kept('textCy', c ? (c.textCy ?? null) : undefined, () => values.textCy.trim() || null);
    const parsed = z.safeParse(Conclusion, { band: values.band, ...(text !== null ? { text } : {}), ...(textCy !== null ? { textCy } : {}) });
    if (parsed.success && !errors.length) {
      await recordGrade(inspectionId, criterion.id, { kind: 'conclusion', value: parsed.data }, session);
      saved = true;
    } else if (!parsed.success)
      errors.push(
        ...issuesAsFields(parsed.error.issues, { band: 'Conclusion', text: 'What the report says', textCy: 'What the report says, in Welsh' }).filter(
          (e) => !errors.some((x) => x.field === e.field),
        ),
      );
  }
  return saved;
}

/* ------------------------------------ invitations ----------------------------------------- */

const EMPTY_INVITATION: InvitationValues = { audience: '', count: '', language: 'en', parts: {} };

async function invitationsHtml(
  inspection: Inspection,
  session: Session,
  values = EMPTY_INVITATION,
  errors: FieldError[] = [],
  formToken: string = randomUUID(),
  notices: { markedSent?: boolean; issued?: string } = {},
) {
  const { batches } = await invitationBatchesOf(inspection.inspectionId);
  const nameOf = await namesOf(batches.map((b) => b.createdBy));
  const named = batches.map((b) => (b.createdBy ? { ...b, createdBy: nameOf(b.createdBy, ROLE_AS_PERSON.admin) } : b));
  return invitationsPage(session, csrfToken(session), inspection, named, values, errors, { formToken, ...notices });
}

const BATCH_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A fresh, empty form every time: after issuing, the page shows the new batch (`?issued=`) with its download, not the form as sent. */
const invitations: RouteHandler<'GET /workbench/inspections/{id}/invitations'> = async ({ params, session, query }) =>
  html(
    200,
    await invitationsHtml(await requireInspection(params.id), session!, EMPTY_INVITATION, [], randomUUID(), {
      markedSent: query.sent === '1',
      ...(BATCH_ID.test(query.issued ?? '') ? { issued: query.issued } : {}),
    }),
  );

const batchCsv = ({ batch, invitations: links }: IssuedBatch, status = 200) =>
  download(
    invitationsCsv(batch, links, { expiryInWords: true }),
    `${batch.inspectionId}-${batch.audience}-${batch.language}-${batch.batchId}.csv`,
    undefined,
    status,
    { 'cache-control': 'no-store' },
  );

const BATCH_FILE = /^([A-Za-z0-9-]{1,64})\.csv$/;

const batchAgain: RouteHandler<'GET /workbench/inspections/{id}/invitations/{batchFile}'> = async ({ params, event }) => {
  const batchId = BATCH_FILE.exec(params.batchFile)?.[1];
  if (!batchId) throw new NotFound('There is no such file here.');
  return batchCsv(await reissuedBatch(params.id, batchId, publicOrigin(event)));
};

const postBatchSent: RouteHandler<'POST /workbench/inspections/{id}/invitations/{batchId}/sent'> = async ({ params, session }) => {
  await markBatchSent(params.id, params.batchId, session!);
  return seeOther(`${pageUrls.invitations(params.id)}?sent=1`);
};

const EXPIRY_NAME = 'the day the links stop working';

/**
 * The expiry chosen on the form: the end of that day in UK time (`endOfUkDay`), as the JSON
 * route's schema takes it; empty, no expiry. A script posting the old single field keeps the
 * JSON route's reading of it.
 */
function expiryFromForm(body: URLSearchParams, parts: Record<string, string>): { expiresAt?: string; problem?: string } {
  const date = dateFromForm(body, 'expiresAt', EXPIRY_NAME, parts);
  if (date.empty) return {};
  if (date.problem) return { problem: date.problem };
  if (body.get('expiresAt')?.trim()) return { expiresAt: date.value };
  const [year, month, day] = date.value.split('-').map(Number) as [number, number, number];
  const onTheCalendar = year >= 1000 && new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === date.value;
  if (!onTheCalendar) return { problem: 'The day the links stop working must be a real date' };
  const expiresAt = endOfUkDay(date.value);
  return Date.parse(expiresAt) > Date.now() ? { expiresAt } : { problem: 'The day the links stop working must be today or later' };
}

const postInvitations: RouteHandler<'POST /workbench/inspections/{id}/invitations'> = async ({ params, body, session, event }) => {
  const inspection = await requireInspection(params.id);
  const parts: Record<string, string> = {};
  const values: InvitationValues = {
    audience: body.get('audience') ?? '',
    count: (body.get('count') ?? '').trim(),
    language: body.get('language') ?? '',
    parts,
  };
  const expiry = expiryFromForm(body, parts);
  const errors: FieldError[] = [];
  if (!values.audience) errors.push({ field: 'audience', message: 'Choose who the questionnaires are for' });
  if (!/^\d{1,4}$/.test(values.count) || Number(values.count) < 1 || Number(values.count) > 1000)
    errors.push({ field: 'count', message: 'Enter how many links as a whole number from 1 to 1000' });
  if (!values.language) errors.push({ field: 'language', message: 'Choose the language' });
  if (expiry.problem) errors.push({ field: 'expiresAt', message: expiry.problem });
  const parsed = z.safeParse(CreateInvitations, {
    audience: values.audience,
    count: Number(values.count),
    language: values.language,
    ...(expiry.expiresAt ? { expiresAt: expiry.expiresAt } : {}),
  });
  if (!parsed.success) {
    for (const e of issuesAsFields(parsed.error.issues, {
      audience: 'Audience',
      count: 'How many links',
      language: 'Language',
      expiresAt: 'Expiry',
    })) {
      if (!errors.some((x) => x.field === e.field)) errors.push(e);
    }
  }
  // The same form token keeps its place when the form comes back with errors: it has issued nothing yet.
  const formToken = body.get('formToken') || undefined;
  if (errors.length || !parsed.success) return html(400, await invitationsHtml(inspection, session!, values, errors, formToken));
  const origin = publicOrigin(event);
  let issued: IssuedBatch | undefined;
  // The form's one-time token as the Idempotency-Key: a form sent twice answers with the same batch.
  const { answer } = await once<{ batchId: string; job?: undefined } | { job: JobAccepted; batchId?: undefined }>(
    { scope: `POST ${pageUrls.invitations(inspection.inspectionId)}`, userSub: session!.sub, key: formToken, body: JSON.stringify(parsed.data) },
    async () => {
      const outcome = await issueOrHandOver(inspection.inspectionId, parsed.data, session!, origin);
      if (outcome.job) return { job: outcome.job };
      issued = outcome.issued;
      return { batchId: issued.batch.batchId };
    },
  );
  // Too many links for one request: the job's page says when they are ready and links to the download.
  if (answer.job) return seeOther(pageUrls.job(answer.job.jobId));
  // Without a sealing key the links exist only in this reply: it must be the file itself.
  if (issued && !issued.batch.recoverableUntil) return batchCsv(issued);
  // Otherwise the page, with the new batch and its download: a form sent twice comes to the same place.
  return seeOther(`${pageUrls.invitations(inspection.inspectionId)}?issued=${encodeURIComponent(answer.batchId)}`);
};

/* ------------------------------------ report links ---------------------------------------- */

async function reportLinksHtml(
  inspection: Inspection,
  session: Session,
  status: number,
  options: Parameters<typeof reportLinksPage>[4] = {},
): Promise<HttpReply> {
  const [{ links }, { releases }] = await Promise.all([reportLinksOf(inspection.inspectionId), releasesOf(inspection.inspectionId)]);
  return html(status, reportLinksPage(session, csrfToken(session), inspection, links, { releases, ...options }));
}

const reportLinks: RouteHandler<'GET /workbench/inspections/{id}/report-links'> = async ({ params, query, session }) =>
  reportLinksHtml(await requireInspection(params.id), session!, 200, { withdrawn: query.withdrawn === '1' });

const postReportLink: RouteHandler<'POST /workbench/inspections/{id}/report-links'> = async ({ params, body, session, event }) => {
  const inspection = await requireInspection(params.id);
  const hours = (body.get('hours') ?? '').trim();
  const draft = body.get('draft') === 'yes';
  // The JSON route's own rule (1 to 168 whole hours).
  if (!/^(?:[1-9]|[1-9]\d|1[0-5]\d|16[0-8])$/.test(hours)) {
    return reportLinksHtml(inspection, session!, 400, {
      hours,
      draftChecked: draft,
      errors: [{ field: 'hours', message: 'Enter the hours as a whole number from 1 to 168' }],
    });
  }
  // From the releases page: a link to one release's frozen report rather than the latest.
  const releaseId = body.get('releaseId')?.trim() || undefined;
  let made: Awaited<ReturnType<typeof createReportLink>>;
  try {
    made = await createReportLink(inspection.inspectionId, Number(hours), session!, publicOrigin(event), { releaseId, draft });
  } catch (error) {
    // No release yet, or a draft asked for by someone who may not: the form says so and keeps what was chosen.
    if (error instanceof Conflict || error instanceof Forbidden) {
      return reportLinksHtml(inspection, session!, (error as DomainError).status, {
        hours,
        draftChecked: draft,
        errors: [{ field: 'hours', message: inPlainWords(error.message, inspection) }],
      });
    }
    throw error;
  }
  // Not a redirect: the link is shown this once, and a page after a redirect could not show it.
  return reportLinksHtml(inspection, session!, 201, { made: { url: made.url, expiresAt: made.expiresAt, draft: !!made.draft } });
};

const withdrawLink: RouteHandler<'POST /workbench/inspections/{id}/report-links/{linkId}/withdraw'> = async ({ params }) => {
  const done = await withdrawReportLink(params.id, params.linkId);
  return seeOther(`${pageUrls.reportLinks(done.inspectionId)}?withdrawn=1`);
};

/* -------------------------------------- erasure ------------------------------------------- */

/** Erasing and deleting wait for the area's name typed exactly: why what was typed does not confirm it, or nothing when it does. */
function areaNotConfirmed(typed: string, area: string, done: 'erased' | 'deleted'): string | undefined {
  if (typed === area) return undefined;
  return typed.trim() ? `The name typed is not ${area}: type it exactly as shown. Nothing was ${done}.` : `Type the area’s name, ${area}, to confirm`;
}

const erase: RouteHandler<'GET /workbench/inspections/{id}/erase'> = async ({ params, query, session }) => {
  const inspection = await requireInspection(params.id);
  const erased = /^\d{1,7}$/.test(query.erased ?? '') ? Number(query.erased) : undefined;
  return html(200, erasePage(session!, csrfToken(session!), inspection, { erased }));
};

const postErase: RouteHandler<'POST /workbench/inspections/{id}/erase'> = async ({ params, body, session }) => {
  const inspection = await requireInspection(params.id);
  const typed = body.get('confirmArea') ?? '';
  const error = areaNotConfirmed(typed, inspection.area, 'erased');
  if (error) return html(400, erasePage(session!, csrfToken(session!), inspection, { typed, error }));
  const { erased } = await eraseInspectionResponses(inspection.inspectionId, session!);
  return seeOther(`${pageUrls.erase(inspection.inspectionId)}?erased=${erased}`);
};

/* ------------------------------- deleting an inspection ----------------------------------- */

const deletePage: RouteHandler<'GET /workbench/inspections/{id}/delete'> = async ({ params, session }) => {
  const inspection = await requireInspection(params.id);
  const releases = (await releasesOf(inspection.inspectionId)).releases.length;
  return html(200, deleteInspectionPage(session!, csrfToken(session!), inspection, { releases }));
};

const postDelete: RouteHandler<'POST /workbench/inspections/{id}/delete'> = async ({ params, body, session }) => {
  const inspection = await requireInspection(params.id);
  const typed = body.get('confirmArea') ?? '';
  const error = areaNotConfirmed(typed, inspection.area, 'deleted');
  if (error) return html(400, deleteInspectionPage(session!, csrfToken(session!), inspection, { releases: 0, typed, error }));
  try {
    const { area } = await deleteInspection(inspection.inspectionId);
    return html(200, inspectionDeletedPage(session!, csrfToken(session!), area));
  } catch (error) {
    // A release made since the page was opened: the page now says why it cannot be deleted.
    if (!(error instanceof InspectionHasReleases || error instanceof ReleaseInProgress)) throw error;
    const releases = (await releasesOf(inspection.inspectionId)).releases.length;
    return html(409, deleteInspectionPage(session!, csrfToken(session!), inspection, { releases, error: error.message }));
  }
};

export const handler = httpHandler(
  workbenchManageRoutes,
  {
    'GET /workbench/inspections/{id}/grades': grades,
    'GET /workbench/inspections/{id}/grades/{criterionId}': gradeForm,
    'POST /workbench/inspections/{id}/grades/{criterionId}': postGrade,
    'GET /workbench/inspections/{id}/invitations': invitations,
    'POST /workbench/inspections/{id}/invitations': postInvitations,
    'GET /workbench/inspections/{id}/invitations/{batchFile}': batchAgain,
    'POST /workbench/inspections/{id}/invitations/{batchId}/sent': postBatchSent,
    'GET /workbench/inspections/{id}/report-links': reportLinks,
    'POST /workbench/inspections/{id}/report-links': postReportLink,
    'POST /workbench/inspections/{id}/report-links/{linkId}/withdraw': withdrawLink,
    'GET /workbench/inspections/{id}/erase': erase,
    'POST /workbench/inspections/{id}/erase': postErase,
    'GET /workbench/inspections/{id}/delete': deletePage,
    'POST /workbench/inspections/{id}/delete': postDelete,
  },
  pageOptions,
);
