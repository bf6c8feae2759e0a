/**
 * The printable report, built from a summary snapshot and the write-up, in the order of an HMI
 * Probation Offender Management Inspection report (Kent, February 2008): contents, summary,
 * the summary of scores (Chart 1, Tables 1 and 2), recommendations, next steps, good
 * practice, the service users' perspective, sections 1 to 3 criterion by criterion, section
 * 4, then the appendices.
 *
 * Every fixed text comes from one dictionary per language (report-text-en.ts,
 * report-text-cy.ts); authored text is printed as written, or its Welsh version when the
 * Welsh report is asked for and one was written. Everything interpolated goes through `esc`.
 *
 * `audience: 'published'` (report links and releases) leaves out what is for staff only: the
 * suggested bands, respondents' comments (marked "do not publish as they stand"), the
 * agreement between markers with its case references, the findings whose figure has moved,
 * the findings whose words the figures contradict, and, when the write-up marks them
 * internal, the Risk of Harm questions' case counts.
 */
import { getBank, rohQuestions } from '../../bank';
import { fixedAppendicesFor, type FixedAppendix, type FixedBlock, type FixedItem } from '../../bank/appendices';
import { staleFindings } from '../../domain/findings';
import { figureMismatches, figuresOfSummary, type FigureMismatch } from '../../domain/figure-check';
import { FROZEN_ANNEX_SLOT } from '../../schemas/report';
import { getQuestionnaireVersion } from '../../questionnaires/index';
import type { QuestionBank } from '../../schemas/bank';
import type { Audience } from '../../schemas/questionnaire';
import type { CriterionSummary, MeetingsByAudience, PublishedAudienceSummary as AudienceSummary, PublishedSummary as Summary, Summary as StaffSummary } from '../../schemas/summary';
import { textIn, type WriteUp, type WrittenText } from '../../schemas/write-up';
import { NOT_RECORDED } from '../../scoring';
import type { PublishedQuestionSummary } from '../../schemas/summary';
type ClosedQuestionSummary = Exclude<PublishedQuestionSummary, { type: 'text' }>;
type TextQuestionSummary = Extract<PublishedQuestionSummary, { type: 'text' }>;
/** A published count: a number, or "[c]" where disclosure control holds it back. */
type Count = number | '[c]';
import { percentHalfUp, SUPPRESSED } from '../../summaries';
import { esc, layout } from '../common/layout';
import { chart1Svg, type ChartSection } from './report-chart';
import { areaContextBlock } from './report-context';
import { REPORT_CSS_PATH } from './report-css';
import { pointLetter } from '../common/point-letter';
import { balanceBlock, caseloadSentence, interviewsBlock, ippfDomainTable, moderationBlock, performanceAppendix } from './report-evidence';
import { reportTextCy } from './report-text-cy';
import { returnedSentenceCy } from '../../summaries/sentences-cy';
import { bankQuestionCy, markUntranslated, serviceUserSentenceCy, untranslatedBlock, type Untranslated } from './report-welsh';
import { reportTextEn, type ReportText } from './report-text-en';

export const REPORT_SERVICE_NAME = reportTextEn.serviceName;

/** Section titles as in the report's contents and Appendix 4. */
export const SECTION_TITLES: Readonly<Record<number, string>> = reportTextEn.sectionTitles;

export const REPORT_TEXT: Readonly<Record<'en' | 'cy', ReportText>> = { en: reportTextEn, cy: reportTextCy };

/** Kent's order: offenders, victims, then the courts. */
const AUDIENCE_ORDER: readonly Audience[] = ['offender', 'victim', 'sentencer'];

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
  /** A report link to the live draft: the page says "Draft, not published" at its top and in its title. */
  draft?: boolean;
}

/** What every part of the page needs to know. */
interface Ctx {
  t: ReportText;
  lang: 'en' | 'cy';
  staff: boolean;
  summary: Summary;
  bank: QuestionBank | undefined;
  writeUp: WriteUp | undefined;
  /** Staff only: the texts whose words give figures their questions contradict (issue 28), by the very object printed. */
  mismatched?: ReadonlyMap<WrittenText, FigureMismatch[]>;
  /** On the Welsh staff page, the authored blocks printed in English, in page order: listed for the translator. */
  untranslated: Untranslated | undefined;
}

/* ------------------------------------------------------------------------------------------
 * Formatting
 * ---------------------------------------------------------------------------------------- */

function parseDay(iso: string): { d: number; m: number; y: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? { y: Number(m[1]), m: Number(m[2]) - 1, d: Number(m[3]) } : undefined;
}

/** "5 November 2007" (GOV.UK style); "5 Tachwedd 2007" in Welsh. */
export function formatDate(iso: string, t: ReportText = reportTextEn): string {
  const p = parseDay(iso);
  return p && t.months[p.m] ? `${p.d} ${t.months[p.m]} ${p.y}` : String(iso ?? '');
}

/** "5 to 9 November 2007", "28 November to 2 December 2007". */
export function formatDateRange(start: string, end: string, t: ReportText = reportTextEn): string {
  const a = parseDay(start);
  const b = parseDay(end);
  if (!a || !b || !t.months[a.m] || !t.months[b.m]) return t.dateRange(formatDate(start, t), formatDate(end, t));
  if (start.slice(0, 10) === end.slice(0, 10)) return formatDate(start, t);
  if (a.y === b.y && a.m === b.m) return t.dateRange(String(a.d), `${b.d} ${t.months[b.m]} ${b.y}`);
  if (a.y === b.y) return t.dateRange(`${a.d} ${t.months[a.m]}`, `${b.d} ${t.months[b.m]} ${b.y}`);
  return t.dateRange(formatDate(start, t), formatDate(end, t));
}

const num = (n: number | string) => `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(n)}</td>`;
const cell = (s: string, lang?: string) => `<td class="govuk-table__cell"${lang ? ` lang="${lang}"` : ''}>${esc(s)}</td>`;
const th = (s: string, numeric = false, scope: 'col' | 'row' = 'col') =>
  `<th scope="${scope}" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${esc(s)}</th>`;

function percentCell(ctx: Ctx, p: number | '[c]' | null | undefined): string {
  return p === null || p === undefined
    ? `<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">${esc(ctx.t.noScore)}</td>`
    : `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(p === '[c]' ? p : `${p}%`)}</td>`;
}

/** A criterion's title in the page's language (the bank's English when no Welsh is known). */
function criterionTitle(ctx: Ctx, id: string, english: string): string {
  return ctx.t.criteria[id]?.title ?? english;
}

function criterionStatement(ctx: Ctx, id: string): { text: string; english: boolean } {
  const welsh = ctx.t.criteria[id]?.statement;
  if (welsh) return { text: welsh, english: false };
  return { text: ctx.bank?.criteria.find((c) => c.id === id)?.statement ?? '', english: ctx.lang !== 'en' };
}

/** Authored text in the page's language, marked as English when a Welsh page falls back to it. */
function written(ctx: Ctx, text: WrittenText, tag = 'span'): string {
  const words = textIn(text, ctx.lang);
  const fallback = ctx.lang === 'cy' && (typeof text === 'string' || !text.textCy);
  return fallback
    ? `<${tag}${markUntranslated(ctx.untranslated, words)}>${esc(words)}</${tag}>`
    : tag === 'span'
      ? esc(words)
      : `<${tag}>${esc(words)}</${tag}>`;
}

