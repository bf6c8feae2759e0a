import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseType, QuestionBank } from '#schemas/bank';
import type { CaseInput, Judgement } from '#schemas/case';
import {
  createSampleAccumulator,
  createScoreAccumulator,
  describeSample,
  rational,
  scoreInspection,
  suggestBand,
  toPercent,
  type RationalJson,
  type ScoreResult,
} from '#scoring/index';

// ---------- generators ----------

const CASE_TYPES: CaseType[] = ['community', 'licence', 'custody'];

interface QSpec {
  summary: boolean;
  roh: boolean;
  appliesTo: CaseType[];
}

const questionSpec = (summary: boolean): fc.Arbitrary<QSpec> =>
  fc.record({
    summary: fc.constant(summary),
    roh: fc.boolean(),
    appliesTo: fc.subarray(CASE_TYPES, { minLength: 1 }),
  });

/** A criterion: 0-4 individual questions and 0 or 1 summary question. */
const criterionSpec: fc.Arbitrary<QSpec[]> = fc
  .tuple(fc.array(questionSpec(false), { maxLength: 4 }), fc.option(questionSpec(true), { nil: undefined }))
  .map(([ind, sum]) => (sum ? [...ind, sum] : ind));

/** A bank with 0-3 criteria in each of sections 1-3, and a section 4 criterion without questions. */
const bankArb: fc.Arbitrary<QuestionBank> = fc
  .tuple(
    fc.array(criterionSpec, { minLength: 1, maxLength: 3 }),
    fc.array(criterionSpec, { maxLength: 3 }),
    fc.array(criterionSpec, { maxLength: 3 }),
  )
  .map((sections) => {
    const bank: QuestionBank = {
      version: 'prop-1',
      criteria: [{ id: '4.1', section: 4, title: 'Leadership', statement: '' }],
      questions: [],
    };
    sections.forEach((crits, s) =>
      crits.forEach((qs, c) => {
        const cid = `${s + 1}.${c + 1}`;
        bank.criteria.push({ id: cid, section: (s + 1) as 1 | 2 | 3, title: `C ${cid}`, statement: '' });
        qs.forEach((q, i) => bank.questions.push({ id: `${cid}.${i + 1}`, criterion: cid, text: '', ...q }));
      }),
    );
    return bank;
  });

/** An answer: absent (undefined) or a judgement. Answers to questions that do not apply are generated too. */
const answerArb = fc.option(fc.constantFrom<Judgement>('yes', 'no', 'na'), { nil: undefined, freq: 3 });

const caseArb = (bank: QuestionBank): fc.Arbitrary<CaseInput> =>
  fc
    .tuple(fc.constantFrom(...CASE_TYPES), fc.array(answerArb, { minLength: bank.questions.length, maxLength: bank.questions.length }))
    .map(([caseType, as]) => {
      const answers: Record<string, Judgement> = {};
      bank.questions.forEach((q, i) => {
        const a = as[i];
        if (a !== undefined) answers[q.id] = a;
      });
      return { profile: { caseType }, answers };
    });

const bankAndCases = (maxCases = 25) => bankArb.chain((bank) => fc.tuple(fc.constant(bank), fc.array(caseArb(bank), { maxLength: maxCases })));

// ---------- an independent reference computation ----------
// Fractions as [numerator, denominator] bigint pairs, never normalised, compared by cross
// multiplication; written from the contract's rules, sharing nothing with shared/scoring.

type F = [bigint, bigint];
const fAdd = (a: F, b: F): F => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const fScale = (a: F, n: bigint, d: bigint): F => [a[0] * n, a[1] * d];
const fMean = (xs: F[]): F | null => (xs.length === 0 ? null : fScale(xs.reduce(fAdd, [0n, 1n] as F), 1n, BigInt(xs.length)));
const sameValue = (a: F | null, b: RationalJson | null): boolean =>
  a === null || b === null ? a === b : a[0] * BigInt(b.den) === BigInt(b.num) * a[1];

