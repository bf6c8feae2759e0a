/**
 * The workbench's case pages (issue 12): the case list, the case form (new and edit) and a
 * case's history. Saving calls recordCase, the JSON route's use case, with the version the
 * form was opened on, so a second inspector saving the same case is told, not overwritten.
 */
import { namesOf, ROLE_AS_PERSON } from '#domain/people';
import { InspectionClosed, InvalidInput } from '#core/errors';
import { isClosed } from '#domain/closing';
import { bankOf } from '#domain/bank-of';
import { CaseChanged, caseWithHistory, listCasesPage, recordCase } from '#domain/cases';
import { requireInspection } from '#domain/inspections';
import { html, httpHandler, type HttpReply, type RouteHandler } from '#http/handler';
import { workbenchCasesRoutes } from '#route-table/workbench-cases';
import { clearStashCookie, hasStash, ownerField, stashPath, takeStash } from '#http/form-stash';
import { claimFormStashOnce } from '#domain/form-stash';
import { pageOptions, seeOther } from '#http/pages';
import { csrfToken, type Session } from '#http/session';
import type { Inspection } from '#schemas/inspection';
import {
  caseFormPage,
  caseListPage,
  caseTypeStepPage,
  fieldErrorsOf,
  readCaseForm,
  sectionSavedFrom,
  valuesOfCase,
  type CaseFormInput,
} from '#web/workbench/case-pages';
import { caseHistory } from '#web/workbench/case-history';
import { CASE_TYPES, CLOSED_EXPLANATION, dateTime, pageUrls, type FieldError } from '#web/workbench/frame';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const RESTORED = 'You were signed out before this was saved. What you typed is below: check it and save.';

const list: RouteHandler<'GET /workbench/inspections/{id}/cases'> = async ({ params, query, session }) => {
  const inspection = await requireInspection(params.id);
  const { cases, nextCursor } = await listCasesPage(inspection.inspectionId, query.cursor?.slice(0, 400) || undefined);
  const nameOf = await namesOf(cases.map((c) => c.updatedBy));
  return html(
    200,
    caseListPage(session!, csrfToken(session!), inspection.inspectionId, inspection.area, cases, nextCursor, query.show === 'unfinished', nameOf),
  );
};

const newCase: RouteHandler<'GET /workbench/inspections/{id}/cases/new'> = async ({ route, params, query, session, event }) => {
  const inspection = await requireInspection(params.id);
  const formPath = stashPath(route.path, params);
  const restored = await restore(event, session!, formPath);
  if (restored) return restoredForm(inspection, session!, 'new', restored, formPath);
  const caseType = query.caseType ?? '';
  if (!(caseType in CASE_TYPES)) {
    return html(
      caseType ? 400 : 200,
      caseTypeStepPage(
        session!,
        csrfToken(session!),
        inspection.inspectionId,
        inspection.area,
        caseType ? 'Choose the case type' : undefined,
        isClosed(inspection),
      ),
    );
  }
  const values = { caseRef: '', caseType, profile: {}, answers: {}, version: '0' };
  return dropStash(html(200, caseFormPage(formInput(inspection, session!, 'new', values))), event, formPath);
};

const postNewCase: RouteHandler<'POST /workbench/inspections/{id}/cases/new'> = async ({ params, body, session }) =>
  save(await requireInspection(params.id), session!, 'new', body);

const showCase: RouteHandler<'GET /workbench/inspections/{id}/cases/{caseRef}'> = async ({ route, params, query, session, event }) => {
  const inspection = await requireInspection(params.id);
  const formPath = stashPath(route.path, params);
  const found = await caseWithHistory(inspection.inspectionId, params.caseRef);
  const history = await namedHistory(inspection, found);
  const restored = session!.roles.some((r) => r === 'inspector' || r === 'admin') ? await restore(event, session!, formPath) : undefined;
  if (restored) return restoredForm(inspection, session!, 'edit', restored, formPath, history);
  const notice = query.saved === '1' ? { kind: 'success' as const, text: `Case ${found.caseRef} saved` } : undefined;
  const savedIn = notice ? sectionSavedFrom(new URLSearchParams({ returnTo: query.in ?? '' })) : undefined;
  return dropStash(
    html(200, caseFormPage({ ...formInput(inspection, session!, 'edit', valuesOfCase(found)), history, notice, ...(savedIn ? { savedIn } : {}) })),
    event,
    formPath,
  );
};

const postCase: RouteHandler<'POST /workbench/inspections/{id}/cases/{caseRef}'> = async ({ params, body, session }) => {
  const inspection = await requireInspection(params.id);
  body.set('caseRef', params.caseRef);
  return save(inspection, session!, 'edit', body);
};

