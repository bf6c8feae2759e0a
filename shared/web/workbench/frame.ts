/**
 * The workbench: the pages inspectors, staff and admins use, signed in (issue 12). GOV.UK
 * Frontend markup, no JavaScript needed, every value escaped. Pure functions from data to HTML.
 * This file is what every workbench page shares: the page addresses, the frame with its
 * navigation, the viewer's roles, the CSRF field, tables and date inputs, the closed notice,
 * and the error and long-work pages. The pages themselves are the files beside it.
 *
 * Every page path is under /workbench/ (but the home page, /, and sign-in): the JSON API owns
 * /inspections/..., so a page can never collide with a JSON route, and the prefix marks the
 * session routes at a glance in logs. A new page slots in as /workbench/inspections/{id}/<page>
 * and as one more link in the dashboard's `inspectionLinks` (dashboard-page.ts).
 */
import type { Role } from '#core/roles';
import type { Inspection } from '#schemas/inspection';
import type { Job } from '#schemas/job';
import { errorMessage, esc, layout } from '#web/common/layout';
import { longDate } from '#web/common/strings';
import { DATE_PARTS } from '#web/common/form-values';

export const WORKBENCH_NAME = 'Offender management inspections';
/** The sample the inspectorate aims at (the Kent report looked at 110 cases). */
export const USUAL_SAMPLE = 110;

/** A case type in words: the dashboard's counts, the case list and the forms say the same. */
export const CASE_TYPES: Record<string, string> = { licence: 'Licence', community: 'Community', custody: 'Custody' };

export const enc = encodeURIComponent;
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
export const CLOSED_EXPLANATION =
  'This inspection is closed: its final report has been released, so nothing on it can be changed. An admin can reopen it from its releases page.';

/** The plain explanation, on a page whose form is shown read-only because the inspection is closed. */
export const closedNotice = (id: string) =>
  `<div class="govuk-inset-text" id="closed-notice">${esc(CLOSED_EXPLANATION.replace(' from its releases page.', ' from '))}<a class="govuk-link" href="${esc(pageUrls.releases(id))}">its releases page</a>.</div>`;

/**
 * A domain refusal's words, fit for a page: the JSON API's messages may name routes and ids
 * ("POST /inspections/{id}/reopen"), which mean nothing to a person reading a page.
 */
export function inPlainWords(message: string, inspection: { inspectionId: string; area: string }): string {
  return plainDetail(
    message
      .replaceAll(`Inspection ${inspection.inspectionId}`, `The inspection of ${inspection.area}`)
      .replaceAll(inspection.inspectionId, inspection.area),
  );
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

export const dateRange = (i: Pick<Inspection, 'fieldworkStart' | 'fieldworkEnd'>) =>
  `${longDate(i.fieldworkStart, 'en')} to ${longDate(i.fieldworkEnd, 'en')}`;
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
export const stageTags = (i: Pick<Inspection, 'status' | 'stage'>) =>
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

export interface FieldError {
  field: string;
  message: string;
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
${
  job.status === 'running'
    ? `<p class="govuk-body">This can take a minute for a large inspection. You can leave this page: the work goes on.</p>
<p class="govuk-body"><a class="govuk-link" href="${esc(pageUrls.job(job.jobId))}">Check again</a></p>`
    : ''
}
<p class="govuk-body"><a class="govuk-link" href="${esc(next.href)}">${esc(next.text)}</a></p>`,
  });
}

/** A radio's value and its label. */
export type Choice = readonly [value: string, label: string];

/**
 * A GOV.UK radio group. `legendHtml` is markup (a heading, a question's number in bold), so the
 * caller escapes what it puts in; the first radio carries the group's id, so an error summary's
 * link lands on it.
 */
export function radioGroup(
  id: string,
  name: string,
  legendHtml: string,
  choices: readonly Choice[],
  value: string | undefined,
  error: FieldError | undefined,
  options: { legendClass: string; inline?: boolean; small?: boolean },
): string {
  const modifiers = `${options.inline ? ' govuk-radios--inline' : ''}${options.small ? ' govuk-radios--small' : ''}`;
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${error ? ` aria-describedby="${id}-error"` : ''}>
    <legend class="govuk-fieldset__legend ${options.legendClass}">${legendHtml}</legend>
    ${error ? errorMessage('en', `${id}-error`, error.message) : ''}
    <div class="govuk-radios${modifiers}" data-module="govuk-radios">
${choices
  .map(
    ([v, l], i) =>
      `      <div class="govuk-radios__item"><input class="govuk-radios__input" id="${i === 0 ? id : `${id}-${v}`}" name="${esc(name)}" type="radio" value="${esc(v)}"${v === value ? ' checked' : ''}><label class="govuk-label govuk-radios__label" for="${i === 0 ? id : `${id}-${v}`}">${esc(l)}</label></div>`,
  )
  .join('\n')}
    </div>
  </fieldset>
</div>`;
}
