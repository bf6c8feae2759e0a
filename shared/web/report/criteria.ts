/**
 * Sections 1 to 4, criterion by criterion: the statement, the score, the lettered strengths
 * and areas for improvement, the conclusion in the report's words; for staff, the drafted
 * findings whose figure has moved and those whose words their figures contradict; and section
 * 4's leadership detail with the IPPF domain table.
 */
import { staleFindings } from '#domain/findings';
import { figureMismatches, figuresOfSummary, type FigureMismatch } from '#domain/figure-check';
import type { CriterionSummary, PublishedSummary as Summary, Summary as StaffSummary } from '#schemas/summary';
import type { WriteUp, WrittenText } from '#schemas/write-up';
import { esc } from '#web/common/layout';
import { pointLetter } from '#web/common/point-letter';
import { ippfDomainTable } from './evidence';
import { criterionStatement, criterionTitle, type Ctx, written } from './parts';
import { bandLabel, gradeText } from './scores';

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
    .map(
      (m) =>
        ` <strong class="govuk-tag govuk-tag--red app-figure-mismatch">${esc(ctx.t.figureMismatch(m.claims.join(', '), m.question, m.figure?.percent ?? null, m.figure?.yes ?? 0, (m.figure?.yes ?? 0) + (m.figure?.no ?? 0)))}</strong>`,
    )
    .join('');
}

/**
 * The check of figures against words, for staff, where the summary holds every count
 * (disclosure control never reaches it), of the words the report prints: in Welsh, a finding's
 * Welsh where it has one. The findings of sections 1 to 4 are marked where they stand; a
 * summary, recommendation or good-practice text naming a question is left to the final
 * release's check, which lists every one.
 */
export function mismatchesOf(summary: Summary, writeUp: WriteUp | undefined, staff: boolean, lang: 'en' | 'cy'): Map<WrittenText, FigureMismatch[]> {
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

export function sectionBlocks(ctx: Ctx): string {
  const { t, summary } = ctx;
  const stale = new Map<WrittenText, { was: number; now: number | null }>();
  // Staff only, where the summary holds every figure (disclosure control never reaches it).
  for (const s of ctx.writeUp && ctx.staff ? staleFindings(ctx.writeUp, summary as StaffSummary) : []) stale.set(s.text, { was: s.was, now: s.now });
  const notice =
    ctx.staff && stale.size > 0
      ? `<div class="govuk-warning-text" id="stale-findings"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.staleCount(stale.size))}</strong></div>`
      : '';
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

export function leadershipDetail(ctx: Ctx): string {
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
