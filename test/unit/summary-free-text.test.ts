/**
 * Issue 18, item 1 (the pure part): the free-text budget keeps text in order until it is
 * spent and counts the rest; with no budget, no free text is left and the figures are intact.
 */
import { describe, expect, it } from 'vitest';
import type { Summary } from '#schemas/summary';
import { fitFreeText, withoutComments, withoutFreeText } from '#domain/summary-free-text';

function summary(comments: string[], points: (string | { text: string; textCy?: string })[]): Summary {
  const text = {
    id: 'comments',
    type: 'text',
    text: 'Anything else?',
    answered: comments.length,
    comments: comments.map((t) => ({ text: t, language: 'en' })),
  };
  const closed = {
    id: 'q1',
    type: 'single-choice',
    text: 'Q',
    answered: 3,
    positive: 2,
    percent: 67,
    quantity: 'most',
    counts: { yes: 2, no: 1 },
    sentence: 'Two of three.',
  };
  const audience = (a: string) => ({
    audience: a,
    version: '1',
    invited: 3,
    returned: 3,
    responseRate: 1,
    responsePercent: 100,
    returnedSentence: 'All.',
    questions: [closed, text],
  });
  return {
    criteria: [{ id: '1.1', conclusion: { band: 'good', text: 'Clear.', recordedBy: 'u', recordedAt: 'now' } }],
    leadership: [{ id: '4.1', title: 'L', grade: 'well-met', strengths: points, improvements: [] }],
    serviceUsers: { offender: audience('offender'), victim: audience('victim'), sentencer: audience('sentencer') },
    commentsOmitted: 0,
    leadershipPointsOmitted: 0,
    commentsExpireAt: null,
  } as unknown as Summary;
}

describe('the free-text budget', () => {
  it('keeps text while it fits and counts the rest', () => {
    const s = fitFreeText(summary(['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)], ['p'.repeat(40)]), 160);
    // "Clear." (8 bytes as JSON) and the point (42) first, then comments until the budget is spent.
    expect(s.leadership[0]!.strengths).toHaveLength(1);
    const victim = s.serviceUsers.offender.questions[1] as { comments: unknown[]; commentsOmitted: number };
    expect(victim.comments).toHaveLength(2);
    expect(victim.commentsOmitted).toBe(1);
    expect(s.commentsOmitted).toBe(1 + 3 + 3);
  });

  it("counts a point's Welsh with its English: a point is kept or left out whole", () => {
    const welsh = { text: 'p'.repeat(40), textCy: 'c'.repeat(40) };
    // "Clear." is 8 bytes as JSON; the point with its Welsh, 103: a budget of 111 keeps it, 110 does not.
    expect(fitFreeText(summary([], [welsh]), 8 + 103).leadership[0]!.strengths).toEqual([welsh]);
    const tight = fitFreeText(summary([], [welsh]), 8 + 102);
    expect(tight.leadership[0]!.strengths).toEqual([]);
    expect(tight.leadershipPointsOmitted).toBe(1);
  });

  it('with nothing to spend, keeps every figure and no words', () => {
    const s = withoutFreeText(summary(['a', 'b'], ['p', 'q']));
    expect(JSON.stringify(s)).not.toMatch(/"(a|b|p|q|Clear\.)"/);
    expect(s.commentsOmitted).toBe(6);
    expect(s.leadershipPointsOmitted).toBe(2);
    expect(s.criteria[0]!.conclusion).toMatchObject({ band: 'good', textOmitted: true });
    expect(s.serviceUsers.victim.questions[0]).toMatchObject({ answered: 3, positive: 2, percent: 67 });
    expect(s.leadership[0]!.grade).toBe('well-met');
  });

  it('takes out the comments only, saying why', () => {
    const s = withoutComments(summary(['a', 'b'], ['p']), 'erased');
    expect(s.commentsRemoved).toBe('erased');
    expect(s.commentsOmitted).toBe(6);
    expect(s.leadership[0]!.strengths).toEqual(['p']);
  });
});
