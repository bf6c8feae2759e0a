/**
 * The workbench's findings pages: the inspector ticks which drafted findings to use and edits
 * their words. A save goes through the write-up's section use case, as the JSON section PUT
 * does, with the version of this criterion's section the page was opened on (in the field
 * `etag`): a page opened before somebody else saved this criterion is refused, not applied,
 * and saves of other criteria in between refuse nothing.
 */
import { namesOf, ROLE_AS_PERSON } from '#domain/people';
import { InspectionClosed, InvalidInput, NotFound } from '#core/errors';
import { CLOSED_EXPLANATION } from '#web/workbench/frame';
import { bankOf } from '#domain/bank-of';
import { figureMismatches, figuresOfSummary } from '#domain/figure-check';
import { draftFindings, staleFindings, type DraftedFinding } from '#domain/findings';
import { requireInspection } from '#domain/inspections';
import { staleGroupFindings, subGroupOffer, type SubGroupOffer } from '#domain/question-breakdowns';
import { parseGroup } from '#scoring/question-breakdowns';
import { latestSummary } from '#domain/summary';
import { saveWriteUpSections, writeUpOf } from '#domain/write-up';
import { criterionSection } from '#schemas/write-up-sections';
import { html, httpHandler, type RouteHandler } from '#http/handler';
import { workbenchFindingsRoutes } from '#route-table/workbench-findings';
import { pageOptions, seeOther } from '#http/pages';
import { csrfToken, type Session } from '#http/session';
import { WRITE_UP_TEXT_MAX, type WrittenText } from '#schemas/write-up';
import { findingsFormPage, findingsIndexPage, findingsUrls, type FindingsFormValues, type UsedFinding } from '#web/workbench/findings-pages';
import type { FieldError } from '#web/workbench/frame';

/** Everything a criterion's page shows, read afresh. */
async function criterionState(inspectionId: string, criterionId: string) {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  // Section 4's criteria are graded, not scored: their page has no drafts, only the write-up's own findings.
  const criterion = bank.criteria.find((c) => c.id === criterionId);
  if (!criterion) throw new NotFound(`There is no criterion ${criterionId.slice(0, 10)} in this inspection.`);
  const [summary, read] = await Promise.all([latestSummary(inspection.inspectionId), writeUpOf(inspection.inspectionId)]);
  const entry = read.writeUp.criteria[criterion.id] ?? { strengths: [], improvements: [] };
  const stale = [
    ...staleFindings(read.writeUp, summary).filter((s) => s.criterion === criterion.id),
    ...(await staleGroupFindings(inspection, bank, read.writeUp, criterion.id)),
  ];
  const mismatched = figureMismatches(read.writeUp, figuresOfSummary(summary)).filter(
    (m) => m.place.part === 'criterion' && m.place.criterion === criterion.id,
  );
  const usedOf = (kind: 'strength' | 'improvement', texts: typeof entry.strengths): UsedFinding[] =>
    texts.map((text, index) => ({
      kind,
      index,
      text,
      stale: stale.find((s) => s.kind === kind && s.index === index),
      mismatches: mismatched.filter((m) => m.place.part === 'criterion' && m.place.kind === kind && m.place.index === index),
    }));
  const used = [...usedOf('strength', entry.strengths), ...usedOf('improvement', entry.improvements)];
  // A sub-group's finding does not use up its question's whole-sample draft.
  const inUse = new Set(
    used.flatMap((u) => (typeof u.text !== 'string' && u.text.drafted && !u.text.drafted.group ? [u.text.drafted.question] : [])),
  );
  const all = draftFindings(summary, bank)[criterion.id] ?? { strengths: [], improvements: [] };
  const drafts: DraftedFinding[] = [...all.strengths, ...all.improvements].filter((d) => !inUse.has(d.drafted.question));
  const percent = summary.criteria.find((c) => c.id === criterion.id)?.percent ?? null;
  const sectionVersion = String(read.sections?.[criterionSection(criterion.id)]?.version ?? 0);
  return { inspection, bank, criterion, summary, read, entry, used, drafts, percent, sectionVersion };
}

type CriterionState = Awaited<ReturnType<typeof criterionState>>;

