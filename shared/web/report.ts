/**
 * The printable report, built from a summary snapshot, in the shape of the scoring pages of an
 * HMI Probation Offender Management Inspection report (Kent, February 2008): the summary of
 * scores with Chart 1, Table 1 (section 4 grades), Table 2 (the Risk of Harm thread), the
 * service users' perspective in sentences, and the sample as in Appendix 2.
 *
 * Everything interpolated goes through `esc`. A criterion without a score reads "no score (no
 * relevant cases)", never 0%. Small numbers in the breakdown by language arrive already
 * suppressed ("[c]") from the summary; this page only shows them and says what [c] means.
 */
import type { WriteUp } from '../schemas/write-up';
import { getBank } from '../bank';
import type { CriterionSummary, Summary } from '../schemas/summary';
import { getQuestionnaire } from '../questionnaires/index';
import type { QuestionBank } from '../schemas/bank';
import type { Audience } from '../schemas/questionnaire';
import { DEFAULT_BANDS, NOT_RECORDED } from '../scoring';
import type { AudienceSummary, ClosedQuestionSummary, TextQuestionSummary } from '../summaries';
import { percentHalfUp, SUPPRESSED } from '../summaries';
import { esc, layout } from './layout';
import { chart1Svg, NO_SCORE, type ChartSection } from './report-chart';
import { REPORT_CSS_PATH } from './report-css';
import { balanceBlock, caseloadSentence, interviewsBlock, moderationBlock, performanceAppendix } from './report-evidence';

export const REPORT_SERVICE_NAME = 'Probation inspection reports';

/** Section titles as in the report's contents and Appendix 4. */
export const SECTION_TITLES: Readonly<Record<number, string>> = {
  1: 'Assessment and sentence planning',
  2: 'Implementation of interventions',
  3: 'Achievement and monitoring of outcomes',
  4: 'Leadership and strategic management',
};

const GRADE_LABELS: Readonly<Record<string, string>> = {
  'well-met': 'Well met',
  'satisfactorily-met': 'Satisfactorily met',
  'partly-met': 'Partly met',
  'not-met': 'Not met',
};

/** Kent's order: offenders, victims, then the courts. */
const AUDIENCE_ORDER: readonly Audience[] = ['offender', 'victim', 'sentencer'];
const AUDIENCE_HEADINGS: Readonly<Record<Audience, string>> = { offender: 'Offenders', victim: 'Victims', sentencer: 'Courts (sentencers)' };
const AUDIENCE_NAMES: Readonly<Record<Audience | 'all', string>> = { offender: 'Offenders', victim: 'Victims', sentencer: 'Sentencers', all: 'All respondents' };

export interface ReportDownloads {
  json: string;
  csv: string;
}

export interface ReportOptions {
  downloads: ReportDownloads;
  /** The authored text, printed where the Kent report prints it. */
  writeUp?: WriteUp;
  /** Every fixed text in Welsh with `cy`; authored text stays as written (or its Welsh version). */
  lang?: 'en' | 'cy';
  /**
   * `published` (a release, a report link): no suggested bands, no internal comments, no
   * case-level Risk of Harm tables marked internal. `staff` (the workbench) sees it all.
   */
  audience?: 'staff' | 'published';
  /** The release the report is frozen as: its date is the publication date. */
  release?: { kind: 'factual-accuracy' | 'final'; createdAt: string };
}

/* ------------------------------------------------------------------------------------------
 * Formatting
 * ---------------------------------------------------------------------------------------- */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parseDay(iso: string): { d: number; m: number; y: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? { y: Number(m[1]), m: Number(m[2]) - 1, d: Number(m[3]) } : undefined;
}

/** "5 November 2007" (GOV.UK style). */
export function formatDate(iso: string): string {
  const p = parseDay(iso);
  return p && MONTHS[p.m] ? `${p.d} ${MONTHS[p.m]} ${p.y}` : String(iso ?? '');
}