/** yes/no counts of a question straight from the cases. */
function tally(bank: QuestionBank, cases: CaseInput[], qid: string): { yes: number; no: number } {
  const q = bank.questions.find((x) => x.id === qid)!;
  let yes = 0;
  let no = 0;
  for (const c of cases) {
    if (!q.appliesTo.includes(c.profile.caseType)) continue;
    if (c.answers[qid] === 'yes') yes++;
    if (c.answers[qid] === 'no') no++;
  }
  return { yes, no };
}

function reference(bank: QuestionBank, cases: CaseInput[]) {
  const prop = new Map<string, F | null>();
  for (const q of bank.questions) {
    const { yes, no } = tally(bank, cases, q.id);
    prop.set(q.id, yes + no === 0 ? null : [BigInt(yes), BigInt(yes + no)]);
  }
  const criteria = new Map<string, F | null>();
  for (const c of bank.criteria.filter((c) => c.section !== 4)) {
    const qs = bank.questions.filter((q) => q.criterion === c.id);
    const ind = qs
      .filter((q) => !q.summary)
      .map((q) => prop.get(q.id)!)
      .filter((p): p is F => p !== null);
    const sum = qs
      .filter((q) => q.summary)
      .map((q) => prop.get(q.id)!)
      .filter((p): p is F => p !== null);
    const m = fMean(ind);
    const s = sum[0] ?? null;
    criteria.set(c.id, m && s ? fAdd(fScale(m, 4n, 5n), fScale(s, 1n, 5n)) : (m ?? s));
  }
  const sections = [1, 2, 3].map((sid) =>
    fMean(
      bank.criteria
        .filter((c) => c.section === sid)
        .map((c) => criteria.get(c.id)!)
        .filter((x): x is F => x !== null),
    ),
  );
  const roh = fMean(
    bank.questions
      .filter((q) => q.roh && (q.criterion.startsWith('1.') || q.criterion.startsWith('2.')))
      .map((q) => prop.get(q.id)!)
      .filter((p): p is F => p !== null),
  );
  return { prop, criteria, sections, roh };
}

/** p is the whole-number percentage of x rounded half up: p - 1/2 <= 100x < p + 1/2. */
function isRoundedPercent(p: number | null, x: RationalJson | null): boolean {
  if (x === null) return p === null;
  if (p === null || !Number.isInteger(p)) return false;
  const n = BigInt(x.num);
  const d = BigInt(x.den);
  const P = BigInt(p);
  return (2n * P - 1n) * d <= 200n * n && 200n * n < (2n * P + 1n) * d;
}

/** The parts of a result that depend only on yes/no answers (not on na counts or case numbers). */
function scores(r: ScoreResult) {
  return {
    criteria: r.criteria.map((c) => ({ id: c.id, exact: c.exact, percent: c.percent, score: c.score, cases: c.cases })),
    sections: r.sections,
    rohThread: r.rohThread,
    questions: r.questions.map((q) => ({ id: q.id, yes: q.yes, no: q.no, proportion: q.proportion, percent: q.percent })),
  };
}

const RUNS = { numRuns: 200 };

// ---------- properties ----------

