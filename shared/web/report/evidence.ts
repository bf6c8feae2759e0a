/**
 * The report's parts built from the evidence beyond the case file (issue 14): section 4's
 * interview figures, the agreement between markers, Appendix 1 (performance figures) and
 * the caseload beside the sample in Appendix 2. Kept apart from report.ts so each part is a
 * call there. Everything interpolated goes through `esc`.
 */
import type { PerformanceFigureSummary, PublishedSampleBalance as SampleBalance, PublishedSummary as Summary } from '#schemas/summary';
import { interviewSetCyFor } from '#bank/interviews';
import { interviewGroupCy, interviewSentenceCy, suppressedSentenceCy } from '#summaries/sentences-cy';
import { esc } from '#web/common/layout';
import { reportTextEn, type ReportText } from './text-en';

const num = (n: number | string) => `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(n)}</td>`;
const cell = (s: string) => `<td class="govuk-table__cell">${esc(s)}</td>`;
const th = (s: string, numeric = false) =>
  `<th scope="col" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${esc(s)}</th>`;
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
    ...m.byAssessor
      .filter((a) => a.cases > 0)
      .map((a) => [rowHeader(t.firstMarkedBy[a.assessor] ?? a.assessor), num(a.cases), num(agreementText(a.agreement)), num(kappaText(a.kappa))]),
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

const decimalsOf = (n: number) => (Number.isInteger(n) ? 0 : (String(n).split('.')[1]?.length ?? 0));
/** A row of counts or rates to one place (sickness absence: 12.7 against 9.0) prints every figure to that place, as the sheet did. */
const placesOf = (f: PerformanceFigureSummary) =>
  Math.max(0, ...[f.target, f.area, f.national, f.previous, f.predicted].filter((n): n is number => typeof n === 'number').map(decimalsOf));
const grouped = (n: number, places = 0) =>
  n.toLocaleString('en-GB', places ? { minimumFractionDigits: places, maximumFractionDigits: places } : undefined);
const figure = (n: number, f: PerformanceFigureSummary) => (f.unit === 'percent' ? `${n}%` : grouped(n, placesOf(f)));

type Figures = readonly PerformanceFigureSummary[];
type FigureColumn = 'target' | 'area' | 'national' | 'previous';
const SCORE_KINDS: ReadonlySet<string | undefined> = new Set(['domain-score', 'area-score']);
/** The domains in the order Appendix 1 prints them, then the rows the upload put under none. */
const APPENDIX_ORDER = ['public-protection', 'offender-management', 'interventions', 'operational-capability'] as const;

/** Authored words in the report's language, or the English marked as English. */
function authored(t: ReportText, english: string, welsh: string | undefined): { html: string; lang: string } {
  return t.lang === 'cy' && welsh ? { html: esc(welsh), lang: '' } : { html: esc(english), lang: t.lang === 'en' ? '' : ' lang="en"' };
}
const measureHeader = (t: ReportText, f: PerformanceFigureSummary) => {
  const name = authored(t, f.measure, f.measureCy);
  return `<th scope="row" class="govuk-table__header"${name.lang}>${name.html}</th>`;
};
const noteOf = (t: ReportText, f: PerformanceFigureSummary) => (f.note ? authored(t, f.note, f.noteCy) : undefined);

/** A figure cell: the number, "n/a", or "not available" where the source gives no usable figure. */
function figureCell(t: ReportText, f: PerformanceFigureSummary, column: FigureColumn): string {
  const value = f[column];
  if (typeof value === 'number') return num(figure(value, f));
  return num(f.notAvailable?.includes(column) ? t.notAvailable : t.notApplicable);
}
const gradeCell = (t: ReportText, f: PerformanceFigureSummary) => num(f.grade === undefined ? t.notApplicable : String(f.grade));
function againstTargetCell(t: ReportText, f: PerformanceFigureSummary): string {
  if (f.target === null || f.area === null) return num(t.noTarget);
  return `<td class="govuk-table__cell govuk-table__cell--numeric${f.missedTarget ? ' app-missed' : ''}">${f.missedTarget ? `<strong>${esc(t.missed)}</strong>` : esc(t.met)}</td>`;
}
/** A row whose data comes later: the note saying when, across the figure columns. */
function laterRow(t: ReportText, f: PerformanceFigureSummary, span: number): string[] {
  const note = noteOf(t, f);
  return [
    measureHeader(t, f),
    `<td class="govuk-table__cell" colspan="${span}">${esc(t.dataLater)}${note ? `: <span${note.lang}>${note.html}</span>` : ''}</td>`,
  ];
}
/** The notes under a table, for the rows whose figures need one (a row's own "later" note is in the row). */
function notesList(t: ReportText, rows: Figures, id: string): string {
  const noted = rows.filter((f) => f.note && f.kind !== 'later');
  if (!noted.length) return '';
  return `<p class="govuk-body-s" id="${esc(id)}-notes"><strong>${esc(t.notesCaption)}:</strong></p>
<ul class="govuk-list govuk-list--bullet govuk-body-s">
${noted
  .map((f) => {
    const name = authored(t, f.measure, f.measureCy);
    const note = noteOf(t, f)!;
    return `  <li><span${name.lang}>${name.html}</span>: <span${note.lang}>${note.html}</span></li>`;
  })
  .join('\n')}
</ul>`;
}
const scoreOf = (figures: Figures, domain?: string) =>
  figures.find((f) => (domain ? f.kind === 'domain-score' && f.domain === domain : f.kind === 'area-score'))?.grade as 1 | 2 | 3 | 4 | undefined;
