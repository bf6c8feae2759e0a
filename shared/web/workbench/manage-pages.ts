/**
 * The workbench's pages for an inspection's admin (issue 12): questionnaire invitations, report
 * links, erasing responses and deleting an inspection made by mistake; and the small form parts
 * these and the grades' pages (grade-pages.ts) share. Pure.
 */
import type { Inspection } from '#schemas/inspection';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { expiryInWords } from '#domain/invitation-tokens';
import type { ListedReportLink } from '#domain/report-links';
import {
  closedNotice,
  csrfField,
  dateInput,
  dateTime,
  has,
  inspectionIsClosed,
  page,
  pageUrls,
  radioGroup,
  table,
  type Choice,
  type FieldError,
  type Viewer,
} from './frame';

const AUDIENCES: readonly Choice[] = [
  ['victim', 'Victims'],
  ['sentencer', 'Sentencers'],
  ['offender', 'Offenders'],
];
const LANGUAGES: readonly Choice[] = [
  ['en', 'English'],
  ['cy', 'Welsh (Cymraeg)'],
];

export const items = (errors: readonly FieldError[]): ErrorItem[] => errors.map((e) => ({ href: `#${e.field}`, message: e.message }));

export function successBanner(text: string): string {
  return `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(text)}</p></div>
</div>`;
}

/** A radio group named by its field, with a small plain-text legend: the admin's forms and the grade form. */
export function radios(
  name: string,
  legend: string,
  choices: readonly Choice[],
  value: string,
  error: FieldError | undefined,
  inline = false,
): string {
  return radioGroup(name, name, esc(legend), choices, value, error, { legendClass: 'govuk-fieldset__legend--s', inline });
}

function textInput(name: string, label: string, hint: string, value: string, error: FieldError | undefined, width = 'govuk-input--width-10'): string {
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${name}">${esc(label)}</label>
  <div id="${name}-hint" class="govuk-hint">${esc(hint)}</div>
  ${error ? errorMessage('en', `${name}-error`, error.message) : ''}
  <input class="govuk-input ${width}${error ? ' govuk-input--error' : ''}" id="${name}" name="${name}" type="text" value="${esc(value)}" aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}" spellcheck="false" autocomplete="off">
</div>`;
}

export function textarea(name: string, label: string, hint: string, value: string, error: FieldError | undefined, lang?: 'cy'): string {
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${name}">${esc(label)}</label>
  <div id="${name}-hint" class="govuk-hint">${esc(hint)}</div>
  ${error ? errorMessage('en', `${name}-error`, error.message) : ''}
  <textarea class="govuk-textarea${error ? ' govuk-textarea--error' : ''}" id="${name}" name="${name}"${lang ? ` lang="${lang}"` : ''} rows="6" aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}">${esc(value)}</textarea>
</div>`;
}

/* ------------------------------------ invitations ----------------------------------------- */

export interface InvitationValues {
  audience: string;
  count: string;
  language: string;
  /** The expiry's day, month and year fields as typed (`expiresAt-day` and so on). */
  parts: Record<string, string>;
}

export interface ListedBatchView {
  batchId?: string;
  recoverableUntil?: string;
  sentAt?: string;
  audience: string;
  language: string;
  count: number;
  expiresAt?: string;
  createdAt?: string;
  createdBy?: string;
}

/** Where a batch's links are downloaded again, and where it is marked sent. */
export const batchUrls = {
  download: (inspectionId: string, batchId: string) => `${pageUrls.invitations(inspectionId)}/${encodeURIComponent(batchId)}.csv`,
  sent: (inspectionId: string, batchId: string) => `${pageUrls.invitations(inspectionId)}/${encodeURIComponent(batchId)}/sent`,
};

const NO_EXPIRY = 'When the inspection’s data is deleted';

/** When a batch was issued, and by whom: the handler has put the person's name (never an account id) in `createdBy`. */
const issuedWords = (b: ListedBatchView) => `${b.createdAt ? dateTime(b.createdAt) : 'Not recorded'}${b.createdBy ? ` by ${b.createdBy}` : ''}`;

