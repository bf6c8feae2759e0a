/**
 * The workbench: the pages inspectors, staff and admins use, signed in (issue 12). GOV.UK
 * Frontend markup, no JavaScript needed, every value escaped. Pure functions from data to HTML.
 *
 * Every page path is under /workbench/ (but the home page, /, and sign-in): the JSON API owns
 * /inspections/..., so a page can never collide with a JSON route, and the prefix marks the
 * session routes at a glance in logs. Pages still to come (the case form, leadership grades,
 * invitations, erasure, report links) slot in as /workbench/inspections/{id}/<page> and as
 * one more link in `inspectionLinks`.
 */
import type { Role } from '../../core/roles';
import type { Inspection } from '../../schemas/inspection';
import type { Summary } from '../../schemas/summary';
import type { Job } from '../../schemas/job';
import { errorMessage, errorSummary, esc, layout, type ErrorItem } from '../common/layout';
import { longDate } from '../common/strings';
import { DATE_PARTS } from '../common/form-values';
import type { Stage } from '../../domain/tasks';
import { taskListHtml } from './task-list';
import { sampleMinimumsWarning } from './workbench-evidence';

export const WORKBENCH_NAME = 'Offender management inspections';
/** The sample the inspectorate aims at (the Kent report looked at 110 cases). */
export const USUAL_SAMPLE = 110;

const enc = encodeURIComponent;
export const pageUrls = {
  home: '/',
  signIn: '/sign-in',
  signOut: '/sign-out',
  newInspection: '/workbench/inspections/new',
  dashboard: (id: string) => `/workbench/inspections/${enc(id)}`,
  job: (jobId: string) => `/workbench/jobs/${enc(jobId)}`,
  upload: (id: string) => `/workbench/inspections/${enc(id)}/cases`,
  template: (id: string) => `/workbench/inspections/${enc(id)}/cases-template.csv`,
  recompute: (id: string) => `/workbench/inspections/${enc(id)}/recompute`,
  summary: (id: string) => `/workbench/inspections/${enc(id)}/summary`,
  summaryCsv: (id: string) => `/workbench/inspections/${enc(id)}/summary.csv`,
  summaryJson: (id: string) => `/workbench/inspections/${enc(id)}/summary.json`,
  report: (id: string) => `/workbench/inspections/${enc(id)}/report`,
  cases: (id: string) => `/workbench/inspections/${enc(id)}/cases`,
  newCase: (id: string) => `/workbench/inspections/${enc(id)}/cases/new`,
  case: (id: string, caseRef: string) => `/workbench/inspections/${enc(id)}/cases/${enc(caseRef)}`,
  grades: (id: string) => `/workbench/inspections/${enc(id)}/grades`,
  grade: (id: string, criterionId: string) => `/workbench/inspections/${enc(id)}/grades/${enc(criterionId)}`,
  invitations: (id: string) => `/workbench/inspections/${enc(id)}/invitations`,
  reportLinks: (id: string) => `/workbench/inspections/${enc(id)}/report-links`,
  withdrawLink: (id: string, linkId: string) => `/workbench/inspections/${enc(id)}/report-links/${enc(linkId)}/withdraw`,
  erase: (id: string) => `/workbench/inspections/${enc(id)}/erase`,
  deleteInspection: (id: string) => `/workbench/inspections/${enc(id)}/delete`,
  moderation: (id: string) => `/workbench/inspections/${enc(id)}/moderation`,
  writeUp: (id: string) => `/workbench/inspections/${enc(id)}/write-up`,
  releases: (id: string) => `/workbench/inspections/${enc(id)}/releases`,
  breakdowns: (id: string) => `/workbench/inspections/${enc(id)}/breakdowns`,
};

/** Who is looking: the pages need only the roles (the HTTP layer's session has more). */
export interface Viewer {
  roles: readonly Role[];
  /** The name the person signed in with (empty when the provider gave none). */
  displayName?: string;
}
type Session = Viewer;

export const has = (session: Session | undefined, ...roles: Role[]) => !!session && session.roles.some((r) => roles.includes(r));
export const csrfField = (csrf: string) => `<input type="hidden" name="csrf" value="${esc(csrf)}">`;