/** "5 to 9 November 2007", "28 November to 2 December 2007". */
export function formatDateRange(start: string, end: string): string {
  const a = parseDay(start);
  const b = parseDay(end);
  if (!a || !b || !MONTHS[a.m] || !MONTHS[b.m]) return `${formatDate(start)} to ${formatDate(end)}`;
  if (start.slice(0, 10) === end.slice(0, 10)) return formatDate(start);
  if (a.y === b.y && a.m === b.m) return `${a.d} to ${b.d} ${MONTHS[b.m]} ${b.y}`;
  if (a.y === b.y) return `${a.d} ${MONTHS[a.m]} to ${b.d} ${MONTHS[b.m]} ${b.y}`;
  return `${formatDate(start)} to ${formatDate(end)}`;
}

/** "2:05pm (UTC) on 14 March 2025". */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso ?? '');
  const h = t.getUTCHours();
  const minutes = String(t.getUTCMinutes()).padStart(2, '0');
  const clock = `${h % 12 === 0 ? 12 : h % 12}:${minutes}${h < 12 ? 'am' : 'pm'}`;
  return `${clock} (UTC) on ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}


function percentCell(p: number | null | undefined, extraClass = ''): string {
  return p === null || p === undefined
    ? `<td class="govuk-table__cell govuk-table__cell--numeric app-score--none${extraClass}">${esc(NO_SCORE)}</td>`
    : `<td class="govuk-table__cell govuk-table__cell--numeric${extraClass}">${esc(`${p}%`)}</td>`;
}

const num = (n: number | string) => `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(n)}</td>`;
const cell = (s: string) => `<td class="govuk-table__cell">${esc(s)}</td>`;
const th = (s: string, numeric = false, scope: 'col' | 'row' = 'col') =>
  `<th scope="${scope}" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${esc(s)}</th>`;

function bandLabel(id: string | undefined): string {
  return DEFAULT_BANDS.find((b) => b.id === id)?.label ?? String(id ?? '');
}

/* ------------------------------------------------------------------------------------------
 * Parts
 * ---------------------------------------------------------------------------------------- */

function sectionsOf(summary: Summary): ChartSection[] {
  return [1, 2, 3].map((id) => ({
    id,
    title: SECTION_TITLES[id]!,
    percent: summary.sections.find((s) => s.id === id)?.percent ?? null,
    criteria: summary.criteria.filter((c) => c.section === id).map((c) => ({ id: c.id, title: c.title, percent: c.percent })),
  }));
}

function titleBlock(summary: Summary, bankVersion: string): string {
  const rows: [string, string][] = [
    ['Area', summary.area],
    ['Fieldwork', formatDateRange(summary.fieldworkStart, summary.fieldworkEnd)],
    ['Cases in the sample', String(summary.sample?.cases ?? 0)],
    ['Question bank', bankVersion],
    ['Figures computed', formatDateTime(summary.computedAt)],
  ];
  return `<span class="govuk-caption-xl">Offender Management Inspection</span>
<h1 class="govuk-heading-xl">${esc(summary.area)}</h1>
<p class="govuk-body-l">A report on offender management in ${esc(summary.area)}: the scores from the case sample, the grades for leadership and strategic management, and what service users told us. Fieldwork ${esc(formatDateRange(summary.fieldworkStart, summary.fieldworkEnd))}.</p>
<dl class="govuk-summary-list app-report-meta">
${rows
  .map(
    ([k, v]) => `  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${esc(k)}</dt>
    <dd class="govuk-summary-list__value">${esc(v)}</dd>
  </div>`,
  )
  .join('\n')}
</dl>`;
}

function contents(): string {
  const items: [string, string][] = [
    ['scores', 'Summary of scores'],
    ['chart-1', 'Chart 1: Scoring of sections 1 to 3'],
    ['table-1', 'Table 1: Scoring of section 4'],
    ['table-2', 'Table 2: Risk of Harm thread'],
    ['leadership', 'Leadership and strategic management'],
    ['service-users', 'Service users’ perspective'],
    ['sample', 'Appendix 2: The case sample'],
    ['scoring-approach', 'Appendix 4: Scoring approach'],
  ];
  return `<nav class="app-no-print" aria-labelledby="contents-heading">