const gradeWords = (t: ReportText, grade: 1 | 2 | 3 | 4) => `${grade}: ${t.ippfGrades[grade]}`;
/**
 * A period as the area wrote it ("April-September 2007"), its month names in the page's language:
 * months are the one part of a period a reader would otherwise meet in English on the Welsh page.
 */
export function periodIn(t: ReportText, period: string): string {
  if (t.lang === 'en') return period;
  return period.replace(new RegExp(`\\b(${reportTextEn.months.join('|')})\\b`, 'g'), (m) => t.months[reportTextEn.months.indexOf(m)] ?? m);
}
function periodSentence(t: ReportText, figures: Figures): string {
  const periods = [...new Set(figures.map((f) => periodIn(t, f.period)))];
  return `<p class="govuk-body">${esc(t.ippfFiguresFor)} ${esc(periods.join('; '))}.</p>`;
}

/** The rows of one IPPF domain: actual, target, national, previous year, grade, and the target met or missed. */
function domainTable(t: ReportText, id: string, caption: string, rows: Figures, againstTarget = true): string {
  const withPrevious = rows.some((f) => f.previous !== undefined);
  const head = [t.headMeasure, t.headActual, t.headTarget, t.headNational, ...(withPrevious ? [t.headPrevious] : []), t.headIppfGrade];
  if (againstTarget) head.push(t.headAgainstTarget);
  return `${table(
    id,
    caption,
    head,
    1,
    rows.map((f) =>
      f.kind === 'later'
        ? laterRow(t, f, head.length - 1)
        : [
            measureHeader(t, f),
            figureCell(t, f, 'area'),
            figureCell(t, f, 'target'),
            figureCell(t, f, 'national'),
            ...(withPrevious ? [figureCell(t, f, 'previous')] : []),
            gradeCell(t, f),
            ...(againstTarget ? [againstTargetCell(t, f)] : []),
          ],
    ),
  )}
${notesList(t, rows, id)}`;
}

/** Appendix 1 as the IPPF printed it: a table per domain with its score, re-offending, management information, the grades' key. */
function ippfAppendix(t: ReportText, figures: Figures): string {
  const measures = figures.filter((f) => !SCORE_KINDS.has(f.kind));
  const areaScore = scoreOf(figures);
  const parts: string[] = [periodSentence(t, figures)];
  if (areaScore)
    parts.push(`<p class="govuk-body" id="ippf-area-score"><strong>${esc(t.ippfAreaScore)}:</strong> ${esc(gradeWords(t, areaScore))}</p>`);
  for (const domain of APPENDIX_ORDER) {
    const rows = measures.filter((f) => f.domain === domain);
    const score = scoreOf(figures, domain);
    if (!rows.length && !score) continue;
    const caption = `${t.ippfDomains[domain]}${score ? ` (${t.ippfDomainScore} ${gradeWords(t, score)})` : ''}`;
    parts.push(
      rows.length
        ? domainTable(t, `performance-${domain}`, caption, rows)
        : `<p class="govuk-body" id="performance-${esc(domain)}">${esc(caption)}</p>`,
    );
  }
  const reoffending = measures.filter((f) => f.domain === 'reoffending');
  if (reoffending.length)
    parts.push(`${table(
      'performance-reoffending',
      t.ippfDomains.reoffending,
      [t.headMeasure, t.headActual, t.headPredicted, t.headDifference, t.headSignificant, t.headIppfGrade],
      1,
      reoffending.map((f) => [
        measureHeader(t, f),
        figureCell(t, f, 'area'),
        num(f.predicted === undefined ? t.notApplicable : figure(f.predicted, f)),
        num(f.difference === undefined ? t.notApplicable : figure(f.difference, f)),
        num(f.significant === undefined ? t.notApplicable : f.significant ? t.significantYes : t.significantNo),
        gradeCell(t, f),
      ]),
    )}
${notesList(t, reoffending, 'performance-reoffending')}`);
  const information = measures.filter((f) => f.domain === 'management-information');
  // Management information has no targets to meet, so no column saying whether they were.
  if (information.length)
    parts.push(domainTable(t, 'performance-management-information', t.ippfDomains['management-information'], information, false));
  const others = measures.filter((f) => f.domain === undefined);
  if (others.length) parts.push(domainTable(t, 'performance-figures', t.otherMeasuresCaption, others));
  parts.push(
    table(
      'ippf-grades',
      t.ippfGradesCaption,
      [t.headIppfGrade, t.headIppfScore],
      1,
      ([4, 3, 2, 1] as const).map((g) => [rowHeader(t.ippfGrades[g]), num(String(g))]),
    ),
    `<p class="govuk-body" id="ippf-about">${esc(t.ippfAbout)}</p>`,
  );
  return parts.join('\n');
}