/** Closed by a final release (shared/domain/closing.ts decides the same from the same field). */
export const inspectionIsClosed = (inspection: { status?: string }) => inspection.status === 'closed';

/** Why a closed inspection's forms cannot be saved, and who can change that: said the same way on every page. */
export const CLOSED_EXPLANATION = 'This inspection is closed: its final report has been released, so nothing on it can be changed. An admin can reopen it from its releases page.';

/** The plain explanation, on a page whose form is shown read-only because the inspection is closed. */
export const closedNotice = (id: string) =>
  `<div class="govuk-inset-text" id="closed-notice">${esc(CLOSED_EXPLANATION.replace(' from its releases page.', ' from '))}<a class="govuk-link" href="${esc(pageUrls.releases(id))}">its releases page</a>.</div>`;

/**
 * A domain refusal's words, fit for a page: the JSON API's messages may name routes and ids
 * ("POST /inspections/{id}/reopen"), which mean nothing to a person reading a page.
 */
export function inPlainWords(message: string, inspection: { inspectionId: string; area: string }): string {
  return plainDetail(message.replaceAll(`Inspection ${inspection.inspectionId}`, `The inspection of ${inspection.area}`).replaceAll(inspection.inspectionId, inspection.area));
}

function navigation(session: Session | undefined, csrf: string | undefined): string {
  if (!session || !csrf) return '';
  return `          <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list" id="navigation">
              <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/">Inspections</a></li>
${has(session, 'admin') ? `              <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/workbench/sessions">Who is signed in</a></li>\n` : ''}              <li class="govuk-service-navigation__item"><span class="govuk-service-navigation__text">Signed in as ${esc(signedInAs(session))}</span></li>
              <li class="govuk-service-navigation__item">
                <form method="post" action="${pageUrls.signOut}" novalidate>${csrfField(csrf)}
                  <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Sign out</button>
                </form>
              </li>
            </ul>
          </nav>`;
}

export interface Frame {
  session?: Session;
  csrf?: string;
  title: string;
  content: string;
  hasErrors?: boolean;
  backHref?: string;
}

export function page(frame: Frame): string {
  return layout({
    lang: 'en',
    title: frame.title,
    content: frame.content,
    hasErrors: frame.hasErrors,
    backHref: frame.backHref,
    fullWidth: true,
    serviceName: WORKBENCH_NAME,
    navigation: navigation(frame.session, frame.csrf),
  });
}

const dateRange = (i: Pick<Inspection, 'fieldworkStart' | 'fieldworkEnd'>) => `${longDate(i.fieldworkStart, 'en')} to ${longDate(i.fieldworkEnd, 'en')}`;
export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(iso));
const statusTag = (status: string) =>
  `<strong class="govuk-tag${status === 'open' ? ' govuk-tag--green' : ' govuk-tag--grey'}">${esc(status === 'open' ? 'Open' : 'Closed')}</strong>`;
const STAGE_NAMES: Record<Inspection['stage'], string> = {
  'set-up': 'Set-up',
  fieldwork: 'Fieldwork',
  drafting: 'Drafting',
  'factual-accuracy': 'Factual accuracy',
  published: 'Published',
};
/** Open or closed, and where in its life cycle (contract, "An inspection's life cycle"). */
const stageTags = (i: Pick<Inspection, 'status' | 'stage'>) =>
  `${statusTag(i.status)} <strong class="govuk-tag govuk-tag--blue">${esc(STAGE_NAMES[i.stage] ?? i.stage)}</strong>`;

/** "Ines Inspector (inspector)": the person's name and roles; only the roles for a person with no name. */
function signedInAs(viewer: Viewer): string {
  const roles = viewer.roles.join(', ') || 'no role';
  return viewer.displayName ? `${viewer.displayName} (${roles})` : roles;
}

export function table(caption: string, head: string[], rows: (string | number)[][], numericFrom = 1): string {
  const cell = (v: string | number, i: number, tag: 'td' | 'th') =>
    `<${tag} class="govuk-table__${tag === 'th' ? 'header' : 'cell'}${i >= numericFrom ? ` govuk-table__${tag === 'th' ? 'header' : 'cell'}--numeric` : ''}"${tag === 'th' && i === 0 ? ' scope="row"' : ''}>${typeof v === 'number' ? v : v}</${tag}>`;
  return `<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">${esc(caption)}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">${head.map((h, i) => `<th scope="col" class="govuk-table__header${i >= numericFrom ? ' govuk-table__header--numeric' : ''}">${esc(h)}</th>`).join('')}</tr></thead>
  <tbody class="govuk-table__body">
${rows.map((r) => `    <tr class="govuk-table__row">${r.map((v, i) => cell(v, i, i === 0 ? 'th' : 'td')).join('')}</tr>`).join('\n')}
  </tbody>
</table>`;
}

/* ------------------------------------------------------------------------------------------- */

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

export function homePage(session: Session, csrf: string, inspections: readonly Inspection[], nextCursor?: string): string {
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

export interface FieldError {
  field: string;
  message: string;
}

export interface NewInspectionValues {
  area: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  /** The day, month and year fields as typed, so a page with errors shows them again. */
  parts?: Record<string, string>;
}

/** A GOV.UK date input: day, month and year fields, named `<field>-day` and so on. */
export function dateInput(field: string, legend: string, hint: string, parts: Record<string, string>, error: FieldError | undefined): string {
  const describedBy = [`${field}-hint`, error ? `${field}-error` : ''].filter(Boolean).join(' ');
  const item = (part: (typeof DATE_PARTS)[number], i: number) => {
    const id = i === 0 ? field : `${field}-${part}`;
    return `<div class="govuk-date-input__item"><div class="govuk-form-group">
      <label class="govuk-label govuk-date-input__label" for="${id}">${part[0]!.toUpperCase()}${part.slice(1)}</label>
      <input class="govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}${error ? ' govuk-input--error' : ''}" id="${id}" name="${field}-${part}" type="text" inputmode="numeric" value="${esc(parts[`${field}-${part}`] ?? '')}">
    </div></div>`;
  };
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset" role="group" aria-describedby="${describedBy}">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(legend)}</legend>
    <div id="${field}-hint" class="govuk-hint">${esc(hint)}</div>
    ${error ? errorMessage('en', `${field}-error`, error.message) : ''}
    <div class="govuk-date-input" id="${field}-input">
      ${DATE_PARTS.map(item).join('\n      ')}
    </div>
  </fieldset>
</div>`;
}

