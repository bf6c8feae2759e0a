/**
 * The report's parts built from the evidence beyond the case file (issue 14): section 4's
 * interview figures, the agreement between markers, Appendix 1 (performance figures) and
 * the caseload beside the sample in Appendix 2. Kept apart from report.ts so each part is a
 * call there. Everything interpolated goes through `esc`.
 */
import type { PerformanceFigureSummary, PublishedSampleBalance as SampleBalance, PublishedSummary as Summary } from '../schemas/summary';
import { interviewSetCyFor } from '../bank/interviews';
import { interviewGroupCy, interviewSentenceCy, suppressedSentenceCy } from '../summaries/sentences-cy';
import { esc } from './layout';
import { reportTextEn, type ReportText } from './report-text-en';

const num = (n: number | string) => `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(n)}</td>`;
const cell = (s: string) => `<td class="govuk-table__cell">${esc(s)}</td>`;
const th = (s: string, numeric = false) => `<th scope="col" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${esc(s)}</th>`;
const rowHeader = (s: string) => `<th scope="row" class="govuk-table__header">${esc(s)}</th>`;
const percent = (p: number | '[c]' | null | undefined) => (p === null || p === undefined ? '–' : p === '[c]' ? p : `${p}%`);

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
export function interviewsBlock(summary: Summary, t: ReportText = reportTextEn): string {
  const interviews = summary.interviews;
  const heading = `<h3 class="govuk-heading-m" id="interviews">${esc(t.interviewsHeading)}</h3>`;
  if (!interviews || interviews.count === 0) return `${heading}\n<p class="govuk-body">${esc(t.noInterviews)}</p>`;
  const answered = interviews.questions.filter((q) => q.answered !== 0);
  const en = t.lang === 'en';
  // The interview set's Welsh, in the English sentences' shapes; a question it lacks is printed in English, marked so.
  const welsh = en ? undefined : interviewSetCyFor(summary.questionBankVersion);
  const sentence = (q: (typeof answered)[number]) => {
    const cy = welsh?.[q.id];
    if (en) return esc(q.sentence);
    if (cy) {
      const group = interviewGroupCy(cy.group);
      return esc(
        q.answered === '[c]' || q.positive === '[c]'
          ? suppressedSentenceCy(group, cy.text, q.answered)
          : interviewSentenceCy(cy.finding, q.positive, q.answered, group),
      );
    }
    return q.answered === '[c]' || q.positive === '[c]' || q.percent === '[c]'
      ? `<span lang="en">${esc(q.text)}</span> ${esc(t.questionSuppressed('', q.answered).trim())}`
      : q.quantity === null || q.percent === null
        ? esc(q.sentence)
        : `<span lang="en">${esc(q.text)}</span> ${esc(t.questionSentence('', t.quantity[q.quantity] ?? q.quantity, q.answered, q.percent).trim())}`;
  };
  const questionCell = (q: { id: string; text: string }) => {
    const cy = welsh?.[q.id]?.text;
    return en || cy ? rowHeader(cy ?? q.text) : `<th scope="row" class="govuk-table__header" lang="en">${esc(q.text)}</th>`;
  };
  return `${heading}
<p class="govuk-body">${esc(interviews.count === '[c]' ? t.interviewsIntroSuppressed : t.interviewsIntro(interviews.count))}</p>
<ul class="govuk-list govuk-list--bullet">
${answered.map((q) => `  <li>${sentence(q)}</li>`).join('\n')}
</ul>
${table(
  'interview-figures',
  t.interviewsCaption,
  [t.headQuestion, t.headAnswered, t.headYes, t.headPercentYes],
  1,
  interviews.questions.map((q) => [questionCell(q), num(q.answered), num(q.positive), num(percent(q.percent))]),
)}`;
}

const kappaText = (k: number | null) => (k === null ? '–' : k.toFixed(3));
const agreementText = (a: number | null) => (a === null ? '–' : `${Math.round(a * 1000) / 10}%`);

