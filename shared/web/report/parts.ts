/**
 * What every section of the report needs: the page's context (its language, its dictionary, who
 * reads it, the summary and the write-up), dates in the report's style, table cells, and
 * authored text in the page's language (marked as English where a Welsh page falls back to it).
 * Everything interpolated goes through `esc`.
 */
import type { FigureMismatch } from '#domain/figure-check';
import type { QuestionBank } from '#schemas/bank';
import type { Audience } from '#schemas/questionnaire';
import type { PublishedQuestionSummary, PublishedSummary as Summary } from '#schemas/summary';
import { textIn, type WriteUp, type WrittenText } from '#schemas/write-up';
import { esc } from '#web/common/layout';
import { reportTextCy } from './text-cy';
import { markUntranslated, type Untranslated } from './welsh';
import { reportTextEn, type ReportText } from './text-en';

export type ClosedQuestionSummary = Exclude<PublishedQuestionSummary, { type: 'text' }>;
export type TextQuestionSummary = Extract<PublishedQuestionSummary, { type: 'text' }>;
/** A published count: a number, or "[c]" where disclosure control holds it back. */
export type Count = number | '[c]';
export const REPORT_SERVICE_NAME = reportTextEn.serviceName;

/** Section titles as in the report's contents and Appendix 4. */
export const SECTION_TITLES: Readonly<Record<number, string>> = reportTextEn.sectionTitles;

export const REPORT_TEXT: Readonly<Record<'en' | 'cy', ReportText>> = { en: reportTextEn, cy: reportTextCy };

/** Kent's order: offenders, victims, then the courts. */
export const AUDIENCE_ORDER: readonly Audience[] = ['offender', 'victim', 'sentencer'];

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
export interface Ctx {
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

export function parseDay(iso: string): { d: number; m: number; y: number } | undefined {
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

export const num = (n: number | string) => `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(n)}</td>`;
export const cell = (s: string, lang?: string) => `<td class="govuk-table__cell"${lang ? ` lang="${lang}"` : ''}>${esc(s)}</td>`;
export const th = (s: string, numeric = false, scope: 'col' | 'row' = 'col') =>
  `<th scope="${scope}" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${esc(s)}</th>`;

export function percentCell(ctx: Ctx, p: number | '[c]' | null | undefined): string {
  return p === null || p === undefined
    ? `<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">${esc(ctx.t.noScore)}</td>`
    : `<td class="govuk-table__cell govuk-table__cell--numeric">${esc(p === '[c]' ? p : `${p}%`)}</td>`;
}

/** A criterion's title in the page's language (the bank's English when no Welsh is known). */
export function criterionTitle(ctx: Ctx, id: string, english: string): string {
  return ctx.t.criteria[id]?.title ?? english;
}

export function criterionStatement(ctx: Ctx, id: string): { text: string; english: boolean } {
  const welsh = ctx.t.criteria[id]?.statement;
  if (welsh) return { text: welsh, english: false };
  return { text: ctx.bank?.criteria.find((c) => c.id === id)?.statement ?? '', english: ctx.lang !== 'en' };
}

/** Authored text in the page's language, marked as English when a Welsh page falls back to it. */
export function written(ctx: Ctx, text: WrittenText, tag = 'span'): string {
  const words = textIn(text, ctx.lang);
  const fallback = ctx.lang === 'cy' && (typeof text === 'string' || !text.textCy);
  return fallback
    ? `<${tag}${markUntranslated(ctx.untranslated, words)}>${esc(words)}</${tag}>`
    : tag === 'span'
      ? esc(words)
      : `<${tag}>${esc(words)}</${tag}>`;
}

export function paragraphs(ctx: Ctx, text: WrittenText): string {
  const words = textIn(text, ctx.lang);
  const fallback = ctx.lang === 'cy' && (typeof text === 'string' || !text.textCy);
  return words
    .split(/\n\s*\n/)
    .map(
      (p, i) => `<p class="govuk-body"${fallback ? (i === 0 ? markUntranslated(ctx.untranslated, words) : ' lang="en"') : ''}>${esc(p.trim())}</p>`,
    )
    .join('\n');
}