<h2 class="govuk-heading-m" id="contents-heading">Contents</h2>
<ul class="govuk-list">
${items.map(([id, text]) => `  <li><a class="govuk-link" href="#${esc(id)}">${esc(text)}</a></li>`).join('\n')}
</ul>
</nav>`;
}

function downloadsBlock(downloads: ReportDownloads): string {
  return `<div class="app-no-print govuk-!-margin-bottom-8">
<h2 class="govuk-heading-m" id="downloads">Download the summary</h2>
<ul class="govuk-list">
  <li><a class="govuk-link" href="${esc(downloads.csv)}" download>Summary of the figures (CSV, opens in a spreadsheet)</a></li>
  <li><a class="govuk-link" href="${esc(downloads.json)}" download>Summary of the figures (JSON)</a></li>
</ul>
<p class="govuk-body-s">To print this report, or save it as a PDF, use your browser’s print option. The printed copy leaves out the page header, the contents and these links.</p>
</div>`;
}

function chartBlock(summary: Summary): string {
  const sections = sectionsOf(summary);
  const caption = 'Chart 1: Scoring of sections 1 to 3';
  const when = parseDay(summary.fieldworkStart);
  const subtitle = `Offender Management Inspection: ${summary.area}${when && MONTHS[when.m] ? ` (${MONTHS[when.m]} ${when.y})` : ''}`;
  const tableRows = sections
    .map(
      (s) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(`Section ${s.id}: ${s.title}`)}</th>
      ${percentCell(s.percent)}
    </tr>
${s.criteria
  .map(
    (c) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(`${c.id} ${c.title}`)}</th>
      ${percentCell(c.percent)}
    </tr>`,
  )
  .join('\n')}`,
    )
    .join('\n');
  return `<figure class="app-chart app-keep" id="chart-1" aria-labelledby="chart-1-caption">
<figcaption id="chart-1-caption">
  <h3 class="govuk-heading-m app-chart__caption">${esc(caption)}</h3>
  <p class="govuk-body-s">${esc(subtitle)}</p>
</figcaption>
${chart1Svg(sections, `${caption}. ${subtitle}`)}
</figure>
<table class="govuk-table govuk-visually-hidden">
  <caption class="govuk-table__caption">${esc(caption)}, as a table</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th('Section or criterion')}${th('Score', true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${tableRows}
  </tbody>
</table>`;
}

function suggestedCell(c: CriterionSummary): string {
  return c.suggestedBand
    ? `<td class="govuk-table__cell">${esc(c.suggestedBand.label)}</td>`
    : '<td class="govuk-table__cell app-score--none">none (no score)</td>';
}

/** The conclusion the report uses: the lead inspector's where recorded, otherwise the suggested band (marked so). */
function conclusionCell(c: CriterionSummary): string {
  if (c.conclusion) {
    const text = c.conclusion.text ? `<br><span class="govuk-body-s">${esc(c.conclusion.text)}</span>` : '';
    return `<td class="govuk-table__cell"><strong>${esc(bandLabel(c.conclusion.band))}</strong>${text}</td>`;
  }
  if (c.suggestedBand) {
    return `<td class="govuk-table__cell">${esc(c.suggestedBand.label)}<br><span class="govuk-body-s">Not yet recorded: the suggested band</span></td>`;
  }
  return `<td class="govuk-table__cell app-score--none">No conclusion (no score)</td>`;
}

function scoresTable(summary: Summary): string {
  const body = [1, 2, 3]
    .map((id) => {
      const section = summary.sections.find((s) => s.id === id);
      const criteria = summary.criteria.filter((c) => c.section === id);
      return `  <tbody class="govuk-table__body">
    <tr class="govuk-table__row">
      <th scope="rowgroup" colspan="2" class="govuk-table__header">${esc(`Section ${id}: ${SECTION_TITLES[id]}`)}</th>
      ${percentCell(section?.percent ?? null)}
      <td class="govuk-table__cell govuk-body-s" colspan="3">Section score: the mean of its criteria’s scores</td>
    </tr>
${criteria
  .map(
    (c) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(c.id)}</th>
      ${cell(c.title)}
      ${percentCell(c.percent)}
      ${num(c.cases)}
      ${suggestedCell(c)}
      ${conclusionCell(c)}
    </tr>`,
  )
  .join('\n')}
  </tbody>`;
    })
    .join('\n');
  return `<table class="govuk-table" id="scores-table">
  <caption class="govuk-table__caption govuk-table__caption--m">Summary of scores: criteria 1.1 to 3.2</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th('Criterion')}${th('Title')}${th('Score', true)}${th('Cases', true)}${th('Suggested band')}${th('Conclusion (lead inspector)')}</tr>
  </thead>
${body}
</table>
<p class="govuk-body-s">Cases: the cases with at least one relevant judgement for the criterion. Suggested band: the band the score falls in (good from 65%, a priority for improvement from 62%, otherwise an urgent priority). The report uses the lead inspector’s recorded conclusion where there is one, and the suggested band until there is.</p>`;
}

