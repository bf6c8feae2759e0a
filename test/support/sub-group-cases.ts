/**
 * A small inspection whose sub-groups are laid out by hand (issue 28, item 9): ten finished
 * cases and one unfinished, each with its groups and its answer to question 2.1.2, so that the
 * figures a test expects are counted from this table, not by the code under test.
 */
import { expect } from 'vitest';
import type { CaseProfile } from '#schemas/case';
import { call } from './api';
import { bank, makeCase } from './fixtures';

export const Q = '2.1.2';

/** ref, profile, the answer to 2.1.2. */
export const CASES: [string, CaseProfile, 'yes' | 'no' | 'na'][] = [
  ['QB-01', { caseType: 'community', tier: 4, roh: 'high', ppo: true, mappaLevel: 0, transferred: true }, 'yes'],
  ['QB-02', { caseType: 'community', tier: 4, roh: 'high', ppo: false, mappaLevel: 1, transferred: true }, 'yes'],
  ['QB-03', { caseType: 'licence', tier: 4, roh: 'very-high', ppo: false, mappaLevel: 2, transferred: true }, 'yes'],
  ['QB-04', { caseType: 'licence', tier: 3, roh: 'medium', ppo: true, mappaLevel: 0, transferred: false }, 'no'],
  ['QB-05', { caseType: 'custody', tier: 3, roh: 'medium', ppo: false, transferred: false }, 'yes'],
  ['QB-06', { caseType: 'custody', tier: 2, roh: 'low', transferred: false }, 'no'],
  ['QB-07', { caseType: 'community', tier: 2, roh: 'low', ppo: false, mappaLevel: 0 }, 'na'],
  ['QB-08', { caseType: 'community', tier: 1, roh: 'low', ppo: false, mappaLevel: 0, transferred: false }, 'yes'],
  ['QB-09', { caseType: 'licence', roh: 'medium', ppo: false, mappaLevel: 0, transferred: false }, 'yes'],
  ['QB-10', { caseType: 'community', tier: 3, roh: 'medium', ppo: false, mappaLevel: 0, transferred: false }, 'no'],
];

/** Puts CASES (each otherwise answered at random, so finished) and one unfinished case. */
export async function putSubGroupCases(id: string): Promise<void> {
  const b = bank();
  for (const [n, [ref, profile, answer]] of CASES.entries()) {
    const input = makeCase(profile.caseType, 900 + n, b);
    const res = await call(`/inspections/${id}/cases/${ref}`, {
      as: 'inspector',
      method: 'PUT',
      json: { profile, answers: { ...input.answers, [Q]: answer } },
    });
    expect(res.status, res.text).toBe(201);
  }
  // Unfinished: one question left out. It waits, as in the summary, and counts in no group.
  const unfinished = makeCase('community', 999, b);
  delete unfinished.answers[Q];
  const res = await call(`/inspections/${id}/cases/QB-11`, {
    as: 'inspector',
    method: 'PUT',
    json: { profile: { caseType: 'community', tier: 4, transferred: true }, answers: unfinished.answers },
  });
  expect(res.status, res.text).toBe(201);
}