/** The batch just issued (after the form's redirect): what it is, until when it works, and its file. */
function issuedBanner(id: string, b: ListedBatchView, recoverable: boolean): string {
  const audience = AUDIENCES.find((c) => c[0] === b.audience)?.[1].toLowerCase() ?? b.audience;
  const language = LANGUAGES.find((c) => c[0] === b.language)?.[1] ?? b.language;
  const works = b.expiresAt
    ? `They stop working at the end of ${expiryInWords(b.expiresAt)}, UK time.`
    : 'They work for as long as the inspection’s data is kept.';
  const file = recoverable
    ? `<p class="govuk-body"><a class="govuk-notification-banner__link" href="${esc(batchUrls.download(id, b.batchId!))}" download>Download the links (CSV)</a></p>
    <p class="govuk-body">You can download the same links again from this page until ${esc(dateTime(b.recoverableUntil!))}, or until you mark the batch as sent.</p>`
    : '<p class="govuk-body">Its links can no longer be downloaded from this page.</p>';
  return `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="issued-title" data-module="govuk-notification-banner" id="issued">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="issued-title">Success</h2></div>
  <div class="govuk-notification-banner__content">
    <p class="govuk-notification-banner__heading">${b.count} ${b.count === 1 ? 'link' : 'links'} for ${esc(audience)} issued, in ${esc(language)}</p>
    <p class="govuk-body">${esc(works)}</p>
    ${file}
  </div>
</div>`;
}

/**
 * `formToken`: the form's one-time token, so that a form sent twice (a double click, a reply
 * lost and the form sent again) answers with the same batch rather than a second one.
 * `issued`: the batch the form just issued, shown first with its download.
 */
