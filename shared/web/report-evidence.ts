/**
 * The report's parts built from the evidence beyond the case file (issue 14): section 4's
 * interview figures, the agreement between markers, Appendix 1 (performance figures) and
 * the caseload beside the sample in Appendix 2. Kept apart from report.ts so each part is a
 * call there. Everything interpolated goes through `esc`.
 */
import type { PerformanceFigureSummary, SampleBalance, Summary } from '../schemas/summary';
import { numberWord } from '../summaries/words';
import { esc } from './layout';

const num = (n: number | string) => `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(n)}</td>`;
const cell = (s: string) => `<td class="govuk-table__cell">${esc(s)}</td>`;
const th = (s: string, numeric = false) => `<th scope="col" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${esc(s)}</th>`;
const rowHeader = (s: string) => `<th scope="row" class="govuk-table__header">${esc(s)}</th>`;
const percent = (p: number | null | undefined) => (p === null || p === undefined ? '–' : `${p}%`);
const grouped = (n: number) => numberWord(n);

function table(id: string, caption: string, head: string[], numericFrom: number, rows: string[][]): string {
  return `<table class="govuk-table app-keep" id="${esc(id)}">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(caption)}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">${head.map((h, i) => th(h, i >= numericFrom)).join('')}</tr></thead>
  <tbody class="govuk-table__body">
${rows.map((r) => `    <tr class="govuk-table__row">${r.join('')}</tr>`).join('\n')}
  </tbody>
</table>`;
}

/** Section 4: what the offender managers said in interview, in the inspectorate's words, then the figures. */
export function interviewsBlock(summary: Summary): string {
  const interviews = summary.interviews;
  const heading = '<h3 class="govuk-heading-m" id="interviews">Interviews with offender managers</h3>';
  if (!interviews || interviews.count === 0) return `${heading}\n<p class="govuk-body">No offender managers have been interviewed yet.</p>`;
  const answered = interviews.questions.filter((q) => q.answered > 0);
  const intro = `We interviewed ${grouped(interviews.count)} individual offender ${interviews.count === 1 ? 'manager' : 'managers'}.`;
  return `${heading}
<p class="govuk-body">${esc(intro)}</p>
<ul class="govuk-list govuk-list--bullet">
${answered.map((q) => `  <li>${esc(q.sentence)}</li>`).join('\n')}
</ul>
${table(
  'interview-figures',
  'Interview findings',
  ['Question', 'Answered', 'Yes', '% yes'],
  1,
  interviews.questions.map((q) => [rowHeader(q.text), num(q.answered), num(q.positive), num(percent(q.percent))]),
)}`;
}

const kappaText = (k: number | null) => (k === null ? '–' : k.toFixed(3));
const agreementText = (a: number | null) => (a === null ? '–' : `${Math.round(a * 1000) / 10}%`);

/** How far second markings agree with the first: overall, HMI against area assessors, by criterion; the cases for a moderator. */
export function moderationBlock(summary: Summary): string {
  const m = summary.moderation;
  const heading = '<h2 class="govuk-heading-l app-page-break" id="moderation">Agreement between markers</h2>';
  if (!m || m.cases === 0) return `${heading}\n<p class="govuk-body">No case has been marked a second time.</p>`;
  const who: Record<string, string> = { hmi: 'First marked by HMI Probation', area: 'First marked by area assessors', 'not-recorded': 'First marker not recorded' };
  const rows = [
    [rowHeader('All double-marked cases'), num(m.cases), num(agreementText(m.agreement)), num(kappaText(m.kappa))],
    ...m.byAssessor.filter((a) => a.cases > 0).map((a) => [rowHeader(who[a.assessor] ?? a.assessor), num(a.cases), num(agreementText(a.agreement)), num(kappaText(a.kappa))]),
  ];
  const flagged = m.flagged.length
    ? `<p class="govuk-body" id="moderation-flagged">${esc(`${m.flagged.length === 1 ? 'One case needs' : `${grouped(m.flagged.length)} cases need`} a moderator’s decision, the two markers differing on a criterion’s overall judgement: ${m.flagged.join(', ')}.`)}</p>`
    : '<p class="govuk-body" id="moderation-flagged">The two markers agreed on every criterion’s overall judgement.</p>';
  return `${heading}
<p class="govuk-body">${esc(`${m.cases === 1 ? 'One case was' : `${grouped(m.cases)} cases were`} marked a second time, independently. Agreement is the share of questions both markers answered yes or no on which they gave the same answer; Cohen’s kappa corrects it for the agreement expected by chance (1 is complete agreement, 0 no better than chance).`)}</p>
${table('moderation-summary', 'Agreement between first and second markers', ['Cases', 'Double-marked', 'Agreement', 'Kappa'], 1, rows)}
${flagged}
${table(
  'moderation-criteria',
  'Agreement by criterion',
  ['Criterion', 'Cases', 'Agreement', 'Kappa'],
  1,
  m.byCriterion.map((c) => [rowHeader(c.id), num(c.cases), num(agreementText(c.agreement)), num(kappaText(c.kappa))]),
)}`;
}

