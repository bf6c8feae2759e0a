import { describe, expect, it } from 'vitest';
import type { CaseType, QuestionBank } from '#schemas/bank';
import type { CaseInput, CaseProfile, Judgement } from '#schemas/case';
import {
  DEFAULT_BANDS,
  createSampleAccumulator,
  createScoreAccumulator,
  criterionScoreExact,
  describeSample,
  fromJson,
  mean,
  percentOf,
  rational,
  roundHalfUp,
  scoreInspection,
  suggestBand,
  suggestBands,
  toDecimal,
  toJson,
  toPercent,
  type BandThreshold,
  type ScoreResult,
} from '#scoring/index';
import { getBank } from '#bank/index';

// ---------- helpers ----------

interface QSpec {
  summary?: boolean;
  roh?: boolean;
  appliesTo?: CaseType[];
}

const ALL_TYPES: CaseType[] = ['community', 'licence', 'custody'];

/** A bank from { criterionId: [question specs] }; question ids are `${criterion}.${n}`, section from the id. */
function makeBank(spec: Record<string, QSpec[]>, extraCriteria: string[] = []): QuestionBank {
  const criteria = [...Object.keys(spec), ...extraCriteria].map((id) => ({
    id,
    section: Number(id[0]) as 1 | 2 | 3 | 4,
    title: `Criterion ${id}`,
    statement: `Statement ${id}`,
  }));
  const questions = Object.entries(spec).flatMap(([crit, qs]) =>
    qs.map((q, i) => ({
      id: `${crit}.${i + 1}`,
      criterion: crit,
      text: `Question ${crit}.${i + 1}`,
      summary: q.summary ?? false,
      roh: q.roh ?? false,
      appliesTo: q.appliesTo ?? ALL_TYPES,
    })),
  );
  return { version: 'test-1', criteria, questions };
}

function kase(answers: Record<string, Judgement>, caseType: CaseType = 'community'): CaseInput {
  return { profile: { caseType }, answers };
}

/** Cases giving question `id` exactly `yes` yes answers and `no` no answers (one question per case). */
function counts(id: string, yes: number, no: number, caseType: CaseType = 'community'): CaseInput[] {
  return [...Array.from({ length: yes }, () => kase({ [id]: 'yes' }, caseType)), ...Array.from({ length: no }, () => kase({ [id]: 'no' }, caseType))];
}

function criterion(r: ScoreResult, id: string) {
  const c = r.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
}
function question(r: ScoreResult, id: string) {
  const q = r.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}
function section(r: ScoreResult, id: 1 | 2 | 3) {
  return r.sections.find((s) => s.id === id)!;
}

// ---------- exact arithmetic ----------