/** The criterion's findings form as `s` has it, with what this reply changes (what was typed, what was wrong, a newer version). */
function findingsForm(
  session: Session,
  s: CriterionState,
  reply: {
    inspection?: CriterionState['inspection'];
    etag?: string | undefined;
    drafts?: DraftedFinding[];
    values?: FindingsFormValues;
    errors?: FieldError[];
    subGroup?: SubGroupOffer;
  } = {},
): string {
  return findingsFormPage(
    session,
    csrfToken(session),
    reply.inspection ?? s.inspection,
    s.criterion,
    s.percent,
    reply.etag ?? s.sectionVersion,
    s.used,
    reply.drafts ?? s.drafts,
    reply.values ?? {},
    reply.errors ?? [],
    reply.subGroup,
  );
}

const index: RouteHandler<'GET /workbench/inspections/{id}/findings'> = async ({ params, query, session }) => {
  const inspection = await requireInspection(params.id);
  const bank = bankOf(inspection);
  const [summary, read] = await Promise.all([latestSummary(inspection.inspectionId), writeUpOf(inspection.inspectionId)]);
  const drafts = draftFindings(summary, bank);
  const stale = staleFindings(read.writeUp, summary);
  const rows = bank.criteria
    .filter((c) => c.section !== 4)
    .map((criterion) => {
      const entry = read.writeUp.criteria[criterion.id];
      const used = [...(entry?.strengths ?? []), ...(entry?.improvements ?? [])];
      const usedQuestions = new Set(used.flatMap((t) => (typeof t !== 'string' && t.drafted ? [t.drafted.question] : [])));
      const d = drafts[criterion.id];
      return {
        criterion,
        percent: summary.criteria.find((c) => c.id === criterion.id)?.percent ?? null,
        used: used.length,
        drafts: [...(d?.strengths ?? []), ...(d?.improvements ?? [])].filter((x) => !usedQuestions.has(x.drafted.question)).length,
        stale: stale.filter((s) => s.criterion === criterion.id).length,
      };
    });
  const saved = rows.find((r) => r.criterion.id === query.saved)?.criterion.id;
  return html(200, findingsIndexPage(session!, csrfToken(session!), inspection, rows, saved));
};