/** `duplicateOf`: the inspection of the same area whose fieldwork overlaps, linked so the admin can go to it instead. */
export function newInspectionPage(session: Session, csrf: string, values: NewInspectionValues, errors: readonly FieldError[] = [], duplicateOf?: Pick<Inspection, 'inspectionId' | 'fieldworkStart' | 'fieldworkEnd'>): string {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const areaError = errorOf('area');
  const parts = values.parts ?? {};
  for (const field of ['fieldworkStart', 'fieldworkEnd'] as const) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values[field]);
    if (m && !parts[`${field}-day`]) Object.assign(parts, { [`${field}-day`]: String(Number(m[3])), [`${field}-month`]: String(Number(m[2])), [`${field}-year`]: m[1] });
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

export interface DashboardInput {
  session: Session;
  csrf: string;
  inspection: Inspection;
  cases: { caseType: string; assessor?: string; updatedByName: string; finished: boolean }[];
  summary?: Pick<Summary, 'computedAt' | 'serviceUsers' | 'sample'>;
  /** What the last upload did (after its redirect). */
  uploaded?: { created: number; replaced: number };
  /** Problems with an upload just sent: nothing was imported. */
  uploadErrors?: readonly string[];
  /** "Recompute now" was just pressed: say what the figures now cover. */
  recomputed?: boolean;
  /** The inspection's stages and their tasks (domain/tasks.ts). */
  stages?: readonly Stage[];
}

