/**
 * A suggested conclusion band for a criterion from its percentage. Only a suggestion: in the
 * Kent report the conclusions are the inspectors' judgement, and the report never states
 * thresholds.
 *
 * How the defaults were derived. The report's criteria 1.1-3.2, score and conclusion:
 *
 *   good:             2.6 82%, 1.1 79%, 2.4 78%, 1.3 77%, 1.4 71%, 2.7 65%
 *   urgent priority:  1.2 61%, 1.5 60%, 2.2 58%, 2.3 56%, 2.1 52%, 3.1 50%, 2.5 49%
 *   priority:         3.2 57%
 *
 * - "good" and "urgent priority" separate cleanly: the lowest "good" is 65, the highest
 *   "urgent priority" 61. So "good" starts at 65 (the lowest score the report called good).
 * - The one "priority" (3.2, 57%) lies between urgent-priority scores (56 below it; 58, 60,
 *   61 above it), so no thresholds on the percentage alone can reproduce it. The only place
 *   a "priority" band fits without contradicting the 13 other conclusions is the gap
 *   62-64, which is where the default puts it.
 * - Everything below 62 is "urgent priority".
 *
 * These defaults reproduce 13 of the report's 14 conclusions (all but 3.2). Pass other
 * thresholds to `suggestBand` to use another scheme.
 */

export interface BandThreshold {
  /** Lowest whole-number percentage (inclusive) that falls in this band. */
  min: number;
  id: string;
  label: string;
  /** The sentence in the style of the report's "Conclusion:" paragraphs. */
  conclusion: string;
}

export const DEFAULT_BANDS: readonly BandThreshold[] = /* @__PURE__ */ Object.freeze(
  [
    { min: 65, id: 'good', label: 'Good', conclusion: 'Performance against this criterion was good.' },
    {
      min: 62,
      id: 'priority',
      label: 'Priority for improvement',
      conclusion: 'This criterion represents a priority for improvement.',
    },
    {
      min: 0,
      id: 'urgent-priority',
      label: 'Urgent priority for improvement',
      conclusion: 'This criterion represents an urgent priority for improvement.',
    },
  ].map((b) => Object.freeze(b)),
);

/**
 * The band whose `min` is the highest not above `percent` (the order of `thresholds` does
 * not matter). Null for a null percent (a criterion without a score gets no band) or when
 * `percent` is below every band's `min`.
 */
export function suggestBand(percent: number | null | undefined, thresholds: readonly BandThreshold[] = DEFAULT_BANDS): BandThreshold | null {
  if (percent === null || percent === undefined) return null;
  if (!Number.isFinite(percent)) throw new RangeError(`percent must be a finite number, got ${percent}`);
  let best: BandThreshold | null = null;
  for (const t of thresholds) {
    if (t.min <= percent && (best === null || t.min > best.min)) best = t;
  }
  return best;
}

export interface CriterionBand {
  id: string;
  percent: number | null;
  band: BandThreshold | null;
}

/** A suggested band for each criterion of a score result (or anything with id and percent). */
export function suggestBands(
  criteria: readonly { id: string; percent: number | null }[],
  thresholds: readonly BandThreshold[] = DEFAULT_BANDS,
): CriterionBand[] {
  return criteria.map((c) => ({ id: c.id, percent: c.percent, band: suggestBand(c.percent, thresholds) }));
}