describe('scoring properties', () => {
  it('matches the independent reference: proportions, the 80/20 rule, section means, RoH thread', () => {
    fc.assert(
      fc.property(bankAndCases(), ([bank, cases]) => {
        const r = scoreInspection(bank, cases);
        const ref = reference(bank, cases);
        for (const q of r.questions) {
          const p = ref.prop.get(q.id)!;
          expect(q.yes + q.no + q.na).toBe(cases.length);
          expect(p === null ? q.proportion === null : q.percent === toPercent(rational(p[0], p[1]))).toBe(true);
        }
        expect(r.criteria.map((c) => c.id)).toEqual(bank.criteria.filter((c) => c.section !== 4).map((c) => c.id));
        for (const c of r.criteria) {
          expect(sameValue(ref.criteria.get(c.id)!, c.exact)).toBe(true);
          expect(isRoundedPercent(c.percent, c.exact)).toBe(true);
        }
        r.sections.forEach((s, i) => {
          expect(sameValue(ref.sections[i]!, s.exact)).toBe(true);
          expect(isRoundedPercent(s.percent, s.exact)).toBe(true);
        });
        expect(sameValue(ref.roh, r.rohThread.exact)).toBe(true);
        expect(isRoundedPercent(r.rohThread.percent, r.rohThread.exact)).toBe(true);
      }),
      RUNS,
    );
  });

  it('every percent is a whole number in 0..100 and every score in [0, 1]', () => {
    fc.assert(
      fc.property(bankAndCases(), ([bank, cases]) => {
        const r = scoreInspection(bank, cases);
        const all = [...r.criteria, ...r.sections, r.rohThread, ...r.questions.map((q) => ({ percent: q.percent, score: q.proportion }))];
        for (const x of all) {
          if (x.percent === null) {
            expect(x.score).toBeNull();
            continue;
          }
          expect(Number.isInteger(x.percent)).toBe(true);
          expect(x.percent).toBeGreaterThanOrEqual(0);
          expect(x.percent).toBeLessThanOrEqual(100);
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(1);
          // the 4-decimal score and the percent agree to within rounding
          expect(Math.abs(x.score! * 100 - x.percent)).toBeLessThanOrEqual(0.5 + 1e-9);
        }
      }),
      RUNS,
    );
  });

  it('a criterion has a null score (not 0) exactly when none of its questions has a relevant case', () => {
    fc.assert(
      fc.property(bankAndCases(), ([bank, cases]) => {
        const r = scoreInspection(bank, cases);
        for (const c of r.criteria) {
          const qs = bank.questions.filter((q) => q.criterion === c.id);
          const relevant = cases.filter((k) =>
            qs.some((q) => q.appliesTo.includes(k.profile.caseType) && (k.answers[q.id] === 'yes' || k.answers[q.id] === 'no')),
          ).length;
          expect(c.cases).toBe(relevant);
          expect(c.score === null).toBe(relevant === 0);
          expect(c.percent === null).toBe(relevant === 0);
        }
      }),
      RUNS,
    );
  });

  it('adding na or absent answers, or cases with nothing relevant, changes no score', () => {
    fc.assert(
      fc.property(
        bankAndCases().chain(([bank, cases]) =>
          fc.tuple(
            fc.constant(bank),
            fc.constant(cases),
            // extra cases: only na or absent answers, or answers to questions not applying to them
            fc.array(caseArb(bank), { maxLength: 5 }).map((extra) =>
              extra.map((k) => ({
                profile: k.profile,
                answers: Object.fromEntries(
                  Object.entries(k.answers).map(([id, a]) => {
                    const applies = bank.questions.find((q) => q.id === id)!.appliesTo.includes(k.profile.caseType);
                    return [id, applies ? 'na' : a];
                  }),
                ) as Record<string, Judgement>,
              })),
            ),
            fc.nat(),
          ),
        ),
        ([bank, cases, extra, at]) => {
          const before = scoreInspection(bank, cases);
          // absent answers made explicit na in every case: identical result, na counts included
          const explicit = cases.map((k) => ({
            profile: k.profile,
            answers: Object.fromEntries(bank.questions.map((q) => [q.id, k.answers[q.id] ?? 'na'])) as Record<string, Judgement>,
          }));
          expect(scoreInspection(bank, explicit)).toEqual(before);
          // extra irrelevant cases inserted anywhere: only na counts and case numbers move
          const i = cases.length === 0 ? 0 : at % (cases.length + 1);
          const after = scoreInspection(bank, [...cases.slice(0, i), ...extra, ...cases.slice(i)]);
          expect(scores(after)).toEqual(scores(before));
          expect(after.cases).toBe(before.cases + extra.length);
          after.questions.forEach((q, j) => expect(q.na).toBe(before.questions[j]!.na + extra.length));
        },
      ),
      RUNS,
    );
  });

  it('the order of cases changes nothing', () => {
    fc.assert(
      fc.property(
        bankAndCases().chain(([bank, cases]) =>
          fc.tuple(fc.constant(bank), fc.constant(cases), fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length })),
        ),
        ([bank, cases, shuffled]) => {
          expect(scoreInspection(bank, shuffled)).toEqual(scoreInspection(bank, cases));
        },
      ),
      RUNS,
    );
  });

  it("one more yes never lowers its question's proportion, nor its criterion's score if the question was already scored", () => {
    fc.assert(
      fc.property(
        bankAndCases()
          .filter(([bank]) => bank.questions.length > 0)
          .chain(([bank, cases]) => fc.tuple(fc.constant(bank), fc.constant(cases), fc.constantFrom(...bank.questions))),
        ([bank, cases, q]) => {
          const before = scoreInspection(bank, cases);
          const extra: CaseInput = { profile: { caseType: q.appliesTo[0]! }, answers: { [q.id]: 'yes' } };
          const after = scoreInspection(bank, [...cases, extra]);
          const qb = before.questions.find((x) => x.id === q.id)!;
          const qa = after.questions.find((x) => x.id === q.id)!;
          expect(qa.yes).toBe(qb.yes + 1);
          expect(qa.no).toBe(qb.no);
          if (qb.proportion !== null) {
            expect(qa.proportion!).toBeGreaterThanOrEqual(qb.proportion);
            const cb = before.criteria.find((c) => c.id === q.criterion)!.exact!;
            const ca = after.criteria.find((c) => c.id === q.criterion)!.exact!;
            // ca >= cb, compared exactly
            expect(BigInt(ca.num) * BigInt(cb.den) >= BigInt(cb.num) * BigInt(ca.den)).toBe(true);
          } else {
            expect(qa.proportion).toBe(1);
          }
        },
      ),
      RUNS,
    );
  });

  it('the RoH thread counts only roh questions of sections 1-2', () => {
    fc.assert(
      fc.property(
        bankAndCases().chain(([bank, cases]) => fc.tuple(fc.constant(bank), fc.constant(cases), fc.array(caseArb(bank), { maxLength: 5 }))),
        ([bank, cases, noise]) => {
          const before = scoreInspection(bank, cases);
          // Flip the roh flag of every section-3 question: the thread does not move.
          const flipped: QuestionBank = {
            ...bank,
            questions: bank.questions.map((q) => (q.criterion.startsWith('3.') ? { ...q, roh: !q.roh } : q)),
          };
          expect(scoreInspection(flipped, cases).rohThread).toEqual(before.rohThread);
          // Noise cases answering only non-roh questions (or section 3 ones): the thread does not move.
          const counted = new Set(bank.questions.filter((q) => q.roh && !q.criterion.startsWith('3.')).map((q) => q.id));
          const filtered = noise.map((k) => ({
            profile: k.profile,
            answers: Object.fromEntries(Object.entries(k.answers).filter(([id]) => !counted.has(id))) as Record<string, Judgement>,
          }));
          expect(scoreInspection(bank, [...cases, ...filtered]).rohThread).toEqual(before.rohThread);
          // And the number of questions in the thread is the number of counted questions with a proportion.
          const withProportion = before.questions.filter((q) => counted.has(q.id) && q.proportion !== null).length;
          expect(before.rohThread.questions).toBe(withProportion);
        },
      ),
      RUNS,
    );
  });

  it('an accumulator fed page by page (results taken between pages) equals one shot', () => {
    fc.assert(
      fc.property(bankAndCases(40), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), ([bank, cases], sizes) => {
        const acc = createScoreAccumulator(bank);
        let i = 0;
        let k = 0;
        while (i < cases.length) {
          const size = sizes[k++ % sizes.length]!;
          acc.addAll(cases.slice(i, i + size));
          i += size;
          expect(acc.result().cases).toBe(Math.min(i, cases.length));
        }
        expect(acc.result()).toEqual(scoreInspection(bank, cases));
      }),
      RUNS,
    );
  });

  it('an accumulator fed all at once and one by one agree, with the criterion case counts', () => {
    fc.assert(
      fc.property(bankAndCases(), ([bank, cases]) => {
        const acc = createScoreAccumulator(bank);
        for (const c of cases) acc.add(c);
        expect(acc.result()).toEqual(scoreInspection(bank, cases));
      }),
      { numRuns: 50 },
    );
  });
});

