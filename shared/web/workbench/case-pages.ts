/**
 * The case form (the OMT grid for one case), the case list and a case's history, for the
 * workbench (issue 12). Pure: data in, HTML or a parsed form out. The form is the JSON route's
 * CaseInput in fields: the profile, then every question that applies to the case type, grouped
 * by criterion. An unanswered question is simply left out (unanswered, never `na`), so a
 * part-filled case saves as it is, unfinished and out of the figures, and is finished later.
 *
 * Without JavaScript the questions shown depend on the case type, so a new case starts with a
 * one-question step (GET ?caseType=), and a case whose type is changed on the form is shown
 * again with the new type's questions before anything is saved.
 */
import { ROLE_AS_PERSON, type NameOf } from '#core/roles';
import * as z from 'zod/mini';
import type { ProblemDetail } from '#core/errors';
import type { QuestionBank } from '#schemas/bank';
import { CaseProfile, type CaseInput, type ListedCase, type StoredCase } from '#schemas/case';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { PROFILE_FIELDS } from '#cases/words';
import {
  CASE_TYPES,
  closedNotice,
  csrfField,
  dateTime,
  has,
  page,
  pageUrls,
  radioGroup,
  table,
  type Choice,
  type FieldError,
  type Viewer,
} from './frame';
import { FIELD_LABELS, type HistoryEntry, historySection } from './case-history';

/** The profile's fields as selects ('' = not recorded): one list for the form and the CSV upload, which takes the same words. */

const CASE_TYPE_VALUES = Object.keys(CASE_TYPES);

/** A question's radios: ids without dots, so `#q-1-2-3` is also a plain CSS selector. */
export const questionFieldId = (questionId: string) => `q-${questionId.replaceAll('.', '-')}`;
const questionField = (questionId: string) => `q-${questionId}`;

/** What the form holds: strings exactly as typed or chosen, so a page with errors shows them all again. */
export interface CaseFormValues {
  caseRef: string;
  caseType: string;
  profile: Record<string, string>;
  answers: Record<string, string>;
  /** The stored version the form was opened on: 0 for a new case. */
  version: string;
}

export function valuesOfCase(stored: StoredCase): CaseFormValues {
  const profile: Record<string, string> = {};
  for (const f of PROFILE_FIELDS) {
    const v = stored.profile[f.name];
    if (v !== undefined) profile[f.name] = f.kind === 'bool' ? (v ? 'yes' : 'no') : String(v);
  }
  return { caseRef: stored.caseRef, caseType: stored.profile.caseType, profile, answers: { ...stored.answers }, version: String(stored.version) };
}

/** The form's fields as typed, and the CaseInput they make (when they make one), with every problem. */
export function readCaseForm(
  bank: QuestionBank,
  form: URLSearchParams,
): { values: CaseFormValues; renderedFor: string; input?: CaseInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const caseType = (form.get('caseType') ?? '').trim();
  const values: CaseFormValues = {
    caseRef: (form.get('caseRef') ?? '').trim(),
    caseType,
    profile: {},
    answers: {},
    version: form.get('version') ?? '0',
  };
  for (const f of PROFILE_FIELDS) values.profile[f.name] = form.get(f.name) ?? '';
  for (const q of bank.questions) {
    const a = form.get(questionField(q.id));
    if (a) values.answers[q.id] = a;
  }
  if (!CASE_TYPE_VALUES.includes(caseType)) errors.push({ field: 'caseType', message: 'Choose the case type' });
  const profile: Record<string, unknown> = { caseType };
  for (const f of PROFILE_FIELDS) {
    const v = values.profile[f.name]!;
    if (!v) continue;
    if (!f.choices.some(([c]) => c === v)) errors.push({ field: f.name, message: `Choose one of the listed values for ${f.label.toLowerCase()}` });
    else profile[f.name] = f.kind === 'int' ? Number(v) : f.kind === 'bool' ? v === 'yes' : v;
  }
  const answers: Record<string, 'yes' | 'no' | 'na'> = {};
  for (const q of bank.questions) {
    const a = values.answers[q.id];
    if (a === undefined) continue;
    if (a !== 'yes' && a !== 'no' && a !== 'na') errors.push({ field: questionFieldId(q.id), message: `Choose yes, no or not relevant for ${q.id}` });
    else if (q.appliesTo.includes(caseType as never) || a === 'na') answers[q.id] = a;
  }
  if (!/^\d{1,6}$/.test(values.version)) errors.push({ field: 'caseRef', message: 'The form is damaged: open the case again' });
  const parsed = z.safeParse(CaseProfile, profile);
  if (!parsed.success && errors.length === 0)
    for (const i of parsed.error.issues) errors.push({ field: String(i.path[0] ?? 'caseType'), message: i.message });
  const renderedFor = form.get('renderedFor') ?? caseType;
  return { values, renderedFor, ...(errors.length === 0 && parsed.success ? { input: { profile: parsed.data, answers } } : {}), errors };
}

