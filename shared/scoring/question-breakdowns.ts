/**
 * Each question's figure by sub-group of the sample (issue 28, item 9): case type, tier, Risk
 * of Harm level, PPO, MAPPA level, transferred between areas, and a custodial sentence. The
 * Kent report writes such figures into its findings ("All three Tier 4 cases that had been
 * transferred between areas had a home visit"), so an inspector drafting one needs the count
 * and the total, not only the whole sample's percentage.
 *
 * A group's counts are the whole sample's, over the group's cases only: the same accumulator,
 * the same rounding (./score.ts). The staff figures are every count; `published` is the
 * percentage as the one disclosure rule lets it out (contract, "Disclosure control": a score
 * over fewer than 5 relevant cases is "[c]"). Pure: no I/O.
 */
import type { QuestionBank } from '#schemas/bank';
import type { CaseProfile } from '#schemas/case';
import { NOT_RECORDED, SAMPLE_KEYS } from '#schemas/vocabulary';
import { SCORE_MIN_CASES, SUPPRESSED } from '#summaries/thresholds';
import { numberWord } from '#summaries/words';
import { BREAKDOWN_VALUES } from './breakdowns';
import { createScoreAccumulator, type ScorableCase, type ScoreAccumulator } from './score';

export const QUESTION_BREAKDOWN_BY = ['caseType', 'tier', 'roh', 'ppo', 'mappaLevel', 'transferred', 'custodial'] as const;
export type QuestionBreakdownBy = (typeof QUESTION_BREAKDOWN_BY)[number];

/**
 * Every group listed, empty ones too, so the shape is the same for every inspection. A missing
 * attribute is "not-recorded" (never for case type, nor for `custodial`, which case type gives:
 * a custody or licence case is serving a custodial sentence, a community case is not).
 */
export const QUESTION_BREAKDOWN_VALUES: Record<QuestionBreakdownBy, readonly string[]> = {
  caseType: BREAKDOWN_VALUES.caseType,
  tier: BREAKDOWN_VALUES.tier,
  roh: BREAKDOWN_VALUES.roh,
  ppo: BREAKDOWN_VALUES.ppo,
  mappaLevel: [...SAMPLE_KEYS.mappaLevel, NOT_RECORDED],
  transferred: ['yes', 'no', NOT_RECORDED],
  custodial: ['yes', 'no'],
};

export type GroupedCase = ScorableCase & { profile: Partial<CaseProfile> & Pick<CaseProfile, 'caseType'> };

/** The group of `by` a case falls in; a value outside the known ones counts as not recorded. */
export function questionGroupOf(profile: GroupedCase['profile'], by: QuestionBreakdownBy): string {
  if (by === 'custodial') return profile.caseType === 'community' ? 'no' : 'yes';
  const raw = profile[by];
  const value = raw === undefined ? NOT_RECORDED : typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : String(raw);
  return QUESTION_BREAKDOWN_VALUES[by].includes(value) ? value : NOT_RECORDED;
}

export interface QuestionGroupFigure {
  value: string;
  yes: number;
  no: number;
  na: number;
  /** Whole percentage of yes over yes + no; null with no relevant case. */
  percent: number | null;
  /** The percentage as a published file may show it: "[c]" over fewer than 5 relevant cases. */
  published: number | null | typeof SUPPRESSED;
}

export interface QuestionBreakdownsResult {
  cases: number;
  groups: { by: QuestionBreakdownBy; values: { value: string; cases: number }[] }[];
  questions: { id: string; criterion: string; breakdowns: { by: QuestionBreakdownBy; groups: QuestionGroupFigure[] }[] }[];
}

export interface QuestionBreakdownAccumulator {
  add(c: GroupedCase): void;
  result(): QuestionBreakdownsResult;
}

/** The disclosure rule for one group's figure: a percentage over fewer than 5 relevant cases is not published. */
export function publishedGroupPercent(yes: number, no: number, percent: number | null): QuestionGroupFigure['published'] {
  if (yes + no === 0) return null;
  return yes + no < SCORE_MIN_CASES ? SUPPRESSED : percent;
}

