/**
 * The workbench's paper returns: type the reference printed on a returned paper form, then
 * its answers, as the questionnaire the invitation was issued with asks them (its version;
 * the questions in English, the workbench's language, with the same ids and values as the
 * respondent's). Routed questions say when they apply; the shared validation decides. And the
 * reminders download for admins. Pure functions from data to HTML, GOV.UK Frontend markup.
 */
import type { Answer, QuestionnaireDefinition, QuestionnaireQuestion } from '#schemas/questionnaire';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { paragraphsOr, summaryList } from './read-only';
import { closedNotice, csrfField, pageUrls, workbenchFrame, type Viewer } from './frame';

const enc = encodeURIComponent;
export const paperUrls = {
  start: (id: string) => `/workbench/inspections/${enc(id)}/paper-returns`,
  reminders: (id: string) => `/workbench/inspections/${enc(id)}/reminders.csv`,
};

export interface FieldProblem {
  field: string;
  message: string;
}

export function referencePage(input: {
  session: Viewer;
  csrf: string;
  inspectionId: string;
  area: string;
  value?: string;
  error?: string;
  /** The reference of the return just entered (after its redirect). */
  entered?: string;
  canDownloadReminders: boolean;
  /** The inspection is closed: the form is shown read only, with why and who can reopen it. */
  closed?: boolean;
}): string {
  const { error, closed } = input;
  // Closed, the page has no reference box: the summary's link goes to the notice that says why.
  const items: ErrorItem[] = error ? [{ href: closed ? '#closed-notice' : '#reference', message: error }] : [];
  const banner = input.entered
    ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="entered-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="entered-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Paper return ${esc(input.entered)} entered. It counts in the response rate from the next recompute.</p></div>
</div>`
    : '';
  const reminders = input.canDownloadReminders
    ? `<h2 class="govuk-heading-m">Reminders</h2>
<p class="govuk-body">A mail-merge file of the invitations not yet answered and not expired, with their references. It has no links: only a fingerprint of each link is kept, so join it to the file the links were first issued in by invitation id.</p>
<a href="${esc(paperUrls.reminders(input.inspectionId))}" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">Download reminders (CSV)</a>`
    : '';
  return workbenchFrame({
    session: input.session,
    csrf: input.csrf,
    title: 'Enter a paper return',
    hasErrors: Boolean(error),
    backHref: pageUrls.dashboard(input.inspectionId),
    content: `${errorSummary('en', items)}
${banner}
<span class="govuk-caption-l">${esc(input.area)}</span>
<h1 class="govuk-heading-l">Enter a paper return</h1>
${closed ? closedNotice(input.inspectionId) : ''}
${
  closed
    ? `<p class="govuk-body">Paper returns cannot be entered while the inspection is closed.</p>${input.value ? summaryList([['Reference typed', esc(input.value)]]) : ''}`
    : `<form method="post" action="${esc(paperUrls.start(input.inspectionId))}" novalidate>
  ${csrfField(input.csrf)}
  <div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="reference">Reference</label></h2>
    <div id="reference-hint" class="govuk-hint">The 8 letters and numbers printed on the paper form, for example ABCD2345</div>
    ${error ? errorMessage('en', 'reference-error', error) : ''}
    <input class="govuk-input govuk-input--width-10 govuk-input--extra-letter-spacing${error ? ' govuk-input--error' : ''}" id="reference" name="reference" type="text" value="${esc(input.value ?? '')}" aria-describedby="reference-hint${error ? ' reference-error' : ''}" spellcheck="false" autocomplete="off" autocapitalize="characters">
  </div>
  <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>`
}
${reminders}`,
  });
}

function selected(value: unknown): Set<string> {
  if (typeof value === 'string') return new Set([value]);
  if (Array.isArray(value)) return new Set(value.filter((v): v is string => typeof v === 'string'));
  return new Set();
}

function whenAsked(def: QuestionnaireDefinition, q: QuestionnaireQuestion): string {
  if (!q.showIf) return '';
  const on = def.questions.find((o) => o.id === q.showIf!.question);
  const labels = q.showIf.in.map((v) => on?.options?.find((o) => o.value === v)?.label ?? v);
  return `Only if the answer to “${on?.text ?? q.showIf.question}” was ${labels.map((l) => `“${l}”`).join(' or ')}. Otherwise leave it blank.`;
}