export function invitationsPage(
  session: Viewer,
  csrf: string,
  inspection: Inspection,
  batches: readonly ListedBatchView[],
  values: InvitationValues,
  errors: readonly FieldError[] = [],
  options: { formToken?: string; markedSent?: boolean; issued?: string; now?: number } = {},
): string {
  const id = inspection.inspectionId;
  const now = options.now ?? Date.now();
  const errorOf = (f: string) => errors.find((e) => e.field === f);
  const word = (choices: readonly Choice[], v: string) => choices.find((c) => c[0] === v)?.[1] ?? v;
  const recoverable = (b: ListedBatchView) => !b.sentAt && !!b.batchId && !!b.recoverableUntil && Date.parse(b.recoverableUntil) > now;
  const name = (b: ListedBatchView) =>
    `${b.count} ${word(AUDIENCES, b.audience).toLowerCase()} links${b.createdAt ? ` issued ${dateTime(b.createdAt)}` : ''}`;
  const justIssued = options.issued ? batches.find((b) => b.batchId === options.issued) : undefined;
  const linksCell = (b: ListedBatchView) => {
    if (b.sentAt) return esc(`Marked sent ${dateTime(b.sentAt)}`);
    if (!recoverable(b)) return 'Cannot be downloaded again';
    return `<p class="govuk-body govuk-!-margin-bottom-2">Can be downloaded again until ${esc(dateTime(b.recoverableUntil!))}</p>
<a class="govuk-link" href="${esc(batchUrls.download(id, b.batchId!))}">Download again<span class="govuk-visually-hidden">: ${esc(name(b))}</span></a>
<form method="post" action="${esc(batchUrls.sent(id, b.batchId!))}" novalidate class="govuk-!-margin-top-2">${csrfField(csrf)}<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Mark as sent<span class="govuk-visually-hidden">: ${esc(name(b))}</span></button></form>`;
  };
  const list = batches.length
    ? table(
        'Batches issued',
        ['Audience', 'Language', 'Links', 'Links stop working', 'Issued', 'The links'],
        batches.map((b) => [
          `${esc(word(AUDIENCES, b.audience))}${b === justIssued ? ' <strong class="govuk-tag govuk-tag--green">Just issued</strong>' : ''}`,
          esc(word(LANGUAGES, b.language)),
          String(b.count),
          esc(b.expiresAt ? expiryInWords(b.expiresAt) : NO_EXPIRY),
          esc(issuedWords(b)),
          linksCell(b),
        ]),
        99,
      )
    : '<p class="govuk-body">No invitations issued yet.</p>';
  const sentPanel = options.markedSent
    ? '<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="sent-title" data-module="govuk-notification-banner"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="sent-title">Success</h2></div><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Batch marked as sent. Its links can no longer be downloaded.</p></div></div>'
    : '';
  return page({
    session,
    csrf,
    title: `Invitations: ${inspection.area}`,
    hasErrors: errors.length > 0,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', items(errors))}
${sentPanel}
${justIssued && !errors.length ? issuedBanner(id, justIssued, recoverable(justIssued)) : ''}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Questionnaire invitations</h1>
<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The links are in a CSV file you download from this page once they are issued. You can download the same links again until you mark the batch as sent, for 7 days at most; after that the service keeps only a fingerprint (hash) of each link and cannot show them again. Keep the file safe and delete it after the mail merge.</strong>
</div>
${
  // A closed inspection takes no new invitations (the issue is refused with 409): no form to fill in for nothing.
  inspectionIsClosed(inspection)
    ? closedNotice(id)
    : `<form method="post" action="${esc(pageUrls.invitations(id))}" novalidate>
  ${csrfField(csrf)}
  ${options.formToken ? `<input type="hidden" name="formToken" value="${esc(options.formToken)}">` : ''}
  ${radios('audience', 'Who the questionnaires are for', AUDIENCES, values.audience, errorOf('audience'))}
  ${textInput('count', 'How many links', 'A whole number from 1 to 1000', values.count, errorOf('count'), 'govuk-input--width-4')}
  ${radios('language', 'Language', LANGUAGES, values.language, errorOf('language'), true)}
  ${dateInput('expiresAt', 'The day the links stop working (optional)', 'They work until the end of that day, UK time. For example, 31 3 2027. Leave empty to keep them as long as the inspection’s data.', values.parts, errorOf('expiresAt'))}
  <button type="submit" class="govuk-button" data-module="govuk-button">Issue the links</button>
</form>`
}
${list}`,
  });
}

/* ------------------------------------ report links ---------------------------------------- */

export function reportLinksPage(
  session: Viewer,
  csrf: string,
  inspection: Inspection,
  links: readonly ListedReportLink[],
  options: {
    made?: { url: string; expiresAt: string; draft?: boolean };
    withdrawn?: boolean;
    errors?: readonly FieldError[];
    hours?: string;
    /** When each release was made, to say which one a link opens. */
    releases?: readonly { releaseId: string; createdAt: string; kind: string }[];
    draftChecked?: boolean;
  } = {},
): string {
  const id = inspection.inspectionId;
  const errors = options.errors ?? [];
  const admin = has(session, 'admin');
  const now = Date.now();
  const status = (l: ListedReportLink) => (l.revoked ? 'Withdrawn' : Date.parse(l.expiresAt) <= now ? 'Expired' : 'Works');
  const releaseOf = new Map((options.releases ?? []).map((r) => [r.releaseId, r]));
  const opens = (l: ListedReportLink) => {
    if (!l.releaseId) return '<strong class="govuk-tag govuk-tag--orange">Draft, not published</strong>';
    const r = releaseOf.get(l.releaseId);
    return esc(r ? `${r.kind === 'final' ? 'Final release' : 'Factual accuracy release'} of ${dateTime(r.createdAt)}` : 'A release');
  };
  const rows = links.map((l) => [
    esc(l.id.slice(0, 8)),
    opens(l),
    esc(dateTime(l.createdAt)),
    esc(dateTime(l.expiresAt)),
    esc(status(l)),
    status(l) === 'Works'
      ? `<form method="post" action="${esc(pageUrls.withdrawLink(id, l.id))}" novalidate>${csrfField(csrf)}<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Withdraw<span class="govuk-visually-hidden"> link ${esc(l.id.slice(0, 8))}</span></button></form>`
      : '',
  ]);
  const made = options.made
    ? `<div class="govuk-panel govuk-panel--confirmation">
  <h2 class="govuk-panel__title">${options.made.draft ? 'Link to the draft made' : 'Report link made'}</h2>
  <div class="govuk-panel__body">Works until ${esc(dateTime(options.made.expiresAt))}</div>
</div>
<p class="govuk-body">Copy the link now: it is shown only this once (the service keeps only its fingerprint).${options.made.draft ? ' It opens the live draft, marked "Draft, not published" on every page and download.' : ''}</p>
<p class="govuk-body"><label class="govuk-label govuk-label--s" for="made-link">The link</label><input class="govuk-input" id="made-link" type="text" readonly value="${esc(options.made.url)}" spellcheck="false"></p>`
    : '';
  const hoursError = errors.find((e) => e.field === 'hours');
  const draftChoice = admin
    ? `<div class="govuk-form-group">
  <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
    <div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="draft" name="draft" type="checkbox" value="yes"${options.draftChecked ? ' checked' : ''} aria-describedby="draft-hint">
      <label class="govuk-label govuk-checkboxes__label" for="draft">A link to the live draft instead (admins only)</label>
      <div id="draft-hint" class="govuk-hint govuk-checkboxes__hint">It shows what has not been published, marked "Draft, not published", and works for 7 days at most.</div>
    </div>
  </div>
</div>`
    : '';
  return page({
    session,
    csrf,
    title: `Report links: ${inspection.area}`,
    hasErrors: errors.length > 0,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', items(errors))}
${options.withdrawn ? successBanner('Report link withdrawn: it no longer opens the report') : ''}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Report links</h1>
${made}
<p class="govuk-body">A report link opens the latest release of the report for whoever has it, without signing in, until it expires or is withdrawn. The releases page makes links to earlier releases.</p>
<form method="post" action="${esc(pageUrls.reportLinks(id))}" novalidate>
  ${csrfField(csrf)}
  ${textInput('hours', 'Hours the link works for', 'A whole number from 1 to 168 (a week)', options.hours ?? '24', hoursError, 'govuk-input--width-4')}
  ${draftChoice}
  <button type="submit" class="govuk-button" data-module="govuk-button">Make a report link</button>
</form>
${links.length ? table('Links made', ['Link', 'Opens', 'Made', 'Expires', 'Status', 'Action'], rows, 99) : '<p class="govuk-body">No report links yet.</p>'}`,
  });
}