function paragraphs(ctx: Ctx, text: WrittenText): string {
  const words = textIn(text, ctx.lang);
  const fallback = ctx.lang === 'cy' && (typeof text === 'string' || !text.textCy);
  return words
    .split(/\n\s*\n/)
    .map(
      (p, i) => `<p class="govuk-body"${fallback ? (i === 0 ? markUntranslated(ctx.untranslated, words) : ' lang="en"') : ''}>${esc(p.trim())}</p>`,
    )
    .join('\n');
}

/* ------------------------------------------------------------------------------------------
 * The title block, downloads and contents
 * ---------------------------------------------------------------------------------------- */

/** "English | Cymraeg" at the top of every report page: the same page in the other language. */
export function reportLanguageNav(t: ReportText): string {
  const other = t.lang === 'en' ? 'cy' : 'en';
  return `<nav class="app-no-print govuk-!-margin-bottom-4" aria-label="${esc(t.languageNav)}">
  <p class="govuk-body-s govuk-!-margin-bottom-0"><span aria-current="true">${esc(t.thisLanguageName)}</span> | <a class="govuk-link" href="?lang=${other}" hreflang="${other}" lang="${other}" rel="alternate">${esc(t.otherLanguageName)}</a></p>
</nav>`;
}

function titleBlock(ctx: Ctx, options: ReportOptions): string {
  const { t, summary } = ctx;
  const cover = ctx.writeUp?.cover;
  // The cover's own words for the dates; on a Welsh page without their Welsh, the fieldwork dates in Welsh rather than English words.
  const dates = cover?.inspectionDates && (ctx.lang === 'en' || cover.inspectionDates.textCy) ? cover.inspectionDates : undefined;
  const fieldwork = dates ? textIn(dates, ctx.lang) : formatDateRange(summary.fieldworkStart, summary.fieldworkEnd, t);
  const status = options.release ? (options.release.kind === 'final' ? t.statusFinal : t.statusFactualAccuracy) : t.statusLive;
  // The month the inspectorate publishes in is authored ("February 2008"), never the day a release was made.
  const month = cover?.publicationMonth ? `${t.months[Number(cover.publicationMonth.slice(5, 7)) - 1] ?? ''} ${cover.publicationMonth.slice(0, 4)}` : undefined;
  const date: [string, string][] = month
    ? [[t.metaPublished, month]]
    : options.release
      ? [[t.metaPublished, t.publicationNotSet]]
      : [];
  if (!options.release) date.push([t.metaDraftDate, formatDate(summary.computedAt, t)]);
  const rows: [string, string][] = [
    [t.metaArea, summary.area],
    [t.metaFieldwork, fieldwork],
    [t.metaCases, String(summary.sample?.cases ?? 0)],
    // An internal id: staff only.
    ...(ctx.staff ? [[t.metaBank, summary.questionBankVersion] as [string, string]] : []),
    [t.metaStatus, status],
    ...date,
  ];
  return `${reportLanguageNav(t)}
<span class="govuk-caption-xl">${esc(t.caption)}</span>
<h1 class="govuk-heading-xl">${esc(summary.area)}</h1>
<p class="govuk-body-l">${esc(t.lead(summary.area, fieldwork))}</p>
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

function downloadsBlock(ctx: Ctx, downloads: ReportDownloads): string {
  const { t } = ctx;
  return `<div class="app-no-print govuk-!-margin-bottom-8">
<h2 class="govuk-heading-m" id="downloads">${esc(t.downloadsHeading)}</h2>
<ul class="govuk-list">
  <li><a class="govuk-link" href="${esc(downloads.csv)}" download>${esc(t.downloadCsv)}</a></li>
  <li><a class="govuk-link" href="${esc(downloads.json)}" download>${esc(t.downloadJson)}</a></li>
</ul>
<p class="govuk-body-s">${esc(t.printNote)}</p>
</div>`;
}

/** The contents line a report link puts in a final release's annex slot: a link once an annex is frozen, else a plain line saying none has come. */
export function annexContentsLine(lang: 'en' | 'cy', annexHref: string | null): string {
  const t = REPORT_TEXT[lang];
  return annexHref === null
    ? `<li id="annex-contents">${esc(t.annexNotYet)}</li>`
    : `<li id="annex-contents"><a class="govuk-link" href="${esc(annexHref)}">${esc(t.annexLink)}</a></li>`;
}

function contents(ctx: Ctx, options: ReportOptions): string {
  const { t } = ctx;
  const items: [string, string][] = [
    ['summary', t.summaryHeading],
    ['scores', t.scoresHeading],
    ['recommendations', t.recommendationsHeading],
    ['next-steps', t.nextStepsHeading],
    ['good-practice', t.goodPracticeHeading],
    ['service-users', t.serviceUsersHeading],
    ...[1, 2, 3, 4].map((id): [string, string] => [`section-${id}`, `${id}. ${t.sectionTitles[id]}`]),
    ['performance', t.appendix1Heading],
    ['sample', t.appendix2Heading],
    ...fixedAppendixLink(ctx, 3),
    ['scoring-approach', t.appendix4Heading],
    ...fixedAppendixLink(ctx, 5),
  ];
  return `<nav class="app-no-print" aria-labelledby="contents-heading">
<h2 class="govuk-heading-m" id="contents-heading">${esc(t.contents)}</h2>
<ul class="govuk-list">
${items.map(([id, text]) => `  <li><a class="govuk-link" href="#${esc(id)}">${esc(text)}</a></li>`).join('\n')}${options.release?.kind === 'final' && !ctx.staff ? `\n  ${FROZEN_ANNEX_SLOT}` : ''}
</ul>
</nav>`;
}

/* ------------------------------------------------------------------------------------------
 * Summary, recommendations, next steps, good practice
 * ---------------------------------------------------------------------------------------- */

function summaryBlock(ctx: Ctx): string {
  const { t } = ctx;
  const written = ctx.writeUp?.summary ?? [];
  const order = ['1', '2', '3', '4', 'roh'] as const;
  const parts = order.flatMap((section) => {
    const texts = written.filter((s) => s.section === section);
    if (!texts.length) return [];
    const heading = section === 'roh' ? t.rohSummaryHeading : t.sectionTitles[Number(section)]!;
    return [`<h3 class="govuk-heading-m" id="summary-${section}">${esc(heading)}</h3>`, ...texts.map((s) => paragraphs(ctx, s))];
  });
  return `<h2 class="govuk-heading-l app-page-break" id="summary">${esc(t.summaryHeading)}</h2>
${parts.length ? parts.join('\n') : `<p class="govuk-body">${esc(t.noSummary)}</p>`}`;
}

function recommendationsBlock(ctx: Ctx): string {
  const { t } = ctx;
  const recommendations = ctx.writeUp?.recommendations ?? [];
  const body = recommendations.length
    ? `<p class="govuk-body">${esc(t.recommendationsIntro)}</p>
<ol class="govuk-list govuk-list--number" id="recommendations-list">
${recommendations.map((r) => `  <li>${written(ctx, r)} <span class="govuk-body-s app-criteria">${esc(t.criteriaOf(r.criteria))}</span></li>`).join('\n')}
</ol>`
    : `<p class="govuk-body">${esc(t.noRecommendations)}</p>`;
  return `<h2 class="govuk-heading-l app-page-break" id="recommendations">${esc(t.recommendationsHeading)}</h2>
${body}`;
}

/**
 * The Kent report's next steps. Whether a further focused inspection follows turns on the
 * inspectorate's "serious concern" about Risk of Harm work, which the report ties to the
 * thread's score without printing a threshold: so the decision is the write-up's
 * (`nextSteps`), shown beside the thread and the section scores, and until it is recorded the
 * report says so. A bank version may one day carry a published rule; this one has none.
 */
function nextStepsBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  // The inspectorate's decision, authored (no threshold in the product: none is published), set beside the scores it weighed.
  const authored = ctx.writeUp?.nextSteps;
  const decision = !authored
    ? t.furtherInspectionUndecided
    : authored.decision === 'further-inspection'
      ? t.furtherInspectionDecided(summary.area)
      : t.noFurtherInspection(summary.area);
  const pc = (p: number | null | undefined) => (p === null || p === undefined ? '–' : `${p}%`);
  const sections = summary.sections.map((s) => t.sectionFigure(s.id, pc(s.percent))).join(', ');
  return `<h2 class="govuk-heading-l" id="next-steps">${esc(t.nextStepsHeading)}</h2>
<p class="govuk-body">${esc(t.improvementPlan)}</p>
<p class="govuk-body">${esc(t.focusedInspections)}</p>
<p class="govuk-body" id="next-steps-figures">${esc(t.nextStepsFigures(pc(summary.rohThread?.percent), sections))}</p>
<p class="govuk-body" id="further-inspection">${esc(decision)}</p>
${authored?.text ? `<p class="govuk-body">${written(ctx, authored.text)}</p>` : ''}`;
}

/** The front of the document, as the inspectorate writes it: foreword, acknowledgements, the inspection team, abbreviations. */
function frontMatter(ctx: Ctx): string {
  const { t } = ctx;
  const w = ctx.writeUp;
  const parts: string[] = [];
  const para = (p: { text: string; textCy?: string }) => `<p class="govuk-body">${written(ctx, p)}</p>`;
  if (w?.foreword?.paragraphs.length) {
    parts.push(`<h2 class="govuk-heading-l" id="foreword">${esc(t.forewordHeading)}</h2>
${w.foreword.paragraphs.map(para).join('\n')}${w.foreword.signedBy ? `\n<p class="govuk-body"><strong>${written(ctx, w.foreword.signedBy)}</strong></p>` : ''}`);
  }
  if (w?.acknowledgements?.length) parts.push(`<h2 class="govuk-heading-l" id="acknowledgements">${esc(t.acknowledgementsHeading)}</h2>\n${w.acknowledgements.map(para).join('\n')}`);
  if (w?.inspectionTeam?.length) {
    parts.push(`<h3 class="govuk-heading-m" id="inspection-team">${esc(t.inspectionTeamHeading)}</h3>
<dl class="govuk-summary-list">
${w.inspectionTeam.map((m) => `  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${written(ctx, m.role)}</dt><dd class="govuk-summary-list__value">${esc(m.names)}</dd></div>`).join('\n')}
</dl>`);
  }
  if (w?.abbreviations?.length) {
    parts.push(`<h2 class="govuk-heading-l" id="abbreviations">${esc(t.abbreviationsHeading)}</h2>
<table class="govuk-table">
  <thead class="govuk-table__head"><tr class="govuk-table__row">${th(t.headAbbreviation)}${th(t.headMeaning)}</tr></thead>
  <tbody class="govuk-table__body">
${w.abbreviations.map((a) => `    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header" lang="en">${esc(a.term)}</th><td class="govuk-table__cell">${written(ctx, a.meaning)}</td></tr>`).join('\n')}
  </tbody>
</table>`);
  }
  return parts.join('\n');
}

function goodPracticeBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  const cases = ctx.writeUp?.goodPractice ?? [];
  const titleOf = (id: string) => criterionTitle(ctx, id, summary.criteria.find((c) => c.id === id)?.title ?? ctx.bank?.criteria.find((c) => c.id === id)?.title ?? '');
  const body = cases.length
    ? `<p class="govuk-body">${esc(t.goodPracticeIntro(summary.area))}</p>
${cases
  .map(
    (g) => `<div class="app-keep app-good-practice">
<h3 class="govuk-heading-m">${written(ctx, { text: g.title, textCy: g.titleCy })}</h3>
<p class="govuk-body"><strong>${esc(t.omiCriterion)}</strong> ${esc(g.criteria.map((id) => `${id} ${titleOf(id)}`).join('; '))}</p>
${paragraphs(ctx, g)}
</div>`,
  )
  .join('\n')}`
    : `<p class="govuk-body">${esc(t.noGoodPractice)}</p>`;
  return `<h2 class="govuk-heading-l" id="good-practice">${esc(t.goodPracticeHeading)}</h2>
${body}`;
}

/* ------------------------------------------------------------------------------------------
 * The summary of scores: Chart 1, the scores table, Tables 1 and 2
 * ---------------------------------------------------------------------------------------- */

function sectionsOf(ctx: Ctx): ChartSection[] {
  const { summary, t } = ctx;
  return [1, 2, 3].map((id) => ({
    id,
    title: t.sectionTitles[id]!,
    percent: summary.sections.find((s) => s.id === id)?.percent ?? null,
    criteria: summary.criteria.filter((c) => c.section === id).map((c) => ({ id: c.id, title: criterionTitle(ctx, c.id, c.title), percent: c.percent })),
  }));
}

function chartBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  const sections = sectionsOf(ctx);
  const caption = t.chartCaption;
  const when = parseDay(summary.fieldworkStart);
  const subtitle = t.chartSubtitle(summary.area, when && t.months[when.m] ? `${t.months[when.m]} ${when.y}` : '');
  const tableRows = sections
    .map(
      (s) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(t.sectionLabel(s.id, s.title))}</th>
      ${percentCell(ctx, s.percent)}
    </tr>
${s.criteria
  .map(
    (c) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(`${c.id} ${c.title}`)}</th>
      ${percentCell(ctx, c.percent)}
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
${chart1Svg(sections, `${caption}. ${subtitle}`, 'chart1', t)}
</figure>
<table class="govuk-table govuk-visually-hidden">
  <caption class="govuk-table__caption">${esc(t.asATable(caption))}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.sectionOrCriterion)}${th(t.score, true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${tableRows}
  </tbody>
</table>`;
}

