/**
 * The figure checker (shared/domain/figure-check.ts): figures planted in words, each pattern
 * once agreeing and once contradicting a figure worked out by hand here, the rounding at its
 * edges, and every finding the service drafts agreeing with its own figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoBank } from '#infra/local/demo-data';
import {
  checkAgainst,
  checkText,
  checkWriteUp,
  figureMismatches,
  figuresIn,
  figuresOfSummary,
  placeName,
  type QuestionFigure,
} from '#domain/figure-check';
import { draftFinding } from '#domain/findings';
import type { Summary } from '#schemas/summary';
import type { WriteUp } from '#schemas/write-up';

/** A figure written out by hand: `percent` is what the report prints (half up), computed here by eye, not by the code. */
const fig = (yes: number, no: number, percent: number | null): QuestionFigure => ({ yes, no, percent });
const status = (text: string, figure: QuestionFigure) => checkAgainst(text, '2.1.3', undefined, figure).status;

describe('reading figures from words', () => {
  it('finds each pattern, with numbers in numerals or words', () => {
    const read = (t: string) => figuresIn(t).map((c) => c.parts);
    expect(read('In 83% of cases')).toEqual([[{ kind: 'percent', value: 83, decimals: 0 }]]);
    expect(read('in 82.5 per cent of cases')).toEqual([[{ kind: 'percent', value: 82.5, decimals: 1 }]]);
    expect(read('in only six out of 16 cases')).toEqual([[{ kind: 'count', of: 6, total: 16 }]]);
    expect(read('in 31 of 48 cases')).toEqual([[{ kind: 'count', of: 31, total: 48 }]]);
    expect(read('in 12 out of the 23 statutory cases')).toEqual([[{ kind: 'count', of: 12, total: 23 }]]);
    expect(read('in all three Tier 4 cases')).toEqual([[{ kind: 'count', of: 3, total: 3 }]]);
    expect(read('in all but one of the nine cases')).toEqual([[{ kind: 'count', of: 8, total: 9 }]]);
    expect(read('in none of the five cases')).toEqual([[{ kind: 'count', of: 0, total: 5 }]]);
    expect(read('In none of the cases was the move consistent')).toEqual([[{ kind: 'none' }]]);
    expect(read('in two-thirds of cases')).toEqual([[{ kind: 'fraction', value: 2 / 3 }]]);
    expect(read('Half the respondents')).toEqual([[{ kind: 'fraction', value: 1 / 2 }]]);
    expect(read('in twenty-one of the twenty-four cases')).toEqual([[{ kind: 'count', of: 21, total: 24 }]]);
    expect(read('in seventeen of twenty cases')).toEqual([[{ kind: 'count', of: 17, total: 20 }]]);
    expect(read('in the one relevant case')).toEqual([[{ kind: 'count', of: 1, total: 1 }]]);
    expect(read('In the one PPO case the plan was kept')).toEqual([[{ kind: 'count', of: 1, total: 1 }]]);
    expect(read('in 1,200 of 1,500 cases')).toEqual([[{ kind: 'count', of: 1200, total: 1500 }]]);
    expect(read('in less than half of cases (44%)')).toEqual([
      [
        { kind: 'fraction', value: 1 / 2, hedge: 'under' },
        { kind: 'percent', value: 44, decimals: 0 },
      ],
    ]);
    expect(read('Victim safety was given appropriate priority in 65% of cases (31 out of 48).')).toEqual([
      [
        { kind: 'percent', value: 65, decimals: 0 },
        { kind: 'count', of: 31, total: 48 },
      ],
    ]);
  });

  it('reads no figure in question ids, ordinals, dates, bare counts, quantity words or "behalf"', () => {
    for (const t of [
      'criterion 2.1 of 2008',
      'ranked 17th out of 45 areas',
      'In seven cases no screening was done',
      'in most cases',
      'on behalf of the area',
      'in the second half of the year',
      'a small number of cases',
      'question 2.1.3 of the bank',
    ]) {
      expect(figuresIn(t), t).toEqual([]);
    }
  });
});