function table1(summary: Summary): string {
  const rows = summary.leadership
    .map(
      (l) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(l.id)}</th>
      ${cell(`General Criterion: ${l.title}`)}
      ${l.grade ? `<td class="govuk-table__cell"><strong>${esc(GRADE_LABELS[l.grade] ?? l.grade)}</strong></td>` : '<td class="govuk-table__cell app-score--none">Not yet graded</td>'}
    </tr>`,
    )
    .join('\n');
  return `<table class="govuk-table app-keep" id="table-1">
  <caption class="govuk-table__caption govuk-table__caption--m">Table 1: Scoring of section 4</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th('Criterion')}${th('Leadership and strategic management')}${th('Grade')}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>
<p class="govuk-body-s">Each criterion of the leadership and strategic management section is graded on a four-point scale: well met, satisfactorily met, partly met or not met.</p>`;
}

function table2(summary: Summary, bank: QuestionBank | undefined): string {
  const byId = new Map(summary.questions.map((q) => [q.id, q]));
  const rohQuestions = (bank?.questions ?? []).filter((q) => q.roh && Number(q.criterion.split('.')[0]) <= 2);
  const rows = rohQuestions
    .map((q) => {
      const s = byId.get(q.id);
      const relevant = s ? s.yes + s.no : 0;
      return `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header app-nowrap">${esc(q.id)}</th>
      ${cell(q.text)}
      ${num(relevant)}
      ${num(s?.yes ?? 0)}
      ${percentCell(s?.percent ?? null)}
    </tr>`;
    })
    .join('\n');
  const questions = rohQuestions.length
    ? `<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">The Risk of Harm questions in sections 1 and 2</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th('Question')}${th('Asked about each case')}${th('Relevant cases', true)}${th('Sufficient', true)}${th('Score', true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>`
    : `<p class="govuk-body">The questions of question bank ${esc(summary.questionBankVersion)} are not available in this release.</p>`;
  return `<table class="govuk-table app-keep" id="table-2">
  <caption class="govuk-table__caption govuk-table__caption--m">Table 2: Risk of Harm thread</caption>
  <tbody class="govuk-table__body">
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">Score for Risk of Harm thread</th>
      ${percentCell(summary.rohThread?.percent ?? null)}
    </tr>
  </tbody>
</table>
<p class="govuk-body">Table 2 gives a score drawn from the questions about Risk of Harm work in the <em>Assessment and sentence planning</em> and <em>Implementation of interventions</em> sections: the mean of their scores. This score is significant in deciding whether a further focused inspection will be carried out.</p>
${questions}`;
}

function leadershipDetail(summary: Summary): string {
  const blocks = summary.leadership.map((l) => {
    const list = (items: readonly string[]) =>
      items.length
        ? `<ul class="govuk-list govuk-list--bullet">
${items.map((s) => `  <li>${esc(s)}</li>`).join('\n')}
</ul>`
        : '<p class="govuk-body app-score--none">None recorded.</p>';
    return `<div class="app-keep">
<h3 class="govuk-heading-m">${esc(`${l.id} ${l.title}`)}</h3>
<p class="govuk-body"><strong>${esc(l.grade ? (GRADE_LABELS[l.grade] ?? l.grade) : 'Not yet graded')}</strong></p>
<h4 class="govuk-heading-s">Strengths</h4>
${list(l.strengths)}
<h4 class="govuk-heading-s">Areas for improvement</h4>
${list(l.improvements)}
</div>`;
  });
  const omitted = summary.leadershipPointsOmitted ?? 0;
  if (omitted > 0) blocks.push(`<p class="govuk-body" id="points-omitted">${esc(`${omitted} recorded ${omitted === 1 ? 'point is' : 'points are'} not shown: there was more text than a summary can hold.`)}</p>`);
  return blocks.join('\n');
}