/** The domain's problems (paths like `answers.1.2.3`, `caseRef`) as the form's fields. */
export function fieldErrorsOf(problems: readonly ProblemDetail[]): FieldError[] {
  return problems.map((p) => {
    const path = p.path ?? '';
    if (path.startsWith('answers.')) return { field: questionFieldId(path.slice('answers.'.length)), message: p.message };
    if (path.startsWith('profile.'))
      return { field: path.slice('profile.'.length), message: `${FIELD_LABELS[path.slice('profile.'.length)] ?? path}: ${p.message}` };
    return { field: 'caseRef', message: p.message };
  });
}

/* ------------------------------------------------------------------------------------------- */

export interface CaseFormInput {
  session: Viewer;
  csrf: string;
  /** The hidden field that lets a post sent after the session ended be kept for its owner. */
  owner: string;
  inspectionId: string;
  area: string;
  bank: QuestionBank;
  mode: 'new' | 'edit';
  values: CaseFormValues;
  errors?: readonly FieldError[];
  history?: readonly HistoryEntry[];
  /** A banner: saved, or put back after signing in again. */
  notice?: { kind: 'success' | 'important'; text: string };
  /** The inspection is closed: the form is shown read only, with why and who can reopen it. */
  closed?: boolean;
  /** The section the save came from: its banner is shown there, where the page opens. */
  savedIn?: string;
}

