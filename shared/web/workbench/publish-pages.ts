/**
 * The workbench pages for publishing the report: the releases (make one, list, open, with the
 * readiness check before a final one), reopening a closed inspection, and the breakdowns with
 * their diversity view. The write-up is write-up-form.ts (its fields) and write-up-page.ts.
 */
import type { Inspection } from '#schemas/inspection';
import type { Summary } from '#schemas/summary';
import { errorMessage, errorSummary, esc } from '#web/common/layout';
import { reportTextEn } from '#web/report/text-en';
import { csrfField, dateTime, has, page, pageUrls, table, type Viewer } from './frame';

const enc = encodeURIComponent;
export const publishUrls = {
  writeUp: pageUrls.writeUp,
  releases: pageUrls.releases,
  breakdowns: pageUrls.breakdowns,
  release: (id: string, releaseId: string) => `/workbench/inspections/${enc(id)}/releases/${enc(releaseId)}`,
  reopen: (id: string) => `/workbench/inspections/${enc(id)}/reopen`,
  recover: (id: string) => `/workbench/inspections/${enc(id)}/releases/recover`,
};

/* ------------------------------------------------------------------------------------------
 * Releases and reopening
 * ---------------------------------------------------------------------------------------- */

const KIND_NAMES = { 'factual-accuracy': 'Factual accuracy (draft for the area)', final: 'Final (publishes and closes the inspection)' } as const;

/** What a final release would still miss (shared/domain/readiness.ts), as the page lists it. */
export interface ReadinessView {
  ready: boolean;
  missing: readonly { kind: string; message: string }[];
}

export interface ReleasesPageInput {
  session: Viewer;
  csrf: string;
  inspection: Pick<Inspection, 'inspectionId' | 'area' | 'status'>;
  /** `madeBy`: who made it, by name. */
  releases: readonly { releaseId: string; kind: 'factual-accuracy' | 'final'; createdAt: string; madeBy: string }[];
  /** Shown to admins of an open inspection, before the form. */
  readiness?: ReadinessView;
  /** A refusal not tied to one field (closed already, no cases). */
  error?: string;
  /** Problems with the form's fields: `kind` or `confirmArea`. */
  fieldErrors?: readonly { field: 'kind' | 'confirmArea'; message: string }[];
  /** What was chosen and typed, kept when the form comes back with a problem. */
  values?: { kind?: string; confirmArea?: string };
  /** A factual-accuracy release refused because nothing changed since this one. */
  unchanged?: { releaseId: string; createdAt: string };
  made?: string;
  reopened?: boolean;
  /** A release or reopening under way, or interrupted (then an admin finishes or undoes it here). */
  transition?: { kind: 'factual-accuracy' | 'final' | 'reopen'; startedAt: string; interrupted: boolean };
  recovered?: 'finish' | 'undo';
}

const TRANSITION_NAMES = { 'factual-accuracy': 'A factual accuracy release', final: 'A final release', reopen: 'A reopening' } as const;

/** What is under way; for an interrupted one, the admin's two ways out (the same use case as POST .../releases/recover). */
function transitionPanel(id: string, csrf: string, admin: boolean, transition: NonNullable<ReleasesPageInput['transition']>): string {
  const what = `${TRANSITION_NAMES[transition.kind]} started ${dateTime(transition.startedAt)}`;
  if (!transition.interrupted) return `<div class="govuk-inset-text">${esc(what)} is under way. Refresh this page in a minute.</div>`;
  const buttons = admin
    ? `<form method="post" action="${esc(publishUrls.recover(id))}" novalidate>${csrfField(csrf)}
<div class="govuk-button-group">
<button type="submit" name="action" value="finish" class="govuk-button" data-module="govuk-button">Finish it</button>
<button type="submit" name="action" value="undo" class="govuk-button govuk-button--secondary" data-module="govuk-button">Undo it</button>
</div></form>`
    : '<p class="govuk-body">An admin can finish or undo it.</p>';
  return `<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${esc(what)} stopped before it finished. Finishing it makes the release (or reopens the inspection) as asked; undoing it puts everything back as it was before.</strong></div>
${buttons}`;
}

const MISSING_TITLES: Record<string, string> = {
  'unfinished-cases': 'Unfinished cases',
  grades: 'Leadership grades',
  conclusions: 'Conclusions',
  placeholders: 'Write-up not written yet',
  'stale-figures': 'Figures not recomputed',
  'open-questionnaires': 'Questionnaires still open',
  'unconsented-quotes': 'Quotes without consent',
  'figure-mismatches': 'Figures the words contradict',
};

function readinessSection(readiness: ReadinessView): string {
  if (readiness.ready) {
    return `<h2 class="govuk-heading-m" id="readiness">Check before a final release</h2>
<p class="govuk-body" id="readiness-result">Nothing is missing: every case is finished, every criterion graded or concluded, the write-up written, the figures up to date and the questionnaires closed.</p>`;
  }
  return `<h2 class="govuk-heading-m" id="readiness">Check before a final release</h2>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The report is not ready to publish. A final release now would publish it with what is missing below.</strong></div>
<dl class="govuk-summary-list" id="readiness-result">
${readiness.missing
  .map(
    (m) =>
      `  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(MISSING_TITLES[m.kind] ?? m.kind)}</dt><dd class="govuk-summary-list__value">${esc(m.message)}</dd></div>`,
  )
  .join('\n')}
</dl>`;
}

