/**
 * The evidence pages of the workbench (issue 27): the offender managers' interviews, one form a
 * sample case; second marking, blind (the case's profile, never the first marker's answers); a
 * moderator's agreed judgement where two markings differ. The area's caseload and performance
 * figures are area-page.ts. Pure functions from data to HTML; the writes are the JSON routes'
 * use cases.
 */
import type { Judgement } from '#schemas/case';
import type { InterviewQuestionSet } from '#schemas/evidence';
import type { BlindCaseView, InterviewView, SampleCaseEvidence } from '#domain/evidence-progress';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { CASE_TYPES, csrfField, dateTime, has, page, pageUrls, table, type FieldError, type Viewer } from './frame';

const enc = encodeURIComponent;
export const evidenceUrls = {
  interviews: (id: string) => `/workbench/inspections/${enc(id)}/interviews`,
  interview: (id: string, caseRef: string) => `/workbench/inspections/${enc(id)}/interviews/${enc(caseRef)}`,
  secondMarking: (id: string) => `/workbench/inspections/${enc(id)}/second-marking`,
  secondMark: (id: string, caseRef: string) => `/workbench/inspections/${enc(id)}/second-marking/${enc(caseRef)}`,
  moderate: (id: string, caseRef: string) => `/workbench/inspections/${enc(id)}/moderation/${enc(caseRef)}`,
  area: (id: string) => `/workbench/inspections/${enc(id)}/area`,
  performanceFigures: (id: string) => `/workbench/inspections/${enc(id)}/area/performance-figures`,
};

type Choice = readonly [value: Judgement, label: string];
export const JUDGEMENT_CHOICES: readonly Choice[] = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['na', 'Not relevant'],
];
export const JUDGEMENT_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', na: 'Not relevant' };

/** A field id without dots, so `#i-3-1` is a plain CSS selector too. */
export const fieldIdOf = (prefix: string, questionId: string) => `${prefix}-${questionId.replaceAll('.', '-')}`;

export function notice(text: string | undefined): string {
  if (!text) return '';
  return `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="evidence-notice-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="evidence-notice-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(text)}</p></div>
</div>`;
}

/** Plain words for a closed inspection's forms: nothing can change until an admin reopens it. */
export const closedNote = `<div class="govuk-inset-text">This inspection is closed: its final report has been released, so its evidence can be read but not changed. An admin can reopen it from the releases page.</div>`;

/** Yes, no or not relevant for one question, as a small inline radio group; as text when read only. */
/** One question's judgement on an evidence form: `prefix` keeps an interview's fields (i) and a second marking's (s) apart. */
function questionRadios(
  prefix: 'i' | 's',
  q: { id: string; text: string },
  value: string | undefined,
  error: FieldError | undefined,
  readOnly: boolean,
) {
  const legend = `<span class="govuk-!-font-weight-bold">${esc(q.id)}</span> ${esc(q.text)}`;
  return judgementRadios(`${prefix}-${q.id}`, fieldIdOf(prefix, q.id), legend, value, error, readOnly);
}