export const handler = httpHandler(
  workbenchCasesRoutes,
  {
    'GET /workbench/inspections/{id}/cases': list,
    'GET /workbench/inspections/{id}/cases/new': newCase,
    'POST /workbench/inspections/{id}/cases/new': postNewCase,
    'GET /workbench/inspections/{id}/cases/{caseRef}': showCase,
    'POST /workbench/inspections/{id}/cases/{caseRef}': postCase,
  },
  pageOptions,
);

function formInput(inspection: Inspection, session: Session, mode: 'new' | 'edit', values: CaseFormInput['values']): CaseFormInput {
  return {
    session,
    csrf: csrfToken(session),
    owner: ownerField(session),
    inspectionId: inspection.inspectionId,
    area: inspection.area,
    bank: bankOf(inspection),
    mode,
    values,
    closed: isClosed(inspection),
  };
}

async function save(inspection: Inspection, session: Session, mode: 'new' | 'edit', form: URLSearchParams): Promise<HttpReply> {
  const bank = bankOf(inspection);
  const { values, renderedFor, input, errors } = readCaseForm(bank, form);
  const history = async () => (mode === 'edit' ? historyOf(inspection, values.caseRef) : []);
  const again = async (status: number, problems: FieldError[], closed = false) =>
    html(
      status,
      caseFormPage({ ...formInput(inspection, session, mode, values), errors: problems, history: await history(), ...(closed ? { closed } : {}) }),
    );
  if (errors.length) return again(400, errors);
  if (input && renderedFor !== input.profile.caseType) {
    // Nothing saved: the questions asked depend on the case type, so the inspector sees the new type's first.
    const name = CASE_TYPES[input.profile.caseType]!.toLowerCase();
    return again(400, [{ field: 'caseType', message: `The case type is now ${name}: check the questions for ${name} cases, then save` }]);
  }
  try {
    const recorded = await recordCase(inspection.inspectionId, values.caseRef, input!, session, { expectedVersion: Number(values.version) });
    // Back to the section saved from, so a long form is finished a section at a time without losing one's place.
    const section = sectionSavedFrom(form);
    return seeOther(`${pageUrls.case(recorded.inspectionId, recorded.caseRef)}?saved=1${section ? `&in=${section}#${section}` : ''}`);
  } catch (error) {
    // Closed since the form was opened: what was typed stays on the page, read only, with why.
    if (error instanceof InspectionClosed) return again(409, [{ field: 'closed-notice', message: CLOSED_EXPLANATION }], true);
    if (error instanceof InvalidInput) return again(400, fieldErrorsOf(error.errors));
    if (!(error instanceof CaseChanged)) throw error;
    const { version, updatedBy: updatedBySub, updatedAt } = error.current;
    const updatedBy = (await namesOf([updatedBySub]))(updatedBySub, ROLE_AS_PERSON.inspector);
    if (mode === 'new') {
      return again(409, [
        {
          field: 'caseRef',
          message: `Case ${values.caseRef} already exists (entered by ${updatedBy}): choose another reference, or open that case from the list to change it`,
        },
      ]);
    }
    // Their answers stay on the form; the next save is against the version now stored, so it is a choice, not an accident.
    values.version = String(version);
    return again(409, [
      {
        field: 'history',
        message: `${updatedBy} saved this case (version ${version}) at ${dateTime(updatedAt)}, after you opened it. Nothing of yours was saved: see what they changed in the history, then save again to replace their version with yours`,
      },
    ]);
  }
}

async function historyOf(inspection: Inspection, caseRef: string) {
  try {
    return await namedHistory(inspection, await caseWithHistory(inspection.inspectionId, caseRef));
  } catch {
    return [];
  }
}

/** The case's history, each version by who saved it, named from the people directory in one read. */
async function namedHistory(inspection: Inspection, found: Awaited<ReturnType<typeof caseWithHistory>>) {
  const versions = [found, ...found.earlierVersions];
  return caseHistory(bankOf(inspection), versions, await namesOf(versions.map((v) => v.updatedBy)));
}

async function restore(event: APIGatewayProxyEventV2, session: Session, formPath: string): Promise<URLSearchParams | undefined> {
  return hasStash(event) ? takeStash(event, session, formPath, claimFormStashOnce) : undefined;
}

/** The stash is used once, or dropped when it is not this person's: either way the cookie goes. */
function dropStash(reply: HttpReply, event: APIGatewayProxyEventV2, formPath: string): HttpReply {
  return hasStash(event) ? { ...reply, cookies: [clearStashCookie(formPath)] } : reply;
}

function restoredForm(
  inspection: Inspection,
  session: Session,
  mode: 'new' | 'edit',
  form: URLSearchParams,
  formPath: string,
  history: CaseFormInput['history'] = [],
): HttpReply {
  const { values } = readCaseForm(bankOf(inspection), form);
  const reply = html(200, caseFormPage({ ...formInput(inspection, session, mode, values), history, notice: { kind: 'important', text: RESTORED } }));
  return { ...reply, cookies: [clearStashCookie(formPath)] };
}