/* -------------------------------------- erasure ------------------------------------------- */

/** What cannot be undone (erasing, deleting) waits for the area's name typed exactly, under a warning of what it does. */
function confirmAreaForm(form: {
  csrf: string;
  inspection: Inspection;
  action: string;
  warning: string;
  button: string;
  typed: string | undefined;
  error: FieldError | undefined;
}): string {
  return `<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> ${esc(form.warning)}</strong>
</div>
<form method="post" action="${esc(form.action)}" novalidate>
  ${csrfField(form.csrf)}
  ${textInput('confirmArea', `To confirm, type the area’s name: ${form.inspection.area}`, 'Exactly as shown, including capital letters', form.typed ?? '', form.error, 'govuk-input--width-20')}
  <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">${esc(form.button)}</button>
</form>`;
}

export function erasePage(
  session: Viewer,
  csrf: string,
  inspection: Inspection,
  options: { typed?: string; error?: string; erased?: number } = {},
): string {
  const id = inspection.inspectionId;
  const error = options.error ? { field: 'confirmArea', message: options.error } : undefined;
  return page({
    session,
    csrf,
    title: `Erase questionnaire responses: ${inspection.area}`,
    hasErrors: !!error,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', error ? items([error]) : [])}
${options.erased !== undefined ? successBanner(`${options.erased} ${options.erased === 1 ? 'response' : 'responses'} erased`) : ''}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Erase questionnaire responses</h1>
${confirmAreaForm({
  csrf,
  inspection,
  action: pageUrls.erase(id),
  warning:
    'This erases every questionnaire response and unsent draft of this inspection, and every comment in its figures. It cannot be undone. The figures already computed keep their numbers.',
  button: 'Erase the responses',
  typed: options.typed,
  error,
})}`,
  });
}

/* ------------------------------ deleting an inspection ------------------------------------ */

/**
 * Deleting an inspection made by mistake (a duplicate, a typo in the area): the confirmation,
 * with the area's name typed. One with a release cannot be deleted, and the page says why
 * instead of offering a button that would be refused.
 */
export function deleteInspectionPage(
  session: Viewer,
  csrf: string,
  inspection: Inspection,
  options: { releases: number; typed?: string; error?: string },
): string {
  const id = inspection.inspectionId;
  const error = options.error ? { field: 'confirmArea', message: options.error } : undefined;
  const body = options.releases
    ? `<p class="govuk-body">This inspection has ${options.releases === 1 ? 'a release' : `${options.releases} releases`}, so it cannot be deleted: what was released stays, with the inspection it came from. <a class="govuk-link" href="${esc(pageUrls.releases(id))}">See its releases</a>.</p>`
    : confirmAreaForm({
        csrf,
        inspection,
        action: pageUrls.deleteInspection(id),
        warning:
          'This deletes the inspection and everything entered in it: its cases, grades, evidence, questionnaire links and responses, write-up and figures. Its questionnaire and report links stop working. It cannot be undone.',
        button: 'Delete the inspection',
        typed: options.typed,
        error,
      });
  return page({
    session,
    csrf,
    title: `Delete the inspection: ${inspection.area}`,
    hasErrors: !!error,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', error ? items([error]) : [])}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Delete the inspection</h1>
${body}`,
  });
}

export function inspectionDeletedPage(session: Viewer, csrf: string, area: string): string {
  return page({
    session,
    csrf,
    title: `Inspection deleted: ${area}`,
    content: `<div class="govuk-panel govuk-panel--confirmation">
  <h1 class="govuk-panel__title">Inspection deleted</h1>
  <div class="govuk-panel__body">${esc(area)}, with everything entered in it</div>
</div>
<p class="govuk-body"><a class="govuk-link" href="${pageUrls.home}">Back to the inspections</a></p>`,
  });
}