const bandLabel = (ctx: Ctx, id: string | undefined) => ctx.t.bands[id ?? ''] ?? String(id ?? '');

/**
 * The band the figures suggest, while no conclusion is recorded. Once the inspectors have
 * concluded, theirs stands: a suggestion beside it from a rule no report publishes would only
 * contradict it (the Kent report's 3.2 at 57% is "priority"; no threshold gives that).
 */
function suggestedCell(ctx: Ctx, c: CriterionSummary): string {
  if (c.conclusion) return `<td class="govuk-table__cell app-score--none">${esc(ctx.t.suggestedSuperseded)}</td>`;
  return c.suggestedBand
    ? `<td class="govuk-table__cell">${esc(bandLabel(ctx, c.suggestedBand.id))}</td>`
    : `<td class="govuk-table__cell app-score--none">${esc(ctx.t.suggestedNone)}</td>`;
}

/** The conclusion the report uses: the lead inspector's where recorded; for staff, otherwise the suggested band (marked so). */
function conclusionCell(ctx: Ctx, c: CriterionSummary): string {
  const { t } = ctx;
  if (c.conclusion) {
    const text = c.conclusion.text
      ? `<br><span class="govuk-body-s">${written(ctx, { text: c.conclusion.text, textCy: c.conclusion.textCy })}</span>`
      : '';
    return `<td class="govuk-table__cell"><strong>${esc(bandLabel(ctx, c.conclusion.band))}</strong>${text}</td>`;
  }
  if (c.suggestedBand && ctx.staff) {
    return `<td class="govuk-table__cell">${esc(bandLabel(ctx, c.suggestedBand.id))}<br><span class="govuk-body-s">${esc(t.notYetRecorded)}</span></td>`;
  }
  return `<td class="govuk-table__cell app-score--none">${esc(c.percent === null ? t.noConclusion : t.conclusionNotRecorded)}</td>`;
}

