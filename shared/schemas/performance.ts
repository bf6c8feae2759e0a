/**
 * The area's performance figures, the report's Appendix 1 (issue 14), grown in issue 28 to what
 * the IPPF printed: previous year, grade, domains and their scores, re-offending, management
 * information, data to come. Apart from evidence.ts so the summary can extend it without the bank.
 */
import * as z from 'zod/mini';

/** The four IPPF domains, then the two blocks Appendix 1 prints beneath them. */
export const IPPF_DOMAINS = ['public-protection', 'offender-management', 'interventions', 'operational-capability'] as const;
export const PERFORMANCE_DOMAINS = [...IPPF_DOMAINS, 'reoffending', 'management-information'] as const;
/** What a row is: a measure with figures (when `kind` is left out), one whose data comes later, or a score of the 4.2 table. */
export const PERFORMANCE_KINDS = ['later', 'domain-score', 'area-score'] as const;
/** The figure columns a row may mark "not available" (a figure exists but the source does not give it). */
export const FIGURE_COLUMNS = ['target', 'area', 'national', 'previous'] as const;

export const PerformanceFigure = z.object({
  measure: z.string(),
  /** Null only on the rows issue 28 added: "n/a", "not available", a score, data to come. */
  target: z.nullable(z.number()),
  /** The actual figure. */
  area: z.nullable(z.number()),
  national: z.nullable(z.number()),
  period: z.string(),
  /** `lower` for a measure where less is better (sickness absence); higher when left out. */
  better: z.optional(z.enum(['higher', 'lower'])),
  /** Set when the spreadsheet wrote the figures as percentages ("86%"), so the report writes them back so. */
  unit: z.optional(z.literal('percent')),
  /* Issue 28 (Appendix 1 as the IPPF had it): each optional, so an upload of the five columns reads as before. */
  kind: z.optional(z.enum(PERFORMANCE_KINDS)),
  domain: z.optional(z.enum(PERFORMANCE_DOMAINS)),
  /** The same period of the previous year; null for "n/a" or "not available". */
  previous: z.optional(z.nullable(z.number())),
  /** The IPPF grade: 4 outstanding, 3 good, 2 passable, 1 poor. */
  grade: z.optional(z.int().check(z.minimum(1), z.maximum(4))),
  /** Re-offending: the predicted rate, and whether actual and predicted differ significantly. */
  predicted: z.optional(z.number()),
  significant: z.optional(z.boolean()),
  /** A footnote the report prints under the table: when data comes, why a figure is not available. */
  note: z.optional(z.string()),
  noteCy: z.optional(z.string()),
  /** The measure's name in Welsh; the Welsh report marks the English name lang="en" without it. */
  measureCy: z.optional(z.string()),
  /** The figure columns the source gives no usable figure for (null there), as against "n/a". */
  notAvailable: z.optional(z.array(z.enum(FIGURE_COLUMNS))),
});
export type PerformanceFigure = z.infer<typeof PerformanceFigure>;
