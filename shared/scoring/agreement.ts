/**
 * Agreement between two markers of the same cases (issue 14): percent agreement and Cohen's
 * kappa over the questions both answered yes or no, as the contract gives them. Pure.
 */
import { scoredCriteria, summaryQuestionOf } from '#bank/index';
import type { QuestionBank } from '#schemas/bank';
import type { Judgement } from '#schemas/case';

export type Answers = Readonly<Record<string, Judgement>>;

export interface Agreement {
  /** Pairs where both markers answered yes or no. */
  pairs: number;
  agreement: number | null;
  kappa: number | null;
}

const round3 = (x: number) => {
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
};

/** Counts of a 2x2 table: [first, second] answers. */
export interface PairCounts {
  yesYes: number;
  yesNo: number;
  noYes: number;
  noNo: number;
}

export const emptyCounts = (): PairCounts => ({ yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 });

/** Adds one pair, leaving out any pair with an na or a question left unanswered by either marker. */
export function addPair(counts: PairCounts, first: Judgement | undefined, second: Judgement | undefined): void {
  if ((first !== 'yes' && first !== 'no') || (second !== 'yes' && second !== 'no')) return;
  if (first === 'yes' && second === 'yes') counts.yesYes++;
  else if (first === 'yes') counts.yesNo++;
  else if (second === 'yes') counts.noYes++;
  else counts.noNo++;
}

export function agreementOf(c: PairCounts): Agreement {
  const n = c.yesYes + c.yesNo + c.noYes + c.noNo;
  if (n === 0) return { pairs: 0, agreement: null, kappa: null };
  const po = (c.yesYes + c.noNo) / n;
  const p1yes = (c.yesYes + c.yesNo) / n;
  const p2yes = (c.yesYes + c.noYes) / n;
  const pe = p1yes * p2yes + (1 - p1yes) * (1 - p2yes);
  // Both markers gave one and the same answer throughout: p_e = 1 (and p_o = 1), complete agreement.
  const kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
  return { pairs: n, agreement: round3(po), kappa: round3(kappa) };
}

export interface DoubleMarking {
  caseRef: string;
  /** The first marker's assessor type (the case profile's `assessor`), when recorded. */
  assessor?: 'hmi' | 'area';
  first: Answers;
  second: Answers;
}

export interface ModerationResult {
  cases: number;
  agreement: number | null;
  kappa: number | null;
  byCriterion: { id: string; cases: number; agreement: number | null; kappa: number | null }[];
  byAssessor: { assessor: 'hmi' | 'area' | 'not-recorded'; cases: number; agreement: number | null; kappa: number | null }[];
  flagged: string[];
}

/**
 * The summary's `moderation`: every question of the bank, overall, by scored criterion and by
 * the first marker's assessor type. A criterion's `cases` counts the double-marked cases with
 * at least one pair in it. A case is flagged when its two markings of any criterion's summary
 * question differ, na against yes or no included: that is the judgement a moderator decides.
 */
export function moderationOf(bank: QuestionBank, markings: readonly DoubleMarking[]): ModerationResult {
  const overall = emptyCounts();
  const criteria = scoredCriteria(bank);
  const byCriterion = new Map(criteria.map((c) => [c.id, { counts: emptyCounts(), cases: 0 }]));
  const assessors = ['hmi', 'area', 'not-recorded'] as const;
  const byAssessor = new Map(assessors.map((a) => [a, { counts: emptyCounts(), cases: 0 }]));
  const summaryQuestions = criteria.map((c) => summaryQuestionOf(bank, c.id)?.id).filter((id): id is string => id !== undefined);
  const flagged: string[] = [];
  for (const m of markings) {
    const group = byAssessor.get(m.assessor ?? 'not-recorded')!;
    group.cases++;
    const touched = new Set<string>();
    for (const q of bank.questions) {
      const entry = byCriterion.get(q.criterion);
      const first = m.first[q.id];
      const second = m.second[q.id];
      addPair(overall, first, second);
      addPair(group.counts, first, second);
      if (entry) {
        const before = entry.counts.yesYes + entry.counts.yesNo + entry.counts.noYes + entry.counts.noNo;
        addPair(entry.counts, first, second);
        if (!touched.has(q.criterion) && entry.counts.yesYes + entry.counts.yesNo + entry.counts.noYes + entry.counts.noNo > before) {
          touched.add(q.criterion);
          entry.cases++;
        }
      }
    }
    if (summaryQuestions.some((id) => (m.first[id] ?? 'na') !== (m.second[id] ?? 'na'))) flagged.push(m.caseRef);
  }
  const { agreement, kappa } = agreementOf(overall);
  return {
    cases: markings.length,
    agreement,
    kappa,
    byCriterion: criteria.map((c) => {
      const entry = byCriterion.get(c.id)!;
      const a = agreementOf(entry.counts);
      return { id: c.id, cases: entry.cases, agreement: a.agreement, kappa: a.kappa };
    }),
    byAssessor: assessors.map((assessor) => {
      const g = byAssessor.get(assessor)!;
      const a = agreementOf(g.counts);
      return { assessor, cases: g.cases, agreement: a.agreement, kappa: a.kappa };
    }),
    flagged: flagged.sort(),
  };
}