function scoresTable(ctx: Ctx): string {
  const { t, summary, staff } = ctx;
  const body = [1, 2, 3]
    .map((id) => {
      const section = summary.sections.find((s) => s.id === id);
      const criteria = summary.criteria.filter((c) => c.section === id);
      return `  <tbody class="govuk-table__body">
    <tr class="govuk-table__row">
      <th scope="rowgroup" colspan="2" class="govuk-table__header">${esc(t.sectionLabel(id, t.sectionTitles[id]!))}</th>
      ${percentCell(ctx, section?.percent ?? null)}
      <td class="govuk-table__cell govuk-body-s" colspan="${staff ? 3 : 2}">${esc(t.sectionScoreNote)}</td>
    </tr>
${criteria
  .map(
    (c) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(c.id)}</th>
      ${cell(criterionTitle(ctx, c.id, c.title))}
      ${percentCell(ctx, c.percent)}
      ${num(c.cases)}
      ${staff ? suggestedCell(ctx, c) : ''}
      ${conclusionCell(ctx, c)}
    </tr>`,
  )
  .join('\n')}
  </tbody>`;
    })
    .join('\n');
  const heads = [th(t.headCriterion), th(t.headTitle), th(t.score, true), th(t.headCases, true), staff ? th(t.headSuggestedBand) : '', th(staff ? t.headConclusion : t.headConclusionPublished)];
  return `<table class="govuk-table" id="scores-table">
  <caption class="govuk-table__caption govuk-table__caption--m">${esc(t.scoresTableCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${heads.join('')}</tr>
  </thead>
${body}
</table>
<p class="govuk-body-s">${esc(staff ? t.scoresNoteStaff : t.scoresNotePublished)}</p>`;
}

function gradeText(ctx: Ctx, grade: string | null): string {
  return grade ? (ctx.t.grades[grade] ?? grade) : ctx.t.notYetGraded;
}

function table1(ctx: Ctx): string {
  const { t, summary } = ctx;
  const rows = summary.leadership
    .map(
      (l) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(l.id)}</th>
      ${cell(t.generalCriterion(criterionTitle(ctx, l.id, l.title)))}
      ${l.grade ? `<td class="govuk-table__cell"><strong>${esc(gradeText(ctx, l.grade))}</strong></td>` : `<td class="govuk-table__cell app-score--none">${esc(t.notYetGraded)}</td>`}
    </tr>`,
    )
    .join('\n');
  return `<table class="govuk-table app-keep" id="table-1">
  <caption class="govuk-table__caption govuk-table__caption--m">${esc(t.table1Caption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headCriterion)}${th(t.table1Head)}${th(t.headGrade)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>
<p class="govuk-body-s">${esc(t.table1Note)}</p>`;
}

function table2(ctx: Ctx): string {
  const { t, summary, bank } = ctx;
  const byId = new Map(summary.questions.map((q) => [q.id, q]));
  const rohTable = bank ? rohQuestions(bank) : [];
  const rows = rohTable
    .map((q) => {
      const s = byId.get(q.id);
      // The bank's Welsh where it has one; else its English, marked so.
      const welsh = ctx.lang === 'cy' ? bankQuestionCy(summary.questionBankVersion, q.id) : undefined;
      const relevant = !s ? 0 : s.yes === '[c]' || s.no === '[c]' ? '[c]' : s.yes + s.no;
      return `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header app-nowrap">${esc(q.id)}</th>
      ${cell(welsh ?? q.text, ctx.lang !== 'en' && !welsh ? 'en' : undefined)}
      ${num(relevant)}
      ${num(s?.yes ?? 0)}
      ${percentCell(ctx, s?.percent ?? null)}
    </tr>`;
    })
    .join('\n');
  const internal = !ctx.staff && ctx.writeUp?.rohTablesInternal === true;
  const questions = internal
    ? ''
    : rohTable.length
      ? `<table class="govuk-table" id="roh-questions">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.rohQuestionsCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headQuestion)}${th(t.headAsked)}${th(t.headRelevant, true)}${th(t.headSufficient, true)}${th(t.score, true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>`
      : `<p class="govuk-body">${esc(t.bankMissing(summary.questionBankVersion))}</p>`;
  return `<table class="govuk-table app-keep" id="table-2">
  <caption class="govuk-table__caption govuk-table__caption--m">${esc(t.table2Caption)}</caption>
  <tbody class="govuk-table__body">
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(t.table2Row)}</th>
      ${percentCell(ctx, summary.rohThread?.percent ?? null)}
    </tr>
  </tbody>
</table>
<p class="govuk-body">${esc(t.table2Note)}</p>
${questions}
<p class="govuk-body-s">${esc(t.compareWarning)}</p>`;
}

/* ------------------------------------------------------------------------------------------
 * Sections 1 to 4, criterion by criterion
 * ---------------------------------------------------------------------------------------- */

function lettered(ctx: Ctx, items: readonly WrittenText[], stale: ReadonlyMap<WrittenText, { was: number; now: number | null }>): string {
  if (!items.length) return `<p class="govuk-body app-score--none">${esc(ctx.t.noneWritten)}</p>`;
  return `<ol class="govuk-list app-lettered">
${items
  .map((item, i) => {
    const moved = ctx.staff ? stale.get(item) : undefined;
    const flag = moved ? ` <strong class="govuk-tag govuk-tag--orange app-stale">${esc(ctx.t.staleFinding(moved.was, moved.now))}</strong>` : '';
    return `  <li><span class="app-letter">(${pointLetter(i)})</span> ${written(ctx, item)}${flag}${mismatchFlags(ctx, item)}</li>`;
  })
  .join('\n')}
</ol>`;
}

/** Beside a text whose words its question's figure contradicts: what the words give, and the figure. */
function mismatchFlags(ctx: Ctx, item: WrittenText): string {
  return (ctx.mismatched?.get(item) ?? [])
    .map((m) => ` <strong class="govuk-tag govuk-tag--red app-figure-mismatch">${esc(ctx.t.figureMismatch(m.claims.join(', '), m.question, m.figure?.percent ?? null, m.figure?.yes ?? 0, (m.figure?.yes ?? 0) + (m.figure?.no ?? 0)))}</strong>`)
    .join('');
}

/**
 * The check of figures against words, for staff, where the summary holds every count
 * (disclosure control never reaches it), of the words the report prints: in Welsh, a finding's
 * Welsh where it has one. The findings of sections 1 to 4 are marked where they stand; a
 * summary, recommendation or good-practice text naming a question is left to the final
 * release's check, which lists every one.
 */
function mismatchesOf(summary: Summary, writeUp: WriteUp | undefined, staff: boolean, lang: 'en' | 'cy'): Map<WrittenText, FigureMismatch[]> {
  const out = new Map<WrittenText, FigureMismatch[]>();
  if (!staff || !writeUp) return out;
  for (const m of figureMismatches(writeUp, figuresOfSummary(summary as StaffSummary))) {
    const printed = lang === 'cy' && typeof m.text !== 'string' && m.text.textCy ? 'cy' : 'en';
    const marked = out.get(m.text) ?? [];
    // The same plain words in two places are one text to correct: flagged once each place.
    if (m.place.part === 'criterion' && m.lang === printed && !marked.some((x) => x.question === m.question)) out.set(m.text, [...marked, m]);
  }
  return out;
}

function criterionBlock(ctx: Ctx, c: CriterionSummary, stale: ReadonlyMap<WrittenText, { was: number; now: number | null }>): string {
  const { t } = ctx;
  const statement = criterionStatement(ctx, c.id);
  const texts = ctx.writeUp?.criteria[c.id];
  const band = c.conclusion?.band ?? (ctx.staff ? c.suggestedBand?.id : undefined);
  const conclusionSentence = band ? t.conclusions[band] : undefined;
  const conclusion = c.conclusion
    ? `${esc(conclusionSentence ?? bandLabel(ctx, band))}${c.conclusion.text ? ` ${written(ctx, { text: c.conclusion.text, textCy: c.conclusion.textCy })}` : ''}`
    : conclusionSentence
      ? `${esc(conclusionSentence)} <span class="govuk-body-s">(${esc(t.notYetRecorded)})</span>`
      : esc(c.percent === null ? t.noConclusion : t.conclusionNotRecorded);
  return `<div class="app-criterion" id="criterion-${esc(c.id)}">
<h3 class="govuk-heading-m">${esc(`${c.id} ${t.generalCriterion(criterionTitle(ctx, c.id, c.title))}`)}</h3>
<p class="govuk-body"${statement.english ? ' lang="en"' : ''}><em>${esc(statement.text)}</em></p>
<p class="govuk-heading-l app-criterion-score">${c.percent === null ? esc(t.noScore) : esc(`${c.percent}%`)}</p>
<h4 class="govuk-heading-s">${esc(t.strengths)}</h4>
${lettered(ctx, texts?.strengths ?? [], stale)}
<h4 class="govuk-heading-s">${esc(t.improvements)}</h4>
${lettered(ctx, texts?.improvements ?? [], stale)}
<h4 class="govuk-heading-s">${esc(t.conclusion)}</h4>
<p class="govuk-body app-conclusion">${conclusion}</p>
</div>`;
}

function sectionBlocks(ctx: Ctx): string {
  const { t, summary } = ctx;
  const stale = new Map<WrittenText, { was: number; now: number | null }>();
  // Staff only, where the summary holds every figure (disclosure control never reaches it).
  for (const s of ctx.writeUp && ctx.staff ? staleFindings(ctx.writeUp, summary as StaffSummary) : []) stale.set(s.text, { was: s.was, now: s.now });
  const notice =
    ctx.staff && stale.size > 0 ? `<div class="govuk-warning-text" id="stale-findings"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.staleCount(stale.size))}</strong></div>` : '';
  return [1, 2, 3]
    .map(
      (id, i) => `<h2 class="govuk-heading-l app-page-break" id="section-${id}">${esc(`${id}. ${t.sectionTitles[id]}`)}</h2>
${i === 0 ? notice : ''}
${summary.criteria
  .filter((c) => c.section === id)
  .map((c) => criterionBlock(ctx, c, stale))
  .join('\n')}`,
    )
    .join('\n');
}

/** "Performance against national and regional targets": where the seed prints the IPPF domain table. */
const IPPF_CRITERION = '4.2';

function leadershipDetail(ctx: Ctx): string {
  const { t, summary } = ctx;
  const blocks = summary.leadership.map((l) => {
    const statement = criterionStatement(ctx, l.id);
    const texts = ctx.writeUp?.criteria[l.id];
    // Each point in Welsh where its Welsh was written, else in English marked so (written()).
    const points = (recorded: readonly WrittenText[], extra: readonly WrittenText[] | undefined) => {
      const all: WrittenText[] = [...recorded, ...(extra ?? [])];
      return all.length ? lettered(ctx, all, new Map()) : `<p class="govuk-body app-score--none">${esc(t.noneRecorded)}</p>`;
    };
    return `<div class="app-criterion" id="criterion-${esc(l.id)}">
<h3 class="govuk-heading-m">${esc(`${l.id} ${t.generalCriterion(criterionTitle(ctx, l.id, l.title))}`)}</h3>
<p class="govuk-body"${statement.english ? ' lang="en"' : ''}><em>${esc(statement.text)}</em></p>
<p class="govuk-body"><strong>${esc(gradeText(ctx, l.grade))}</strong></p>
${l.id === IPPF_CRITERION ? ippfDomainTable(summary, t) : ''}
<h4 class="govuk-heading-s">${esc(t.strengths)}</h4>
${points(l.strengths, texts?.strengths)}
<h4 class="govuk-heading-s">${esc(t.improvements)}</h4>
${points(l.improvements, texts?.improvements)}
</div>`;
  });
  const omitted = summary.leadershipPointsOmitted ?? 0;
  if (omitted > 0) blocks.push(`<p class="govuk-body" id="points-omitted">${esc(t.pointsOmitted(omitted))}</p>`);
  return `<h2 class="govuk-heading-l app-page-break" id="section-4">${esc(`4. ${t.sectionTitles[4]}`)}</h2>
<p class="govuk-body">${esc(t.leadershipIntro)}</p>
${blocks.join('\n')}`;
}

/* ------------------------------------------------------------------------------------------
 * The service users' perspective
 * ---------------------------------------------------------------------------------------- */

function responseRates(ctx: Ctx): string {
  const { t, summary } = ctx;
  const withMeetings = summary.meetings !== undefined;
  const rows = AUDIENCE_ORDER.map((a) => {
    const s = summary.serviceUsers[a];
    const met = withMeetings ? (inPerson(summary, a)?.met ?? { individually: 0, inGroups: 0 }) : undefined;
    return `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(t.audienceNames[a])}</th>
      ${num(ctx.writeUp?.sentNotStated?.includes(a) ? '–' : s.invited)}
      ${num(s.returned)}
      ${ctx.writeUp?.sentNotStated?.includes(a) ? num('–') : s.responsePercent === null ? `<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">${esc(t.noneSent)}</td>` : num(`${s.responsePercent}%`)}
      ${met ? `${num(met.individually)}${num(met.inGroups)}` : ''}
    </tr>`;
  }).join('\n');
  return `<table class="govuk-table app-keep" id="response-rates">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.responseRatesCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headQuestionnairesTo)}${th(t.headSent, true)}${th(t.headReturned, true)}${th(t.headResponseRate, true)}${withMeetings ? `${th(t.headMetIndividually, true)}${th(t.headMetInGroups, true)}` : ''}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>`;
}

/** The question's words and its options' labels in the page's language, from the version the responses answered. */
function questionWords(ctx: Ctx, s: AudienceSummary, q: { id: string; text: string }): { text: string; labels: Map<string, string> } {
  try {
    const def = getQuestionnaireVersion(s.version, ctx.lang)?.questions.find((d) => d.id === q.id);
    if (def) return { text: def.text, labels: new Map((def.options ?? []).map((o) => [o.value, o.label])) };
  } catch {
    // a version this release does not know: the summary's own words
  }
  return { text: q.text, labels: new Map() };
}

/** An audience's evidence from meetings; undefined in a summary computed before meetings existed. */
function inPerson(summary: Summary, audience: string): MeetingsByAudience | undefined {
  return summary.meetings?.find((m) => m.audience === audience);
}

/** Everyone met: a number, or "[c]" where disclosure control holds it back. */
function metTotal(m: MeetingsByAudience | undefined): Count {
  if (!m) return 0;
  const { individually, inGroups, total } = m.met;
  if (total !== undefined) return total;
  return individually === SUPPRESSED || inGroups === SUPPRESSED ? SUPPRESSED : individually + inGroups;
}

/**
 * Whether the report speaks of meeting the audience: when anyone was met, or, with the number
 * held back, when there is something they told us to print (so a held-back number is never
 * given away as zero by an empty block, and no audience met with findings is reported as silent).
 */
function metWithSomethingToSay(m: MeetingsByAudience | undefined): boolean {
  const total = metTotal(m);
  return total === SUPPRESSED ? !!m && (m.findings.length > 0 || m.quotes.length > 0) : total > 0;
}

/** How many were met, one sentence; then what they told us, or one sentence saying there is nothing. */
function inPersonBlock(ctx: Ctx, audience: string, m: MeetingsByAudience | undefined, subheading: boolean): string[] {
  const { t } = ctx;
  if (!m || !metWithSomethingToSay(m)) return [];
  const who = t.meetingWho[audience] ?? audience;
  const parts = subheading ? [`<h4 class="govuk-heading-s">${esc(t.inPerson)}</h4>`] : [];
  for (const finding of m.findings) parts.push(paragraphs(ctx, finding));
  for (const q of m.quotes) {
    const fallback = ctx.lang === 'cy' && !q.textCy;
    parts.push(`<p class="govuk-body app-quote"${fallback ? ' lang="en"' : ''}>${esc(`“${ctx.lang === 'cy' && q.textCy ? q.textCy : q.text}”`)}</p>`);
  }
  if (!m.findings.length && !m.quotes.length) parts.push(`<p class="govuk-body">${esc(t.noMeetingFindings(who))}</p>`);
  if (ctx.staff && m.quotesWithheld > 0) parts.push(`<p class="govuk-body govuk-body-s" id="quotes-withheld-${esc(audience)}">${esc(t.quotesWithheld(m.quotesWithheld))}</p>`);
  return parts;
}

/** How many were met: in full, or as much as disclosure control lets the published report say. */
function metSentence(ctx: Ctx, audience: string, m: MeetingsByAudience): string {
  const who = ctx.t.meetingWho[audience] ?? audience;
  const { individually, inGroups } = m.met;
  const total = metTotal(m);
  const sentence =
    individually !== SUPPRESSED && inGroups !== SUPPRESSED && m.groups !== SUPPRESSED
      ? ctx.t.metSentence(individually, inGroups, m.groups, who)
      : total !== SUPPRESSED
        ? ctx.t.metTotalOnly(total, who)
        : metWithSomethingToSay(m)
          ? ctx.t.metNotPublished(who)
          : '';
  return sentence ? `<p class="govuk-body">${esc(sentence)}</p>` : '';
}

function audienceBlock(ctx: Ctx, audience: Audience, s: AudienceSummary): string {
  const { t } = ctx;
  const en = ctx.lang === 'en';
  const closed = s.questions.filter((q): q is ClosedQuestionSummary => q.type !== 'text');
  // Where the report does not state how many were sent ("There were 11 responses to the questionnaires sent out to sentencers").
  const sentNotStated = ctx.writeUp?.sentNotStated?.includes(audience) === true && typeof s.returned === 'number';
  const returned = sentNotStated
    ? t.responsesOnly(s.returned as number, t.audienceSentTo[audience]!)
    : en
      ? s.returnedSentence
      : s.returned === '[c]'
        ? t.returnedSuppressed(s.invited, t.audienceSentTo[audience]!)
        : returnedSentenceCy(t.audienceSentTo[audience]!, s.returned, s.invited);
  const rate = sentNotStated || s.responsePercent === null || s.responsePercent === '[c]' || s.returned === 0 ? '' : t.responseRate(s.responsePercent);
  const met = inPerson(ctx.summary, audience);
  // Source by source, as the Kent report goes: who was asked, answered and met; then the questionnaires' findings; then the meetings'.
  const parts = [
    `<h3 class="govuk-heading-m" id="service-users-${esc(audience)}">${esc(t.audienceHeadings[audience])}</h3>`,
    `<p class="govuk-body">${esc(returned)}${esc(rate)}</p>`,
    met ? metSentence(ctx, audience, met) : '',
  ];
  const sources = metWithSomethingToSay(met);
  if (s.returned === 0) {
    parts.push(`<p class="govuk-body">${esc(sources ? t.noQuestionnaireFindings(t.audienceSentTo[audience]!) : t.noFindings(t.audienceSentTo[audience]!))}</p>`);
    parts.push(...inPersonBlock(ctx, audience, met, false));
    return parts.join('\n');
  }
  if (sources) parts.push(`<h4 class="govuk-heading-s">${esc(t.fromQuestionnaires)}</h4>`);
  const sentence = (q: ClosedQuestionSummary) => {
    // The English summary's sentence, or the Welsh in the same shape.
    return en ? q.sentence : serviceUserSentenceCy(audience, s.version, q, questionWords(ctx, s, q));
  };
  // A question nobody answered has no finding to state: the table below still shows it.
  parts.push(`<ul class="govuk-list govuk-list--bullet">
${closed
  .filter((q) => q.answered !== 0)
  .map((q) => `  <li>${esc(sentence(q))}</li>`)
  .join('\n')}
</ul>`);
  const rows = closed
    .map((q) => {
      const words = questionWords(ctx, s, q);
      const counts = Object.entries(q.counts ?? {})
        .map(([value, count]) => `${words.labels.get(value) ?? value}: ${count}`)
        .join('; ');
      return `    <tr class="govuk-table__row">
      ${cell(words.text)}
      ${num(q.answered)}
      ${num(q.distribution ? '–' : q.positive)}
      ${q.distribution ? num('–') : q.percent === null ? `<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">${esc(t.nobodyAnswered)}</td>` : num(q.percent === '[c]' ? q.percent : `${q.percent}%`)}
      <td class="govuk-table__cell govuk-body-s">${esc(counts)}</td>
    </tr>`;
    })
    .join('\n');
  parts.push(`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.answersCaption(t.audienceNames[audience]!))}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headQuestion)}${th(t.headAnswered, true)}${th(t.headPositive, true)}${th(t.headPositivePercent, true)}${th(t.headAllAnswers)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>
<p class="govuk-body-s">${esc(t.answeredNote)}</p>`);
  parts.push(...inPersonBlock(ctx, audience, met, true));
  return parts.join('\n');
}

/** The people met who have no questionnaire (offender managers, key workers, partners, others): their numbers and findings. */
function othersMet(ctx: Ctx): string {
  const { t } = ctx;
  const others = (ctx.summary.meetings ?? []).filter((m) => !(AUDIENCE_ORDER as readonly string[]).includes(m.audience) && metWithSomethingToSay(m));
  if (!others.length) return '';
  return [
    `<h3 class="govuk-heading-m" id="service-users-others">${esc(t.othersHeading)}</h3>`,
    `<p class="govuk-body">${esc(t.othersIntro)}</p>`,
    ...others.flatMap((m) => [
      `<h4 class="govuk-heading-s" id="service-users-${esc(m.audience)}">${esc(t.meetingHeadings[m.audience] ?? m.audience)}</h4>`,
      metSentence(ctx, m.audience, m),
      ...inPersonBlock(ctx, m.audience, m, false),
    ]),
  ].join('\n');
}

function languageBreakdown(ctx: Ctx): string {
  const { t, summary } = ctx;
  const breakdown = summary.serviceUsersByLanguage;
  if (!breakdown) return '';
  const returnedRows = breakdown.returned
    .map(
      (r) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(t.audienceNames[r.audience] ?? r.audience)}</th>
      ${num(r.en)}
      ${num(r.cy)}
      ${num(r.total)}
    </tr>`,
    )
    .join('\n');
  const questionTexts = new Map<string, string>();
  for (const a of AUDIENCE_ORDER) {
    const s = summary.serviceUsers[a];
    for (const q of s?.questions ?? []) questionTexts.set(`${a} ${q.id}`, questionWords(ctx, s, q).text);
  }
  const withResponses = new Set(AUDIENCE_ORDER.filter((a) => summary.serviceUsers[a]?.returned !== 0));
  const questionRows = breakdown.questions
    .filter((q) => withResponses.has(q.audience))
    .map(
      (q) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header govuk-body-s">${esc(`${t.audienceNames[q.audience]}: ${questionTexts.get(`${q.audience} ${q.id}`) ?? q.id}`)}</th>
      ${num(q.answered.en)}${num(q.answered.cy)}${num(q.answered.total)}
      ${num(q.positive.en)}${num(q.positive.cy)}${num(q.positive.total)}
    </tr>`,
    )
    .join('\n');
  const questions = questionRows
    ? `<table class="govuk-table" id="by-language-questions">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.byLanguageQuestionsCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"></td>
      <th scope="colgroup" colspan="3" class="govuk-table__header app-colgroup">${esc(t.headAnswered)}</th>
      <th scope="colgroup" colspan="3" class="govuk-table__header app-colgroup">${esc(t.headPositive)}</th>
    </tr>
    <tr class="govuk-table__row">${th(t.headQuestion)}${th(t.headEnglish, true)}${th(t.headWelsh, true)}${th(t.headTotal, true)}${th(t.headEnglish, true)}${th(t.headWelsh, true)}${th(t.headTotal, true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${questionRows}
  </tbody>
</table>`
    : '';
  return `<h3 class="govuk-heading-m" id="by-language">${esc(t.byLanguageHeading)}</h3>
<table class="govuk-table app-keep" id="by-language-returned">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.byLanguageCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headRespondents)}${th(t.headEnglish, true)}${th(t.headWelsh, true)}${th(t.headTotal, true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${returnedRows}
  </tbody>
</table>
<div class="govuk-inset-text" id="suppression-note">
  <p class="govuk-body">${esc(t.suppressionNote(SUPPRESSED))}</p>
</div>
${questions}`;
}

/** Respondents' comments: for staff only (the page says not to publish them as they stand). */
function commentsBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  const blocks = AUDIENCE_ORDER.flatMap((a) =>
    (summary.serviceUsers[a]?.questions ?? [])
      .filter((q): q is TextQuestionSummary => q.type === 'text' && q.comments.length > 0)
      .map(
        (q) => `<h4 class="govuk-heading-s">${esc(`${t.audienceNames[a]}: ${questionWords(ctx, summary.serviceUsers[a], q).text}`)}</h4>
<ul class="govuk-list govuk-list--bullet">
${q.comments
  .map((c) => {
    const other = c.language !== ctx.lang;
    const note = other ? ` <span>${esc(c.language === 'cy' ? t.inWelsh : t.inEnglish)}</span>` : '';
    return `  <li class="app-comment"${other ? ` lang="${c.language}"` : ''}>${esc(`“${c.text}”`)}${note}</li>`;
  })
  .join('\n')}
</ul>`,
      ),
  );
  const omitted = summary.commentsOmitted ?? 0;
  const note = omitted > 0 ? `<p class="govuk-body" id="comments-omitted">${esc(t.commentsOmitted(omitted, summary.commentsRemoved ?? 'size'))}</p>` : '';
  const none = omitted > 0 ? '' : `<p class="govuk-body">${esc(t.noComments)}</p>`;
  const body = (blocks.length ? blocks.join('\n') : none) + note;
  return `<h3 class="govuk-heading-m" id="comments">${esc(t.commentsHeading)}</h3>
<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.commentsWarning)}</strong>
</div>
${body}`;
}

function serviceUsers(ctx: Ctx): string {
  const { t, summary } = ctx;
  return [
    `<h2 class="govuk-heading-l app-page-break" id="service-users">${esc(t.serviceUsersHeading)}</h2>`,
    `<p class="govuk-body">${esc(t.serviceUsersIntro)}</p>`,
    responseRates(ctx),
    ...AUDIENCE_ORDER.map((a) => audienceBlock(ctx, a, summary.serviceUsers[a])),
    othersMet(ctx),
    languageBreakdown(ctx),
    ctx.staff ? commentsBlock(ctx) : '',
  ].join('\n');
}

/* ------------------------------------------------------------------------------------------
 * Appendices
 * ---------------------------------------------------------------------------------------- */

function sampleTable(ctx: Ctx, id: string, caption: string, total: number, rows: [string, Count][]): string {
  const { t } = ctx;
  const body = rows
    .map(
      ([label, count]) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(label)}</th>
      ${num(count)}
      ${num(count === '[c]' ? count : total > 0 ? `${percentHalfUp(count, total)}%` : '–')}
    </tr>`,
    )
    .join('\n');
  return `<table class="govuk-table app-keep" id="${esc(id)}">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(caption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row"><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">${esc(caption)}</span></th>${th(t.headCases, true)}<th scope="col" class="govuk-table__header govuk-table__header--numeric app-nowrap">${esc(t.headPercentOfSample)}</th></tr>
  </thead>
  <tbody class="govuk-table__body">
${body}
  </tbody>
</table>`;
}

function sampleBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  const s = summary.sample;
  const total = s?.cases ?? 0;
  const label = (key: string) => t.labels[key] ?? key;
  const counts = (record: Record<string, Count> | undefined, keys: [string, string][]): [string, Count][] => {
    const rows: [string, Count][] = keys.map(([key, labelKey]) => [label(labelKey), record?.[key] ?? 0]);
    const missing = record?.[NOT_RECORDED] ?? 0;
    if (missing !== 0) rows.push([label(NOT_RECORDED), missing]);
    return rows;
  };
  const same = (...keys: string[]): [string, string][] => keys.map((k) => [k, k]);
  const flag = (yes: Count, notRecorded: Count): [string, Count][] => {
    const rows: [string, Count][] = [
      [label('yes'), yes],
      // Held back when either part is: it would give the other away.
      [label('no'), yes === '[c]' || notRecorded === '[c]' ? '[c]' : Math.max(0, total - yes - notRecorded)],
    ];
    if (notRecorded !== 0) rows.push([label(NOT_RECORDED), notRecorded]);
    return rows;
  };
  const c = t.sampleCaptions;
  const ty = s?.byCaseType ?? { licence: 0, community: 0, custody: 0 };
  const intro = total > 0 ? `${t.sampleIntro(ty.licence, ty.community, ty.custody, total)} ${caseloadSentence(summary, t)}`.trim() : t.noCases;
  const tables = [
    sampleTable(ctx, 'sample-case-type', c.caseType!, total, counts(s?.byCaseType, same('licence', 'community', 'custody'))),
    sampleTable(ctx, 'sample-gender', c.gender!, total, counts(s?.byGender, same('male', 'female'))),
    sampleTable(ctx, 'sample-ethnicity', c.ethnicity!, total, counts(s?.byEthnicity, same('white', 'black', 'asian', 'mixed', 'other'))),
    sampleTable(ctx, 'sample-roh', c.roh!, total, counts(s?.byRoh, same('low', 'medium', 'high', 'very-high'))),
    sampleTable(ctx, 'sample-ppo', c.ppo!, total, flag(s?.ppo ?? 0, s?.flagsNotRecorded?.ppo ?? 0)),
    sampleTable(ctx, 'sample-mappa', c.mappa!, total, counts(s?.byMappaLevel, [['0', 'mappa0'], ['1', 'mappa1'], ['2', 'mappa2'], ['3', 'mappa3']])),
    sampleTable(ctx, 'sample-approved-premises', c.approvedPremises!, total, flag(s?.approvedPremises ?? 0, s?.flagsNotRecorded?.approvedPremises ?? 0)),
    sampleTable(ctx, 'sample-victim-contact', c.victimContact!, total, flag(s?.statutoryVictimContact ?? 0, s?.flagsNotRecorded?.statutoryVictimContact ?? 0)),
    sampleTable(ctx, 'sample-assessor', c.assessor!, total, counts(s?.byAssessor, same('hmi', 'area'))),
    sampleTable(ctx, 'sample-tier', c.tier!, total, counts(s?.byTier, [['1', 'tier1'], ['2', 'tier2'], ['3', 'tier3'], ['4', 'tier4']])),
  ];
  return `<h2 class="govuk-heading-l app-page-break" id="sample">${esc(t.appendix2Heading)}</h2>
<p class="govuk-body">${esc(intro)}</p>
<div class="app-sample-grid">
${tables.join('\n')}
</div>
${areaContextBlock(s?.balance, t, ctx.lang)}`;
}