describe('rational', () => {
  it('normalises sign and common factors', () => {
    expect(rational(6, -8)).toEqual({ num: -3n, den: 4n });
    expect(rational(0, 5)).toEqual({ num: 0n, den: 1n });
    expect(toJson(rational(10, 4))).toEqual({ num: '5', den: '2' });
    expect(fromJson({ num: '10', den: '4' })).toEqual({ num: 5n, den: 2n });
  });

  it('rejects a zero denominator and non-integers', () => {
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => rational(0.5, 1)).toThrow(RangeError);
  });

  it('rounds percentages half up from the exact fraction', () => {
    // 0.145 * 100 is 14.499999999999998 in floating point; exactly it is 14.5 -> 15.
    expect(0.145 * 100).toBeLessThan(14.5);
    expect(toPercent(rational(145, 1000))).toBe(15);
    expect(toPercent(rational(5, 1000))).toBe(1); // 0.5% -> 1
    expect(toPercent(rational(845, 1000))).toBe(85); // 84.5% -> 85
    expect(toPercent(rational(1445, 10000))).toBe(14); // 14.45% -> 14
    expect(toPercent(rational(1, 1))).toBe(100);
    expect(toPercent(rational(0, 1))).toBe(0);
    expect(toPercent(rational(2, 3))).toBe(67);
    expect(toPercent(rational(1, 3))).toBe(33);
  });

  it('rounds halves toward +infinity for negatives too', () => {
    expect(roundHalfUp(rational(-1, 2))).toBe(0n);
    expect(roundHalfUp(rational(-3, 2))).toBe(-1n);
    expect(roundHalfUp(rational(-5, 3))).toBe(-2n);
    expect(roundHalfUp(rational(5, 2))).toBe(3n);
  });

  it('gives display decimals rounded half up to 4 places', () => {
    expect(toDecimal(rational(19, 30))).toBe(0.6333);
    expect(toDecimal(rational(2, 3))).toBe(0.6667);
    expect(toDecimal(rational(1, 20000))).toBe(0.0001); // 0.00005 -> 0.0001
    expect(toDecimal(rational(2, 3), 2)).toBe(0.67);
    // 29/20000 = 0.00145 exactly, but 29 / 20000 * 10000 is 14.499999999999998 in floating point
    expect((29 / 20000) * 10000).toBeLessThan(14.5);
    expect(toDecimal(rational(29, 20000))).toBe(0.0015);
    expect(toDecimal(rational(3, 20000))).toBe(0.0002);
  });

  it('means: null for nothing, exact otherwise', () => {
    expect(mean([])).toBeNull();
    expect(mean([rational(3, 4), rational(1, 2)])).toEqual(rational(5, 8));
  });

  it('percentOf counts', () => {
    expect(percentOf(5, 7)).toBe(71);
    expect(percentOf(29, 200)).toBe(15);
    expect(percentOf(1, 0)).toBeNull();
  });
});

// ---------- criterion scores ----------

