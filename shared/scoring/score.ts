/**
 * Scoring of sections 1-3 from case judgements (Appendix 4 of the Kent report, made exact as
 * in the contract's "Scoring"). Pure: no I/O.
 *
 * - A question's relevant cases are those answered yes or no; its proportion is
 *   yes / (yes + no). With no relevant case it has no proportion and is left out of every mean.
 *   A question absent from a case's answers counts as na here; so does an answer to a question
 *   whose `appliesTo` excludes the case type (validation elsewhere rejects those). Only
 *   finished cases are fed in (shared/domain/aggregate.ts), so an absent question is one the
 *   case type does not take, never one left unanswered.
 * - Criterion score = 0.8 x mean(individual questions' proportions) + 0.2 x summary
 *   question's proportion; only one of the two -> that one; neither -> null (never 0).
 * - Section score (1-3) = mean of its criteria's non-null scores; null if none.
 * - RoH thread = unweighted mean of the proportions of every roh question in sections 1-2.
 * - percent = whole number rounded half up from the exact fraction; score = the exact value
 *   rounded half up to 4 decimal places (display only); `exact` = the fraction as strings.
 *
 * Section 4 criteria are graded by inspectors and are not scored here.
 *
 * The accumulator keeps only integer counters (two per question, one per criterion), so
 * cases can be fed page by page with memory flat in the number of cases.
 */
import type { Question, QuestionBank } from '#schemas/bank';
import type { CaseInput } from '#schemas/case';
import { type Rational, type RationalJson, add, mean, mul, rational, toDecimal, toJson, toPercent } from './rational';

export type ScoredSection = 1 | 2 | 3;

/** Decimal places of the `score` / `proportion` numbers (display values; `exact` is exact). */
export const SCORE_DECIMALS = 4;

export interface QuestionScore {
  id: string;
  criterion: string;
  yes: number;
  no: number;
  /** Cases that answered na, left the question out, or whose case type it does not apply to. */
  na: number;
  /** yes / (yes + no) rounded half up to 4 decimals; null when no case was relevant. */
  proportion: number | null;
  percent: number | null;
}

export interface CriterionScore {
  id: string;
  section: ScoredSection;
  title: string;
  /** The exact score rounded half up to 4 decimals; null when no question has a proportion. */
  score: number | null;
  percent: number | null;
  /** Cases with at least one yes/no answer to a question of this criterion. */
  cases: number;
  exact: RationalJson | null;
  /** Ids of this criterion's questions, in bank order. */
  questions: string[];
  /** How many of them have a proportion (and so enter the score). */
  scoredQuestions: number;
}

export interface SectionScore {
  id: ScoredSection;
  score: number | null;
  percent: number | null;
  exact: RationalJson | null;
  /** How many of the section's criteria have a score (and so enter the mean). */
  criteria: number;
}

export interface RohThreadScore {
  score: number | null;
  percent: number | null;
  exact: RationalJson | null;
  /** How many roh questions of sections 1-2 have a proportion (and so enter the mean). */
  questions: number;
}

export interface ScoreResult {
  questionBankVersion: string;
  /** Cases added. */
  cases: number;
  criteria: CriterionScore[];
  sections: SectionScore[];
  rohThread: RohThreadScore;
  questions: QuestionScore[];
}

/** What scoring reads of a case; a validated `CaseInput` is one. */
export type ScorableCase = Pick<CaseInput, 'answers'> & { profile: Pick<CaseInput['profile'], 'caseType'> };

export interface ScoreAccumulator {
  /** Counts one case's answers. */
  add(c: ScorableCase): void;
  addAll(cases: Iterable<ScorableCase>): void;
  /** Cases added so far. */
  readonly cases: number;
  /** The scores over every case added so far. Does not reset; more cases may follow. */
  result(): ScoreResult;
}

const FOUR_FIFTHS = rational(4, 5);
const ONE_FIFTH = rational(1, 5);

/**
 * The 80/20 rule on exact values: 0.8 x mean(individual proportions) + 0.2 x summary
 * proportion, where `individual` holds only questions that have a proportion. Only one of
 * the two present -> that one; neither -> null. Should a (malformed) bank give a criterion
 * several summary questions, their mean stands for "the summary proportion".
 */
export function criterionScoreExact(individual: readonly Rational[], summary: readonly Rational[]): Rational | null {
  const m = mean(individual);
  const s = mean(summary);
  if (m && s) return add(mul(FOUR_FIFTHS, m), mul(ONE_FIFTH, s));
  return m ?? s;
}

function display(r: Rational | null): { score: number | null; percent: number | null; exact: RationalJson | null } {
  return r ? { score: toDecimal(r, SCORE_DECIMALS), percent: toPercent(r), exact: toJson(r) } : { score: null, percent: null, exact: null };
}

function sectionOf(q: Question, sectionByCriterion: ReadonlyMap<string, number>): number {
  return sectionByCriterion.get(q.criterion) ?? Number(q.criterion.split('.')[0]);
}