/** How far second markings agree with the first: overall, HMI against area assessors, by criterion; the cases for a moderator. */
export function moderationBlock(summary: Summary, t: ReportText = reportTextEn): string {
  const m = summary.moderation;
  const heading = `<h2 class="govuk-heading-l app-page-break" id="moderation">${esc(t.moderationHeading)}</h2>`;
  if (!m || m.cases === 0) return `${heading}\n<p class="govuk-body">${esc(t.noModeration)}</p>`;
  const rows = [
    [rowHeader(t.allDoubleMarked), num(m.cases), num(agreementText(m.agreement)), num(kappaText(m.kappa))],
    ...m.byAssessor.filter((a) => a.cases > 0).map((a) => [rowHeader(t.firstMarkedBy[a.assessor] ?? a.assessor), num(a.cases), num(agreementText(a.agreement)), num(kappaText(a.kappa))]),
  ];
  const flagged = m.flagged.length
    ? `<p class="govuk-body" id="moderation-flagged">${esc(t.flagged(m.flagged))}</p>`
    : `<p class="govuk-body" id="moderation-flagged">${esc(t.noneFlagged)}</p>`;
  return `${heading}
<p class="govuk-body">${esc(t.moderationIntro(m.cases))}</p>
${table('moderation-summary', t.moderationCaption, [t.headCases, t.headDoubleMarked, t.headAgreement, t.headKappa], 1, rows)}
${flagged}
${table(
  'moderation-criteria',
  t.moderationByCriterion,
  [t.headCriterion, t.headCases, t.headAgreement, t.headKappa],
  1,
  m.byCriterion.map((c) => [rowHeader(c.id), num(c.cases), num(agreementText(c.agreement)), num(kappaText(c.kappa))]),
)}`;
}

const figure = (n: number, f: PerformanceFigureSummary) => (f.unit === 'percent' ? `${n}%` : grouped(n));
const grouped = (n: number) => n.toLocaleString('en-GB');

/** Appendix 1: the area's performance figures, a missed target said in words (never in colour alone). */
export function performanceAppendix(summary: Summary, t: ReportText = reportTextEn): string {
  const figures: PerformanceFigureSummary[] = summary.performanceFigures ?? [];
  const heading = `<h2 class="govuk-heading-l app-page-break" id="performance">${esc(t.appendix1Heading)}</h2>`;
  if (!figures.length) return `${heading}\n<p class="govuk-body">${esc(t.noPerformance)}</p>`;
  const missed = figures.filter((f) => f.missedTarget).length;
  const intro = missed === 0 ? t.performanceAllMet : t.performanceMissed(missed, figures.length);
  // The measures are the area's own words, in English.
  const measure = (text: string) => (t.lang === 'en' ? rowHeader(text) : `<th scope="row" class="govuk-table__header" lang="en">${esc(text)}</th>`);
  return `${heading}
<p class="govuk-body">${esc(intro)}</p>
${table(
  'performance-figures',
  t.performanceCaption,
  [t.headMeasure, t.headPeriod, t.headTarget, t.headArea, t.headNational, t.headAgainstTarget],
  2,
  figures.map((f) => [
    measure(f.measure),
    cell(f.period),
    num(figure(f.target, f)),
    num(figure(f.area, f)),
    num(figure(f.national, f)),
    `<td class="govuk-table__cell govuk-table__cell--numeric${f.missedTarget ? ' app-missed' : ''}">${f.missedTarget ? `<strong>${esc(t.missed)}</strong>` : esc(t.met)}</td>`,
  ]),
)}`;
}

/**
 * Appendix 2's sentence on the caseload: stated only when the area gave it, so the report
 * never claims a balance it was not shown.
 */
export function caseloadSentence(summary: Summary, t: ReportText = reportTextEn): string {
  const b = summary.sample?.balance;
  if (!b) return '';
  const share = (rows: SampleBalance['byGender'], key: string) => rows?.find((r) => r.key === key)?.caseloadPercent ?? undefined;
  return t.caseloadSentence(grouped(b.caseload), { white: share(b.byEthnicity, 'white'), female: share(b.byGender, 'female') });
}

/** Appendix 2: the caseload beside the sample, for each breakdown the area gave. */
export function balanceBlock(summary: Summary, t: ReportText = reportTextEn): string {
  const b = summary.sample?.balance;
  if (!b) return '';
  const parts: [keyof Pick<SampleBalance, 'byGender' | 'byEthnicity' | 'byCaseType'>, string][] = [
    ['byGender', t.sampleCaptions.gender!],
    ['byEthnicity', t.sampleCaptions.ethnicity!],
    ['byCaseType', t.sampleCaptions.caseType!],
  ];
  const tables = parts
    .filter(([key]) => b[key])
    .map(([key, caption]) =>
      table(
        `balance-${key}`,
        t.balanceCaption(caption),
        [caption, t.headCaseload, t.headPercentOfCaseload, t.headSample, t.headPercentOfSample],
        1,
        b[key]!.filter((r) => r.caseload > 0 || r.sample !== 0).map((r) => [rowHeader(t.labels[r.key] ?? r.key), num(grouped(r.caseload)), num(percent(r.caseloadPercent)), num(r.sample), num(percent(r.samplePercent))]),
      ),
    );
  return `<h3 class="govuk-heading-m" id="caseload">${esc(t.caseloadHeading)}</h3>
<p class="govuk-body">${esc(t.caseloadTotals(grouped(b.caseload), b.sampleCases))}</p>
<div class="app-sample-grid">
${tables.join('\n')}
</div>`;
}