describe('criterion score (80/20 rule)', () => {
  const bank = makeBank({ '1.1': [{}, {}, { summary: true }] });

  // 1.1.1: 3 yes 1 no; 1.1.2: 1 yes 1 no; 1.1.3 (summary): 2 yes 1 no; plus an all-na case.
  const cases = [
    kase({ '1.1.1': 'yes', '1.1.2': 'yes', '1.1.3': 'yes' }),
    kase({ '1.1.1': 'yes', '1.1.2': 'no', '1.1.3': 'yes' }),
    kase({ '1.1.1': 'yes', '1.1.3': 'no' }),
    kase({ '1.1.1': 'no', '1.1.2': 'na' }),
    kase({ '1.1.2': 'na', '1.1.3': 'na' }),
  ];

  it('worked example: 0.8 x mean(3/4, 1/2) + 0.2 x 2/3 = 19/30 -> 63', () => {
    const r = scoreInspection(bank, cases);
    const c = criterion(r, '1.1');
    expect(c.exact).toEqual({ num: '19', den: '30' });
    expect(c.score).toBe(0.6333);
    expect(c.percent).toBe(63);
    expect(c.cases).toBe(4); // the all-na case is not relevant
    expect(c.questions).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    expect(c.scoredQuestions).toBe(3);
    expect(c).toMatchObject({ section: 1, title: 'Criterion 1.1' });
  });

  it('counts yes, no and na (absent included) per question', () => {
    const r = scoreInspection(bank, cases);
    expect(question(r, '1.1.1')).toEqual({ id: '1.1.1', criterion: '1.1', yes: 3, no: 1, na: 1, proportion: 0.75, percent: 75 });
    expect(question(r, '1.1.2')).toMatchObject({ yes: 1, no: 1, na: 3, proportion: 0.5, percent: 50 });
    expect(question(r, '1.1.3')).toMatchObject({ yes: 2, no: 1, na: 2, proportion: 0.6667, percent: 67 });
    expect(r.cases).toBe(5);
    expect(r.questionBankVersion).toBe('test-1');
  });

  it('shows exactly 14.5% as 15 where naive floating point gives 14', () => {
    // individual 0/1 and 3/10, summary 1/8: 0.8 x 0.15 + 0.2 x 0.125 = 0.145 exactly.
    const naive = (0.8 * ((0 / 1 + 3 / 10) / 2) + 0.2 * (1 / 8)) * 100;
    expect(Math.round(naive)).toBe(14);
    const b = makeBank({ '2.3': [{}, {}, { summary: true }] });
    const r = scoreInspection(b, [...counts('2.3.1', 0, 1), ...counts('2.3.2', 3, 7), ...counts('2.3.3', 1, 7)]);
    const c = criterion(r, '2.3');
    expect(c.exact).toEqual({ num: '29', den: '200' });
    expect(c.percent).toBe(15);
    expect(c.score).toBe(0.145);
  });

  it('only a summary proportion: the score is that proportion', () => {
    const r = scoreInspection(bank, counts('1.1.3', 1, 3));
    expect(criterion(r, '1.1').exact).toEqual({ num: '1', den: '4' });
    expect(criterion(r, '1.1').percent).toBe(25);
  });

  it('only individual proportions: the score is their mean', () => {
    const r = scoreInspection(bank, [...counts('1.1.1', 1, 0), ...counts('1.1.2', 0, 3)]);
    expect(criterion(r, '1.1').exact).toEqual({ num: '1', den: '2' });
    expect(criterion(r, '1.1').cases).toBe(4);
  });

  it('a question with no relevant case is left out of the mean (not counted as 0)', () => {
    const r = scoreInspection(bank, [...counts('1.1.1', 3, 1), kase({ '1.1.2': 'na' })]);
    expect(question(r, '1.1.2')).toMatchObject({ yes: 0, no: 0, na: 5, proportion: null, percent: null });
    expect(criterion(r, '1.1').exact).toEqual({ num: '3', den: '4' });
    expect(criterion(r, '1.1').scoredQuestions).toBe(1);
  });

  it('a criterion with no relevant case has a null score, not 0', () => {
    const r = scoreInspection(bank, [kase({ '1.1.1': 'na' }), kase({})]);
    expect(criterion(r, '1.1')).toMatchObject({ score: null, percent: null, exact: null, cases: 0, scoredQuestions: 0 });
    const empty = scoreInspection(bank, []);
    expect(criterion(empty, '1.1').score).toBeNull();
    expect(empty.cases).toBe(0);
  });

  it('all no gives 0, not null', () => {
    const r = scoreInspection(bank, counts('1.1.1', 0, 2));
    expect(criterion(r, '1.1')).toMatchObject({ score: 0, percent: 0, exact: { num: '0', den: '1' } });
  });

  it('answers to a question whose appliesTo excludes the case type count as na', () => {
    const b = makeBank({ '1.1': [{ appliesTo: ['custody'] }, {}] });
    const r = scoreInspection(b, [kase({ '1.1.1': 'yes', '1.1.2': 'no' }, 'community'), kase({ '1.1.1': 'no', '1.1.2': 'yes' }, 'custody')]);
    expect(question(r, '1.1.1')).toMatchObject({ yes: 0, no: 1, na: 1 });
    expect(question(r, '1.1.2')).toMatchObject({ yes: 1, no: 1, na: 0 });
    expect(criterion(r, '1.1').exact).toEqual({ num: '1', den: '4' }); // mean(0, 1/2)
  });

  it('a case of an unknown type counts as na throughout', () => {
    const r = scoreInspection(bank, [{ profile: { caseType: 'bogus' as CaseType }, answers: { '1.1.1': 'yes' } }]);
    expect(question(r, '1.1.1')).toMatchObject({ yes: 0, no: 0, na: 1 });
  });

  it('unknown answer values and unknown question ids are ignored', () => {
    const r = scoreInspection(bank, [{ profile: { caseType: 'community' }, answers: { '1.1.1': 'maybe' as Judgement, '9.9.9': 'yes' } }]);
    expect(question(r, '1.1.1')).toMatchObject({ yes: 0, no: 0, na: 1 });
    expect(r.questions).toHaveLength(3);
  });

  it('criterionScoreExact follows the rule on exact values', () => {
    expect(criterionScoreExact([], [])).toBeNull();
    expect(criterionScoreExact([rational(1, 2)], [])).toEqual(rational(1, 2));
    expect(criterionScoreExact([], [rational(1, 3)])).toEqual(rational(1, 3));
    expect(criterionScoreExact([rational(1, 1), rational(0, 1)], [rational(1, 1)])).toEqual(rational(3, 5));
  });

  it('section 4 criteria are not scored', () => {
    const b = makeBank({ '1.1': [{ summary: true }] }, ['4.1', '4.2']);
    const r = scoreInspection(b, counts('1.1.1', 1, 0));
    expect(r.criteria.map((c) => c.id)).toEqual(['1.1']);
    expect(r.sections.map((s) => s.id)).toEqual([1, 2, 3]);
  });
});