export function createScoreAccumulator(bank: QuestionBank): ScoreAccumulator {
  const questions = bank.questions;
  const nQ = questions.length;

  // Scored criteria (sections 1-3), in bank order.
  const scoredCriteria = bank.criteria.filter((c) => c.section === 1 || c.section === 2 || c.section === 3);
  const nC = scoredCriteria.length;
  const criterionIndex = new Map<string, number>();
  scoredCriteria.forEach((c, i) => criterionIndex.set(c.id, i));
  const sectionByCriterion = new Map<string, number>(bank.criteria.map((c) => [c.id, c.section]));

  // Per-question indexes, computed once.
  const ids: string[] = questions.map((q) => q.id);
  const critOfQ = new Int32Array(nQ);
  questions.forEach((q, i) => (critOfQ[i] = criterionIndex.get(q.criterion) ?? -1));

  // For each case type, the indexes of the questions that apply to it. Answers to any other
  // question (and every answer of a case of an unknown type) count as na.
  const plans = new Map<string, Int32Array>();
  for (const t of new Set(questions.flatMap((q) => q.appliesTo as readonly string[]))) {
    const idx: number[] = [];
    questions.forEach((q, i) => {
      if ((q.appliesTo as readonly string[]).includes(t)) idx.push(i);
    });
    plans.set(t, Int32Array.from(idx));
  }

  // Counters: the whole state.
  const yes = new Float64Array(nQ);
  const no = new Float64Array(nQ);
  const critCases = new Float64Array(nC);
  const seen = new Float64Array(nC); // case stamp of the last case counted for each criterion
  let cases = 0;

  function add(c: ScorableCase): void {
    cases++;
    const stamp = cases;
    const plan = plans.get(c.profile.caseType);
    if (!plan) return;
    const answers = c.answers as Readonly<Record<string, unknown>>;
    // One keyed lookup per applicable bank question. (Answer objects built key by key, as the
    // DynamoDB unmarshaller builds them, are hash maps in V8, so this is the fast way round;
    // walking their keys instead would allocate per case.) Only yes/no
    // answers are counted: na, absent and unknown values all count as na, and answers to
    // unknown ids or to questions not applying to the case type are never looked at.
    for (let k = 0; k < plan.length; k++) {
      const qi: number = plan[k]!;
      const a = answers[ids[qi]!];
      if (a === 'yes') yes[qi]!++;
      else if (a === 'no') no[qi]!++;
      else continue;
      const ci = critOfQ[qi]!;
      if (ci >= 0 && seen[ci] !== stamp) {
        seen[ci] = stamp;
        critCases[ci]!++;
      }
    }
  }

  function result(): ScoreResult {
    const props: (Rational | null)[] = new Array(nQ);
    const questionScores: QuestionScore[] = new Array(nQ);
    for (let i = 0; i < nQ; i++) {
      const q = questions[i]!;
      const y = yes[i]!;
      const n = no[i]!;
      const p = y + n > 0 ? rational(y, y + n) : null;
      props[i] = p;
      questionScores[i] = {
        id: q.id,
        criterion: q.criterion,
        yes: y,
        no: n,
        na: cases - y - n,
        proportion: p ? toDecimal(p, SCORE_DECIMALS) : null,
        percent: p ? toPercent(p) : null,
      };
    }

    const individual: Rational[][] = scoredCriteria.map(() => []);
    const summary: Rational[][] = scoredCriteria.map(() => []);
    const questionIds: string[][] = scoredCriteria.map(() => []);
    const roh: Rational[] = [];
    for (let i = 0; i < nQ; i++) {
      const q = questions[i]!;
      const p = props[i]!;
      const ci = critOfQ[i]!;
      if (ci >= 0) {
        questionIds[ci]!.push(q.id);
        if (p) (q.summary ? summary : individual)[ci]!.push(p);
      }
      const s = sectionOf(q, sectionByCriterion);
      if (q.roh && p && (s === 1 || s === 2)) roh.push(p);
    }

    const exactByCriterion: (Rational | null)[] = [];
    const criteria: CriterionScore[] = scoredCriteria.map((c, ci) => {
      const exact = criterionScoreExact(individual[ci]!, summary[ci]!);
      exactByCriterion.push(exact);
      return {
        id: c.id,
        section: c.section as ScoredSection,
        title: c.title,
        ...display(exact),
        cases: critCases[ci]!,
        questions: questionIds[ci]!,
        scoredQuestions: individual[ci]!.length + summary[ci]!.length,
      };
    });

    const sections: SectionScore[] = ([1, 2, 3] as const).map((id) => {
      const scores = scoredCriteria.map((c, ci) => (c.section === id ? exactByCriterion[ci]! : null)).filter((r): r is Rational => r !== null);
      return { id, ...display(mean(scores)), criteria: scores.length };
    });

    return {
      questionBankVersion: bank.version,
      cases,
      criteria,
      sections,
      rohThread: { ...display(mean(roh)), questions: roh.length },
      questions: questionScores,
    };
  }

  return {
    add,
    addAll(cs: Iterable<ScorableCase>) {
      for (const c of cs) add(c);
    },
    get cases() {
      return cases;
    },
    result,
  };
}

/** Scores sections 1-3, the criteria 1.1-3.x and the RoH thread over the given cases. */
export function scoreInspection(bank: QuestionBank, cases: Iterable<ScorableCase>): ScoreResult {
  const acc = createScoreAccumulator(bank);
  acc.addAll(cases);
  return acc.result();
}
