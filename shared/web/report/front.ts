/**
 * The front of the report, in the Kent report's order: the title block with its language
 * link, the downloads, the contents, the foreword and the rest of the front matter, the
 * summary, the recommendations, the next steps and the good practice studies.
 */
import { FROZEN_ANNEX_SLOT } from '#schemas/report';
import { textIn } from '#schemas/write-up';
import { esc } from '#web/common/layout';
import type { ReportText } from './text-en';
import {
  criterionTitle,
  type Ctx,
  formatDate,
  formatDateRange,
  paragraphs,
  REPORT_TEXT,
  type ReportDownloads,
  type ReportOptions,
  th,
  written,
} from './parts';
import { fixedAppendixLink } from './appendices';

/** "English | Cymraeg" at the top of every report page: the same page in the other language. */
export function reportLanguageNav(t: ReportText): string {
  const other = t.lang === 'en' ? 'cy' : 'en';
  return `<nav class="app-no-print govuk-!-margin-bottom-4" aria-label="${esc(t.languageNav)}">
  <p class="govuk-body-s govuk-!-margin-bottom-0"><span aria-current="true">${esc(t.thisLanguageName)}</span> | <a class="govuk-link" href="?lang=${other}" hreflang="${other}" lang="${other}" rel="alternate">${esc(t.otherLanguageName)}</a></p>
</nav>`;
}

export function titleBlock(ctx: Ctx, options: ReportOptions): string {
  const { t, summary } = ctx;
  const cover = ctx.writeUp?.cover;
  // The cover's own words for the dates; on a Welsh page without their Welsh, the fieldwork dates in Welsh rather than English words.
  const dates = cover?.inspectionDates && (ctx.lang === 'en' || cover.inspectionDates.textCy) ? cover.inspectionDates : undefined;
  const fieldwork = dates ? textIn(dates, ctx.lang) : formatDateRange(summary.fieldworkStart, summary.fieldworkEnd, t);
  const status = options.release ? (options.release.kind === 'final' ? t.statusFinal : t.statusFactualAccuracy) : t.statusLive;
  // The month the inspectorate publishes in is authored ("February 2008"), never the day a release was made.
  const month = cover?.publicationMonth
    ? `${t.months[Number(cover.publicationMonth.slice(5, 7)) - 1] ?? ''} ${cover.publicationMonth.slice(0, 4)}`
    : undefined;
  const date: [string, string][] = month ? [[t.metaPublished, month]] : options.release ? [[t.metaPublished, t.publicationNotSet]] : [];
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

export function downloadsBlock(ctx: Ctx, downloads: ReportDownloads): string {
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

export function contents(ctx: Ctx, options: ReportOptions): string {
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

export function summaryBlock(ctx: Ctx): string {
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

export function recommendationsBlock(ctx: Ctx): string {
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
export function nextStepsBlock(ctx: Ctx): string {
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
export function frontMatter(ctx: Ctx): string {
  const { t } = ctx;
  const w = ctx.writeUp;
  const parts: string[] = [];
  const para = (p: { text: string; textCy?: string }) => `<p class="govuk-body">${written(ctx, p)}</p>`;
  if (w?.foreword?.paragraphs.length) {
    parts.push(`<h2 class="govuk-heading-l" id="foreword">${esc(t.forewordHeading)}</h2>
${w.foreword.paragraphs.map(para).join('\n')}${w.foreword.signedBy ? `\n<p class="govuk-body"><strong>${written(ctx, w.foreword.signedBy)}</strong></p>` : ''}`);
  }
  if (w?.acknowledgements?.length)
    parts.push(
      `<h2 class="govuk-heading-l" id="acknowledgements">${esc(t.acknowledgementsHeading)}</h2>\n${w.acknowledgements.map(para).join('\n')}`,
    );
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

export function goodPracticeBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  const cases = ctx.writeUp?.goodPractice ?? [];
  const titleOf = (id: string) =>
    criterionTitle(ctx, id, summary.criteria.find((c) => c.id === id)?.title ?? ctx.bank?.criteria.find((c) => c.id === id)?.title ?? '');
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