describe('a percentage', () => {
  it("agrees only with the report's whole-number rounding of the figure, half up", () => {
    // 33 of 40 is 82.5%: the report prints 83.
    expect(status('In 83% of cases', fig(33, 7, 83))).toBe('agrees');
    expect(status('In 82% of cases', fig(33, 7, 83))).toBe('disagrees');
    // 41 of 50 is exactly 82%: "83%" is one point off, and one point is off.
    expect(status('In 83% of cases', fig(41, 9, 82))).toBe('disagrees');
    expect(status('In 84% of cases', fig(41, 9, 82))).toBe('disagrees');
    expect(status('In 76% of cases', fig(38, 12, 76))).toBe('agrees');
  });

  it('with decimals agrees when the exact figure rounds to it at those decimals', () => {
    expect(status('in 82.5% of cases', fig(33, 7, 83))).toBe('agrees');
    expect(status('in 82.6% of cases', fig(33, 7, 83))).toBe('disagrees');
    // 1 of 3 is 33.333...%
    expect(status('in 33.3% of cases', fig(1, 2, 33))).toBe('agrees');
    expect(status('in 33.4% of cases', fig(1, 2, 33))).toBe('disagrees');
    // 1 of 6 is 16.666...%: half up to 16.7, never cut to 16.6; 49 of 200 is 24.5% exactly, 24.50 at two decimals.
    expect(status('in 16.7% of cases', fig(1, 5, 17))).toBe('agrees');
    expect(status('in 16.6% of cases', fig(1, 5, 17))).toBe('disagrees');
    expect(status('in 24.50% of cases', fig(49, 151, 25))).toBe('agrees');
  });

  it('with a hedge is a range', () => {
    expect(status('in over 80% of cases', fig(41, 9, 82))).toBe('agrees');
    expect(status('in over 82% of cases', fig(41, 9, 82))).toBe('disagrees');
    expect(status('in less than 90% of cases', fig(41, 9, 82))).toBe('agrees');
    expect(status('in less than 80% of cases', fig(41, 9, 82))).toBe('disagrees');
    expect(status('in nearly 90% of cases', fig(41, 9, 82))).toBe('agrees');
    expect(status('in nearly 95% of cases', fig(41, 9, 82))).toBe('disagrees');
    expect(status('in about 85% of cases', fig(41, 9, 82))).toBe('agrees');
    expect(status('in about 90% of cases', fig(41, 9, 82))).toBe('disagrees');
  });
});

describe('a count', () => {
  it('"x of y" and "x out of y" agree only exactly, both numbers', () => {
    expect(status('in 31 of 48 cases', fig(31, 17, 65))).toBe('agrees');
    expect(status('in 31 out of 48 cases', fig(31, 17, 65))).toBe('agrees');
    expect(status('in 31 out of 48 cases', fig(32, 16, 67))).toBe('disagrees');
    expect(status('in 31 out of 48 cases', fig(31, 18, 63))).toBe('disagrees');
    expect(status('in only six out of 16 cases', fig(6, 10, 38))).toBe('agrees');
    expect(status('in only six out of 16 cases', fig(55, 21, 72))).toBe('disagrees');
    expect(status('in only seven out of 16 cases', fig(6, 10, 38))).toBe('disagrees');
  });

  it('"all three", "all but one of the nine" and "none of the five" are counts too', () => {
    expect(status('All three Tier 4 cases had a home visit', fig(3, 0, 100))).toBe('agrees');
    expect(status('All three Tier 4 cases had a home visit', fig(2, 1, 67))).toBe('disagrees');
    expect(status('All three Tier 4 cases had a home visit', fig(4, 0, 100))).toBe('disagrees');
    expect(status('in all but one of the nine cases', fig(8, 1, 89))).toBe('agrees');
    expect(status('in all but one of the nine cases', fig(7, 2, 78))).toBe('disagrees');
    expect(status('The move was consistent in none of the five cases', fig(0, 5, 0))).toBe('agrees');
    expect(status('The move was consistent in none of the five cases', fig(1, 4, 20))).toBe('disagrees');
    expect(status('In none of the cases was the move consistent', fig(0, 6, 0))).toBe('agrees');
    expect(status('In none of the cases was the move consistent', fig(1, 5, 17))).toBe('disagrees');
  });

  it('a percentage with its count in brackets agrees only when both do', () => {
    // 32 of 49 is 65.3%, printed 65: the percentage agrees, the count does not.
    expect(status('in 65% of cases (31 out of 48)', fig(32, 17, 65))).toBe('disagrees');
    expect(status('in 65% of cases (31 out of 48)', fig(31, 17, 65))).toBe('agrees');
  });
});

describe('a fraction in words', () => {
  it('agrees when it is the nearest fraction in words to the figure', () => {
    // 2 of 3 is 66.7%; 13 of 20 is 65% (nearer 2/3 than 3/5); 31 of 50 is 62% (nearer 3/5).
    expect(status('in two-thirds of cases', fig(2, 1, 67))).toBe('agrees');
    expect(status('in two-thirds of cases', fig(13, 7, 65))).toBe('agrees');
    expect(status('in two-thirds of cases', fig(31, 19, 62))).toBe('disagrees');
    expect(status('in two-thirds of cases', fig(38, 12, 76))).toBe('disagrees');
    expect(status('In just half of the cases', fig(10, 10, 50))).toBe('agrees');
    expect(status('In just half of the cases', fig(12, 8, 60))).toBe('disagrees');
    expect(status('only a quarter of plans', fig(1, 3, 25))).toBe('agrees');
    expect(status('only a quarter of plans', fig(1, 2, 33))).toBe('disagrees');
  });

  it('with a hedge is a range', () => {
    expect(status('in less than half of cases (44%)', fig(44, 56, 44))).toBe('agrees');
    expect(status('in less than half of cases (44%)', fig(52, 48, 52))).toBe('disagrees');
    expect(status('just over half of them', fig(11, 9, 55))).toBe('agrees');
    expect(status('just over half of them', fig(14, 6, 70))).toBe('disagrees');
  });
});