/**
 * Appendix 1: the area's performance figures, a missed target said in words (never in colour
 * alone). An upload of the five original columns gets the table it always had; one with IPPF
 * domains, grades or scores gets Appendix 1 as the IPPF printed it.
 */
export function performanceAppendix(summary: Summary, t: ReportText = reportTextEn): string {
  const figures: Figures = summary.performanceFigures ?? [];
  const heading = `<h2 class="govuk-heading-l app-page-break" id="performance">${esc(t.appendix1Heading)}</h2>`;
  if (!figures.length) return `${heading}\n<p class="govuk-body">${esc(t.noPerformance)}</p>`;
  const measured = figures.filter((f) => f.target !== null && f.area !== null);
  const missed = measured.filter((f) => f.missedTarget).length;
  const intro =
    measured.length === 0
      ? ''
      : `<p class="govuk-body">${esc(missed === 0 ? t.performanceAllMet : t.performanceMissed(missed, measured.length))}</p>`;
  const ippf = figures.some((f) => f.domain !== undefined || f.kind !== undefined || f.grade !== undefined);
  if (ippf) return `${heading}\n${intro}\n${ippfAppendix(t, figures)}`;
  // The measures are the area's own words, in English unless a Welsh name came with them.
  return `${heading}
${intro}
${table(
  'performance-figures',
  t.performanceCaption,
  [t.headMeasure, t.headPeriod, t.headTarget, t.headArea, t.headNational, t.headAgainstTarget],
  2,
  figures.map((f) => [
    measureHeader(t, f),
    cell(periodIn(t, f.period)),
    figureCell(t, f, 'target'),
    figureCell(t, f, 'area'),
    figureCell(t, f, 'national'),
    againstTargetCell(t, f),
  ]),
)}
${notesList(t, figures, 'performance-figures')}`;
}

/**
 * Section 4.2's table: the IPPF score of each domain and of the area, in words, as the
 * inspectorate printed it. Empty until the performance figures carry the scores.
 */
export function ippfDomainTable(summary: Summary, t: ReportText = reportTextEn): string {
  const figures: Figures = summary.performanceFigures ?? [];
  const scores = figures.filter((f) => SCORE_KINDS.has(f.kind) && f.grade !== undefined);
  if (!scores.length) return '';
  const rows = APPENDIX_ORDER.flatMap((domain) => {
    const grade = scoreOf(figures, domain);
    return grade ? [[rowHeader(t.ippfDomains[domain]), cell(t.ippfGrades[grade])]] : [];
  });
  const areaScore = scoreOf(figures);
  if (areaScore) rows.push([rowHeader(t.ippfAreaScore), cell(t.ippfGrades[areaScore])]);
  return `${table('ippf-domains', t.ippfSummaryCaption(summary.area), [t.headIppfDomain, t.headIppfScore], 2, rows)}
${periodSentence(t, scores)}`;
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
        // A part the area did not give is not known (null): said so, never printed as 0.
        b[key]!.filter((r) => (r.caseload ?? 0) > 0 || r.sample !== 0).map((r) => [
          rowHeader(t.labels[r.key] ?? r.key),
          num(r.caseload === null ? t.notKnown : grouped(r.caseload)),
          num(r.caseload === null ? t.notKnown : percent(r.caseloadPercent)),
          num(r.sample),
          num(percent(r.samplePercent)),
        ]),
      ),
    );
  return `<h3 class="govuk-heading-m" id="caseload">${esc(t.caseloadHeading)}</h3>
<p class="govuk-body">${esc(t.caseloadTotals(grouped(b.caseload), b.sampleCases))}</p>
<div class="app-sample-grid">
${tables.join('\n')}
</div>`;
}