// ---------- sections and RoH thread ----------

describe('sections', () => {
  const bank = makeBank({
    '1.1': [{}, {}, { summary: true }],
    '1.2': [{ summary: true }],
    '1.3': [{}],
    '2.1': [{}],
    '3.1': [{}],
  });
  const base = [
    kase({ '1.1.1': 'yes', '1.1.2': 'yes', '1.1.3': 'yes' }),
    kase({ '1.1.1': 'yes', '1.1.2': 'no', '1.1.3': 'yes' }),
    kase({ '1.1.1': 'yes', '1.1.3': 'no' }),
    kase({ '1.1.1': 'no' }),
    ...counts('1.2.1', 1, 1),
    ...counts('2.1.1', 1, 2),
  ];

  it('a section is the mean of its scored criteria (unscored ones left out)', () => {
    const r = scoreInspection(bank, base);
    // 1.1 = 19/30, 1.2 = 1/2, 1.3 none: (19/30 + 15/30) / 2 = 17/30
    expect(section(r, 1)).toEqual({ id: 1, score: 0.5667, percent: 57, exact: { num: '17', den: '30' }, criteria: 2 });
    expect(section(r, 2)).toMatchObject({ exact: { num: '1', den: '3' }, percent: 33, criteria: 1 });
  });

  it('a section with no scored criterion is null', () => {
    const r = scoreInspection(bank, base);
    expect(section(r, 3)).toEqual({ id: 3, score: null, percent: null, exact: null, criteria: 0 });
  });

  it('criteria are not weighted by their number of questions or cases', () => {
    const r = scoreInspection(bank, [...counts('1.2.1', 100, 0), ...counts('1.3.1', 0, 1)]);
    expect(section(r, 1).exact).toEqual({ num: '1', den: '2' });
  });
});

describe('Risk of Harm thread', () => {
  const bank = makeBank({
    '1.1': [{ roh: true }, {}, { summary: true, roh: true }],
    '1.2': [{ roh: true }, { roh: true }],
    '2.1': [{ roh: true }],
    '3.1': [{ roh: true }],
  });
  const cases = [
    ...counts('1.1.1', 3, 1), // roh 3/4
    ...counts('1.1.2', 1, 0), // not roh
    ...counts('1.1.3', 2, 1), // roh summary 2/3
    ...counts('2.1.1', 0, 1), // roh 0
    ...counts('3.1.1', 1, 0), // roh, but section 3
    kase({ '1.2.1': 'na' }), // roh, no relevant case: left out
    ...counts('1.2.2', 1, 1), // roh 1/2
  ];

  it('is the unweighted mean over roh questions of sections 1-2, summaries included', () => {
    const r = scoreInspection(bank, cases);
    // mean(3/4, 2/3, 1/2, 0) = (9/12 + 8/12 + 6/12) / 4 = 23/48
    expect(r.rohThread).toEqual({ score: 0.4792, percent: 48, exact: { num: '23', den: '48' }, questions: 4 });
  });

  it('is null when no roh question has a relevant case', () => {
    const r = scoreInspection(bank, [...counts('1.1.2', 1, 0), ...counts('3.1.1', 1, 0)]);
    expect(r.rohThread).toEqual({ score: null, percent: null, exact: null, questions: 0 });
  });
});

