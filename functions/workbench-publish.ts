/**
 * The workbench's pages for writing and publishing the report: the write-up form, the
 * releases (make, list, open), reopening, and the breakdowns with their diversity view. Each
 * POST goes through the same use case as its JSON route.
 */
import { dataPackageOf, dataPackageResource } from '#domain/data-package';
import * as z from 'zod/mini';
import { InspectionClosed, InvalidInput, type DomainError } from '#core/errors';
import { createRelease, namedReleasesOf, recoverTransition, releasedFile, reopenInspection, transitionOf } from '#domain/releases';
import { readinessOf, unchangedSinceLastRelease } from '#domain/readiness';
import { isClosed } from '#domain/closing';
import { breakdownsView } from '#domain/summary';
import {
  SectionChanged,
  saveWriteUpSection,
  saveWriteUpSections,
  sectionTitle,
  withSaversNamed,
  writeUpForPage,
  type WriteUpRead,
} from '#domain/write-up';
import { requireInspection } from '#domain/inspections';
import { download, html, httpHandler, issuesToProblems, type HttpReply, type RouteHandler } from '#http/handler';
import { workbenchPublishRoutes } from '#route-table/workbench-publish';
import { pageOptions, seeOther } from '#http/pages';
import { CLOSED_EXPLANATION, dateTime, has, inPlainWords, pageUrls } from '#web/workbench/frame';
import {
  DOCUMENT_SECTIONS,
  documentContent,
  documentPage,
  type DocumentPageInput,
  type DocumentSection,
  documentUrl,
  type DocumentValues,
  documentValues,
} from '#web/workbench/document-pages';
import { frozenJson, renderRelease, reportHtml } from '#http/report-replies';
import { csrfToken, type Session } from '#http/session';
import { ReleaseKind } from '#schemas/release';
import { WriteUp } from '#schemas/write-up';
import { sectionContent } from '#schemas/write-up-sections';
import { breakdownsPage, publishUrls, releasesPage } from '#web/workbench/publish-pages';
import {
  fieldOfProblem,
  formSectionOf,
  formSections,
  sectionFingerprint,
  shownSections,
  writeUpFormValues,
  writeUpFromForm,
  type FormConflict,
  type ShownSections,
  type WriteUpFormValues,
} from '#web/workbench/write-up-form';
import { writeUpPage, type WriteUpPageInput } from '#web/workbench/write-up-page';

const showWriteUp: RouteHandler<'GET /workbench/inspections/{id}/write-up'> = async ({ params, query, session }) => {
  const { inspection, criteria, read } = await namedWriteUpForPage(params.id);
  const values = writeUpFormValues(read.writeUp);
  return html(
    200,
    writeUpPage({
      session: session!,
      csrf: csrfToken(session!),
      inspection,
      criteria,
      values,
      shown: shownSections(formSections(criteria), values, read.sections ?? {}),
      etag: read.etag,
      lastSaved: lastSavedOf(read),
      saved: query.saved === '1',
    }),
  );
};

/* ------------------------------- front and back matter ---------------------------------- */

type DocumentErrors = NonNullable<DocumentPageInput['errors']>;

async function documentReply(
  id: string,
  session: Session,
  status: number,
  options: { errors?: DocumentErrors; typed?: { section: DocumentSection; values: DocumentValues; version?: number }; saved?: DocumentSection } = {},
): Promise<HttpReply> {
  const { inspection, read } = await namedWriteUpForPage(id);
  const values = documentValues(read.writeUp);
  const versions = Object.fromEntries(
    DOCUMENT_SECTIONS.map((s) => {
      const meta = read.sections?.[s];
      return [
        s,
        {
          version: meta?.version ?? 0,
          ...(meta?.updatedAt ? { updatedAt: meta.updatedAt } : {}),
          ...(meta?.updatedByName ? { updatedByName: meta.updatedByName } : {}),
        },
      ];
    }),
  ) as DocumentPageInput['versions'];
  // What was typed stays on the page, on the version it was refused against (or the one now stored, after a conflict).
  if (options.typed) {
    values[options.typed.section] = options.typed.values;
    if (options.typed.version !== undefined) versions[options.typed.section] = { ...versions[options.typed.section], version: options.typed.version };
  }
  const canEdit = has(session, 'inspector', 'admin') && inspection.status === 'open';
  return html(
    status,
    documentPage({
      session,
      csrf: csrfToken(session),
      inspection,
      values,
      versions,
      canEdit,
      ...(options.errors ? { errors: options.errors } : {}),
      ...(options.saved ? { saved: options.saved } : {}),
    }),
  );
}