/* ---- service users ---------------------------------------------------------------------- */

function responseRates(summary: Summary): string {
  const rows = AUDIENCE_ORDER.map((a) => {
    const s = summary.serviceUsers[a];
    return `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(AUDIENCE_NAMES[a])}</th>
      ${num(s.invited)}
      ${num(s.returned)}
      ${s.responsePercent === null ? '<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">none sent</td>' : num(`${s.responsePercent}%`)}
    </tr>`;
  }).join('\n');
  return `<table class="govuk-table app-keep" id="response-rates">
  <caption class="govuk-table__caption govuk-table__caption--s">Response rates</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th('Questionnaires to')}${th('Sent', true)}${th('Returned', true)}${th('Response rate', true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>`;
}

function optionCounts(audience: Audience, q: ClosedQuestionSummary): string {
  let labels = new Map<string, string>();
  try {
    labels = new Map((getQuestionnaire(audience, 'en').questions.find((d) => d.id === q.id)?.options ?? []).map((o) => [o.value, o.label]));
  } catch {
    // an audience this release does not know: show the values as they are
  }
  return Object.entries(q.counts ?? {})
    .map(([value, count]) => `${labels.get(value) ?? value}: ${count}`)
    .join('; ');
}

function audienceBlock(audience: Audience, s: AudienceSummary): string {
  const closed = s.questions.filter((q): q is ClosedQuestionSummary => q.type !== 'text');
  const parts = [
    `<h3 class="govuk-heading-m" id="service-users-${esc(audience)}">${esc(AUDIENCE_HEADINGS[audience])}</h3>`,
    `<p class="govuk-body">${esc(s.returnedSentence)}${s.responsePercent === null || s.returned === 0 ? '' : esc(` The response rate was ${s.responsePercent}%.`)}</p>`,
  ];
  if (s.returned === 0) {
    parts.push(`<p class="govuk-body">With no questionnaires returned there are no findings from ${esc(AUDIENCE_NAMES[audience].toLowerCase())} to report.</p>`);
    return parts.join('\n');
  }
  parts.push(`<ul class="govuk-list govuk-list--bullet">
${closed.map((q) => `  <li>${esc(q.sentence)}</li>`).join('\n')}
</ul>`);
  const rows = closed
    .map(
      (q) => `    <tr class="govuk-table__row">
      ${cell(q.text)}
      ${num(q.answered)}
      ${num(q.positive)}
      ${q.percent === null ? '<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">nobody answered</td>' : num(`${q.percent}%`)}
      <td class="govuk-table__cell govuk-body-s">${esc(optionCounts(audience, q))}</td>
    </tr>`,
    )
    .join('\n');
  parts.push(`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(AUDIENCE_NAMES[audience])}: answers to each question</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th('Question')}${th('Answered', true)}${th('Positive', true)}${th('Positive (%)', true)}${th('All answers, including “I do not know”')}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>
<p class="govuk-body-s">Answered: respondents who gave an answer other than “I do not know” or “this has not happened to me”. The sentences are worked out over those who answered.</p>`);
  return parts.join('\n');
}

