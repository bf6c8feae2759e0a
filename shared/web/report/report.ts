/**
 * The printable report, built from a summary snapshot and the write-up, in the order of an HMI
 * Probation Offender Management Inspection report (Kent, February 2008): contents, summary,
 * the summary of scores (Chart 1, Tables 1 and 2), recommendations, next steps, good
 * practice, the service users' perspective, sections 1 to 3 criterion by criterion, section
 * 4, then the appendices.
 *
 * Every fixed text comes from one dictionary per language (text-en.ts, text-cy.ts); authored
 * text is printed as written, or its Welsh version when the Welsh report is asked for and one
 * was written. Everything interpolated goes through `esc`.
 *
 * `audience: 'published'` (report links and releases) leaves out what is for staff only: the
 * suggested bands, respondents' comments (marked "do not publish as they stand"), the
 * agreement between markers with its case references, the findings whose figure has moved,
 * the findings whose words the figures contradict, and, when the write-up marks them
 * internal, the Risk of Harm questions' case counts.
 *
 * This file puts the parts in that order; each part is a file of its own along the report's
 * sections (front, scores, service-users, criteria, evidence, appendices, welsh), sharing
 * parts.ts.
 */
import { getBank } from '#bank/index';
import type { PublishedSummary as Summary } from '#schemas/summary';
import { esc, layout } from '#web/common/layout';
import { REPORT_CSS_PATH } from './css';
import { balanceBlock, interviewsBlock, moderationBlock, performanceAppendix } from './evidence';
import { untranslatedBlock } from './welsh';
import type { ReportText } from './text-en';
import { type Ctx, REPORT_TEXT, type ReportOptions } from './parts';

// The page's options are part of reportPage's signature: its callers take them from here.
export type { ReportDownloads, ReportOptions } from './parts';
import { contents, downloadsBlock, frontMatter, goodPracticeBlock, nextStepsBlock, recommendationsBlock, summaryBlock, titleBlock } from './front';
import { chartBlock, scoresTable, table1, table2 } from './scores';
import { leadershipDetail, mismatchesOf, sectionBlocks } from './criteria';
import { serviceUsers } from './service-users';
import { fixedAppendixBlock, sampleBlock, scoringApproach } from './appendices';

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
  const ctx: Ctx = {
    t,
    lang,
    staff,
    summary,
    bank: getBank(summary.questionBankVersion),
    writeUp: options.writeUp,
    mismatched: mismatchesOf(summary, options.writeUp, staff, lang),
    untranslated,
  };
  const content = [
    options.draft ? draftBanner(t) : '',
    titleBlock(ctx, options),
    ctx.staff
      ? `<div class="govuk-warning-text" id="not-for-publication"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.notForPublication)}</strong></div>`
      : '',
    ctx.mismatched?.size
      ? `<div class="govuk-warning-text" id="figure-mismatches"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.figureMismatchCount(ctx.mismatched.size))}</strong></div>`
      : '',
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
  const [title, body] =
    kind === 'not-found' ? t.problemNotFound : kind === 'expired' ? t.problemExpired : kind === 'withdrawn' ? t.problemWithdrawn : t.problemOther;
  return layout({
    lang,
    title,
    content: `<h1 class="govuk-heading-l">${esc(title)}</h1>\n<p class="govuk-body">${esc(body)}</p>`,
    serviceName: t.serviceName,
    stylesheets: [REPORT_CSS_PATH],
  });
}