const CASE_TYPE_NAMES: Record<string, string> = { licence: 'Licence', community: 'Community', custody: 'Custody' };
const ASSESSOR_NAMES: Record<string, string> = { hmi: 'HMI inspector', area: 'Area assessor' };
const AUDIENCE_NAMES: Record<string, string> = { victim: 'Victims', sentencer: 'Sentencers', offender: 'Offenders' };

function countBy<T>(items: readonly T[], keyOf: (t: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The pages the task list does not lead to: reading, downloads and the rarer jobs, each shown to the roles that may use it. */
function inspectionLinks(id: string, session: Session): string {
  const writer = has(session, 'inspector', 'admin');
  const admin = has(session, 'admin');
  return `<ul class="govuk-list">
  ${writer ? `<li><a class="govuk-link" href="${esc(pageUrls.newCase(id))}">Enter a case</a></li>` : ''}
  <li><a class="govuk-link" href="/workbench/inspections/${esc(enc(id))}/findings">Findings drafted from the figures</a></li>
  <li><a class="govuk-link" href="${esc(pageUrls.reportLinks(id))}">Report links</a></li>
  ${admin ? `<li><a class="govuk-link" href="${esc(pageUrls.erase(id))}">Erase questionnaire responses</a></li>` : ''}
  ${admin ? `<li><a class="govuk-link" href="${esc(pageUrls.deleteInspection(id))}">Delete the inspection</a></li>` : ''}
  <li><a class="govuk-link" href="${esc(pageUrls.summary(id))}">Figures, downloads and the report</a></li>
  <li><a class="govuk-link" href="${esc(pageUrls.summaryCsv(id))}" download>Download the summary (CSV)</a></li>
  <li><a class="govuk-link" href="${esc(pageUrls.report(id))}">Read the report</a></li>
  ${writer ? `<li><a class="govuk-link" href="/workbench/inspections/${esc(enc(id))}/paper-returns">Enter paper returns and download reminders</a></li>` : ''}
  <li><a class="govuk-link" href="${esc(pageUrls.breakdowns(id))}">Scores by sub-group, and diversity</a></li>
  <li><a class="govuk-link" href="/workbench/inspections/${esc(enc(id))}/meetings">Meetings: interviews and groups met in person</a></li>
  <li><a class="govuk-link" href="/workbench/inspections/${esc(enc(id))}/improvement-plan">Improvement plan: after the final release</a></li>
</ul>`;
}

/** The templates that explain themselves (issue 27): one per case type, with only the questions it takes, and one for a file of every type. */
function templateLinks(id: string): string {
  const link = (kind: string, text: string) => `<li><a class="govuk-link" href="${esc(`${pageUrls.template(id)}?caseType=${kind}`)}" download>${esc(text)}</a></li>`;
  return `<h3 class="govuk-heading-s">Start from a template</h3>
<p class="govuk-body">Each template's first rows say what each column is, the values it takes, and give an example case. Rows starting with # are notes and are not uploaded.</p>
<ul class="govuk-list">
  ${link('community', 'Download the CSV template for community cases')}
  ${link('licence', 'Download the CSV template for licence cases')}
  ${link('custody', 'Download the CSV template for custody cases')}
  ${link('all', 'Download the CSV template for a file of every case type')}
</ul>`;
}

/** Unfinished cases are left out of the figures: the dashboard says how many, and where they are. */
function unfinishedNote(id: string, unfinished: number): string {
  if (!unfinished) return '';
  const cases = unfinished === 1 ? '1 case is' : `${unfinished} cases are`;
  return `<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> ${esc(cases)} unfinished: a question ${unfinished === 1 ? 'its' : 'their'} case type takes is still unanswered, so ${unfinished === 1 ? 'it is' : 'they are'} left out of the figures. <a class="govuk-link" href="${esc(`${pageUrls.cases(id)}?show=unfinished`)}">See the unfinished cases</a></strong></div>`;
}

export function dashboardPage(input: DashboardInput): string {
  const { session, csrf, inspection, cases, summary, uploaded, uploadErrors = [], recomputed, stages } = input;
  const id = inspection.inspectionId;
  const canUpload = has(session, 'inspector', 'admin');
  const canRecompute = has(session, 'admin', 'staff');
  const banner = uploaded
    ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="upload-done-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="upload-done-title">Success</h2></div>
  <div class="govuk-notification-banner__content">
    <p class="govuk-notification-banner__heading">Cases uploaded: ${uploaded.created} created, ${uploaded.replaced} replaced</p>
  </div>
</div>`
    : '';
  const returned = summary ? Object.values(summary.serviceUsers).reduce((n, a) => n + a.returned, 0) : 0;
  const recomputedBanner =
    recomputed && summary
      ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="recomputed-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="recomputed-title">Success</h2></div>
  <div class="govuk-notification-banner__content">
    <p class="govuk-notification-banner__heading">${esc(`Figures recomputed ${dateTime(summary.computedAt)}: ${summary.sample.cases} ${summary.sample.cases === 1 ? 'case' : 'cases'} and ${returned} questionnaire ${returned === 1 ? 'return' : 'returns'} counted.`)}</p>
  </div>
</div>`
      : '';
  const sampleTables = cases.length
    ? [
        table('By case type', ['Case type', 'Cases'], countBy(cases, (c) => c.caseType).map(([k, n]) => [esc(CASE_TYPE_NAMES[k] ?? k), n])),
        table('By assessor', ['Assessor', 'Cases'], countBy(cases, (c) => c.assessor ?? '').map(([k, n]) => [esc(ASSESSOR_NAMES[k] ?? 'Not recorded'), n])),
        table('Who entered them', ['Entered by', 'Cases'], countBy(cases, (c) => c.updatedByName).map(([k, n]) => [esc(k), n])),
      ].join('\n')
    : '';
  const responses = summary
    ? table(
        'Questionnaires',
        ['Audience', 'Invited', 'Returned'],
        Object.values(summary.serviceUsers).map((a) => [esc(AUDIENCE_NAMES[a.audience] ?? a.audience), a.invited, a.returned]),
      )
    : '<p class="govuk-body">Not computed yet.</p>';
  // The plain file input: GOV.UK Frontend's enhanced drop zone gives its button a name that
  // leaves out its visible text (axe: label-content-name-mismatch).
  const closed = inspectionIsClosed(inspection);
  const uploadForm = canUpload && closed
    ? `<h2 class="govuk-heading-m" id="upload">Upload cases</h2>
${closedNotice(id)}
<div class="govuk-form-group${uploadErrors.length ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="file">A CSV file of cases, one row per case</label>
  <input class="govuk-file-upload" id="file" name="file" type="file" disabled>
</div>`
    : canUpload
    ? `<h2 class="govuk-heading-m" id="upload">Upload cases</h2>
${templateLinks(id)}
<form method="post" action="${esc(pageUrls.upload(id))}" enctype="multipart/form-data" novalidate>
  ${csrfField(csrf)}
  <div class="govuk-form-group${uploadErrors.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="file">A CSV file of cases, one row per case</label>
    <div id="file-hint" class="govuk-hint">Use a template's columns; a cell may hold the code or the case form's words. If the file would replace cases already entered, you are shown them and asked first. If any row has a problem, nothing is uploaded.</div>
    ${uploadErrors.length ? errorMessage('en', 'file-error', 'The file has problems: see the list at the top of the page') : ''}
    <input class="govuk-file-upload${uploadErrors.length ? ' govuk-file-upload--error' : ''}" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint${uploadErrors.length ? ' file-error' : ''}">
  </div>
  <button type="submit" class="govuk-button" data-module="govuk-button">Upload cases</button>
</form>`
    : '';
  return page({
    session,
    csrf,
    title: inspection.area,
    hasErrors: uploadErrors.length > 0,
    content: `${errorSummary('en', uploadErrors.map((message) => ({ href: '#file', message })))}
${banner}
${recomputedBanner}
<span class="govuk-caption-l">Inspection</span>
<h1 class="govuk-heading-l">${esc(inspection.area)}</h1>
<dl class="govuk-summary-list">
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Fieldwork</dt><dd class="govuk-summary-list__value">${esc(dateRange(inspection))}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt><dd class="govuk-summary-list__value">${stageTags(inspection)}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Question bank</dt><dd class="govuk-summary-list__value">${esc(inspection.questionBankVersion)}</dd></div>
</dl>
${stages ? taskListHtml(id, stages, (p) => p !== 'invitations' || has(session, 'admin')) : ''}
<h2 class="govuk-heading-m">Other pages</h2>
${inspectionLinks(id, session)}
<h2 class="govuk-heading-m">The sample so far</h2>
<p class="govuk-body"><strong>${cases.length}</strong> cases entered, against the usual ${USUAL_SAMPLE}.</p>
${unfinishedNote(id, cases.filter((c) => !c.finished).length)}
${sampleMinimumsWarning(summary)}
${sampleTables}
<h2 class="govuk-heading-m">Responses</h2>
${responses}
<h2 class="govuk-heading-m">Figures</h2>
<p class="govuk-body">${summary ? `Last computed ${esc(dateTime(summary.computedAt))}.` : 'Not computed yet.'} Opening this page recomputes them once something has changed (the change itself can take a few seconds to be noticed); the other pages and downloads show them as last computed, within a minute or two of a change.</p>
${canRecompute ? `<form method="post" action="${esc(pageUrls.recompute(id))}" novalidate>${csrfField(csrf)}<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Recompute now</button></form>` : ''}
${uploadForm}`,
  });
}

export const CASE_TYPES = CASE_TYPE_NAMES;

export function summaryPage(session: Session, csrf: string, summary: Summary): string {
  const id = summary.inspectionId;
  const pct = (p: number | null) => (p === null ? 'No score' : `${p}%`);
  const criteria = table(
    'Scores by criterion',
    ['Criterion', 'Cases', 'Score'],
    summary.criteria.map((c) => [`${esc(c.id)} ${esc(c.title)}`, c.cases, esc(pct(c.percent))]),
  );
  const sections = table(
    'Scores by section',
    ['Section', 'Score'],
    [...summary.sections.map((s) => [`Section ${esc(s.id)}`, esc(pct(s.percent))]), ['Risk of Harm thread', esc(pct(summary.rohThread.percent))]],
  );
  const users = table(
    'Questionnaires',
    ['Audience', 'Invited', 'Returned'],
    Object.values(summary.serviceUsers).map((a) => [esc(AUDIENCE_NAMES[a.audience] ?? a.audience), a.invited, a.returned]),
  );
  return page({
    session,
    csrf,
    title: `Figures: ${summary.area}`,
    backHref: pageUrls.dashboard(id),
    content: `<span class="govuk-caption-l">${esc(summary.area)}</span>
<h1 class="govuk-heading-l">Figures</h1>
<p class="govuk-body">Computed ${esc(dateTime(summary.computedAt))} from ${summary.sample.cases} finished cases.${summary.sample.unfinished ? ` ${summary.sample.unfinished === 1 ? '1 unfinished case is' : `${summary.sample.unfinished} unfinished cases are`} left out until every question is answered.` : ''}</p>
<ul class="govuk-list">
  <li><a class="govuk-link" href="${esc(pageUrls.summaryCsv(id))}" download>Download the summary (CSV)</a></li>
  <li><a class="govuk-link" href="${esc(pageUrls.summaryJson(id))}" download>Download the summary (JSON)</a></li>
  <li><a class="govuk-link" href="${esc(pageUrls.report(id))}">Read the report</a></li>
</ul>
${sections}
${criteria}
${users}`,
  });
}

const ERROR_HEADINGS: Record<number, string> = {
  400: 'There is a problem',
  403: 'You cannot use this page',
  404: 'Page not found',
  405: 'Page not found',
  409: 'This cannot be done now',
  413: 'The file is too big',
  415: 'There is a problem',
};

/**
 * A domain message on a page with no inspection at hand: routes go, and an inspection's id
 * becomes "this inspection" (the JSON API's words name both; a person reading a page needs neither).
 */
function plainDetail(detail: string): string {
  return detail
    .replace(/\s*\((?:GET|POST|PUT|DELETE) \/[^)]*\)/g, '')
    .replace(/\s*(?:GET|POST|PUT|DELETE) \/\S+/g, '')
    .replace(/\bInspection [A-Za-z0-9_-]+/g, 'This inspection')
    .replace(/\b(in|of) inspection [A-Za-z0-9_-]+/g, '$1 this inspection');
}

/** The page for a status a person reaches: 403 (wrong role, bad form), 404, 413, 5xx. */
export function workbenchErrorPage(status: number, _title: string, detail: string, session: Session | undefined, csrf?: string): string {
  const heading = ERROR_HEADINGS[status] ?? 'Sorry, there is a problem with the service';
  const text =
    status >= 500
      ? 'Try again later.'
      : status === 413
        ? 'The selected file must be smaller than 6 MB. Nothing was uploaded. Go back and choose a smaller file.'
      : status === 403 && detail.startsWith('Your role')
        ? 'Your account does not have the role this page needs. Ask an administrator if you think it should.'
        : plainDetail(detail);
  return page({
    session,
    csrf,
    title: heading,
    content: `<h1 class="govuk-heading-l">${esc(heading)}</h1>
<p class="govuk-body">${esc(text)}</p>
<p class="govuk-body"><a class="govuk-link" href="/">Go to the inspections</a></p>`,
  });
}

/** For the workbench pages kept in files of their own (shared/web/workbench/paper-pages.ts). */
export { page as workbenchFrame };

/**
 * An upload still importing when its page had to answer (before the invocation's deadline):
 * what may have happened and what is safe to do. It reads nothing, so it answers in time.
 */
export function uploadPendingPage(session: Session, csrf: string, inspectionId: string): string {
  return page({
    session,
    csrf,
    title: 'The upload is still being imported',
    backHref: pageUrls.dashboard(inspectionId),
    content: `<h1 class="govuk-heading-l">The upload is still being imported</h1>
<p class="govuk-body">The upload is taking longer than this page can wait. Its cases may still be saved: check the number of cases entered on the inspection's page in a minute.</p>
<p class="govuk-body">Uploading the same file again is safe: a case is never doubled, and any case already entered is shown to you before it is replaced.</p>
<p class="govuk-body"><a class="govuk-link" href="${esc(pageUrls.dashboard(inspectionId))}">Go to the inspection's page</a></p>`,
  });
}

const JOB_TITLES: Record<Job['kind'], string> = { release: 'Making a release', invitations: 'Issuing invitations', import: 'Importing cases' };
const JOB_STATUS: Record<Job['status'], string> = { running: 'In progress', done: 'Finished', failed: 'Failed' };

/**
 * Long work a page handed over (shared/domain/jobs.ts): what it is doing, in words, and where
 * to go next. It does not refresh itself (a page that reloads on a timer is hard to read with a
 * screen reader): "Check again" reloads it.
 */
export function jobPage(session: Session, csrf: string, job: Job, next: { href: string; text: string }): string {
  const tag = `<strong class="govuk-tag${job.status === 'done' ? ' govuk-tag--green' : job.status === 'failed' ? ' govuk-tag--red' : ' govuk-tag--blue'}">${esc(JOB_STATUS[job.status])}</strong>`;
  const what = job.status === 'failed' ? (job.problem?.detail ?? job.doing) : job.doing;
  return page({
    session,
    csrf,
    title: JOB_TITLES[job.kind],
    backHref: pageUrls.dashboard(job.inspectionId),
    content: `<h1 class="govuk-heading-l">${esc(JOB_TITLES[job.kind])}</h1>
<p class="govuk-body">${tag}</p>
<p class="govuk-body">${esc(what)}</p>
<p class="govuk-body">Started ${esc(dateTime(job.startedAt))}${job.finishedAt ? `, finished ${esc(dateTime(job.finishedAt))}` : ''}.</p>
${job.status === 'running' ? `<p class="govuk-body">This can take a minute for a large inspection. You can leave this page: the work goes on.</p>
<p class="govuk-body"><a class="govuk-link" href="${esc(pageUrls.job(job.jobId))}">Check again</a></p>` : ''}
<p class="govuk-body"><a class="govuk-link" href="${esc(next.href)}">${esc(next.text)}</a></p>`,
  });
}