function languageBreakdown(summary: Summary): string {
  const breakdown = summary.serviceUsersByLanguage;
  if (!breakdown) return '';
  const returnedRows = breakdown.returned
    .map(
      (r) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(AUDIENCE_NAMES[r.audience] ?? r.audience)}</th>
      ${num(r.en)}
      ${num(r.cy)}
      ${num(r.total)}
    </tr>`,
    )
    .join('\n');
  const questionTexts = new Map<string, string>();
  for (const a of AUDIENCE_ORDER) for (const q of summary.serviceUsers[a]?.questions ?? []) questionTexts.set(`${a} ${q.id}`, q.text);
  const withResponses = new Set(AUDIENCE_ORDER.filter((a) => (summary.serviceUsers[a]?.returned ?? 0) > 0));
  const questionRows = breakdown.questions
    .filter((q) => withResponses.has(q.audience))
    .map(
      (q) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header govuk-body-s">${esc(`${AUDIENCE_NAMES[q.audience]}: ${questionTexts.get(`${q.audience} ${q.id}`) ?? q.id}`)}</th>
      ${num(q.answered.en)}${num(q.answered.cy)}${num(q.answered.total)}
      ${num(q.positive.en)}${num(q.positive.cy)}${num(q.positive.total)}
    </tr>`,
    )
    .join('\n');
  const questions = questionRows
    ? `<table class="govuk-table" id="by-language-questions">
  <caption class="govuk-table__caption govuk-table__caption--s">Answers by the language of the questionnaire</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"></td>
      <th scope="colgroup" colspan="3" class="govuk-table__header app-colgroup">Answered</th>
      <th scope="colgroup" colspan="3" class="govuk-table__header app-colgroup">Positive</th>
    </tr>
    <tr class="govuk-table__row">${th('Question')}${th('English', true)}${th('Welsh', true)}${th('Total', true)}${th('English', true)}${th('Welsh', true)}${th('Total', true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${questionRows}
  </tbody>
</table>`
    : '';
  return `<h3 class="govuk-heading-m" id="by-language">Questionnaires returned, by language</h3>
<table class="govuk-table app-keep" id="by-language-returned">
  <caption class="govuk-table__caption govuk-table__caption--s">Questionnaires returned, by the language they were answered in</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th('Respondents')}${th('English', true)}${th('Welsh', true)}${th('Total', true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${returnedRows}
  </tbody>
</table>
<div class="govuk-inset-text" id="suppression-note">
  <p class="govuk-body"><strong>${esc(SUPPRESSED)}</strong> marks a figure that is not shown because fewer than 3 people gave it (a zero included), or because it could otherwise be worked out from the other figures and totals. This is the Government Statistical Service’s mark for a suppressed figure; it stops anyone, a victim especially, from being picked out.</p>
</div>
${questions}`;
}

function commentsBlock(summary: Summary): string {
  const blocks = AUDIENCE_ORDER.flatMap((a) =>
    (summary.serviceUsers[a]?.questions ?? [])
      .filter((q): q is TextQuestionSummary => q.type === 'text' && q.comments.length > 0)
      .map(
        (q) => `<h4 class="govuk-heading-s">${esc(`${AUDIENCE_NAMES[a]}: ${q.text}`)}</h4>
<ul class="govuk-list govuk-list--bullet">
${q.comments.map((c) => `  <li class="app-comment"${c.language === 'cy' ? ' lang="cy"' : ''}>${esc(`“${c.text}”`)}${c.language === 'cy' ? ' <span lang="en">(in Welsh)</span>' : ''}</li>`).join('\n')}
</ul>`,
      ),
  );
  const omitted = summary.commentsOmitted ?? 0;
  const why =
    summary.commentsRemoved === 'erased'
      ? 'the responses were erased'
      : summary.commentsRemoved === 'expired'
        ? 'they passed the period answers are kept for'
        : 'there was more text than a summary can hold';
  const note = omitted > 0 ? `<p class="govuk-body" id="comments-omitted">${esc(`${omitted} ${omitted === 1 ? 'comment is' : 'comments are'} not shown because ${why}. The figures still count every response.`)}</p>` : '';
  const none = omitted > 0 ? '' : '<p class="govuk-body">No comments were written.</p>';
  const body = (blocks.length ? blocks.join('\n') : none) + note;
  return `<h3 class="govuk-heading-m" id="comments">Comments from respondents</h3>
<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> For inspection staff only. E-mail addresses, phone numbers, postcodes and names after a title have been masked, but a comment may still identify someone: do not publish comments as they stand.</strong>
</div>
${body}`;
}