/** `questions` limits the result to those ids (one criterion's page); every scored question otherwise. */
export function createQuestionBreakdownAccumulator(bank: QuestionBank, questions?: ReadonlySet<string>): QuestionBreakdownAccumulator {
  const accumulators = new Map<string, ScoreAccumulator>();
  let cases = 0;
  const key = (by: QuestionBreakdownBy, value: string) => `${by}:${value}`;
  const wanted = bank.questions.filter((q) => Number(q.criterion.split('.')[0]) <= 3 && (!questions || questions.has(q.id)));
  return {
    add(c) {
      cases++;
      for (const by of QUESTION_BREAKDOWN_BY) {
        const k = key(by, questionGroupOf(c.profile, by));
        let acc = accumulators.get(k);
        if (!acc) accumulators.set(k, (acc = createScoreAccumulator(bank)));
        acc.add(c);
      }
    },
    result() {
      const results = new Map(
        [...accumulators].map(([k, acc]) => [k, { cases: acc.cases, byQuestion: new Map(acc.result().questions.map((q) => [q.id, q])) }]),
      );
      return {
        cases,
        groups: QUESTION_BREAKDOWN_BY.map((by) => ({
          by,
          values: QUESTION_BREAKDOWN_VALUES[by].map((value) => ({ value, cases: results.get(key(by, value))?.cases ?? 0 })),
        })),
        questions: wanted.map((q) => ({
          id: q.id,
          criterion: q.criterion,
          breakdowns: QUESTION_BREAKDOWN_BY.map((by) => ({
            by,
            groups: QUESTION_BREAKDOWN_VALUES[by].map((value) => {
              const s = results.get(key(by, value))?.byQuestion.get(q.id);
              const yes = s?.yes ?? 0;
              const no = s?.no ?? 0;
              const percent = s?.percent ?? null;
              return { value, yes, no, na: s?.na ?? 0, percent, published: publishedGroupPercent(yes, no, percent) };
            }),
          })),
        })),
      };
    },
  };
}

/**
 * A group in the words of a finding, around the noun "cases": "Tier 4 cases", "cases that had
 * been transferred between areas". Undefined for "not recorded", which is no group to write about.
 */
export function groupWords(by: QuestionBreakdownBy, value: string): { before?: string; after?: string } | undefined {
  if (value === NOT_RECORDED) return undefined;
  switch (by) {
    case 'caseType':
      return { before: value };
    case 'tier':
      return { before: `Tier ${value}` };
    case 'roh':
      return { before: `${value === 'very-high' ? 'very high' : value} Risk of Harm` };
    case 'ppo':
      return { before: value === 'yes' ? 'PPO' : 'non-PPO' };
    case 'mappaLevel':
      return value === '0' ? { after: 'not managed under MAPPA' } : { before: `MAPPA level ${value}` };
    case 'transferred':
      return { after: value === 'yes' ? 'that had been transferred between areas' : 'that had not been transferred between areas' };
    case 'custodial':
      return { before: value === 'yes' ? 'custodial' : 'non-custodial' };
  }
}

/** "all three Tier 4 cases that had been transferred between areas": how a group's count reads in words. */
export function groupPhrase(by: QuestionBreakdownBy, value: string, noun = 'cases'): string | undefined {
  const words = groupWords(by, value);
  if (!words) return undefined;
  return [words.before, noun, words.after].filter(Boolean).join(' ');
}

/** The figure in words for the findings page: "3 of 3 Tier 4 cases (all three)". */
export function groupFigureWords(figure: Pick<QuestionGroupFigure, 'yes' | 'no'>, phrase: string): string {
  const relevant = figure.yes + figure.no;
  if (relevant === 0) return `no relevant ${phrase}`;
  if (figure.yes === relevant) return `all ${numberWord(relevant)} ${phrase}`;
  if (figure.yes === 0) return `none of the ${numberWord(relevant)} ${phrase}`;
  return `${numberWord(figure.yes)} of the ${numberWord(relevant)} ${phrase}`;
}

/** Parses a drafted finding's `group` ("tier:4") into a breakdown and a value, or undefined. */
export function parseGroup(group: string): { by: QuestionBreakdownBy; value: string } | undefined {
  const [by, value] = group.split(':') as [string, string | undefined];
  if (!value || !(QUESTION_BREAKDOWN_BY as readonly string[]).includes(by)) return undefined;
  const b = by as QuestionBreakdownBy;
  return QUESTION_BREAKDOWN_VALUES[b].includes(value) && value !== NOT_RECORDED ? { by: b, value } : undefined;
}
