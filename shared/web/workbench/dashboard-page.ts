/**
 * An inspection's dashboard: its task list, the other pages, the sample so far by case type
 * and assessor, the questionnaires invited and returned, recompute and the cases upload; and
 * the figures page behind it (the summary in tables, with its downloads).
 */
import type { Inspection } from '#schemas/inspection';
import type { Summary } from '#schemas/summary';
import { errorMessage, errorSummary, esc } from '#web/common/layout';
import type { Stage } from '#domain/tasks';
import { taskListHtml } from './task-list';
import { sampleMinimumsWarning } from './sample-minimums';
import {
  CASE_TYPES,
  closedNotice,
  csrfField,
  dateRange,
  dateTime,
  enc,
  has,
  inspectionIsClosed,
  page,
  pageUrls,
  type Viewer,
  stageTags,
  table,
  USUAL_SAMPLE,
} from './frame';

export interface DashboardInput {
  session: Viewer;
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

const ASSESSOR_NAMES: Record<string, string> = { hmi: 'HMI inspector', area: 'Area assessor' };
const AUDIENCE_NAMES: Record<string, string> = { victim: 'Victims', sentencer: 'Sentencers', offender: 'Offenders' };

function countBy<T>(items: readonly T[], keyOf: (t: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The pages the task list does not lead to: reading, downloads and the rarer jobs, each shown to the roles that may use it. */
function inspectionLinks(id: string, session: Viewer): string {
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
  const link = (kind: string, text: string) =>
    `<li><a class="govuk-link" href="${esc(`${pageUrls.template(id)}?caseType=${kind}`)}" download>${esc(text)}</a></li>`;
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
        table(
          'By case type',
          ['Case type', 'Cases'],
          countBy(cases, (c) => c.caseType).map(([k, n]) => [esc(CASE_TYPES[k] ?? k), n]),
        ),
        table(
          'By assessor',
          ['Assessor', 'Cases'],
          countBy(cases, (c) => c.assessor ?? '').map(([k, n]) => [esc(ASSESSOR_NAMES[k] ?? 'Not recorded'), n]),
        ),
        table(
          'Who entered them',
          ['Entered by', 'Cases'],
          countBy(cases, (c) => c.updatedByName).map(([k, n]) => [esc(k), n]),
        ),
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
  const uploadForm =
    canUpload && closed
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
    content: `${errorSummary(
      'en',
      uploadErrors.map((message) => ({ href: '#file', message })),
    )}
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

export function summaryPage(session: Viewer, csrf: string, summary: Summary): string {
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