function serviceUsers(summary: Summary): string {
  return [
    `<h2 class="govuk-heading-l app-page-break" id="service-users">Service users’ perspective</h2>`,
    `<p class="govuk-body">We sent questionnaires to offenders and victims whose cases were in the sample, and to a selection of sentencers. The findings below are worked out over the people who answered each question.</p>`,
    responseRates(summary),
    ...AUDIENCE_ORDER.map((a) => audienceBlock(a, summary.serviceUsers[a])),
    languageBreakdown(summary),
    commentsBlock(summary),
  ].join('\n');
}

/* ---- the sample (Appendix 2) ------------------------------------------------------------- */

function sampleTable(id: string, caption: string, total: number, rows: [string, number][]): string {
  const body = rows
    .map(
      ([label, count]) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(label)}</th>
      ${num(count)}
      ${num(total > 0 ? `${percentHalfUp(count, total)}%` : '–')}
    </tr>`,
    )
    .join('\n');
  return `<table class="govuk-table app-keep" id="${esc(id)}">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(caption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row"><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">${esc(caption)}</span></th>${th('Cases', true)}<th scope="col" class="govuk-table__header govuk-table__header--numeric app-nowrap">% of sample</th></tr>
  </thead>
  <tbody class="govuk-table__body">
${body}
  </tbody>
</table>`;
}

function sampleBlock(summary: Summary): string {
  const s = summary.sample;
  const total = s?.cases ?? 0;
  const counts = (record: Record<string, number> | undefined, labels: [string, string][]): [string, number][] => {
    const rows: [string, number][] = labels.map(([key, label]) => [label, record?.[key] ?? 0]);
    const missing = record?.[NOT_RECORDED] ?? 0;
    if (missing > 0) rows.push(['Not recorded', missing]);
    return rows;
  };
  const flag = (yes: number, notRecorded: number): [string, number][] => {
    const rows: [string, number][] = [
      ['Yes', yes],
      ['No', Math.max(0, total - yes - notRecorded)],
    ];
    if (notRecorded > 0) rows.push(['Not recorded', notRecorded]);
    return rows;
  };
  const t = s?.byCaseType ?? { licence: 0, community: 0, custody: 0 };
  const intro =
    total > 0
      ? `The sample is made up of ${t.licence} licence cases, ${t.community} community order cases and ${t.custody} custody cases: ${total} in all. ${caseloadSentence(summary)}`.trim()
      : 'No cases have been recorded yet.';
  const tables = [
    sampleTable('sample-case-type', 'By case type', total, counts(s?.byCaseType, [['licence', 'Licence'], ['community', 'Community order'], ['custody', 'Custody']])),
    sampleTable('sample-gender', 'By gender', total, counts(s?.byGender, [['male', 'Male'], ['female', 'Female']])),
    sampleTable('sample-ethnicity', 'By ethnicity', total, counts(s?.byEthnicity, [['white', 'White'], ['black', 'Black'], ['asian', 'Asian'], ['mixed', 'Mixed'], ['other', 'Other']])),
    sampleTable('sample-roh', 'By Risk of Harm', total, counts(s?.byRoh, [['low', 'Low'], ['medium', 'Medium'], ['high', 'High'], ['very-high', 'Very high']])),
    sampleTable('sample-ppo', 'Prolific and other priority offenders (PPO)', total, flag(s?.ppo ?? 0, s?.flagsNotRecorded?.ppo ?? 0)),
    sampleTable('sample-mappa', 'By MAPPA level', total, counts(s?.byMappaLevel, [['0', 'Not managed under MAPPA'], ['1', 'Level 1'], ['2', 'Level 2'], ['3', 'Level 3']])),
    sampleTable('sample-approved-premises', 'Resident in approved premises', total, flag(s?.approvedPremises ?? 0, s?.flagsNotRecorded?.approvedPremises ?? 0)),
    sampleTable('sample-victim-contact', 'Statutory victim contact', total, flag(s?.statutoryVictimContact ?? 0, s?.flagsNotRecorded?.statutoryVictimContact ?? 0)),
    sampleTable('sample-assessor', 'Assessed by', total, counts(s?.byAssessor, [['hmi', 'HMI Probation'], ['area', 'Area assessor']])),
    sampleTable('sample-tier', 'By tier', total, counts(s?.byTier, [['1', 'Tier 1'], ['2', 'Tier 2'], ['3', 'Tier 3'], ['4', 'Tier 4']])),
  ];
  return `<h2 class="govuk-heading-l app-page-break" id="sample">Appendix 2: The case sample</h2>
<p class="govuk-body">${esc(intro)}</p>
<div class="app-sample-grid">
${tables.join('\n')}
</div>`;
}

function scoringApproach(): string {
  return `<h2 class="govuk-heading-l" id="scoring-approach">Appendix 4: Scoring approach</h2>
<p class="govuk-body">For each question, the relevant cases are those where the work was judged sufficient (“above the line”) or insufficient; its score is the share judged sufficient. A question with no relevant case has no score and is left out.</p>
<p class="govuk-body">A criterion’s score in sections 1 to 3 weights the mean of its individual questions 80% and its summary question 20%. A section’s score is the mean of its criteria’s scores. The Risk of Harm thread is the mean of the scores of every question about Risk of Harm in sections 1 and 2. The criteria of section 4 are graded by the inspectors: well met, satisfactorily met, partly met or not met.</p>
<p class="govuk-body">Percentages are whole numbers, rounded half up. We advise readers against comparing scores area by area: sample sizes and the profile of cases vary. The scores are best seen as a simple summary of what we found, alongside the full findings.</p>`;
}

/* ------------------------------------------------------------------------------------------
 * Pages
 * ---------------------------------------------------------------------------------------- */

export function reportPage(summary: Summary, options: ReportOptions): string {
  const bank = getBank(summary.questionBankVersion);
  const content = [
    titleBlock(summary, summary.questionBankVersion),
    downloadsBlock(options.downloads),
    contents(),
    `<h2 class="govuk-heading-l" id="scores">Summary of scores</h2>`,
    `<p class="govuk-body">Chart 1 gives the percentage score for each Offender Management Inspection criterion and for each of sections 1 to 3.</p>`,
    chartBlock(summary),
    scoresTable(summary),
    table1(summary),
    table2(summary, bank),
    `<h2 class="govuk-heading-l app-page-break" id="leadership">${esc(`Section 4: ${SECTION_TITLES[4]}`)}</h2>`,
    `<p class="govuk-body">The grades of Table 1, with the strengths and the areas for improvement the inspectors found.</p>`,
    leadershipDetail(summary),
    interviewsBlock(summary),
    serviceUsers(summary),
    moderationBlock(summary),
    performanceAppendix(summary),
    sampleBlock(summary),
    balanceBlock(summary),
    scoringApproach(),
  ].join('\n');
  return layout({
    lang: 'en',
    title: `Offender Management Inspection: ${summary.area}`,
    content,
    fullWidth: true,
    serviceName: REPORT_SERVICE_NAME,
    stylesheets: [REPORT_CSS_PATH],
  });
}

export type ReportProblem = 'not-found' | 'expired' | 'withdrawn' | 'problem';

/** A GOV.UK page for a report that cannot be shown: unknown (404), an expired link (410), or our fault (500). */
export function reportProblemPage(kind: ReportProblem): string {
  const [title, body] =
    kind === 'not-found'
      ? ['Page not found', 'If you typed the web address, check it is correct. If you pasted it, check you copied the entire address. A report link works only as it was given to you.']
      : kind === 'expired'
        ? ['This report link has expired', 'Report links work for a limited time. Ask a colleague who can sign in to the service for a new link.']
        : kind === 'withdrawn'
          ? ['This report link has been withdrawn', 'Someone who can sign in to the service has withdrawn this link. Ask them for a new one if you still need the report.']
          : ['Sorry, there is a problem with the service', 'Try again later.'];
  return layout({
    lang: 'en',
    title,
    content: `<h1 class="govuk-heading-l">${esc(title)}</h1>\n<p class="govuk-body">${esc(body)}</p>`,
    serviceName: REPORT_SERVICE_NAME,
    stylesheets: [REPORT_CSS_PATH],
  });
}
