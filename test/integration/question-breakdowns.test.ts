/**
 * Each question's figure by sub-group (issue 28, item 9), through the real local server: ten
 * finished cases and one unfinished, whose groups and answers to question 2.1.2 are laid out
 * in test/support/sub-group-cases.ts, against figures worked out by hand from that table (not by the code under test).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { bank, createInspection } from '#support/fixtures';
import { putSubGroupCases, Q } from '#support/sub-group-cases';

let id: string;

/** by -> value -> [cases in the group, yes, no, na, percent, published], counted by hand from CASES. */
const EXPECTED: Record<string, Record<string, [number, number, number, number, number | null, number | null | '[c]']>> = {
  caseType: { community: [5, 3, 1, 1, 75, '[c]'], licence: [3, 2, 1, 0, 67, '[c]'], custody: [2, 1, 1, 0, 50, '[c]'] },
  tier: {
    '1': [1, 1, 0, 0, 100, '[c]'],
    '2': [2, 0, 1, 1, 0, '[c]'],
    '3': [3, 1, 2, 0, 33, '[c]'],
    '4': [3, 3, 0, 0, 100, '[c]'],
    'not-recorded': [1, 1, 0, 0, 100, '[c]'],
  },
  roh: {
    low: [3, 1, 1, 1, 50, '[c]'],
    medium: [4, 2, 2, 0, 50, '[c]'],
    high: [2, 2, 0, 0, 100, '[c]'],
    'very-high': [1, 1, 0, 0, 100, '[c]'],
    'not-recorded': [0, 0, 0, 0, null, null],
  },
  ppo: { yes: [2, 1, 1, 0, 50, '[c]'], no: [7, 5, 1, 1, 83, 83], 'not-recorded': [1, 0, 1, 0, 0, '[c]'] },
  mappaLevel: {
    '0': [6, 3, 2, 1, 60, 60],
    '1': [1, 1, 0, 0, 100, '[c]'],
    '2': [1, 1, 0, 0, 100, '[c]'],
    '3': [0, 0, 0, 0, null, null],
    'not-recorded': [2, 1, 1, 0, 50, '[c]'],
  },
  transferred: { yes: [3, 3, 0, 0, 100, '[c]'], no: [6, 3, 3, 0, 50, 50], 'not-recorded': [1, 0, 0, 1, null, null] },
  custodial: { yes: [5, 3, 2, 0, 60, 60], no: [5, 3, 1, 1, 75, '[c]'] },
};

beforeAll(async () => {
  id = await createInspection('Sub-groups (test)');
  await putSubGroupCases(id);
});

describe('GET /inspections/{id}/question-breakdowns', () => {
  it("gives question 2.1.2's figure in every group exactly as counted by hand, unfinished cases left out", async () => {
    const res = await call(`/inspections/${id}/question-breakdowns`, { as: 'staff' });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ inspectionId: id, notForPublication: true, cases: 10, unfinished: 1 });
    const question = res.json.questions.find((q: { id: string }) => q.id === Q);
    expect(question.criterion).toBe('2.1');
    for (const [by, values] of Object.entries(EXPECTED)) {
      const breakdown = question.breakdowns.find((b: { by: string }) => b.by === by);
      const sizes = res.json.groups.find((g: { by: string }) => g.by === by);
      expect(
        breakdown.groups.map((g: { value: string }) => g.value),
        by,
      ).toEqual(Object.keys(values));
      for (const [value, [cases, yes, no, na, percent, published]] of Object.entries(values)) {
        expect(
          breakdown.groups.find((g: { value: string }) => g.value === value),
          `${by}:${value}`,
        ).toEqual({ value, yes, no, na, percent, published });
        expect(
          sizes.values.find((g: { value: string }) => g.value === value),
          `${by}:${value} cases`,
        ).toEqual({ value, cases });
      }
    }
  });

  it("lists every scored question, and one criterion's only with ?criterion=", async () => {
    const all = await call(`/inspections/${id}/question-breakdowns`, { as: 'inspector' });
    expect(all.json.questions.map((q: { id: string }) => q.id)).toEqual(
      bank()
        .questions.filter((q) => Number(q.criterion[0]) <= 3)
        .map((q) => q.id),
    );
    const one = await call(`/inspections/${id}/question-breakdowns?criterion=2.1`, { as: 'admin' });
    expect(one.status, one.text).toBe(200);
    expect(one.json.questions.map((q: { id: string }) => q.id)).toEqual(
      bank()
        .questions.filter((q) => q.criterion === '2.1')
        .map((q) => q.id),
    );
  });

  it('refuses a bad criterion with a problem naming it, an unknown inspection with 404, and anyone not signed in', async () => {
    const bad = await call(`/inspections/${id}/question-breakdowns?criterion=4.1`, { as: 'staff' });
    expectProblem(bad, 400);
    expect(JSON.stringify(bad.json.errors)).toContain('criterion');
    expectProblem(await call('/inspections/no-such-inspection/question-breakdowns', { as: 'staff' }), 404);
    expectProblem(await call(`/inspections/${id}/question-breakdowns`), 401);
    for (const role of ['admin', 'inspector', 'staff'] as const)
      expect((await call(`/inspections/${id}/question-breakdowns`, { as: role })).status, role).toBe(200);
  });
});
