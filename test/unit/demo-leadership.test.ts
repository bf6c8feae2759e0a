/**
 * The demo's Section 4 (infra/local/demo-data.ts) against the Kent report: all 52 lettered
 * strengths and areas for improvement, in order, word for word. The oracle is the seed file.
 */
import { describe, expect, it } from 'vitest';
import { kentDemoLeadership } from '#infra/local/demo-data';
import { PutLeadership } from '#schemas/inspection';
import * as z from 'zod/mini';
import { seedSection4Findings } from '#support/kent-seed';

const english = (p: string | { text: string }) => (typeof p === 'string' ? p : p.text);

describe("the demo's leadership findings", () => {
  const seed = seedSection4Findings();

  it('are the 52 of the seed (4.1 to 4.6), each in its place and in the seed’s words', () => {
    const count = Object.values(seed).reduce((n, c) => n + c.strengths.length + c.improvements.length, 0);
    expect(count).toBe(52);
    expect(Object.keys(kentDemoLeadership).sort()).toEqual(Object.keys(seed).sort());
    for (const [id, lists] of Object.entries(seed)) {
      const demo = kentDemoLeadership[id]!;
      expect((demo.strengths ?? []).map(english), `${id} strengths`).toEqual(lists.strengths);
      expect((demo.improvements ?? []).map(english), `${id} areas for improvement`).toEqual(lists.improvements);
    }
  });

  it('include the findings longer than the old 1,000-character cap, and every one is a valid body', () => {
    const all = Object.values(seed).flatMap((c) => [...c.strengths, ...c.improvements]);
    expect(all.filter((f) => f.length > 1000).length).toBeGreaterThanOrEqual(6);
    for (const body of Object.values(kentDemoLeadership)) expect(z.safeParse(PutLeadership, body).success).toBe(true);
  });
});