const showDocument: RouteHandler<'GET /workbench/inspections/{id}/write-up/document'> = async ({ params, query, session }) =>
  documentReply(params.id, session!, 200, query.saved ? { saved: query.saved } : {});

const saveDocument: RouteHandler<'POST /workbench/inspections/{id}/write-up/document'> = async ({ params, body, session }) => {
  const section = DOCUMENT_SECTIONS.find((s) => s === body.get('section'));
  if (!section) throw new InvalidInput([{ path: 'section', message: 'Choose a part of the report to save' }]);
  const { inspection, read } = await writeUpForPage(params.id);
  const { content, values, problems } = documentContent(section, body, read.writeUp);
  const expectedVersion = Number(body.get('expectedVersion') ?? '');
  const typed = { section, values };
  if (problems.length)
    return documentReply(inspection.inspectionId, session!, 400, {
      errors: { section, items: problems },
      typed: { ...typed, version: expectedVersion },
    });
  try {
    await saveWriteUpSection(
      inspection.inspectionId,
      section,
      { expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : 0, content },
      session!,
    );
  } catch (error) {
    if (error instanceof SectionChanged) {
      const who = error.conflict.updatedByName ?? 'Somebody';
      const when = error.conflict.updatedAt ? ` on ${dateTime(error.conflict.updatedAt)}` : '';
      const conflict = `${who} saved this part${when}, after you opened the page. What you typed is below and was not saved: save again to replace theirs, or open the page afresh to read theirs.`;
      return documentReply(inspection.inspectionId, session!, 409, {
        errors: { section, items: [], conflict },
        typed: { ...typed, version: error.conflict.version },
      });
    }
    if (error instanceof InspectionClosed)
      return documentReply(inspection.inspectionId, session!, 409, { errors: { section, items: [], conflict: CLOSED_EXPLANATION }, typed });
    if (error instanceof InvalidInput) {
      const field = Object.keys(values)[0]!;
      return documentReply(inspection.inspectionId, session!, 400, {
        errors: { section, items: error.errors.map((e) => ({ field, message: e.message })) },
        typed: { ...typed, version: expectedVersion },
      });
    }
    throw error;
  }
  return seeOther(`${documentUrl(inspection.inspectionId)}?saved=${section}#${section}`);
};

/** The write-up as a page shows it: every saver by name (withSaversNamed), never by account id. */
async function namedWriteUpForPage(id: string) {
  const found = await writeUpForPage(id);
  return { ...found, read: await withSaversNamed(found.read) };
}

/** Who saved each section last: `read` has been through withSaversNamed. */
const lastSavedOf = (read: WriteUpRead) =>
  Object.fromEntries(
    Object.entries(read.sections ?? {}).map(([s, v]) => [s, { who: v.updatedByName ?? 'Somebody', ...(v.updatedAt ? { at: v.updatedAt } : {}) }]),
  );

/**
 * The version and fingerprint of each section as the form showed it. A form from before the
 * page kept them (a stash, an old tab) is taken as showing what is stored now when its ETag is
 * the current one, and otherwise as showing nothing that can be saved without a choice.
 */
function shownOnForm(body: URLSearchParams, sections: readonly string[], read: WriteUpRead): ShownSections {
  const now = shownSections(sections, writeUpFormValues(read.writeUp), read.sections ?? {});
  const etag = body.get('etag');
  return Object.fromEntries(
    sections.map((s) => {
      const [v, h] = [body.get(`v:${s}`), body.get(`h:${s}`)];
      if (v !== null && h !== null && /^\d{1,12}$/.test(v)) return [s, { version: Number(v), fingerprint: h }];
      return [s, etag === null || etag === read.etag ? now[s]! : { version: -1, fingerprint: now[s]!.fingerprint }];
    }),
  );
}