const form: RouteHandler<'GET /workbench/inspections/{id}/findings/{criterionId}'> = async ({ params, query, session }) => {
  const s = await criterionState(params.id, params.criterionId);
  // A sub-group's figure asked for (?question=&group=): its draft goes last, numbered with the others.
  const offer = await subGroupOffer(s.inspection, s.bank, s.criterion.id, query.question, query.group);
  const drafts = offer.draft ? [...s.drafts, offer.draft] : s.drafts;
  return html(offer.problems.length ? 400 : 200, findingsForm(session!, s, { drafts, errors: offer.problems, subGroup: offer }));
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function checkedText(values: FindingsFormValues, field: string, label: string, errors: FieldError[]): string {
  const text = (values[field] ?? '').trim();
  if (!text) errors.push({ field, message: `Enter the words of ${label}, or untick it` });
  else if (text.length > WRITE_UP_TEXT_MAX)
    errors.push({ field, message: `${label} must be ${WRITE_UP_TEXT_MAX.toLocaleString('en-GB')} characters or fewer` });
  return text;
}

const save: RouteHandler<'POST /workbench/inspections/{id}/findings/{criterionId}'> = async ({ params, body, session }) => {
  const s = await criterionState(params.id, params.criterionId);
  const values: FindingsFormValues = {};
  for (const [k, v] of body.entries()) if (k !== 'csrf') values[k] = v;
  const errors: FieldError[] = [];
  const lists: Record<'strength' | 'improvement', WrittenText[]> = { strength: [], improvement: [] };
  // The findings in use, in their order: kept ones with their edited words (their link to a figure kept).
  for (const u of s.used) {
    const key = `${u.kind === 'strength' ? 's' : 'i'}-${u.index}`;
    if (values[`keep-${key}`] !== 'yes') continue;
    const text = checkedText(
      values,
      `text-${key}`,
      `${u.kind === 'strength' ? 'strength' : 'area for improvement'} (${LETTERS[u.index % 26]})`,
      errors,
    );
    lists[u.kind].push(typeof u.text === 'string' ? text : { ...u.text, text });
  }
  // Then the drafts ticked, each with the figure it was drafted from as the page showed it.
  for (let n = 0; n < 200 && values[`dq-${n}`] !== undefined; n++) {
    if (values[`use-${n}`] !== 'yes') continue;
    const kind = values[`dk-${n}`] === 'improvement' ? 'improvement' : 'strength';
    const percent = Number(values[`dp-${n}`]);
    const text = checkedText(values, `text-d-${n}`, `the finding drafted from question ${values[`dq-${n}`]}`, errors);
    const group = values[`dg-${n}`];
    if (!Number.isInteger(percent) || percent < 0 || percent > 100)
      errors.push({ field: `text-d-${n}`, message: 'The figure this finding was drafted from is not a percentage: open the page again' });
    else if (group !== undefined && !parseGroup(group))
      errors.push({ field: `text-d-${n}`, message: 'The sub-group this finding was drafted for is not one the service knows: open the page again' });
    else lists[kind].push({ text, drafted: { question: values[`dq-${n}`]!, percent, ...(group !== undefined ? { group } : {}) } });
  }
  // A sub-group's draft is not among the page's own: it came with the form, after them, and stays on the page with what was typed.
  const posted = s.drafts.length;
  const groupDraft: DraftedFinding[] =
    values[`dg-${posted}`] !== undefined && values[`dq-${posted}`] !== undefined
      ? [
          {
            criterion: s.criterion.id,
            kind: values[`dk-${posted}`] === 'improvement' ? 'improvement' : 'strength',
            text: values[`text-d-${posted}`] ?? '',
            drafted: { question: values[`dq-${posted}`]!, percent: Number(values[`dp-${posted}`]), group: values[`dg-${posted}`] },
          },
        ]
      : [];
  const again = async (status: number, problems: FieldError[], keep: FindingsFormValues) =>
    html(
      status,
      findingsForm(session!, s, {
        etag: keep.etag,
        drafts: [...s.drafts, ...groupDraft],
        values: keep,
        errors: problems,
        subGroup: await subGroupOffer(s.inspection, s.bank, s.criterion.id),
      }),
    );
  if (errors.length) return again(400, errors, values);
  const content = { strengths: lists.strength, improvements: lists.improvement };
  const expectedVersion = /^\d{1,12}$/.test(values.etag ?? '') ? Number(values.etag) : -1;
  try {
    const { conflicts } = await saveWriteUpSections(
      s.inspection.inspectionId,
      [{ sectionId: criterionSection(s.criterion.id), content, expectedVersion }],
      session as Session,
    );
    const [conflict] = conflicts;
    if (conflict) {
      // Somebody saved this criterion since this page was opened: show it as it is now, with its new version.
      const fresh = await criterionState(params.id, params.criterionId);
      const who = conflict.updatedByName ?? (await namesOf([conflict.updatedBy]))(conflict.updatedBy, ROLE_AS_PERSON.inspector);
      const message = `${who} saved ${s.criterion.id}'s findings after you opened this page, so your changes were not saved. This page now shows them as they are: make your changes again.`;
      return html(409, findingsForm(session!, fresh, { errors: [{ field: 'etag', message }] }));
    }
  } catch (error) {
    if (error instanceof InvalidInput)
      return again(
        400,
        error.errors.map((e) => ({ field: 'etag', message: e.message })),
        values,
      );
    if (error instanceof InspectionClosed) {
      // Closed since the form was opened: what was typed stays on the page, read only, with why.
      const closed = { ...s.inspection, status: 'closed' as const };
      const errors = [{ field: 'closed-notice', message: CLOSED_EXPLANATION }];
      return html(409, findingsForm(session!, s, { inspection: closed, etag: values.etag, values, errors }));
    }
    throw error;
  }
  return seeOther(`${findingsUrls.index(s.inspection.inspectionId)}?saved=${encodeURIComponent(s.criterion.id)}`);
};

export const handler = httpHandler(
  workbenchFindingsRoutes,
  {
    'GET /workbench/inspections/{id}/findings': index,
    'GET /workbench/inspections/{id}/findings/{criterionId}': form,
    'POST /workbench/inspections/{id}/findings/{criterionId}': save,
  },
  pageOptions,
);