describe('a negative sentence', () => {
  it('may count the cases that did not, and only a negative one', () => {
    // Management was involved in 9 of 14 cases: "no evidence ... in five out of 14" counts the others.
    expect(status('In five out of 14 cases there was no evidence of management involvement.', fig(9, 5, 64))).toBe('agrees');
    expect(status('In five out of 14 cases there was management involvement.', fig(9, 5, 64))).toBe('disagrees');
    expect(status('In 36% of cases the plan was not reviewed.', fig(9, 5, 64))).toBe('agrees');
    expect(status('In 35% of cases the plan was not reviewed.', fig(9, 5, 64))).toBe('disagrees');
  });
});

describe('which figure a text claims', () => {
  const figures = figuresOfSummary({
    questions: [
      { id: '2.1.3', criterion: '2.1', yes: 38, no: 12, na: 0, proportion: null, percent: 76 },
      { id: '2.4.1', criterion: '2.4', yes: 0, no: 0, na: 9, proportion: null, percent: null },
    ],
  } as unknown as Summary);

  it('a drafted finding claims its question; several figures agree when one does', () => {
    expect(checkText({ text: 'In 83% of cases the plan was reviewed.', drafted: { question: '2.1.3', percent: 83 } }, figures)).toMatchObject([
      { status: 'disagrees', question: '2.1.3', claims: ['83%'], figure: { yes: 38, no: 12, percent: 76 } },
    ]);
    expect(
      checkText({ text: 'Lower for children (79%), known adults (76%) and staff (78%).', drafted: { question: '2.1.3', percent: 76 } }, figures),
    ).toMatchObject([{ status: 'agrees' }]);
    expect(checkText({ text: 'Lower for children (79%) and staff (78%).', drafted: { question: '2.1.3', percent: 76 } }, figures)).toMatchObject([
      { status: 'disagrees', claims: ['79%', '78%'] },
    ]);
  });

  it('a text naming a question claims it, sentence by sentence; the id is no figure', () => {
    expect(checkText('Plans were reviewed in 83% of cases (question 2.1.3). Most were good.', figures)).toMatchObject([
      { status: 'disagrees', question: '2.1.3' },
    ]);
    expect(checkText('Plans were reviewed in 76% of cases (question 2.1.3). In 83% of cases there was more.', figures)).toMatchObject([
      { status: 'agrees' },
    ]);
  });

  it('is not checked without a tie, without a figure in the words, or without a figure to compare with', () => {
    expect(checkText('In 83% of cases the plan was reviewed.', figures)).toEqual([{ status: 'unchecked', reason: 'no-tie' }]);
    expect(checkText({ text: 'Plans were good.', drafted: { question: '2.1.3', percent: 76 } }, figures)).toMatchObject([
      { status: 'unchecked', reason: 'no-claim' },
    ]);
    expect(checkText({ text: 'In all eight PPO cases.', drafted: { question: '2.1.3', percent: 100, group: 'ppo:yes' } }, figures)).toMatchObject([
      { status: 'unchecked', reason: 'no-figure' },
    ]);
    expect(checkText({ text: 'In 50% of cases.', drafted: { question: '3.1.1', percent: 50 } }, figures)).toMatchObject([
      { status: 'unchecked', reason: 'no-figure' },
    ]);
  });

  it('a question with nothing relevant has no figure a claim can agree with', () => {
    expect(checkText({ text: 'In 50% of cases.', drafted: { question: '2.4.1', percent: 50 } }, figures)).toMatchObject([
      { status: 'disagrees', claims: ['50%'] },
    ]);
  });

  it('the write-up: every text, with its place and the very object', () => {
    const wrong = { text: 'In 83% of cases the plan was reviewed.', drafted: { question: '2.1.3', percent: 83 } };
    const writeUp: WriteUp = {
      summary: [{ section: '2', text: 'Plans were reviewed in 90% of cases (question 2.1.3).' }],
      criteria: {
        '2.1': {
          strengths: ['In 83% of cases, untied.', wrong],
          improvements: [{ text: 'In 76% of cases.', drafted: { question: '2.1.3', percent: 76 } }],
        },
      },
      recommendations: [{ text: 'Raise question 2.1.3 above 76%.', criteria: ['2.1'] }],
      goodPractice: [],
    };
    const found = figureMismatches(writeUp, figures);
    expect(found.map((m) => m.place)).toEqual([
      { part: 'summary', section: '2', index: 0 },
      { part: 'criterion', criterion: '2.1', kind: 'strength', index: 1 },
    ]);
    expect(found[1]!.text).toBe(wrong);
    const untied = checkWriteUp(writeUp, figures).filter((c) => c.checks.some((k) => k.status === 'unchecked' && k.reason === 'no-tie'));
    expect(untied.map((c) => c.place)).toEqual([{ part: 'criterion', criterion: '2.1', kind: 'strength', index: 0 }]);
  });
});