export function releasesPage(input: ReleasesPageInput): string {
  const {
    session,
    csrf,
    inspection,
    releases,
    readiness,
    error,
    fieldErrors = [],
    values = {},
    unchanged,
    made,
    reopened,
    transition,
    recovered,
  } = input;
  const id = inspection.inspectionId;
  const admin = has(session, 'admin');
  const errorOf = (field: string) => fieldErrors.find((e) => e.field === field)?.message;
  const rows = releases
    .slice()
    .reverse()
    .map((r) => {
      const base = publishUrls.release(id, r.releaseId);
      return [
        esc(dateTime(r.createdAt)),
        esc(r.kind === 'final' ? 'Final' : 'Factual accuracy'),
        esc(r.madeBy),
        `<a class="govuk-link" href="${esc(`${base}/report`)}">Report<span class="govuk-visually-hidden"> of ${esc(dateTime(r.createdAt))}</span></a>, <a class="govuk-link" href="${esc(`${base}/report?lang=cy`)}" hreflang="cy">Welsh<span class="govuk-visually-hidden"> report of ${esc(dateTime(r.createdAt))}</span></a>, <a class="govuk-link" href="${esc(`${base}/summary.json`)}" download>JSON</a>, <a class="govuk-link" href="${esc(`${base}/summary.csv`)}" download>CSV</a>, <a class="govuk-link" href="${esc(`${base}/data-package`)}" download="datapackage.json">Data package<span class="govuk-visually-hidden"> for analysis of ${esc(dateTime(r.createdAt))}</span></a>`,
        `<form method="post" action="${esc(pageUrls.reportLinks(id))}" novalidate>${csrfField(csrf)}<input type="hidden" name="hours" value="24"><input type="hidden" name="releaseId" value="${esc(r.releaseId)}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Make a 24-hour link<span class="govuk-visually-hidden"> to the release of ${esc(dateTime(r.createdAt))}</span></button></form>`,
      ];
    });
  const list = rows.length
    ? table('Releases, newest first', ['Made', 'Kind', 'Made by', 'Open', 'Share'], rows, 5)
    : '<p class="govuk-body">No release has been made yet.</p>';
  const done = reopened
    ? 'The inspection has been reopened'
    : recovered === 'finish'
      ? 'It has been finished'
      : recovered === 'undo'
        ? 'It has been undone'
        : 'The release has been made';
  const banner =
    made || reopened || recovered
      ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(done)}</p></div>
</div>`
      : '';
  const unchangedItem = unchanged
    ? {
        href: `${publishUrls.release(id, unchanged.releaseId)}/report`,
        message: `Nothing has changed since the release of ${dateTime(unchanged.createdAt)}: open that release instead of making the same one again`,
      }
    : undefined;
  const kindError = errorOf('kind');
  const confirmError = errorOf('confirmArea');
  const typed = values.confirmArea ?? '';
  // Nothing is chosen for the admin: each release is permanent, so the kind is always a decision.
  const makeForm =
    admin && inspection.status !== 'closed'
      ? `<h2 class="govuk-heading-m">Make a release</h2>
<form method="post" action="${esc(publishUrls.releases(id))}" novalidate>
${csrfField(csrf)}
<div class="govuk-form-group${kindError ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${kindError ? ' aria-describedby="kind-error"' : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind of release</legend>
    ${kindError ? errorMessage('en', 'kind-error', kindError) : ''}
    <div class="govuk-radios" data-module="govuk-radios">
      ${(['factual-accuracy', 'final'] as const)
        .map(
          (k, i) =>
            `<div class="govuk-radios__item"><input class="govuk-radios__input" id="${i === 0 ? 'kind' : `kind-${k}`}" name="kind" type="radio" value="${k}"${values.kind === k ? ' checked' : ''}><label class="govuk-label govuk-radios__label" for="${i === 0 ? 'kind' : `kind-${k}`}">${esc(KIND_NAMES[k])}</label></div>`,
        )
        .join('\n      ')}
    </div>
  </fieldset>
</div>
<div class="govuk-form-group${confirmError ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="confirmArea">For a final release, type the area's name to confirm</label>
  <div id="confirmArea-hint" class="govuk-hint">${esc(`Type ${inspection.area} exactly. A final release publishes the report as it is, with anything the check above lists as missing, and closes the inspection.`)}</div>
  ${confirmError ? errorMessage('en', 'confirmArea-error', confirmError) : ''}
  <input class="govuk-input govuk-!-width-one-half${confirmError ? ' govuk-input--error' : ''}" id="confirmArea" name="confirmArea" type="text" value="${esc(typed)}" aria-describedby="confirmArea-hint${confirmError ? ' confirmArea-error' : ''}" autocomplete="off" spellcheck="false">
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Make the release</button>
</form>`
      : '';
  const reopenForm =
    admin && inspection.status === 'closed'
      ? `<h2 class="govuk-heading-m">Reopen the inspection</h2>
