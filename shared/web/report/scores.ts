/**
 * The summary of scores: Chart 1, the scores table (with the suggested bands for staff and the
 * conclusion the report uses), Table 1 (the leadership grades) and Table 2 (the Risk of Harm
 * thread's questions, its case counts left out where the write-up marks them internal).
 */
import { rohQuestions } from '#bank/index';
import type { CriterionSummary } from '#schemas/summary';
import { esc } from '#web/common/layout';
import { chart1Svg, type ChartSection } from './chart';
import { bankQuestionCy } from './welsh';
import { cell, criterionTitle, type Ctx, num, parseDay, percentCell, th, written } from './parts';

function sectionsOf(ctx: Ctx): ChartSection[] {
  const { summary, t } = ctx;
  return [1, 2, 3].map((id) => ({
    id,
    title: t.sectionTitles[id]!,
    percent: summary.sections.find((s) => s.id === id)?.percent ?? null,
    criteria: summary.criteria
      .filter((c) => c.section === id)
      .map((c) => ({ id: c.id, title: criterionTitle(ctx, c.id, c.title), percent: c.percent })),
  }));
}

export function chartBlock(ctx: Ctx): string {
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

export const bandLabel = (ctx: Ctx, id: string | undefined) => ctx.t.bands[id ?? ''] ?? String(id ?? '');

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

export function scoresTable(ctx: Ctx): string {
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
  const heads = [
    th(t.headCriterion),
    th(t.headTitle),
    th(t.score, true),
    th(t.headCases, true),
    staff ? th(t.headSuggestedBand) : '',
    th(staff ? t.headConclusion : t.headConclusionPublished),
  ];
  return `<table class="govuk-table" id="scores-table">
  <caption class="govuk-table__caption govuk-table__caption--m">${esc(t.scoresTableCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${heads.join('')}</tr>
  </thead>
${body}
</table>
<p class="govuk-body-s">${esc(staff ? t.scoresNoteStaff : t.scoresNotePublished)}</p>`;
}

export function gradeText(ctx: Ctx, grade: string | null): string {
  return grade ? (ctx.t.grades[grade] ?? grade) : ctx.t.notYetGraded;
}

export function table1(ctx: Ctx): string {
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

export function table2(ctx: Ctx): string {
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