describe('the Welsh beside the words', () => {
  const figures = figuresOfSummary({
    questions: [{ id: '2.3.1', criterion: '2.3', yes: 31, no: 17, na: 0, proportion: null, percent: 65 }],
  } as unknown as Summary);
  const drafted = { question: '2.3.1', percent: 65 };

  it('reads percentages and counts in numerals, "o", "allan o" and "o’r"', () => {
    const read = (t: string) => figuresIn(t, 'cy').map((c) => c.parts);
    expect(read('mewn 65% o achosion (31 allan o 48)')).toEqual([
      [
        { kind: 'percent', value: 65, decimals: 0 },
        { kind: 'count', of: 31, total: 48 },
      ],
    ]);
    expect(read('mewn 12 o’r 23 achos')).toEqual([[{ kind: 'count', of: 12, total: 23 }]]);
    expect(read('mewn 31 o 48 achos, 65 y cant')).toEqual([[{ kind: 'count', of: 31, total: 48 }], [{ kind: 'percent', value: 65, decimals: 0 }]]);
  });

  it('is checked against the same question, apart from the English', () => {
    expect(
      checkText({ text: 'In 65% of cases (31 out of 48).', textCy: 'Mewn 65% o achosion (31 allan o 48).', drafted }, figures, 'cy'),
    ).toMatchObject([{ status: 'agrees' }]);
    expect(
      checkText({ text: 'In 65% of cases (31 out of 48).', textCy: 'Mewn 56% o achosion (31 allan o 48).', drafted }, figures, 'cy'),
    ).toMatchObject([{ status: 'disagrees', claims: ['56% (31 allan o 48)'] }]);
    expect(
      checkText({ text: 'In 65% of cases.', textCy: 'Mewn 35% o achosion nid oedd diogelwch yn cael blaenoriaeth.', drafted }, figures, 'cy'),
    ).toMatchObject([{ status: 'agrees' }]);
    expect(checkText({ text: 'In 65% of cases.', drafted }, figures, 'cy')).toEqual([]);
    expect(checkText('Blaenoriaeth mewn 60% o achosion (cwestiwn 2.3.1).', figures, 'cy')).toEqual([]);
    expect(
      checkText({ text: 'Priority in 65% (question 2.3.1).', textCy: 'Blaenoriaeth mewn 60% o achosion (cwestiwn 2.3.1).' }, figures, 'cy'),
    ).toMatchObject([{ status: 'disagrees', question: '2.3.1' }]);
  });

  it('a Welsh mismatch is its own, named as the Welsh', () => {
    const writeUp: WriteUp = {
      summary: [],
      criteria: { '2.3': { strengths: [], improvements: [{ text: 'In 65% of cases.', textCy: 'Mewn 56% o achosion.', drafted }] } },
      recommendations: [],
      goodPractice: [],
    };
    expect(figureMismatches(writeUp, figures).map((m) => [m.lang, placeName(m.place, m.lang)])).toEqual([
      ['cy', '2.3 area for improvement (a) in Welsh'],
    ]);
  });
});

describe('the findings the service drafts', () => {
  const bank = demoBank();
  const drafted = bank.questions.filter((q) => draftFinding(q, 1, 1, 50) !== undefined);

  it('agree with the figure they were drafted from, for any counts', () => {
    expect(drafted.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...drafted), fc.nat(120), fc.nat(120), (q, yes, no) => {
        fc.pre(yes + no > 0);
        const percent = Math.floor((200 * yes + yes + no) / (2 * (yes + no)));
        const draft = draftFinding(q, yes, no, percent)!;
        expect(checkAgainst(draft.text, q.id, undefined, fig(yes, no, percent)).status).toBe('agrees');
      }),
      // The ends of the scale and the smallest counts, each with its own wording, always tried.
      {
        numRuns: 300,
        examples: [
          [drafted[0]!, 1, 0],
          [drafted[0]!, 0, 1],
          [drafted[0]!, 2, 1],
          [drafted[0]!, 0, 25],
          [drafted[0]!, 25, 0],
          [drafted[0]!, 24, 1],
        ],
      },
    );
  });
});
