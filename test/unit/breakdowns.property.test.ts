/**
 * The summary's breakdowns against an independent calculation on random samples: the test
 * groups the cases itself (its own reading of each profile field), scores each group with the
 * whole-sample scorer over that group's cases alone (the contract's "computed exactly as for
 * the whole sample"), and applies the [c] rule itself.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_BANK_VERSION, getBank } from '#bank/index';
import type { CaseType } from '#schemas/bank';
import type { CaseProfile, Judgement } from '#schemas/case';
import { createBreakdownAccumulator, scoreInspection } from '#scoring/index';

const bank = getBank(CURRENT_BANK_VERSION)!;
const scoredIds = bank.criteria.filter((c) => c.section <= 3).map((c) => c.id);

const profileArb: fc.Arbitrary<CaseProfile> = fc.record(
  {
    caseType: fc.constantFrom<CaseType>('community', 'licence', 'custody'),
    tier: fc.integer({ min: 1, max: 4 }),
    roh: fc.constantFrom('low', 'medium', 'high', 'very-high'),
    ppo: fc.boolean(),
    gender: fc.constantFrom('male', 'female'),
    ethnicity: fc.constantFrom('white', 'black', 'asian', 'mixed', 'other', 'not-recorded'),
  },
  { requiredKeys: ['caseType'] },
) as fc.Arbitrary<CaseProfile>;

/** Answers skewed per case so that groups differ: a case says yes with its own probability. */
const caseArb = fc
  .record({ profile: profileArb, yesRate: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.integer() })
  .map(({ profile, yesRate, seed }) => {
    let s = seed >>> 0 || 1;
    const next = () => ((s = (s * 1103515245 + 12345) >>> 0) % 10_000) / 10_000;
    const answers: Record<string, Judgement> = {};
    for (const q of bank.questions) {
      if (!q.appliesTo.includes(profile.caseType)) continue;
      const r = next();
      answers[q.id] = r < 0.15 ? 'na' : next() < yesRate ? 'yes' : 'no';
    }
    return { profile, answers };
  });

/** The test's own grouping: what the contract's groups mean for one profile. */
function expectedGroup(profile: CaseProfile, by: string): string {
  switch (by) {
    case 'caseType':
      return profile.caseType;
    case 'tier':
      return profile.tier === undefined ? 'not-recorded' : String(profile.tier);
    case 'ppo':
      return profile.ppo === undefined ? 'not-recorded' : profile.ppo ? 'yes' : 'no';
    default: {
      const v = (profile as Record<string, unknown>)[by];
      return v === undefined ? 'not-recorded' : String(v);
    }
  }
}

describe('breakdowns', () => {
  it("equal, group by group, the whole-sample scoring of that group's cases, with [c] below 5 cases", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 0, maxLength: 60 }), (cases) => {
        const acc = createBreakdownAccumulator(bank);
        for (const c of cases) acc.add(c);
        const got = acc.result();
        expect(got.map((b) => b.by)).toEqual(['caseType', 'tier', 'roh', 'ppo', 'gender', 'ethnicity']);
        for (const breakdown of got) {
          // Every case is in exactly one group.
          expect(breakdown.groups.reduce((n, g) => n + g.cases, 0)).toBe(cases.length);
          for (const group of breakdown.groups) {
            const mine = cases.filter((c) => expectedGroup(c.profile, breakdown.by) === group.value);
            expect(group.cases, `${breakdown.by}:${group.value}`).toBe(mine.length);
            expect(Object.keys(group.criteria)).toEqual(scoredIds);
            if (mine.length < 5) {
              expect(
                Object.values(group.criteria).every((v) => v === '[c]'),
                `${breakdown.by}:${group.value} has ${mine.length}`,
              ).toBe(true);
              continue;
            }
            const whole = scoreInspection(bank, mine);
            expect(group.criteria).toEqual(Object.fromEntries(whole.criteria.map((c) => [c.id, c.percent])));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists every group, empty ones too, in a stable order', () => {
    const got = createBreakdownAccumulator(bank).result();
    expect(got.find((b) => b.by === 'ppo')!.groups.map((g) => g.value)).toEqual(['yes', 'no', 'not-recorded']);
    expect(got.find((b) => b.by === 'caseType')!.groups.map((g) => g.value)).toEqual(['community', 'licence', 'custody']);
    expect(got.flatMap((b) => b.groups).every((g) => g.cases === 0 && Object.values(g.criteria).every((v) => v === '[c]'))).toBe(true);
  });

  it('shows a group of exactly 5 cases and hides one of 4', () => {
    const fourPpo = Array.from({ length: 9 }, (_, i) => ({
      profile: { caseType: 'community' as const, ppo: i < 4 },
      answers: { [bank.questions[0]!.id]: 'yes' as const },
    }));
    const acc = createBreakdownAccumulator(bank);
    for (const c of fourPpo) acc.add(c);
    const ppo = acc.result().find((b) => b.by === 'ppo')!.groups;
    expect(ppo.find((g) => g.value === 'yes')).toMatchObject({ cases: 4 });
    expect(Object.values(ppo.find((g) => g.value === 'yes')!.criteria).every((v) => v === '[c]')).toBe(true);
    expect(ppo.find((g) => g.value === 'no')).toMatchObject({ cases: 5 });
    expect(Object.values(ppo.find((g) => g.value === 'no')!.criteria).some((v) => typeof v === 'number')).toBe(true);
  });
});