/** The sections in conflict as the page shows them: their text field by field, who saved it and when. */
function formConflicts(sections: readonly string[], read: WriteUpRead, criteria: Parameters<typeof sectionTitle>[1]): FormConflict[] {
  const theirs = writeUpFormValues(read.writeUp);
  const last = lastSavedOf(read);
  return sections.map((s) => ({
    sectionId: s,
    title: sectionTitle(s, criteria),
    who: last[s]?.who ?? 'Somebody',
    ...(last[s]?.at ? { at: last[s].at } : {}),
    theirs: Object.fromEntries(Object.entries(theirs).filter(([name]) => formSectionOf(name) === s)),
  }));
}

const saveWriteUp: RouteHandler<'POST /workbench/inspections/{id}/write-up'> = async ({ params, body, session }) => {
  const { inspection, criteria, read } = await namedWriteUpForPage(params.id);
  const sections = formSections(criteria);
  const shown = shownOnForm(body, sections, read);
  const { candidate, values, problems } = writeUpFromForm(body, criteria, read.writeUp);
  const marked = sections.filter((s) => body.get(`conflict:${s}`) !== null);
  const again = (status: number, extra: Partial<WriteUpPageInput>, shownInspection = inspection): HttpReply =>
    html(
      status,
      writeUpPage({
        session: session!,
        csrf: csrfToken(session!),
        inspection: shownInspection,
        criteria,
        values,
        shown,
        etag: body.get('etag') ?? read.etag,
        lastSaved: lastSavedOf(read),
        conflicts: formConflicts(marked, read, criteria),
        ...extra,
      }),
    );
  const parsed = z.safeParse(WriteUp, candidate);
  const schemaProblems = parsed.success ? [] : issuesToProblems(parsed.error.issues, []);
  const shaped = candidate as Parameters<typeof fieldOfProblem>[1];
  // A section shown in conflict is saved only once its writer has chosen whose text to keep.
  const unchosen = marked.filter((s) => !['mine', 'theirs'].includes(body.get(`keep:${s}`) ?? ''));
  const choiceErrors = unchosen.map((s) => ({ field: `keep:${s}`, message: `Choose whether to keep your ${sectionTitle(s, criteria)} or theirs` }));
  if (problems.length || !parsed.success || choiceErrors.length) {
    return again(400, {
      errors: [...choiceErrors, ...problems, ...schemaProblems.map((p) => ({ field: fieldOfProblem(p.path, shaped), message: p.message }))],
    });
  }
  const edits = sections.flatMap((s) => {
    if (body.get(`keep:${s}`) === 'theirs' || sectionFingerprint(values, s) === shown[s]!.fingerprint) return [];
    return [{ sectionId: s, content: sectionContent(parsed.data, s), expectedVersion: shown[s]!.version }];
  });
  let result: Awaited<ReturnType<typeof saveWriteUpSections>>;
  try {
    result = await saveWriteUpSections(inspection.inspectionId, edits, session!);
  } catch (error) {
    // Closed since the form was opened: what was typed stays on the page, read only, with why.
    if (error instanceof InspectionClosed)
      return again(409, { errors: [{ field: 'closed-notice', message: CLOSED_EXPLANATION }] }, { ...inspection, status: 'closed' });
    if (error instanceof InvalidInput)
      return again(400, { errors: error.errors.map((p) => ({ field: fieldOfProblem(p.path, shaped), message: p.message })) });
    throw error;
  }
  if (!result.conflicts.length) return seeOther(`${publishUrls.writeUp(inspection.inspectionId)}?saved=1`);
  // What is stored now everywhere, but the writer's own text where it met somebody else's, beside theirs.
  const inConflict = new Set(result.conflicts.map((c) => c.sectionId));
  result = { ...result, read: await withSaversNamed(result.read) };
  const stored = writeUpFormValues(result.read.writeUp);
  const merged: WriteUpFormValues = Object.fromEntries([
    ...Object.entries(stored).filter(([name]) => !inConflict.has(formSectionOf(name) ?? '')),
    ...Object.entries(values).filter(([name]) => inConflict.has(formSectionOf(name) ?? '')),
  ]);
  return html(
    409,
    writeUpPage({
      session: session!,
      csrf: csrfToken(session!),
      inspection,
      criteria,
      values: merged,
      shown: shownSections(sections, stored, result.read.sections ?? {}),
      etag: result.read.etag,
      lastSaved: lastSavedOf(result.read),
      conflicts: formConflicts([...inConflict], result.read, criteria),
      savedNow: result.saved.map((s) => sectionTitle(s, criteria)),
    }),
  );
};