describe('accumulator', () => {
  const bank = makeBank({ '1.1': [{}, { summary: true }], '2.1': [{ roh: true }] });
  const cases = [
    kase({ '1.1.1': 'yes', '1.1.2': 'no', '2.1.1': 'yes' }),
    kase({ '1.1.1': 'no', '2.1.1': 'no' }, 'licence'),
    kase({ '1.1.2': 'yes' }, 'custody'),
    kase({}),
  ];

  it('fed in pages, with result() taken between pages, equals one shot', () => {
    const acc = createScoreAccumulator(bank);
    acc.add(cases[0]!);
    const partial = acc.result();
    expect(partial.cases).toBe(1);
    expect(criterion(partial, '1.1').exact).toEqual({ num: '4', den: '5' });
    acc.addAll(cases.slice(1, 3));
    acc.result();
    acc.addAll(cases.slice(3));
    expect(acc.cases).toBe(4);
    expect(acc.result()).toEqual(scoreInspection(bank, cases));
  });

  it('a result is not changed by adding later cases', () => {
    const acc = createScoreAccumulator(bank);
    acc.add(cases[0]!);
    const before = acc.result();
    const copy = structuredClone(before);
    acc.add(cases[1]!);
    expect(before).toEqual(copy);
  });

  it('accepts any iterable, generators included', () => {
    function* gen() {
      yield* cases;
    }
    expect(scoreInspection(bank, gen())).toEqual(scoreInspection(bank, cases));
  });

  it('scores 10,000 cases x 150 questions in well under a second', () => {
    const spec: Record<string, QSpec[]> = {};
    const ids = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2'];
    ids.forEach((id, i) => {
      const n = i < 10 ? 11 : 10; // 10 x 11 + 4 x 10 = 150
      spec[id] = Array.from({ length: n }, (_, k) => ({
        summary: k === n - 1,
        roh: k % 3 === 0,
        appliesTo: k % 7 === 3 ? (['licence', 'custody'] as CaseType[]) : ALL_TYPES,
      }));
    });
    const big = makeBank(spec);
    expect(big.questions).toHaveLength(150);
    const J: Judgement[] = ['yes', 'no', 'na'];
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const many: CaseInput[] = Array.from({ length: 10_000 }, (_, i) => {
      const answers: Record<string, Judgement> = {};
      for (const q of big.questions) if (rnd() < 0.85) answers[q.id] = J[Math.floor(rnd() * 3)]!;
      return kase(answers, ALL_TYPES[i % 3]!);
    });
    // Best of three, so that a busy machine does not fail the test; a slow implementation still does.
    let ms = Infinity;
    let r: ScoreResult | undefined;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      r = scoreInspection(big, many);
      ms = Math.min(ms, performance.now() - t0);
    }
    console.info(`scored 10,000 cases x 150 questions in ${ms.toFixed(1)} ms (best of 3)`);
    expect(r!.cases).toBe(10_000);
    expect(r!.criteria.every((c) => c.percent !== null)).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});

// ---------- sample composition ----------

describe('sample composition', () => {
  const p = (profile: Partial<CaseProfile>): { profile: CaseProfile } => ({
    profile: { caseType: 'community', ...profile },
  });

  it('counts each breakdown, missing values as not-recorded', () => {
    const s = describeSample([
      p({
        caseType: 'licence',
        gender: 'female',
        ethnicity: 'black',
        roh: 'high',
        ppo: true,
        mappaLevel: 2,
        approvedPremises: true,
        statutoryVictimContact: true,
        assessor: 'hmi',
        tier: 4,
      }),
      p({
        caseType: 'community',
        gender: 'male',
        ethnicity: 'white',
        roh: 'low',
        ppo: false,
        mappaLevel: 0,
        approvedPremises: false,
        statutoryVictimContact: false,
        assessor: 'area',
        tier: 1,
      }),
      p({ caseType: 'custody', ethnicity: 'not-recorded' }),
    ]);
    expect(s).toEqual({
      cases: 3,
      byCaseType: { community: 1, licence: 1, custody: 1, 'not-recorded': 0 },
      byGender: { male: 1, female: 1, 'not-recorded': 1 },
      byEthnicity: { white: 1, black: 1, asian: 0, mixed: 0, other: 0, 'not-recorded': 1 },
      byRoh: { low: 1, medium: 0, high: 1, 'very-high': 0, 'not-recorded': 1 },
      ppo: 1,
      byMappaLevel: { '0': 1, '1': 0, '2': 1, '3': 0, 'not-recorded': 1 },
      approvedPremises: 1,
      statutoryVictimContact: 1,
      flagsNotRecorded: { ppo: 1, approvedPremises: 1, statutoryVictimContact: 1 },
      byAssessor: { hmi: 1, area: 1, 'not-recorded': 1 },
      byTier: { '1': 1, '2': 0, '3': 0, '4': 1, 'not-recorded': 1 },
    });
  });

  it('reproduces the standard 40 licence / 60 community / 10 custody sample', () => {
    const cases = [
      ...Array.from({ length: 40 }, () => p({ caseType: 'licence' })),
      ...Array.from({ length: 60 }, (_, i) => p({ caseType: 'community', gender: i < 6 ? 'female' : 'male' })),
      ...Array.from({ length: 10 }, () => p({ caseType: 'custody', ppo: true })),
    ];
    const s = describeSample(cases);
    expect(s.cases).toBe(110);
    expect(s.byCaseType).toEqual({ community: 60, licence: 40, custody: 10, 'not-recorded': 0 });
    expect(s.byGender).toEqual({ male: 54, female: 6, 'not-recorded': 50 });
    expect(s.ppo).toBe(10);
    expect(s.flagsNotRecorded.ppo).toBe(100);
  });

  it('counts values outside the schema as not-recorded, so totals still add up', () => {
    const s = describeSample([{ profile: { caseType: 'community', tier: 9 as 1, gender: 'x' as 'male' } }]);
    expect(s.byTier['not-recorded']).toBe(1);
    expect(s.byGender['not-recorded']).toBe(1);
  });

  it('the accumulator fed in pages equals one shot, and results are snapshots', () => {
    const cases = [p({ tier: 1 }), p({ tier: 2, ppo: true }), p({})];
    const acc = createSampleAccumulator();
    acc.add(cases[0]!);
    const first = acc.result();
    acc.addAll(cases.slice(1));
    expect(first.cases).toBe(1);
    expect(first.byTier['2']).toBe(0);
    expect(acc.cases).toBe(3);
    expect(acc.result()).toEqual(describeSample(cases));
  });
});

// ---------- conclusions ----------

describe('suggested bands', () => {
  // The Kent report's criteria: percentage and the conclusion it drew.
  const kent: [string, number, string][] = [
    ['1.1', 79, 'good'],
    ['1.2', 61, 'urgent-priority'],
    ['1.3', 77, 'good'],
    ['1.4', 71, 'good'],
    ['1.5', 60, 'urgent-priority'],
    ['2.1', 52, 'urgent-priority'],
    ['2.2', 58, 'urgent-priority'],
    ['2.3', 56, 'urgent-priority'],
    ['2.4', 78, 'good'],
    ['2.5', 49, 'urgent-priority'],
    ['2.6', 82, 'good'],
    ['2.7', 65, 'good'],
    ['3.1', 50, 'urgent-priority'],
  ];

  it.each(kent)('reproduces the report for %s (%i%%: %s)', (_id, percent, band) => {
    expect(suggestBand(percent)?.id).toBe(band);
  });

  it('cannot reproduce 3.2 (57%, "priority"): it lies between urgent-priority scores', () => {
    expect(suggestBand(57)?.id).toBe('urgent-priority');
  });

  it('puts the boundaries at 62 and 65', () => {
    expect(suggestBand(0)?.id).toBe('urgent-priority');
    expect(suggestBand(61)?.id).toBe('urgent-priority');
    expect(suggestBand(62)?.id).toBe('priority');
    expect(suggestBand(64)?.id).toBe('priority');
    expect(suggestBand(65)?.id).toBe('good');
    expect(suggestBand(100)?.id).toBe('good');
    expect(suggestBand(65)?.conclusion).toBe('Performance against this criterion was good.');
    expect(suggestBand(50)?.conclusion).toBe('This criterion represents an urgent priority for improvement.');
  });

  it('null percent -> null band', () => {
    expect(suggestBand(null)).toBeNull();
    expect(suggestBand(undefined)).toBeNull();
  });

  it('takes thresholds in any order, and null below every band', () => {
    const t: BandThreshold[] = [
      { min: 10, id: 'low', label: 'Low', conclusion: 'low' },
      { min: 90, id: 'top', label: 'Top', conclusion: 'top' },
      { min: 50, id: 'mid', label: 'Mid', conclusion: 'mid' },
    ];
    expect(suggestBand(95, t)?.id).toBe('top');
    expect(suggestBand(90, t)?.id).toBe('top');
    expect(suggestBand(89, t)?.id).toBe('mid');
    expect(suggestBand(10, t)?.id).toBe('low');
    expect(suggestBand(9, t)).toBeNull();
  });

  it('rejects NaN', () => {
    expect(() => suggestBand(Number.NaN)).toThrow(RangeError);
  });

  it('suggests a band per criterion of a result', () => {
    const bank = makeBank({ '1.1': [{}], '1.2': [{}] });
    const r = scoreInspection(bank, counts('1.1.1', 4, 1));
    expect(suggestBands(r.criteria)).toEqual([
      { id: '1.1', percent: 80, band: DEFAULT_BANDS[0] },
      { id: '1.2', percent: null, band: null },
    ]);
  });
});

// ---------- the shipped bank ----------

describe('the shipped bank omi-2008.1', () => {
  it('scores every criterion 1.1-3.2, the sections and the RoH thread over a generated sample', () => {
    const bank = getBank('omi-2008.1');
    if (!bank) throw new Error('bank omi-2008.1 missing');
    const J: Judgement[] = ['yes', 'no', 'na'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const types: CaseType[] = [
      ...Array<CaseType>(40).fill('licence'),
      ...Array<CaseType>(60).fill('community'),
      ...Array<CaseType>(10).fill('custody'),
    ];
    const cases = types.map((caseType) => {
      const answers: Record<string, Judgement> = {};
      for (const q of bank.questions) if (q.appliesTo.includes(caseType)) answers[q.id] = J[Math.floor(rnd() * 3)]!;
      return kase(answers, caseType);
    });
    const r = scoreInspection(bank, cases);
    expect(r.questionBankVersion).toBe('omi-2008.1');
    expect(r.criteria.map((c) => c.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2']);
    for (const c of r.criteria) {
      expect(c.score, c.id).not.toBeNull();
      expect(c.percent, c.id).toBeGreaterThanOrEqual(0);
      expect(c.cases, c.id).toBeGreaterThan(0);
    }
    expect(r.sections.every((x) => x.percent !== null)).toBe(true);
    expect(r.rohThread.percent).not.toBeNull();
    expect(r.rohThread.questions).toBeGreaterThan(0);
    expect(r.questions).toHaveLength(bank.questions.length);
    expect(describeSample(cases).byCaseType).toEqual({ community: 60, licence: 40, custody: 10, 'not-recorded': 0 });
  });
});