function select(name: string, label: string, choices: readonly Choice[], value: string, error: FieldError | undefined): string {
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${name}">${esc(label)}</label>
  ${error ? errorMessage('en', `${name}-error`, error.message) : ''}
  <select class="govuk-select${error ? ' govuk-select--error' : ''}" id="${name}" name="${name}"${error ? ` aria-describedby="${name}-error"` : ''}>
    <option value=""${value === '' ? ' selected' : ''}>Not recorded</option>
${choices.map(([v, l]) => `    <option value="${esc(v)}"${v === value ? ' selected' : ''}>${esc(l)}</option>`).join('\n')}
  </select>
</div>`;
}

const ANSWER_CHOICES: readonly Choice[] = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['na', 'Not relevant'],
];

/** The first step of a new case: its type decides which questions the form shows. */
export function caseTypeStepPage(session: Viewer, csrf: string, inspectionId: string, area: string, error?: string, closed = false): string {
  const fieldError = error ? { field: 'caseType', message: error } : undefined;
  if (closed) {
    return page({
      session,
      csrf,
      title: 'Enter a case',
      backHref: pageUrls.dashboard(inspectionId),
      content: `<span class="govuk-caption-l">${esc(area)}</span>
<h1 class="govuk-heading-l">Enter a case</h1>
${closedNotice(inspectionId)}`,
    });
  }
  return page({
    session,
    csrf,
    title: 'Enter a case: case type',
    hasErrors: !!error,
    backHref: pageUrls.dashboard(inspectionId),
    content: `${errorSummary('en', fieldError ? [{ href: '#caseType', message: fieldError.message }] : [])}
<span class="govuk-caption-l">${esc(area)}</span>
<form method="get" action="${esc(pageUrls.newCase(inspectionId))}" novalidate>
  ${radioGroup('caseType', 'caseType', '<h1 class="govuk-fieldset__heading">What type of case is it?</h1>', Object.entries(CASE_TYPES), undefined, fieldError, { legendClass: 'govuk-fieldset__legend--l', inline: true })}
  <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>`,
  });
}

/** A section of the case form: its anchor, its heading, and the questions it asks. */
interface FormSection {
  id: string;
  heading: string;
  questions: readonly QuestionBank['questions'][number][];
}

export const PROFILE_SECTION = 'section-profile';
/** A criterion's section anchor: `criterion-1-2`, also a plain CSS selector. */
export const criterionSectionId = (criterionId: string) => `criterion-${criterionId.replaceAll('.', '-')}`;
const SECTION_ID = /^(section-profile|criterion-\d-\d{1,2})$/;

/** The section a save came from (a Save button's value), when it names one: the page returns there. */
export function sectionSavedFrom(form: URLSearchParams): string | undefined {
  const from = form.get('returnTo') ?? '';
  return SECTION_ID.test(from) ? from : undefined;
}

const left = (n: number) => (n === 0 ? 'all answered' : `${n} left`);
const answerText = (a: string | undefined) => (a === 'yes' ? 'Yes' : a === 'no' ? 'No' : a === 'na' ? 'Not relevant' : 'Unanswered');

/** One read-only row: a person reads the answer, with nothing greyed out to puzzle over. */
const summaryRow = (key: string, value: string) =>
  `    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`;

export function caseFormPage(input: CaseFormInput): string {
  const { session, csrf, owner, inspectionId, area, bank, mode, values, errors = [], history = [], notice, closed, savedIn } = input;
  const canWrite = has(session, 'inspector', 'admin') && !closed;
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const items: ErrorItem[] = errors.map((e) => ({ href: `#${e.field}`, message: e.message }));
  const caseType = CASE_TYPE_VALUES.includes(values.caseType) ? values.caseType : 'community';
  const title = mode === 'new' ? 'Enter a case' : `Case ${values.caseRef}`;
  const caseRefError = errorOf('caseRef');
  const caseRefField =
    mode === 'new'
      ? `<div class="govuk-form-group${caseRefError ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="caseRef">Case reference</label>
  <div id="caseRef-hint" class="govuk-hint">The area's reference, with at least one digit. Never a name.</div>
  ${caseRefError ? errorMessage('en', 'caseRef-error', caseRefError.message) : ''}
  <input class="govuk-input govuk-input--width-10${caseRefError ? ' govuk-input--error' : ''}" id="caseRef" name="caseRef" type="text" value="${esc(values.caseRef)}" aria-describedby="caseRef-hint${caseRefError ? ' caseRef-error' : ''}" spellcheck="false" autocomplete="off">
</div>`
      : `<input type="hidden" name="caseRef" value="${esc(values.caseRef)}">${caseRefError ? `<div class="govuk-form-group govuk-form-group--error" id="caseRef" tabindex="-1">${errorMessage('en', 'caseRef-error', caseRefError.message)}</div>` : ''}`;
  const sections: FormSection[] = bank.criteria
    .filter((c) => c.section !== 4)
    .map((c) => ({
      id: criterionSectionId(c.id),
      heading: `${c.id} ${c.title}`,
      questions: bank.questions.filter((q) => q.criterion === c.id && q.appliesTo.includes(caseType as never)),
    }))
    .filter((s) => s.questions.length > 0);
  const leftIn = (s: FormSection) => s.questions.filter((q) => !values.answers[q.id]).length;
  const unanswered = sections.reduce((n, s) => n + leftIn(s), 0);
  const asked = sections.reduce((n, s) => n + s.questions.length, 0);
  const banner = notice
    ? `<div class="govuk-notification-banner${notice.kind === 'success' ? ' govuk-notification-banner--success' : ''}" role="${notice.kind === 'success' ? 'alert' : 'region'}" aria-labelledby="case-notice-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="case-notice-title">${notice.kind === 'success' ? 'Success' : 'Important'}</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(notice.text)}</p></div>
</div>`
    : '';
  // A save returns to the section it was made from: the banner is there, where the person is reading.
  const bannerIn = (sectionId: string | undefined) => (notice && savedIn === sectionId ? banner : '');
  const saveButton = (sectionId: string, heading: string) =>
    canWrite
      ? `<button type="submit" class="govuk-button" data-module="govuk-button" name="returnTo" value="${esc(sectionId)}">Save case<span class="govuk-visually-hidden"> and return to ${esc(heading)}</span></button>`
      : '';
  const action = mode === 'new' ? pageUrls.newCase(inspectionId) : pageUrls.case(inspectionId, values.caseRef);
  const finishedWords =
    mode === 'new' && !canWrite
      ? ''
      : unanswered
        ? `${unanswered} ${unanswered === 1 ? 'question is' : 'questions are'} unanswered, of ${asked} asked: this case is left out of the figures until every question is answered.`
        : 'Every question is answered.';
  const progress = `<p class="govuk-body" id="case-progress">${unanswered ? '<strong class="govuk-tag govuk-tag--yellow">Unfinished</strong>' : '<strong class="govuk-tag govuk-tag--green">Finished</strong>'} ${esc(finishedWords)}</p>`;
  const contents = `<nav class="govuk-!-margin-bottom-6" aria-labelledby="case-contents-title">
  <h2 class="govuk-heading-s govuk-!-margin-bottom-2" id="case-contents-title">Contents</h2>
  <ol class="govuk-list" id="case-contents">
    <li><a class="govuk-link" href="#${PROFILE_SECTION}">Case type and profile</a></li>
${sections.map((s) => `    <li><a class="govuk-link" href="#${s.id}">${esc(s.heading)}</a> — ${esc(left(leftIn(s)))}</li>`).join('\n')}
  </ol>
</nav>`;
  const profileTitle = 'Case type and profile';
  const backToContents = '<p class="govuk-body"><a class="govuk-link" href="#case-contents">Back to contents</a></p>';
  const readOnlyBody = () => `<section id="${PROFILE_SECTION}" aria-labelledby="${PROFILE_SECTION}-heading">
  <h2 class="govuk-heading-m" id="${PROFILE_SECTION}-heading">${profileTitle}</h2>
  <dl class="govuk-summary-list govuk-!-margin-bottom-9">
${[...(mode === 'new' ? [summaryRow('Case reference', esc(values.caseRef || 'Not given'))] : []), summaryRow('Case type', esc(CASE_TYPES[values.caseType] ?? 'Not recorded')), ...PROFILE_FIELDS.map((f) => summaryRow(esc(f.label), esc(f.choices.find(([v]) => v === values.profile[f.name])?.[1] ?? 'Not recorded')))].join('\n')}
  </dl>
</section>
${sections
  .map(
    (s) => `<section id="${s.id}" aria-labelledby="${s.id}-heading">
  <h2 class="govuk-heading-m" id="${s.id}-heading">${esc(s.heading)}</h2>
  <dl class="govuk-summary-list govuk-!-margin-bottom-9">
${s.questions.map((q) => summaryRow(`<span class="govuk-!-font-weight-bold">${esc(q.id)}</span> <span class="govuk-!-font-weight-regular">${esc(q.text)}</span>`, values.answers[q.id] ? esc(answerText(values.answers[q.id])) : '<strong class="govuk-tag govuk-tag--grey">Unanswered</strong>')).join('\n')}
  </dl>
  ${backToContents}
</section>`,
  )
  .join('\n')}`;
  const formBody = () => `<form method="post" action="${esc(action)}" novalidate>
  ${csrfField(csrf)}
  <input type="hidden" name="owner" value="${esc(owner)}">
  <input type="hidden" name="version" value="${esc(values.version)}">
  <input type="hidden" name="renderedFor" value="${esc(caseType)}">
  <section id="${PROFILE_SECTION}" aria-labelledby="${PROFILE_SECTION}-heading">
  <h2 class="govuk-heading-m" id="${PROFILE_SECTION}-heading">${profileTitle}</h2>
  ${bannerIn(PROFILE_SECTION)}
  ${caseRefField}
  ${radioGroup('caseType', 'caseType', 'Case type', Object.entries(CASE_TYPES), values.caseType, errorOf('caseType'), { legendClass: 'govuk-fieldset__legend--s', inline: true, small: true })}
  <div class="govuk-hint">Changing the case type shows that type's questions before anything is saved.</div>
  <div class="govuk-grid-row">
${PROFILE_FIELDS.map((f) => `<div class="govuk-grid-column-one-third">${select(f.name, f.label, f.choices, values.profile[f.name] ?? '', errorOf(f.name))}</div>`).join('\n')}
  </div>
  ${saveButton(PROFILE_SECTION, profileTitle)}
  </section>
${sections
  .map(
    (s) => `<section id="${s.id}" class="govuk-!-margin-bottom-6" aria-labelledby="${s.id}-heading">
  ${bannerIn(s.id)}
  <fieldset class="govuk-fieldset">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading" id="${s.id}-heading">${esc(s.heading)}</h2></legend>
  <p class="govuk-body">${esc(leftIn(s) ? `${leftIn(s)} of ${s.questions.length} unanswered.` : 'Every question here is answered.')}</p>
${s.questions
  .map((q) =>
    radioGroup(
      questionFieldId(q.id),
      questionField(q.id),
      `<span class="govuk-!-font-weight-bold">${esc(q.id)}</span> ${esc(q.text)}`,
      ANSWER_CHOICES,
      values.answers[q.id],
      errorOf(questionFieldId(q.id)),
      {
        legendClass: 'govuk-fieldset__legend--s govuk-!-font-weight-regular',
        inline: true,
        small: true,
      },
    ),
  )
  .join('\n')}
  </fieldset>
  ${saveButton(s.id, s.heading)}
  ${backToContents}
</section>`,
  )
  .join('\n')}
</form>`;
  return page({
    session,
    csrf,
    title,
    hasErrors: errors.length > 0,
    backHref: mode === 'new' ? pageUrls.dashboard(inspectionId) : pageUrls.cases(inspectionId),
    content: `${errorSummary('en', items)}
${bannerIn(undefined)}
<span class="govuk-caption-l">${esc(area)}</span>
<h1 class="govuk-heading-l">${esc(title)}</h1>
${closed ? closedNotice(inspectionId) : ''}
${canWrite ? '<p class="govuk-body">Answer what you can and save from any section: every section is saved together. A case with a question left unanswered is saved as unfinished, left out of the figures until you come back to finish it. Choose "Not relevant" where a question does not apply to this case.</p>' : ''}
${progress}
${contents}
${canWrite ? formBody() : readOnlyBody()}
${historySection(history)}`,
  });
}