type ReleasesExtra = Omit<Parameters<typeof releasesPage>[0], 'session' | 'csrf' | 'inspection' | 'releases' | 'readiness' | 'transition'>;

async function releasesReply(
  id: string,
  session: NonNullable<Parameters<typeof csrfToken>[0]>,
  status: number,
  extra: ReleasesExtra = {},
): Promise<HttpReply> {
  const inspection = await requireInspection(id);
  const admin = session.roles.includes('admin');
  // The check comes first on the page, for whoever can make the release.
  const [{ releases }, readiness, transition] = await Promise.all([
    namedReleasesOf(inspection.inspectionId),
    admin && !isClosed(inspection) ? readinessOf(inspection.inspectionId) : Promise.resolve(undefined),
    transitionOf(inspection.inspectionId),
  ]);
  return html(
    status,
    releasesPage({
      session,
      csrf: csrfToken(session),
      inspection,
      releases,
      ...(readiness ? { readiness } : {}),
      ...(transition ? { transition } : {}),
      ...extra,
    }),
  );
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
  if (!kind.success)
    return releasesReply(params.id, session!, 400, { values, fieldErrors: [{ field: 'kind', message: 'Select the kind of release' }] });
  if (kind.data === 'final' && typed !== inspection.area) {
    const message = typed.trim()
      ? `The name typed is not ${inspection.area}: type it exactly as shown. Nothing was released.`
      : `Type the area's name, ${inspection.area}, to confirm the final release`;
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
    if (error instanceof InspectionClosed || (error as DomainError).status === 409)
      return releasesReply(params.id, session!, 409, { values, error: inPlainWords((error as Error).message, inspection) });
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
  reportHtml(
    correlationId,
    async () => (await releasedFile(params.id, params.releaseId, query.lang ?? 'en', downloadsOf(params.id, params.releaseId))).body,
  );

const releaseJson: RouteHandler<'GET /workbench/inspections/{id}/releases/{releaseId}/summary.json'> = async ({ params }) =>
  frozenJson((await releasedFile(params.id, params.releaseId, 'json')).body);

const releaseCsv: RouteHandler<'GET /workbench/inspections/{id}/releases/{releaseId}/summary.csv'> = async ({ params }) => {
  const { body, filename } = await releasedFile(params.id, params.releaseId, 'csv');
  return download(body, filename);
};

const dataPackage: RouteHandler<'GET /workbench/inspections/{id}/releases/{releaseId}/data-package'> = async ({ params, query, session }) =>
  download(
    `${JSON.stringify(await dataPackageOf(params.id, params.releaseId, session!, query.freeText === 'include'), null, 2)}\n`,
    'datapackage.json',
    'application/json; charset=utf-8',
  );

const dataPackageFile: RouteHandler<'GET /workbench/inspections/{id}/releases/{releaseId}/data-package/{resource}'> = async ({ params, session }) => {
  const { csv, filename } = await dataPackageResource(params.id, params.releaseId, params.resource, session!);
  return download(csv, filename);
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
    'GET /workbench/inspections/{id}/write-up/document': showDocument,
    'POST /workbench/inspections/{id}/write-up/document': saveDocument,
    'GET /workbench/inspections/{id}/releases': showReleases,
    'POST /workbench/inspections/{id}/releases': makeRelease,
    'POST /workbench/inspections/{id}/reopen': reopen,
    'POST /workbench/inspections/{id}/releases/recover': recover,
    'GET /workbench/inspections/{id}/releases/{releaseId}/report': releaseReport,
    'GET /workbench/inspections/{id}/releases/{releaseId}/summary.json': releaseJson,
    'GET /workbench/inspections/{id}/releases/{releaseId}/summary.csv': releaseCsv,
    'GET /workbench/inspections/{id}/releases/{releaseId}/data-package': dataPackage,
    'GET /workbench/inspections/{id}/releases/{releaseId}/data-package/{resource}': dataPackageFile,
    'GET /workbench/inspections/{id}/breakdowns': breakdowns,
  },
  pageOptions,
);
