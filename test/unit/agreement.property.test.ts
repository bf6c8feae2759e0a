/**
 * Percent agreement and Cohen's kappa (issue 14) against an independent calculation: a
 * confusion matrix built from the raw pairs with exact fractions, kappa from its marginals
 * as the textbook writes it, and the degenerate cases (perfect agreement, no variation).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBank, CURRENT_BANK_VERSION } from '#bank/index';
import { addPair, agreementOf, emptyCounts, moderationOf, type DoubleMarking } from '#scoring/agreement';
import type { Judgement } from '#schemas/case';

const judgement = fc.constantFrom<Judgement>('yes', 'no', 'na');
const pair = fc.tuple(judgement, judgement);

/** The textbook: a 2x2 table over yes/no pairs, kappa = (Σ diagonal/n − Σ row·col/n²) / (1 − Σ row·col/n²). */
function independent(pairs: [Judgement, Judgement][]): { agreement: number | null; kappa: number | null } {
  const kept = pairs.filter(([a, b]) => a !== 'na' && b !== 'na');
  const n = kept.length;
  if (n === 0) return { agreement: null, kappa: null };
  const cats = ['yes', 'no'];
  const table = cats.map((r) => cats.map((c) => kept.filter(([a, b]) => a === r && b === c).length));
  const diagonal = table[0]![0]! + table[1]![1]!;
  const rows = table.map((r) => r[0]! + r[1]!);
  const cols = [0, 1].map((c) => table[0]![c]! + table[1]![c]!);
  // In integers: p_o = diagonal / n, p_e = Σ rows·cols / n².
  const chance = rows[0]! * cols[0]! + rows[1]! * cols[1]!;
  const kappa = chance === n * n ? 1 : (n * diagonal - chance) / (n * n - chance);
  return { agreement: diagonal / n, kappa };
}

function ours(pairs: [Judgement, Judgement][]) {
  const counts = emptyCounts();
  for (const [a, b] of pairs) addPair(counts, a, b);
  return agreementOf(counts);
}

const close = (actual: number | null, expected: number | null) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  // Rounded to 3 decimals: within half a thousandth (and a hair for floating point).
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.0005 + 1e-9);
  expect(Number(actual!.toFixed(3))).toBe(actual);
};

describe('agreement and kappa', () => {
  it('match an independent calculation on random double markings', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 300 }), (pairs) => {
        const got = ours(pairs);
        const want = independent(pairs);
        close(got.agreement, want.agreement);
        close(got.kappa, want.kappa);
        expect(got.pairs).toBe(pairs.filter(([a, b]) => a !== 'na' && b !== 'na').length);
      }),
      { numRuns: 500 },
    );
  });

  it('gives 1 and 1 for perfect agreement with variation', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Judgement>('yes', 'no'), { minLength: 2 }), (answers) => {
        fc.pre(answers.includes('yes') && answers.includes('no'));
        expect(ours(answers.map((a) => [a, a]))).toEqual({ pairs: answers.length, agreement: 1, kappa: 1 });
      }),
    );
  });

  it('gives kappa 1 when there is no variation at all (p_e = 1 and p_o = 1)', () => {
    expect(
      ours([
        ['yes', 'yes'],
        ['yes', 'yes'],
        ['yes', 'yes'],
      ]),
    ).toEqual({ pairs: 3, agreement: 1, kappa: 1 });
    expect(ours([['no', 'no']])).toEqual({ pairs: 1, agreement: 1, kappa: 1 });
  });

  it('gives 0 when one marker never varies and the other does (agreement no better than chance)', () => {
    expect(
      ours([
        ['yes', 'yes'],
        ['yes', 'no'],
        ['yes', 'yes'],
        ['yes', 'no'],
      ]),
    ).toEqual({ pairs: 4, agreement: 0.5, kappa: 0 });
  });

  it('gives −1 for complete disagreement split evenly, and null without pairs', () => {
    expect(
      ours([
        ['yes', 'no'],
        ['no', 'yes'],
      ]),
    ).toEqual({ pairs: 2, agreement: 0, kappa: -1 });
    expect(
      ours([
        ['na', 'yes'],
        ['no', 'na'],
        ['na', 'na'],
      ]),
    ).toEqual({ pairs: 0, agreement: null, kappa: null });
  });

  it('matches a worked example (Cohen 1960 style table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)', () => {
    const pairs: [Judgement, Judgement][] = [
      ...Array<[Judgement, Judgement]>(20).fill(['yes', 'yes']),
      ...Array<[Judgement, Judgement]>(5).fill(['yes', 'no']),
      ...Array<[Judgement, Judgement]>(10).fill(['no', 'yes']),
      ...Array<[Judgement, Judgement]>(15).fill(['no', 'no']),
    ];
    // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.4.
    expect(ours(pairs)).toEqual({ pairs: 50, agreement: 0.7, kappa: 0.4 });
  });
});

describe('moderation over a bank', () => {
  const bank = getBank(CURRENT_BANK_VERSION)!;
  const ids = bank.questions.map((q) => q.id);
  const answers = fc.dictionary(fc.constantFrom(...ids), judgement, { maxKeys: 40 });
  const marking = fc.record({
    caseRef: fc.stringMatching(/^C-\d{3}$/),
    assessor: fc.constantFrom<'hmi' | 'area' | undefined>('hmi', 'area', undefined),
    first: answers,
    second: answers,
  });

  it('is the pooled agreement of every question, per criterion the pooled agreement of its questions, flags summary-question differences', () => {
    fc.assert(
      fc.property(fc.uniqueArray(marking, { selector: (m) => m.caseRef, maxLength: 12 }), (raw) => {
        const markings: DoubleMarking[] = raw.map(({ assessor, ...m }) => (assessor ? { ...m, assessor } : m));
        const result = moderationOf(bank, markings);
        const pairsOf = (m: DoubleMarking, qs: string[]) => qs.map((id) => [m.first[id] ?? 'na', m.second[id] ?? 'na'] as [Judgement, Judgement]);
        const all = independent(markings.flatMap((m) => pairsOf(m, ids)));
        expect(result.cases).toBe(markings.length);
        close(result.agreement, all.agreement);
        close(result.kappa, all.kappa);
        for (const c of result.byCriterion) {
          const qs = bank.questions.filter((q) => q.criterion === c.id).map((q) => q.id);
          const want = independent(markings.flatMap((m) => pairsOf(m, qs)));
          close(c.agreement, want.agreement);
          close(c.kappa, want.kappa);
          expect(c.cases).toBe(markings.filter((m) => pairsOf(m, qs).some(([a, b]) => a !== 'na' && b !== 'na')).length);
        }
        for (const a of result.byAssessor) {
          const mine = markings.filter((m) => (m.assessor ?? 'not-recorded') === a.assessor);
          expect(a.cases).toBe(mine.length);
          close(a.kappa, independent(mine.flatMap((m) => pairsOf(m, ids))).kappa);
        }
        const summaries = bank.questions.filter((q) => q.summary && bank.criteria.find((c) => c.id === q.criterion)!.section !== 4).map((q) => q.id);
        const flagged = markings.filter((m) => summaries.some((id) => (m.first[id] ?? 'na') !== (m.second[id] ?? 'na'))).map((m) => m.caseRef);
        expect(result.flagged).toEqual(flagged.sort());
      }),
      { numRuns: 200 },
    );
  });
});