const figure = (n: number, f: PerformanceFigureSummary) => (f.unit === 'percent' ? `${n}%` : n.toLocaleString('en-GB'));

/** Appendix 1: the area's performance figures, a missed target said in words (never in colour alone). */
export function performanceAppendix(summary: Summary): string {
  const figures: PerformanceFigureSummary[] = summary.performanceFigures ?? [];
  const heading = '<h2 class="govuk-heading-l app-page-break" id="performance">Appendix 1: Performance figures</h2>';
  if (!figures.length) return `${heading}\n<p class="govuk-body">No performance figures were provided for this inspection.</p>`;
  const missed = figures.filter((f) => f.missedTarget).length;
  const intro = missed === 0 ? 'The area met every target below.' : `The area missed ${missed === 1 ? 'one target' : `${grouped(missed)} targets`} of the ${grouped(figures.length)} below.`;
  return `${heading}
<p class="govuk-body">${esc(intro)}</p>
${table(
  'performance-figures',
  'Performance against target',
  ['Measure', 'Period', 'Target', 'Area', 'National', 'Against target'],
  2,
  figures.map((f) => [
    rowHeader(f.measure),
    cell(f.period),
    num(figure(f.target, f)),
    num(figure(f.area, f)),
    num(figure(f.national, f)),
    `<td class="govuk-table__cell govuk-table__cell--numeric${f.missedTarget ? ' app-missed' : ''}">${f.missedTarget ? '<strong>Missed</strong>' : 'Met'}</td>`,
  ]),
)}`;
}

const LABELS: Record<string, string> = {
  male: 'Male',
  female: 'Female',
  white: 'White',
  black: 'Black',
  asian: 'Asian',
  mixed: 'Mixed',
  other: 'Other',
  'not-recorded': 'Not recorded',
  'minority-ethnic': 'Minority ethnic',
  community: 'Community order',
  licence: 'Licence',
  custody: 'Custody',
};

/**
 * Appendix 2's sentence on the caseload: stated only when the area gave it, so the report
 * never claims a balance it was not shown.
 */
export function caseloadSentence(summary: Summary): string {
  const b = summary.sample?.balance;
  if (!b) return '';
  const share = (rows: SampleBalance['byGender'], key: string) => rows?.find((r) => r.key === key)?.caseloadPercent;
  const white = share(b.byEthnicity, 'white');
  const female = share(b.byGender, 'female');
  const parts = [white !== undefined && white !== null ? `${white}% white` : '', female !== undefined && female !== null ? `${female}% women` : ''].filter(Boolean);
  return `The area’s caseload was ${b.caseload.toLocaleString('en-GB')} cases${parts.length ? ` (${parts.join(', ')})` : ''}; the tables below set the sample beside it.`;
}

/** Appendix 2: the caseload beside the sample, for each breakdown the area gave. */
export function balanceBlock(summary: Summary): string {
  const b = summary.sample?.balance;
  if (!b) return '';
  const parts: [keyof Pick<SampleBalance, 'byGender' | 'byEthnicity' | 'byCaseType'>, string][] = [
    ['byGender', 'By gender'],
    ['byEthnicity', 'By ethnicity'],
    ['byCaseType', 'By case type'],
  ];
  const tables = parts
    .filter(([key]) => b[key])
    .map(([key, caption]) =>
      table(
        `balance-${key}`,
        `Caseload and sample: ${caption.toLowerCase()}`,
        [caption, 'Caseload', '% of caseload', 'Sample', '% of sample'],
        1,
        b[key]!.filter((r) => r.caseload > 0 || r.sample > 0).map((r) => [rowHeader(LABELS[r.key] ?? r.key), num(r.caseload.toLocaleString('en-GB')), num(percent(r.caseloadPercent)), num(r.sample), num(percent(r.samplePercent))]),
      ),
    );
  return `<h3 class="govuk-heading-m" id="caseload">The caseload beside the sample</h3>
<p class="govuk-body">${esc(`Caseload: ${b.caseload.toLocaleString('en-GB')} cases. Sample: ${b.sampleCases} cases.`)}</p>
<div class="app-sample-grid">
${tables.join('\n')}
</div>`;
}