<p class="govuk-body">The final report has been released, so the cases, grades, write-up and questionnaires are closed. Reopening lets them change again; the releases made stay as they are.</p>
<form method="post" action="${esc(publishUrls.reopen(id))}" novalidate>${csrfField(csrf)}<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Reopen the inspection</button></form>`
      : '';
  const summaryItems = [
    ...(error ? [{ href: admin && inspection.status !== 'closed' ? '#kind' : '#main-content', message: error }] : []),
    ...(unchangedItem ? [unchangedItem] : []),
    ...fieldErrors.map((e) => ({ href: `#${e.field}`, message: e.message })),
  ];
  return page({
    session,
    csrf,
    title: `Releases: ${inspection.area}`,
    hasErrors: summaryItems.length > 0,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', summaryItems)}
${banner}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Releases</h1>
<p class="govuk-body">A release freezes the report as it is now: its figures, grades, conclusions, write-up and breakdowns, in English and Welsh, with its summary as JSON and CSV. It never changes afterwards.</p>
${inspection.status === 'closed' ? '<div class="govuk-inset-text">This inspection is closed: its final report has been released.</div>' : ''}
${transition ? transitionPanel(id, csrf, admin, transition) : ''}
${readiness && admin && inspection.status !== 'closed' ? readinessSection(readiness) : ''}
${list}
${makeForm}
${reopenForm}`,
  });
}

/* ------------------------------------------------------------------------------------------
 * Breakdowns and the diversity view
 * ---------------------------------------------------------------------------------------- */

const BY_NAMES: Record<string, string> = {
  caseType: 'Case type',
  tier: 'Tier',
  roh: 'Risk of Harm level',
  ppo: 'PPO',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
};
// The report's words for each group, but for two the staff page words its own way: "Community"
// fits its narrow table, and a PPO group reads as "PPO" / "Not PPO" rather than "Yes" / "No".
const VALUE_NAMES: Record<string, string> = { ...reportTextEn.labels, community: 'Community', yes: 'PPO', no: 'Not PPO' };
const valueName = (by: string, v: string) => (by === 'tier' && v !== 'not-recorded' ? `Tier ${v}` : (VALUE_NAMES[v] ?? v));
const cell = (v: number | null | string) => (v === null ? 'No score' : typeof v === 'number' ? `${v}%` : v);

function breakdownTable(summary: Summary, by: string): string {
  const b = summary.breakdowns?.find((x) => x.by === by);
  if (!b) return '';
  const groups = b.groups.filter((g) => g.cases > 0);
  if (!groups.length) return `<p class="govuk-body">${esc(`No case has its ${BY_NAMES[by]?.toLowerCase()} recorded.`)}</p>`;
  return table(
    `Scores by ${BY_NAMES[by]?.toLowerCase() ?? by}`,
    ['Criterion', ...groups.map((g) => `${valueName(by, g.value)} (${g.cases})`)],
    summary.criteria.map((c) => [`${esc(c.id)} ${esc(c.title)}`, ...groups.map((g) => esc(cell(g.criteria[c.id] ?? null)))]),
  );
}

export function breakdownsPage(session: Viewer, csrf: string, summary: Summary, diversityQuestions: readonly { id: string; text: string }[]): string {
  const id = summary.inspectionId;
  const byQuestion = new Map(summary.questions.map((q) => [q.id, q]));
  const diversity = table(
    'Criterion 2.7: each question',
    ['Question', 'Yes', 'No', 'Score'],
    diversityQuestions.map((q) => {
      const s = byQuestion.get(q.id);
      return [`${esc(q.id)} ${esc(q.text)}`, s?.yes ?? 0, s?.no ?? 0, esc(s?.percent === null || s === undefined ? 'No score' : `${s.percent}%`)];
    }),
  );
  return page({
    session,
    csrf,
    title: `Breakdowns: ${summary.area}`,
    backHref: pageUrls.dashboard(id),
    content: `<span class="govuk-caption-l">${esc(summary.area)}</span>
<h1 class="govuk-heading-l">Scores by sub-group</h1>
<p class="govuk-body">${esc(`Computed ${dateTime(summary.computedAt)} from ${summary.sample.cases} cases.`)} Each score is worked out exactly as for the whole sample, over the group's cases only. [c] stands for a group of fewer than 5 cases, whose scores are not shown. The number of cases in each group is in brackets.</p>
<ul class="govuk-list">
  <li><a class="govuk-link" href="#diversity">Diversity: criterion 2.7 and the scores by gender and ethnicity</a></li>
</ul>
${['caseType', 'tier', 'roh', 'ppo'].map((by) => `<h2 class="govuk-heading-m">${esc(BY_NAMES[by])}</h2>\n${breakdownTable(summary, by)}`).join('\n')}
<h2 class="govuk-heading-l" id="diversity">Diversity</h2>
${diversity}
<h3 class="govuk-heading-m">Gender</h3>
${breakdownTable(summary, 'gender')}
<h3 class="govuk-heading-m">Ethnicity</h3>
${breakdownTable(summary, 'ethnicity')}`,
  });
}
