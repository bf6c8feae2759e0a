/**
 * Each criterion's score by sub-group (contract: the summary's `breakdowns`): case type,
 * tier, Risk of Harm level, PPO, gender and ethnicity. A group's scores are computed exactly
 * as the whole sample's (the same accumulator, the 80/20 rule, the same rounding), over the
 * group's cases only. A group of fewer than 5 cases shows "[c]" in place of each score: a
 * score of two or three cases says more about those people than about the work.
 * Pure: no I/O.
 */
import type { QuestionBank } from '#schemas/bank';
import type { CaseProfile } from '#schemas/case';
import { NOT_RECORDED, SAMPLE_KEYS } from '#schemas/vocabulary';
import { createScoreAccumulator, type ScorableCase, type ScoreAccumulator } from './score';

export const BREAKDOWN_BY = ['caseType', 'tier', 'roh', 'ppo', 'gender', 'ethnicity'] as const;
export type BreakdownBy = (typeof BREAKDOWN_BY)[number];

import { SCORE_MIN_CASES, SUPPRESSED } from '#summaries/thresholds';

/** Groups smaller than this show "[c]": the one disclosure rule's threshold for a score. */
export const BREAKDOWN_MIN_CASES = SCORE_MIN_CASES;
export { SUPPRESSED };

export type BreakdownCell = number | null | typeof SUPPRESSED;
export interface BreakdownGroup {
  value: string;
  cases: number;
  criteria: Record<string, BreakdownCell>;
}
export interface Breakdown {
  by: BreakdownBy;
  groups: BreakdownGroup[];
}

/** Every group listed, empty ones too, so the shape is stable; a missing value is "not-recorded" (never for case type, which every case has). */
export const BREAKDOWN_VALUES: Record<BreakdownBy, readonly string[]> = {
  caseType: SAMPLE_KEYS.caseType,
  tier: [...SAMPLE_KEYS.tier, NOT_RECORDED],
  roh: [...SAMPLE_KEYS.roh, NOT_RECORDED],
  ppo: ['yes', 'no', NOT_RECORDED],
  gender: [...SAMPLE_KEYS.gender, NOT_RECORDED],
  ethnicity: [...SAMPLE_KEYS.ethnicity, NOT_RECORDED],
};

export type ProfiledCase = ScorableCase & { profile: Partial<CaseProfile> & Pick<CaseProfile, 'caseType'> };

/** The group a case falls in; a value outside the known ones counts as not recorded. */
export function groupOf(profile: ProfiledCase['profile'], by: BreakdownBy): string {
  const raw = profile[by];
  const value = raw === undefined ? NOT_RECORDED : by === 'ppo' ? (raw ? 'yes' : 'no') : String(raw);
  return BREAKDOWN_VALUES[by].includes(value) ? value : NOT_RECORDED;
}

export interface BreakdownAccumulator {
  add(c: ProfiledCase): void;
  result(): Breakdown[];
}

export function createBreakdownAccumulator(bank: QuestionBank): BreakdownAccumulator {
  const groups = new Map<string, ScoreAccumulator>();
  const scored = bank.criteria.filter((c) => c.section === 1 || c.section === 2 || c.section === 3).map((c) => c.id);
  return {
    add(c) {
      for (const by of BREAKDOWN_BY) {
        const key = `${by}:${groupOf(c.profile, by)}`;
        let acc = groups.get(key);
        if (!acc) groups.set(key, (acc = createScoreAccumulator(bank)));
        acc.add(c);
      }
    },
    result() {
      return BREAKDOWN_BY.map((by) => ({
        by,
        groups: BREAKDOWN_VALUES[by].map((value) => {
          const acc = groups.get(`${by}:${value}`);
          const cases = acc?.cases ?? 0;
          if (!acc || cases < BREAKDOWN_MIN_CASES) return { value, cases, criteria: Object.fromEntries(scored.map((id) => [id, SUPPRESSED])) };
          return { value, cases, criteria: Object.fromEntries(acc.result().criteria.map((c) => [c.id, c.percent])) };
        }),
      }));
    },
  };
}
