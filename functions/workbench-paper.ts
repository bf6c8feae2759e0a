/**
 * The workbench's paper returns (issue 15): find the invitation by the reference on the paper
 * form, enter its answers, and the reminders download. The same use cases as
 * POST /inspections/{id}/paper-responses and GET /inspections/{id}/invitations/reminders.csv.
 */
import { Conflict, Gone, InspectionClosed, InvalidInput, NotFound } from '#core/errors';
import { requireInspection } from '#domain/inspections';
import { enterPaperReturn, openPaperReturn, paperReturnForm } from '#domain/paper-returns';
import { reminders } from '#domain/reminders';
import { download, html, httpHandler, type RouteHandler } from '#http/handler';
import { workbenchPaperRoutes } from '#route-table/workbench-paper';
import { pageOptions, seeOther } from '#http/pages';
import { csrfToken, type Session } from '#http/session';
import { answersFromForm, answersPage, paperUrls, referencePage } from '#web/workbench/paper-pages';
import { CLOSED_EXPLANATION, inspectionIsClosed } from '#web/workbench/frame';

const refused = (error: unknown): string | undefined => {
  if (error instanceof NotFound) return 'There is no invitation with this reference in this inspection. Check the reference on the form.';
  if (error instanceof Conflict) return 'This invitation has already been answered, online or on paper. Each counts once.';
  if (error instanceof Gone) return 'This invitation had expired. Its return cannot be counted.';
  return undefined;
};

async function referenceHtml(id: string, session: Session, extra: { value?: string; error?: string; entered?: string } = {}) {
  const inspection = await requireInspection(id);
  return referencePage({
    session,
    csrf: csrfToken(session),
    inspectionId: inspection.inspectionId,
    area: inspection.area,
    canDownloadReminders: session.roles.includes('admin'),
    closed: inspectionIsClosed(inspection),
    ...extra,
  });
}

const start: RouteHandler<'GET /workbench/inspections/{id}/paper-returns'> = async ({ params, query, session }) => {
  // A GET looks nothing up (another site can make a signed-in browser send one): a reference
  // in the address is only typed into the form, and finding it takes the form's POST.
  if (query.reference) return html(200, await referenceHtml(params.id, session!, { value: query.reference.slice(0, 32) }));
  const entered = /^[A-Z0-9]{8}$/.test(query.entered ?? '') ? query.entered : undefined;
  return html(200, await referenceHtml(params.id, session!, entered ? { entered } : {}));
};

/** The reference page again, saying why this reference cannot take a return. */
async function refusedPage(error: unknown, id: string, session: Session, typed: string) {
  if (error instanceof InspectionClosed) return html(409, await referenceHtml(id, session, { value: typed, error: CLOSED_EXPLANATION }));
  const message = refused(error);
  if (!message) throw error;
  const status = error instanceof NotFound ? 400 : error instanceof Conflict ? 409 : 410;
  return html(status, await referenceHtml(id, session, { value: typed, error: message }));
}

type OpenedReturn = Awaited<ReturnType<typeof openPaperReturn>>;

/** The answers page of an opened return: blank, or with what was typed and why it was not saved. */
function answersHtml(
  status: number,
  session: Session,
  { ref, definition }: OpenedReturn,
  typed: Pick<Parameters<typeof answersPage>[0], 'values' | 'errors' | 'closed'> = {},
) {
  const form = { inspectionId: ref.inspectionId, reference: ref.reference, def: definition, formLanguage: ref.language };
  return html(status, answersPage({ session, csrf: csrfToken(session), ...form, ...typed }));
}

const post: RouteHandler<'POST /workbench/inspections/{id}/paper-returns'> = async (request) =>
  request.body.get('stage') === 'answers' ? postAnswers(request) : postReference(request);

const postReference: RouteHandler<'POST /workbench/inspections/{id}/paper-returns'> = async ({ params, body, session }) => {
  const typed = (body.get('reference') ?? '').trim().slice(0, 32);
  if (!typed) return html(400, await referenceHtml(params.id, session!, { value: typed, error: 'Enter the reference printed on the paper form' }));
  try {
    return answersHtml(200, session!, await openPaperReturn(params.id, typed, session!, 'en'));
  } catch (error) {
    return refusedPage(error, params.id, session!, typed);
  }
};

const postAnswers: RouteHandler<'POST /workbench/inspections/{id}/paper-returns'> = async ({ params, body, session }) => {
  const typed = (body.get('reference') ?? '').slice(0, 32);
  let opened: OpenedReturn;
  try {
    opened = await openPaperReturn(params.id, typed, session!, 'en');
  } catch (error) {
    if (error instanceof InspectionClosed) return closedAnswers(params.id, typed, body, session!);
    return refusedPage(error, params.id, session!, typed);
  }
  const { ref, definition } = opened;
  const answers = answersFromForm(definition, body);
  try {
    await enterPaperReturn(ref.inspectionId, { reference: ref.reference, answers }, session!);
  } catch (error) {
    if (error instanceof InspectionClosed) return closedAnswers(params.id, typed, body, session!);
    if (!(error instanceof InvalidInput)) throw error;
    const errors = error.errors.map((e) => ({ field: e.path.replace(/^answers\./, ''), message: e.message }));
    return answersHtml(400, session!, opened, { values: answers, errors });
  }
  return seeOther(`${paperUrls.start(ref.inspectionId)}?entered=${ref.reference}`);
};

/** Closed since the form was opened: the answers typed stay on the page, read only, with why and who can reopen it. */
async function closedAnswers(id: string, typed: string, body: URLSearchParams, session: Session) {
  // A reference no invitation has (only an altered form sends one) is still told the inspection is closed, on the reference page.
  const opened = await paperReturnForm(id, typed, session).catch((error: unknown) => {
    if (error instanceof NotFound) return undefined;
    throw error;
  });
  if (!opened) return html(409, await referenceHtml(id, session, { value: typed, error: CLOSED_EXPLANATION }));
  const values = answersFromForm(opened.definition, body);
  return answersHtml(409, session, opened, { values, errors: [{ field: 'closed-notice', message: CLOSED_EXPLANATION }], closed: true });
}

const remindersCsv: RouteHandler<'GET /workbench/inspections/{id}/reminders.csv'> = async ({ params }) =>
  download(await reminders(params.id), `${params.id}-reminders.csv`);

export const handler = httpHandler(
  workbenchPaperRoutes,
  {
    'GET /workbench/inspections/{id}/paper-returns': start,
    'POST /workbench/inspections/{id}/paper-returns': post,
    'GET /workbench/inspections/{id}/reminders.csv': remindersCsv,
  },
  pageOptions,
);