export function caseListPage(
  session: Viewer,
  csrf: string,
  inspectionId: string,
  area: string,
  allOnPage: readonly ListedCase[],
  nextCursor: string | undefined,
  onlyUnfinished: boolean,
  nameOf: NameOf,
): string {
  const cases = onlyUnfinished ? allOnPage.filter((c) => !c.finished) : allOnPage;
  const rows = cases.map((c) => [
    `<a class="govuk-link" href="${esc(pageUrls.case(inspectionId, c.caseRef))}">${esc(c.caseRef)}</a>`,
    esc(CASE_TYPES[c.profile.caseType] ?? c.profile.caseType),
    c.finished ? 'Finished' : '<strong class="govuk-tag govuk-tag--yellow">Unfinished</strong>',
    String(Object.values(c.answers).filter((a) => a !== 'na').length),
    esc(nameOf(c.updatedBy, ROLE_AS_PERSON.inspector)),
    esc(dateTime(c.updatedAt)),
  ]);
  const listUrl = pageUrls.cases(inspectionId);
  const filter = onlyUnfinished
    ? `<p class="govuk-body">Showing only the unfinished cases: those with a question still unanswered, left out of the figures. <a class="govuk-link" href="${esc(listUrl)}">Show every case</a></p>`
    : `<p class="govuk-body"><a class="govuk-link" href="${esc(`${listUrl}?show=unfinished`)}">Show only the unfinished cases</a></p>`;
  const more = nextCursor ? `${listUrl}?${onlyUnfinished ? 'show=unfinished&' : ''}cursor=${encodeURIComponent(nextCursor)}` : '';
  return page({
    session,
    csrf,
    title: `Cases: ${area}`,
    backHref: pageUrls.dashboard(inspectionId),
    content: `<span class="govuk-caption-l">${esc(area)}</span>
<h1 class="govuk-heading-l">Cases</h1>
${has(session, 'inspector', 'admin') ? `<a href="${esc(pageUrls.newCase(inspectionId))}" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Enter a case</a>` : ''}
${filter}
${cases.length ? table('Cases, by reference', ['Case', 'Type', 'Finished', 'Answered yes or no', 'Last changed by', 'When'], rows, 99) : `<p class="govuk-body">${onlyUnfinished ? 'No unfinished cases on this page.' : 'No cases yet.'}</p>`}
${more ? `<p class="govuk-body"><a class="govuk-link" href="${esc(more)}">More cases</a></p>` : ''}`,
  });
}