function field(def: QuestionnaireDefinition, q: QuestionnaireQuestion, value: unknown, error?: string): string {
  const hint = [q.hint, whenAsked(def, q)].filter(Boolean).join(' ');
  const hintId = `${q.id}-hint`;
  const describedBy = [hint ? hintId : '', error ? `${q.id}-error` : ''].filter(Boolean).join(' ');
  const title = `${esc(q.text)}${q.optional ? ' (optional)' : ''}`;
  const groupClass = `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
  if (q.type === 'text') {
    return `<div class="${groupClass}">
  <label class="govuk-label govuk-label--s" for="${esc(q.id)}">${title}</label>
  ${hint ? `<div id="${hintId}" class="govuk-hint">${esc(hint)}</div>` : ''}
  ${error ? errorMessage('en', `${q.id}-error`, error) : ''}
  <textarea class="govuk-textarea${error ? ' govuk-textarea--error' : ''}" id="${esc(q.id)}" name="${esc(q.id)}" rows="4"${describedBy ? ` aria-describedby="${describedBy}"` : ''}>${esc(typeof value === 'string' ? value : '')}</textarea>
</div>`;
  }
  const multi = q.type === 'multi-choice';
  const chosen = selected(value);
  const options = (q.options ?? [])
    .map(
      (o, i) => `    <div class="govuk-${multi ? 'checkboxes' : 'radios'}__item">
      <input class="govuk-${multi ? 'checkboxes' : 'radios'}__input" id="${esc(i === 0 ? q.id : `${q.id}-${i + 1}`)}" name="${esc(q.id)}" type="${multi ? 'checkbox' : 'radio'}" value="${esc(o.value)}"${chosen.has(o.value) ? ' checked' : ''}>
      <label class="govuk-label govuk-${multi ? 'checkboxes' : 'radios'}__label" for="${esc(i === 0 ? q.id : `${q.id}-${i + 1}`)}">${esc(o.label)}</label>
    </div>`,
    )
    .join('\n');
  return `<div class="${groupClass}">
  <fieldset class="govuk-fieldset"${describedBy ? ` aria-describedby="${describedBy}"` : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${title}</legend>
    ${hint ? `<div id="${hintId}" class="govuk-hint">${esc(hint)}</div>` : ''}
    ${error ? errorMessage('en', `${q.id}-error`, error) : ''}
    <div class="govuk-${multi ? 'checkboxes' : 'radios'} govuk-${multi ? 'checkboxes' : 'radios'}--small" data-module="govuk-${multi ? 'checkboxes' : 'radios'}">
${options}
    </div>
  </fieldset>
</div>`;
}

/** An answer as the paper form's words: the options' labels, or the text typed, or that none was given. */
function answerWords(q: QuestionnaireDefinition['questions'][number], value: unknown): string {
  if (q.type === 'text') return paragraphsOr(typeof value === 'string' ? value : '', 'Not answered');
  const chosen = selected(value);
  const labels = (q.options ?? []).filter((o) => chosen.has(o.value)).map((o) => o.label);
  return esc(labels.length ? labels.join(', ') : 'Not answered');
}

export function answersPage(input: {
  session: Viewer;
  csrf: string;
  inspectionId: string;
  reference: string;
  /** The definition of the invitation's version, in English. */
  def: QuestionnaireDefinition;
  /** The language the paper form was sent in. */
  formLanguage: 'en' | 'cy';
  values?: Record<string, Answer | unknown>;
  errors?: readonly FieldProblem[];
  /** The inspection is closed: what was typed is shown read only, with why and who can reopen it. */
  closed?: boolean;
}): string {
  const { def, errors = [], closed } = input;
  const errorOf = (id: string) => errors.find((e) => e.field === id)?.message;
  const items: ErrorItem[] = errors.map((e) => ({ href: `#${e.field}`, message: e.message }));
  const fields = def.questions.map((q) => field(def, q, input.values?.[q.id], errorOf(q.id))).join('\n');
  return workbenchFrame({
    session: input.session,
    csrf: input.csrf,
    title: `Paper return ${input.reference}`,
    hasErrors: errors.length > 0,
    backHref: paperUrls.start(input.inspectionId),
    content: `${errorSummary('en', items)}
<span class="govuk-caption-l">Reference ${esc(input.reference)} · ${esc(def.audience)} questionnaire ${esc(def.version)}${input.formLanguage === 'cy' ? ' · sent in Welsh' : ''}</span>
<h1 class="govuk-heading-l">Enter the answers on the paper form</h1>
${closed ? closedNotice(input.inspectionId) : ''}
${
  closed
    ? `<p class="govuk-body">The answers typed, not saved:</p>
${summaryList(
  def.questions.map((q) => [q.text, answerWords(q, input.values?.[q.id])] as const),
  ' id="typed-answers"',
)}`
    : `<p class="govuk-body">Leave a question blank if the respondent did not answer it. Once saved, the return counts once: the respondent's link then stops working.</p>
<form method="post" action="${esc(paperUrls.start(input.inspectionId))}" novalidate>
  ${csrfField(input.csrf)}
  <input type="hidden" name="stage" value="answers">
  <input type="hidden" name="reference" value="${esc(input.reference)}">
${fields}
  <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Save paper return</button>
</form>`
}`,
  });
}

/** The data-entry form as answers: radios one value, checkboxes several, a textarea text; blanks left out. */
export function answersFromForm(def: QuestionnaireDefinition, form: URLSearchParams): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const q of def.questions) {
    if (q.type === 'multi-choice') {
      const values = form.getAll(q.id);
      if (values.length > 0) answers[q.id] = values;
    } else {
      const value = form.get(q.id);
      if (value !== null && value.trim() !== '') answers[q.id] = value;
    }
  }
  return answers;
}
