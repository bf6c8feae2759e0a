/**
 * Findings drafted from the figures (shared/domain/findings.ts): every bank question gets a
 * sentence, the percentages are the summary's, the wording follows the figure, and a used
 * finding whose figure has moved is found.
 */
import { describe, expect, it } from 'vitest';
import { demoBank, kentDemoCases, prng } from '#infra/local/demo-data';
import { draftFinding, draftFindings, findingClause, staleFindings, STRENGTH_FROM } from '#domain/findings';
import type { Summary } from '#schemas/summary';
import type { WriteUp } from '#schemas/write-up';
import { createScoreAccumulator } from '#scoring/index';

const bank = demoBank();

function summaryOf(cases: ReturnType<typeof kentDemoCases>): Summary {
  const acc = createScoreAccumulator(bank);
  acc.addAll(cases);
  return { questions: acc.result().questions } as unknown as Summary;
}

/** The demo's cases with a share of their answers turned over, so the figures move. */
function shaken(seed: number) {
  const random = prng(seed);
  return kentDemoCases(bank).map((c) => ({
    ...c,
    answers: Object.fromEntries(Object.entries(c.answers).map(([id, a]) => [id, a !== 'na' && random() < 0.3 ? (a === 'yes' ? 'no' : 'yes') : a])),
  })) as ReturnType<typeof kentDemoCases>;
}

describe('drafted findings', () => {
  it('have a template for every question of the bank', () => {
    const missing = bank.questions.filter((q) => !findingClause(q.text));
    expect(missing.map((q) => q.id)).toEqual([]);
  });

  it("use the summary's percentages, for every scored question, on the demo and on shaken samples", () => {
    for (const summary of [summaryOf(kentDemoCases(bank)), summaryOf(shaken(1)), summaryOf(shaken(2)), summaryOf(shaken(3))]) {
      const drafts = Object.values(draftFindings(summary, bank)).flatMap((c) => [...c.strengths, ...c.improvements]);
      const scored = summary.questions.filter((q) => q.percent !== null);
      expect(drafts).toHaveLength(scored.length);
      for (const d of drafts) {
        const q = summary.questions.find((x) => x.id === d.drafted.question)!;
        expect(d.drafted.percent, q.id).toBe(q.percent);
        expect(d.kind, q.id).toBe(q.percent! >= STRENGTH_FROM ? 'strength' : 'improvement');
        const relevant = q.yes + q.no;
        // Large groups read as the percentage; small ones as counts.
        if (relevant >= 20 && q.yes !== relevant && q.yes !== 0)
          expect(d.text, q.id).toMatch(new RegExp(`${q.percent}% of (cases|the ${relevant} )`));
        else if (relevant < 20 && q.yes > 0 && q.yes < relevant - 1)
          expect(d.text, q.id).toMatch(
            new RegExp(`\\b${q.yes < 10 ? ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][q.yes] : q.yes} of the `),
          );
        expect(d.text, q.id).toMatch(/^[A-Z].*\.$/);
      }
    }
  });

  it('reads right high or low, with counts and quantity words for small groups', () => {
    const q = bank.questions.find((x) => x.id === '1.3.1')!;
    expect(draftFinding(q, 83, 22, 79)!.text).toBe('In 79% of cases an OASys assessment was completed as required at the start of the sentence.');
    expect(draftFinding(q, 24, 81, 23)!.text).toBe(
      'In only 23% of cases an OASys assessment was completed as required at the start of the sentence.',
    );
    const ppo = bank.questions.find((x) => x.id === '1.3.6')!;
    expect(draftFinding(ppo, 4, 5, 44)!.text).toBe('In only four of the nine PPO cases the OASys assessment was comprehensive.');
    expect(draftFinding(ppo, 8, 0, 100)!.text).toBe('In all eight PPO cases the OASys assessment was comprehensive.');
    expect(draftFinding(ppo, 8, 1, 89)!.text).toBe('In all but one of the nine PPO cases the OASys assessment was comprehensive.');
    const mappa = bank.questions.find((x) => x.id === '2.2.10')!;
    expect(draftFinding(mappa, 21, 4, 84)!.text).toBe(
      'In 84% of the 25 MAPPA cases the offender manager and other workers contributed effectively to MAPPA.',
    );
    const selfHarm = bank.questions.find((x) => x.id === '1.1.11')!;
    expect(draftFinding(selfHarm, 11, 5, 69)!.text).toBe(
      'Where issues of self-harm had been identified, they were clearly recorded in the report in 11 of the 16 relevant cases.',
    );
    expect(draftFinding(selfHarm, 0, 4, 0)!.text).toBe(
      'Where issues of self-harm had been identified, they were clearly recorded in the report in none of the four relevant cases.',
    );
  });

  it('find the used findings whose figure has moved, not those about a sub-group', () => {
    const summary = summaryOf(kentDemoCases(bank));
    const p = (id: string) => summary.questions.find((q) => q.id === id)!.percent!;
    const writeUp: WriteUp = {
      summary: [],
      criteria: {
        '1.3': {
          strengths: [
            'Plain words.',
            { text: 'Still right.', drafted: { question: '1.3.1', percent: p('1.3.1') } },
            { text: 'Moved.', drafted: { question: '1.3.2', percent: p('1.3.2') - 1 } },
          ],
          improvements: [{ text: 'About PPOs.', drafted: { question: '1.3.6', percent: 1, group: 'ppo:yes' } }],
        },
      },
      recommendations: [],
      goodPractice: [],
    };
    const stale = staleFindings(writeUp, summary);
    expect(stale).toEqual([
      expect.objectContaining({ criterion: '1.3', kind: 'strength', index: 2, question: '1.3.2', was: p('1.3.2') - 1, now: p('1.3.2') }),
    ]);
  });
});