describe('rounding properties', () => {
  it('toPercent is round half up of the exact fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (den, n) => {
        const num = n % (den + 1);
        const p = toPercent(rational(num, den));
        expect(isRoundedPercent(p, { num: String(num), den: String(den) })).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('every exact half percent goes up: (2k+1)/200 -> k+1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), (k) => {
        expect(toPercent(rational(2 * k + 1, 200))).toBe(k + 1);
      }),
    );
  });
});

describe('sample composition properties', () => {
  const profileArb = fc.record(
    {
      caseType: fc.constantFrom(...CASE_TYPES),
      tier: fc.integer({ min: 1, max: 4 }),
      roh: fc.constantFrom('low', 'medium', 'high', 'very-high' as const),
      ppo: fc.boolean(),
      gender: fc.constantFrom('male', 'female' as const),
      ethnicity: fc.constantFrom('white', 'black', 'asian', 'mixed', 'other', 'not-recorded' as const),
      mappaLevel: fc.integer({ min: 0, max: 3 }),
      approvedPremises: fc.boolean(),
      statutoryVictimContact: fc.boolean(),
      assessor: fc.constantFrom('hmi', 'area' as const),
    },
    { requiredKeys: ['caseType'] },
  );
  const samples = fc.array(
    profileArb.map((profile) => ({ profile })),
    { maxLength: 40 },
  );

  it('every breakdown sums to the number of cases; flags never exceed it', () => {
    fc.assert(
      fc.property(samples, (cases) => {
        const s = describeSample(cases);
        expect(s.cases).toBe(cases.length);
        for (const b of [s.byCaseType, s.byGender, s.byEthnicity, s.byRoh, s.byMappaLevel, s.byAssessor, s.byTier]) {
          expect(Object.values(b).reduce((a, x) => a + x, 0)).toBe(cases.length);
        }
        expect(s.ppo + s.flagsNotRecorded.ppo).toBe(cases.filter((c) => c.profile.ppo !== false).length);
        expect(s.ppo).toBe(cases.filter((c) => c.profile.ppo === true).length);
        expect(s.byTier['not-recorded']).toBe(cases.filter((c) => c.profile.tier === undefined).length);
        expect(s.byCaseType.licence).toBe(cases.filter((c) => c.profile.caseType === 'licence').length);
      }),
      RUNS,
    );
  });

  it('order and paging change nothing', () => {
    fc.assert(
      fc.property(
        samples.chain((cases) =>
          fc.tuple(fc.constant(cases), fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length }), fc.nat()),
        ),
        ([cases, shuffled, cut]) => {
          const acc = createSampleAccumulator();
          const at = cases.length === 0 ? 0 : cut % cases.length;
          acc.addAll(shuffled.slice(0, at));
          acc.result();
          acc.addAll(shuffled.slice(at));
          expect(acc.result()).toEqual(describeSample(cases));
        },
      ),
      RUNS,
    );
  });
});

describe('band properties', () => {
  it('a higher percent never gets a lower band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(suggestBand(hi)!.min).toBeGreaterThanOrEqual(suggestBand(lo)!.min);
      }),
    );
  });
});