/** A fixed appendix of the inspection's bank (Appendix 3 or 5) in the page's language; undefined when its bank has none. */
function fixedAppendix(ctx: Ctx, n: number): FixedAppendix | undefined {
  return fixedAppendicesFor(ctx.summary.questionBankVersion)?.[ctx.lang].find((a) => a.number === n);
}

function fixedAppendixLink(ctx: Ctx, n: number): [string, string][] {
  const appendix = fixedAppendix(ctx, n);
  return appendix ? [[appendix.id, ctx.t.appendixHeading(n, appendix.title)]] : [];
}

/** Appendices 3 and 5: the inspectorate's fixed words, published with the bank, the same for every audience. */
function fixedAppendixBlock(ctx: Ctx, n: number): string {
  const appendix = fixedAppendix(ctx, n);
  if (!appendix) return '';
  const item = (i: FixedItem) =>
    typeof i === 'string'
      ? `  <li>${esc(i)}</li>`
      : `  <li>${esc(i.text)}
    <ul class="govuk-list govuk-list--bullet">${i.items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>${i.after ? `\n    ${esc(i.after)}` : ''}
  </li>`;
  const block = (b: FixedBlock) =>
    'p' in b
      ? `<p class="govuk-body">${esc(b.p)}</p>`
      : 'list' in b
        ? `<ul class="govuk-list govuk-list--bullet">\n${b.list.map(item).join('\n')}\n</ul>`
        : `<p class="govuk-body">${b.address.map(esc).join('<br>')}</p>`;
  return `<h2 class="govuk-heading-l app-page-break" id="${esc(appendix.id)}">${esc(ctx.t.appendixHeading(n, appendix.title))}</h2>
${appendix.parts.map((part) => `<h3 class="govuk-heading-m">${esc(part.heading)}</h3>\n${part.blocks.map(block).join('\n')}`).join('\n')}`;
}

