/**
 * Sub-group figures per question (shared/scoring/question-breakdowns.ts) against counting done
 * here by hand over random samples of the shipped bank: every case falls in exactly one group of
 * each breakdown, so each breakdown's groups add up to the whole sample's counts; a group's
 * counts are its own cases' answers; and `published` is "[c]" exactly when fewer than 5 but
 * more than 0 of the group's cases are relevant.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_BANK_VERSION, getBank } from '#bank/index';
import type { CaseType } from '#schemas/bank';
import type { CaseProfile, Judgement } from '#schemas/case';
import { createQuestionBreakdownAccumulator, QUESTION_BREAKDOWN_BY } from '#scoring/question-breakdowns';

const bank = getBank(CURRENT_BANK_VERSION)!;
const questions = bank.questions.filter((q) => Number(q.criterion[0]) <= 3).slice(0, 12);

const caseArb = fc
  .record({
    caseType: fc.constantFrom<CaseType>('community', 'licence', 'custody'),
    tier: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    roh: fc.option(fc.constantFrom('low', 'medium', 'high', 'very-high' as const), { nil: undefined }),
    ppo: fc.option(fc.boolean(), { nil: undefined }),
    mappaLevel: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    transferred: fc.option(fc.boolean(), { nil: undefined }),
    answers: fc.array(fc.constantFrom<Judgement>('yes', 'no', 'na'), { minLength: questions.length, maxLength: questions.length }),
  })
  .map(({ answers, ...profile }) => {
    const clean = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)) as unknown as CaseProfile;
    return {
      profile: clean,
      answers: Object.fromEntries(questions.filter((q) => q.appliesTo.includes(clean.caseType)).map((q, i) => [q.id, answers[i]!])),
    };
  });

/** The group of a case, written again here: yes/no for flags, the number as text, "not-recorded" when absent; custodial from the case type. */
function groupHere(profile: CaseProfile, by: string): string {
  if (by === 'custodial') return profile.caseType === 'community' ? 'no' : 'yes';
  const v = (profile as Record<string, unknown>)[by];
  return v === undefined ? 'not-recorded' : v === true ? 'yes' : v === false ? 'no' : String(v);
}

describe('sub-group figures per question', () => {
  it('count each group over its own cases, add up to the whole sample, and hold back exactly the small relevant groups', () => {
    const property = fc.property(fc.array(caseArb, { maxLength: 40 }), (cases) => {
      const acc = createQuestionBreakdownAccumulator(bank, new Set(questions.map((q) => q.id)));
      for (const c of cases) acc.add(c);
      const result = acc.result();
      expect(result.cases).toBe(cases.length);
      for (const q of result.questions) {
        for (const b of q.breakdowns) {
          for (const g of b.groups) {
            const members = cases.filter((c) => groupHere(c.profile, b.by) === g.value);
            const count = (j: Judgement) => members.filter((c) => c.answers[q.id] === j).length;
            expect([g.yes, g.no, g.na], `${q.id} ${b.by}:${g.value}`).toEqual([
              count('yes'),
              count('no'),
              members.length - count('yes') - count('no'),
            ]);
            const relevant = g.yes + g.no;
            expect(g.published === '[c]').toBe(relevant > 0 && relevant < 5);
            if (relevant === 0) expect([g.percent, g.published]).toEqual([null, null]);
            else if (relevant >= 5) expect(g.published).toBe(g.percent);
          }
          expect(b.groups.reduce((n, g) => n + g.yes + g.no + g.na, 0)).toBe(cases.length);
        }
        expect(q.breakdowns.map((b) => b.by)).toEqual([...QUESTION_BREAKDOWN_BY]);
      }
    });
    expect(() => fc.assert(property, { numRuns: 60 })).not.toThrow();
  });
});