function judgementRadios(
  name: string,
  id: string,
  legend: string,
  value: string | undefined,
  error: FieldError | undefined,
  readOnly: boolean,
): string {
  if (readOnly) {
    return `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key govuk-!-font-weight-regular">${legend}</dt><dd class="govuk-summary-list__value">${esc(value ? JUDGEMENT_WORDS[value] : 'Not answered')}</dd></div>`;
  }
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${error ? ` aria-describedby="${id}-error"` : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s govuk-!-font-weight-regular">${legend}</legend>
    ${error ? errorMessage('en', `${id}-error`, error.message) : ''}
    <div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
${JUDGEMENT_CHOICES.map(
  ([v, l], i) =>
    `      <div class="govuk-radios__item"><input class="govuk-radios__input" id="${i === 0 ? id : `${id}-${v}`}" name="${esc(name)}" type="radio" value="${v}"${v === value ? ' checked' : ''}><label class="govuk-label govuk-radios__label" for="${i === 0 ? id : `${id}-${v}`}">${esc(l)}</label></div>`,
).join('\n')}
    </div>
  </fieldset>
</div>`;
}

const questionsBlock = (readOnly: boolean, rows: string) => (readOnly ? `<dl class="govuk-summary-list">${rows}</dl>` : rows);

/** The answers a form holds: only yes, no or not relevant; anything else is reported by the use case's checks. */
export function judgementsFromForm(form: URLSearchParams, prefix: string, questionIds: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of questionIds) {
    const value = form.get(`${prefix}-${id}`);
    if (value) out[id] = value;
  }
  return out;
}

/* ---------------------------------------------------------------------------------------- */

export interface EvidenceListInput {
  session: Viewer & { sub: string };
  csrf: string;
  inspectionId: string;
  area: string;
  cases: readonly SampleCaseEvidence[];
  notice?: string;
}

/** The interviews list also takes a CSV of many (issue 27, item 2). */
export interface InterviewsListInput extends EvidenceListInput {
  closed?: boolean;
  /** The upload's header: caseRef, then the interview set's question ids. */
  columns?: readonly string[];
  /** An upload's problems, each naming its row and column: nothing was saved. */
  uploadErrors?: readonly string[];
}

/** The interviews upload, for those who may write while the inspection is open. */
function interviewsUpload(inspectionId: string, csrf: string, columns: readonly string[], uploadErrors: readonly string[]): string {
  return `<h2 class="govuk-heading-m">Upload interviews from a spreadsheet</h2>
<form method="post" action="${esc(evidenceUrls.interviews(inspectionId))}" enctype="multipart/form-data" novalidate>
  ${csrfField(csrf)}
  <div class="govuk-form-group${uploadErrors.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="file">A CSV file of interviews</label>
    <div id="file-hint" class="govuk-hint">One row per case of the sample. The first row is the header: <code>${esc(columns.join(','))}</code>. Answer each question yes, no or not relevant (na), or leave it empty when it was not answered. An upload replaces those cases' interviews; if any row has a problem, nothing is saved.</div>
    ${uploadErrors.length ? errorMessage('en', 'file-error', 'The file has problems: see the list at the top of the page') : ''}
    <input class="govuk-file-upload${uploadErrors.length ? ' govuk-file-upload--error' : ''}" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint${uploadErrors.length ? ' file-error' : ''}">
  </div>
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Upload the interviews</button>
</form>`;
}

export function interviewsPage(input: InterviewsListInput): string {
  const { session, csrf, inspectionId, area, cases, uploadErrors = [] } = input;
  const held = cases.filter((c) => c.interviewed).length;
  const canWrite = has(session, 'inspector', 'admin');
  const rows = cases.map((c) => [
    esc(c.caseRef),
    esc(CASE_TYPES[c.caseType] ?? c.caseType),
    c.interviewed ? '<strong class="govuk-tag govuk-tag--green">Held</strong>' : '<strong class="govuk-tag govuk-tag--grey">Not yet</strong>',
    `<a class="govuk-link" href="${esc(evidenceUrls.interview(inspectionId, c.caseRef))}">${canWrite ? (c.interviewed ? 'Change' : 'Record') : 'View'}<span class="govuk-visually-hidden"> the interview for case ${esc(c.caseRef)}</span></a>`,
  ]);
  return page({
    session,
    csrf,
    title: `Offender manager interviews: ${area}`,
    hasErrors: uploadErrors.length > 0,
    backHref: pageUrls.dashboard(inspectionId),
    content: `${errorSummary(
      'en',
      uploadErrors.map((message) => ({ href: '#file', message })),
    )}
${notice(input.notice)}
<span class="govuk-caption-l">${esc(area)}</span>
<h1 class="govuk-heading-l">Offender manager interviews</h1>
<p class="govuk-body">The offender manager of each case in the sample is interviewed about the case and their work. <strong>${held} of ${cases.length}</strong> ${cases.length === 1 ? 'case has' : 'cases have'} an interview recorded.</p>
${cases.length ? table('Interviews, by case', ['Case', 'Type', 'Interview', 'Action'], rows, 99) : '<p class="govuk-body">No cases in the sample yet: enter the cases first.</p>'}
${canWrite && !input.closed && cases.length && input.columns ? interviewsUpload(inspectionId, csrf, input.columns, uploadErrors) : ''}`,
  });
}

export interface InterviewFormInput {
  session: Viewer;
  csrf: string;
  view: Pick<InterviewView, 'caseRef' | 'updated'> & { inspectionId: string; area: string; set: InterviewQuestionSet; closed: boolean };
  values: Record<string, string>;
  errors?: readonly FieldError[];
}

export function interviewFormPage(input: InterviewFormInput): string {
  const { session, csrf, view, values, errors = [] } = input;
  const readOnly = view.closed || !has(session, 'inspector', 'admin');
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const items: ErrorItem[] = errors.map((e) => ({ href: `#${e.field}`, message: e.message }));
  const rows = view.set.questions.map((q) => questionRadios('i', q, values[q.id], errorOf(fieldIdOf('i', q.id)), readOnly)).join('\n');
  return page({
    session,
    csrf,
    title: `Interview for case ${view.caseRef}`,
    hasErrors: errors.length > 0,
    backHref: evidenceUrls.interviews(view.inspectionId),
    content: `${errorSummary('en', items)}
<span class="govuk-caption-l">${esc(view.area)}</span>
<h1 class="govuk-heading-l">Interview for case ${esc(view.caseRef)}</h1>
${view.updated ? `<p class="govuk-body">Last saved by ${esc(view.updated.by)}, ${esc(dateTime(view.updated.at))}.</p>` : ''}
${view.closed ? closedNote : ''}
${
  readOnly
    ? questionsBlock(true, rows)
    : `<p class="govuk-body">Answer what was asked. A question left unanswered is not counted.</p>
<form method="post" action="${esc(evidenceUrls.interview(view.inspectionId, view.caseRef))}" novalidate>
  ${csrfField(csrf)}
  ${rows}
  <button type="submit" class="govuk-button" data-module="govuk-button">Save the interview</button>
</form>`
}`,
  });
}

/* ---------------------------------------------------------------------------------------- */

export function secondMarkingListPage(input: EvidenceListInput): string {
  const { session, csrf, inspectionId, area, cases } = input;
  const marked = cases.filter((c) => c.secondMarkedBy).length;
  const canWrite = has(session, 'inspector', 'admin');
  const rows = cases.map((c) => {
    const mine = c.firstMarkedBy === session.sub;
    const action = !canWrite
      ? ''
      : mine
        ? '<span class="govuk-hint govuk-!-margin-bottom-0">You marked it first</span>'
        : `<a class="govuk-link" href="${esc(evidenceUrls.secondMark(inspectionId, c.caseRef))}">${c.secondMarkedBy ? 'Change' : 'Mark'}<span class="govuk-visually-hidden"> case ${esc(c.caseRef)} a second time</span></a>`;
    return [
      esc(c.caseRef),
      esc(CASE_TYPES[c.caseType] ?? c.caseType),
      esc(c.firstMarkedByName),
      c.secondMarkedByName ? esc(c.secondMarkedByName) : 'Not yet',
      action,
    ];
  });
  return page({
    session,
    csrf,
    title: `Second marking: ${area}`,
    backHref: pageUrls.dashboard(inspectionId),
    content: `${notice(input.notice)}
<span class="govuk-caption-l">${esc(area)}</span>
<h1 class="govuk-heading-l">Second marking</h1>
<p class="govuk-body">A second inspector marks a case again without seeing the first marking, so that the two can be compared. <strong>${marked} of ${cases.length}</strong> ${cases.length === 1 ? 'case has' : 'cases have'} a second marking. <a class="govuk-link" href="${esc(pageUrls.moderation(inspectionId))}">See where the markings differ</a>.</p>
${cases.length ? table('Cases and their markings', ['Case', 'Type', 'First marked by', 'Second marked by', 'Action'], rows, 99) : '<p class="govuk-body">No cases in the sample yet.</p>'}`,
  });
}

export interface SecondMarkingFormInput {
  session: Viewer;
  csrf: string;
  view: Pick<BlindCaseView, 'bank' | 'caseRef' | 'profile' | 'markedFirstByViewer' | 'updated'> & {
    inspectionId: string;
    area: string;
    closed: boolean;
  };
  values: Record<string, string>;
  errors?: readonly FieldError[];
}

/** The case's questions as the first marker had them, unanswered: the second marker must not see the first judgement. */
export function secondMarkingFormPage(input: SecondMarkingFormInput): string {
  const { session, csrf, view, values, errors = [] } = input;
  const readOnly = view.closed || view.markedFirstByViewer || !has(session, 'inspector', 'admin');
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const items: ErrorItem[] = errors.map((e) => ({ href: `#${e.field}`, message: e.message }));
  const caseType = view.profile.caseType;
  const groups = view.bank.criteria
    .filter((c) => c.section !== 4)
    .map((c) => ({ criterion: c, questions: view.bank.questions.filter((q) => q.criterion === c.id && q.appliesTo.includes(caseType)) }))
    .filter((g) => g.questions.length > 0);
  const contents = `<nav aria-labelledby="criteria-title"><h2 class="govuk-heading-s" id="criteria-title">Criteria</h2><ul class="govuk-list">${groups
    .map(
      (g) =>
        `<li><a class="govuk-link" href="#criterion-${esc(g.criterion.id.replaceAll('.', '-'))}">${esc(g.criterion.id)} ${esc(g.criterion.title)}</a></li>`,
    )
    .join('')}</ul></nav>`;
  const body = groups
    .map(
      ({
        criterion,
        questions,
      }) => `<h2 class="govuk-heading-m" id="criterion-${esc(criterion.id.replaceAll('.', '-'))}">${esc(criterion.id)} ${esc(criterion.title)}</h2>
${questionsBlock(readOnly, questions.map((q) => questionRadios('s', q, values[q.id], errorOf(fieldIdOf('s', q.id)), readOnly)).join('\n'))}`,
    )
    .join('\n');
  const profile = `<dl class="govuk-summary-list govuk-summary-list--no-border">
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Case type</dt><dd class="govuk-summary-list__value">${esc(CASE_TYPES[caseType] ?? caseType)}</dd></div>
  ${view.profile.tier ? `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Tier</dt><dd class="govuk-summary-list__value">${esc(view.profile.tier)}</dd></div>` : ''}
</dl>`;
  const why = view.markedFirstByViewer
    ? '<div class="govuk-inset-text">You marked this case first. A second marking must come from someone else, so that the two can be compared.</div>'
    : '';
  return page({
    session,
    csrf,
    title: `Second marking of case ${view.caseRef}`,
    hasErrors: errors.length > 0,
    backHref: evidenceUrls.secondMarking(view.inspectionId),
    content: `${errorSummary('en', items)}
<span class="govuk-caption-l">${esc(view.area)}</span>
<h1 class="govuk-heading-l">Second marking of case ${esc(view.caseRef)}</h1>
${profile}
${view.updated ? `<p class="govuk-body">Second marking last saved by ${esc(view.updated.by)}, ${esc(dateTime(view.updated.at))}.</p>` : '<p class="govuk-body">Mark the case from its file as you would a first time. The first marking is not shown.</p>'}
${view.closed ? closedNote : why}
${contents}
${
  readOnly
    ? body
    : `<form method="post" action="${esc(evidenceUrls.secondMark(view.inspectionId, view.caseRef))}" novalidate>
  ${csrfField(csrf)}
  ${body}
  <button type="submit" class="govuk-button" data-module="govuk-button">Save the second marking</button>
</form>`
}`,
  });
}