function scoringApproach(ctx: Ctx): string {
  const { t } = ctx;
  return `<h2 class="govuk-heading-l" id="scoring-approach">${esc(t.appendix4Heading)}</h2>
${t.scoringApproach.map((p) => `<p class="govuk-body">${esc(p)}</p>`).join('\n')}`;
}

/* ------------------------------------------------------------------------------------------
 * Pages
 * ---------------------------------------------------------------------------------------- */

function draftBanner(t: ReportText): string {
  return `<div class="govuk-notification-banner app-draft-banner" role="region" aria-labelledby="draft-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="draft-title">${esc(t.draftNotPublished)}</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(t.draftNotPublishedDetail)}</p></div>
</div>`;
}

export function reportPage(summary: Summary, options: ReportOptions): string {
  const lang = options.lang ?? 'en';
  const t = REPORT_TEXT[lang];
  const staff = (options.audience ?? 'staff') === 'staff';
  // The translator's list is for staff, on the Welsh page only.
  const untranslated = staff && lang === 'cy' ? { blocks: [] } : undefined;
  const ctx: Ctx = { t, lang, staff, summary, bank: getBank(summary.questionBankVersion), writeUp: options.writeUp, mismatched: mismatchesOf(summary, options.writeUp, staff, lang), untranslated };
  const content = [
    options.draft ? draftBanner(t) : '',
    titleBlock(ctx, options),
    ctx.staff ? `<div class="govuk-warning-text" id="not-for-publication"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.notForPublication)}</strong></div>` : '',
    ctx.mismatched?.size ? `<div class="govuk-warning-text" id="figure-mismatches"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.figureMismatchCount(ctx.mismatched.size))}</strong></div>` : '',
    downloadsBlock(ctx, options.downloads),
    contents(ctx, options),
    frontMatter(ctx),
    summaryBlock(ctx),
    `<h2 class="govuk-heading-l app-page-break" id="scores">${esc(t.scoresHeading)}</h2>`,
    `<p class="govuk-body">${esc(t.scoresIntro)}</p>`,
    chartBlock(ctx),
    scoresTable(ctx),
    table1(ctx),
    table2(ctx),
    recommendationsBlock(ctx),
    nextStepsBlock(ctx),
    goodPracticeBlock(ctx),
    serviceUsers(ctx),
    sectionBlocks(ctx),
    leadershipDetail(ctx),
    interviewsBlock(summary, t),
    performanceAppendix(summary, t),
    sampleBlock(ctx),
    balanceBlock(summary, t),
    fixedAppendixBlock(ctx, 3),
    scoringApproach(ctx),
    fixedAppendixBlock(ctx, 5),
    ctx.staff ? moderationBlock(summary, t) : '',
    // Last, once every part has said what it left in English.
    ctx.untranslated ? untranslatedBlock(ctx.untranslated) : '',
  ].join('\n');
  return layout({
    lang,
    title: `${options.draft ? `${t.draftNotPublished}: ` : ''}${t.caption}: ${summary.area}`,
    content,
    fullWidth: true,
    serviceName: t.serviceName,
    stylesheets: [REPORT_CSS_PATH],
  });
}

export type ReportProblem = 'not-found' | 'expired' | 'withdrawn' | 'problem';

/** A GOV.UK page for a report that cannot be shown: unknown (404), an expired link (410), or our fault (500). */
export function reportProblemPage(kind: ReportProblem, lang: 'en' | 'cy' = 'en'): string {
  const t = REPORT_TEXT[lang];
  const [title, body] = kind === 'not-found' ? t.problemNotFound : kind === 'expired' ? t.problemExpired : kind === 'withdrawn' ? t.problemWithdrawn : t.problemOther;
  return layout({
    lang,
    title,
    content: `<h1 class="govuk-heading-l">${esc(title)}</h1>\n<p class="govuk-body">${esc(body)}</p>`,
    serviceName: t.serviceName,
    stylesheets: [REPORT_CSS_PATH],
  });
}
