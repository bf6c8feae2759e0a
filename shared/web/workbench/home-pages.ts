/**
 * The workbench's way in: the start page a signed-out person sees, the list of inspections
 * once signed in, and the admin's form for a new inspection (GOV.UK date inputs, and a link to
 * the inspection it would duplicate).
 */
import type { Inspection } from '#schemas/inspection';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { csrfField, dateInput, dateRange, enc, type FieldError, has, page, pageUrls, type Viewer, stageTags, table, WORKBENCH_NAME } from './frame';

export function startPage(): string {
  return page({
    title: WORKBENCH_NAME,
    content: `<h1 class="govuk-heading-xl">${esc(WORKBENCH_NAME)}</h1>
<p class="govuk-body">Record the judgements on an inspection's sample of cases, follow the questionnaires sent to victims, sentencers and offenders, and download the figures and the report.</p>
<p class="govuk-body">This service is for HM Inspectorate of Probation's inspectors and staff. You need an account to use it.</p>
<a href="${pageUrls.signIn}" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">
  Sign in
  <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>
</a>`,
  });
}

export function homePage(session: Viewer, csrf: string, inspections: readonly Inspection[], nextCursor?: string): string {
  const rows = inspections.map((i) => [
    `<a class="govuk-link" href="${esc(pageUrls.dashboard(i.inspectionId))}">${esc(i.area)}</a>`,
    esc(dateRange(i)),
    stageTags(i),
  ]);
  const list = inspections.length
    ? table('Inspections, newest first', ['Area', 'Fieldwork', 'Status'], rows, 99)
    : '<p class="govuk-body">There are no inspections yet.</p>';
  return page({
    session,
    csrf,
    title: 'Inspections',
    content: `<h1 class="govuk-heading-l">Inspections</h1>
${has(session, 'admin') ? `<a href="${pageUrls.newInspection}" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Create a new inspection</a>` : ''}
${list}
${nextCursor ? `<p class="govuk-body"><a class="govuk-link" href="/?cursor=${esc(enc(nextCursor))}">Older inspections</a></p>` : ''}`,
  });
}

export interface NewInspectionValues {
  area: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  /** The day, month and year fields as typed, so a page with errors shows them again. */
  parts?: Record<string, string>;
}

/** `duplicateOf`: the inspection of the same area whose fieldwork overlaps, linked so the admin can go to it instead. */
export function newInspectionPage(
  session: Viewer,
  csrf: string,
  values: NewInspectionValues,
  errors: readonly FieldError[] = [],
  duplicateOf?: Pick<Inspection, 'inspectionId' | 'fieldworkStart' | 'fieldworkEnd'>,
): string {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const areaError = errorOf('area');
  const parts = values.parts ?? {};
  for (const field of ['fieldworkStart', 'fieldworkEnd'] as const) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values[field]);
    if (m && !parts[`${field}-day`])
      Object.assign(parts, { [`${field}-day`]: String(Number(m[3])), [`${field}-month`]: String(Number(m[2])), [`${field}-year`]: m[1] });
  }
  const items: ErrorItem[] = errors.map((e) => ({ href: `#${e.field}`, message: e.message }));
  return page({
    session,
    csrf,
    title: 'Create a new inspection',
    hasErrors: errors.length > 0,
    backHref: pageUrls.home,
    content: `${errorSummary('en', items)}
<h1 class="govuk-heading-l">Create a new inspection</h1>
${duplicateOf ? `<div class="govuk-inset-text" id="duplicate-of">${esc(values.area)} already has an inspection with fieldwork from ${esc(dateRange(duplicateOf))}. <a class="govuk-link" href="${esc(pageUrls.dashboard(duplicateOf.inspectionId))}">Go to that inspection</a>, or change the dates if this is another one.</div>` : ''}
<form method="post" action="${pageUrls.newInspection}" novalidate>
  ${csrfField(csrf)}
  <div class="govuk-form-group${areaError ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="area">Probation area</label>
    <div id="area-hint" class="govuk-hint">For example, Kent</div>
    ${areaError ? errorMessage('en', 'area-error', areaError.message) : ''}
    <input class="govuk-input govuk-input--width-20${areaError ? ' govuk-input--error' : ''}" id="area" name="area" type="text" value="${esc(values.area)}" aria-describedby="area-hint${areaError ? ' area-error' : ''}" spellcheck="false" autocomplete="off">
  </div>
  ${dateInput('fieldworkStart', 'First day of fieldwork', 'For example, 5 11 2007', parts, errorOf('fieldworkStart'))}
  ${dateInput('fieldworkEnd', 'Last day of fieldwork', 'For example, 9 11 2007', parts, errorOf('fieldworkEnd'))}
  <button type="submit" class="govuk-button" data-module="govuk-button">Create inspection</button>
</form>`,
  });
}
