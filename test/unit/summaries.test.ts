import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Audience, Language } from '#schemas/questionnaire';
import { getQuestionnaireVersion } from '#questionnaires/index';
import {
  QUANTITY_WORDS,
  SUPPRESSED,
  breakdownByLanguage,
  capitalisedNumberWord,
  numberWord,
  percentHalfUp,
  quantityWord,
  questionSentence,
  returnedSentence,
  singularFinding,
  summariseAudience,
  summariseServiceUsers,
  suppressTable,
  type ClosedQuestionSummary,
  type ResponseRecord,
  type TextQuestionSummary,
} from '#summaries/index';

/** The first version of each questionnaire: these tests pin its shape and the validation rules on it (later versions are tested in versions.test.ts). */
const firstVersion = (a: Audience, l: Language) => getQuestionnaireVersion(`${a}-2008.1`, l)!;

describe('numberWord', () => {
  it('writes one to nine in words and numerals from 10', () => {
    expect(numberWord(7)).toBe('seven');
    expect(numberWord(1)).toBe('one');
    expect(numberWord(9)).toBe('nine');
    expect(numberWord(10)).toBe('10');
    expect(numberWord(21)).toBe('21');
    expect(numberWord(1200)).toBe('1,200');
  });

  it('writes zero as "none" and capitalises for the start of a sentence', () => {
    expect(numberWord(0)).toBe('none');
    expect(capitalisedNumberWord(7)).toBe('Seven');
    expect(capitalisedNumberWord(0)).toBe('None');
    expect(numberWord(11, { capitalise: true })).toBe('11');
  });
});

describe('quantityWord', () => {
  it.each([
    [5, 5, 'all'],
    [4, 5, 'all but one'],
    [2, 3, 'all but one'],
    [1, 2, 'half'],
    [9, 10, 'all but one'],
    [8, 10, 'the vast majority'],
    [7, 10, 'most'],
    [6, 10, 'most'],
    [11, 20, 'just over half'],
    [5, 10, 'half'],
    [4, 10, 'just under half'],
    [3, 10, 'a significant minority'],
    [2, 10, 'a significant minority'],
    [1, 10, 'a small number'],
    [0, 3, 'none'],
    [1, 1, 'all'],
    [0, 1, 'none'],
    [16, 20, 'the vast majority'],
    [15, 20, 'most'],
    [12, 20, 'most'],
    [8, 20, 'just under half'],
    [7, 20, 'a significant minority'],
    [4, 20, 'a significant minority'],
    [3, 20, 'a small number'],
  ])('%i of %i -> %s', (positive, answered, word) => {
    expect(quantityWord(positive, answered)).toBe(word);
  });

  it('has no word when nobody answered, and refuses impossible counts', () => {
    expect(quantityWord(0, 0)).toBeNull();
    expect(() => quantityWord(4, 3)).toThrow(RangeError);
    expect(() => quantityWord(-1, 3)).toThrow(RangeError);
    expect(() => quantityWord(1.5, 3)).toThrow(RangeError);
  });

  it('says "all" exactly when every answer was positive, "none" exactly when none was', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (answered, seed) => {
        const positive = seed % (answered + 1);
        const word = quantityWord(positive, answered);
        expect(word === 'all').toBe(positive === answered);
        expect(word === 'none').toBe(positive === 0);
        expect(word === 'all but one').toBe(answered >= 3 && positive === answered - 1);
      }),
    );
  });

  it('never gives a larger word for fewer positive answers (monotone in positive)', () => {
    const rank = (w: string | null) => QUANTITY_WORDS.indexOf(w as (typeof QUANTITY_WORDS)[number]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(), (answered, seed) => {
        const positive = seed % answered; // 0 .. answered-1
        expect(rank(quantityWord(positive, answered))).toBeGreaterThanOrEqual(rank(quantityWord(positive + 1, answered)));
      }),
    );
  });

  it('agrees with the table read in exact rational arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), (a, seed) => {
        const p = seed % (a + 1);
        // The same table, as fractions compared by cross-multiplication written differently.
        const ge = (n: number, d: number) => p * d >= n * a;
        const expected =
          p === a
            ? 'all'
            : a >= 3 && p === a - 1
              ? 'all but one'
              : ge(8, 10)
                ? 'the vast majority'
                : ge(6, 10)
                  ? 'most'
                  : p * 10 > 5 * a
                    ? 'just over half'
                    : p * 10 === 5 * a
                      ? 'half'
                      : ge(4, 10)
                        ? 'just under half'
                        : ge(2, 10)
                          ? 'a significant minority'
                          : p > 0
                            ? 'a small number'
                            : 'none';
        expect(quantityWord(p, a)).toBe(expected);
      }),
    );
  });
});

describe('percentHalfUp', () => {
  it('rounds half up from the exact fraction', () => {
    expect(percentHalfUp(29, 200)).toBe(15); // 14.5
    expect(percentHalfUp(1, 8)).toBe(13); // 12.5
    expect(percentHalfUp(1, 3)).toBe(33);
    expect(percentHalfUp(2, 3)).toBe(67);
    expect(percentHalfUp(5, 5)).toBe(100);
    expect(percentHalfUp(0, 4)).toBe(0);
    expect(percentHalfUp(0, 0)).toBeNull();
  });
});

describe('sentences', () => {
  it('says how many questionnaires came back, in the Kent style', () => {
    expect(returnedSentence('victims', 7, 21)).toBe('Seven of the 21 questionnaires sent to victims were returned.');
    expect(returnedSentence('offenders', 0, 110)).toBe('None of the 110 questionnaires sent to offenders were returned.');
    expect(returnedSentence('sentencers', 11, 30)).toBe('11 of the 30 questionnaires sent to sentencers were returned.');
    expect(returnedSentence('victims', 1, 21)).toBe('One of the 21 questionnaires sent to victims was returned.');
    expect(returnedSentence('victims', 12, 12)).toBe('All 12 questionnaires sent to victims were returned.');
    expect(returnedSentence('victims', 2, 2)).toBe('Both questionnaires sent to victims were returned.');
    expect(returnedSentence('victims', 0, 1)).toBe('The one questionnaire sent to victims was not returned.');
    expect(returnedSentence('victims', 0, 0)).toBe('No questionnaires were sent to victims.');
  });

  const noun = { singular: 'victim', plural: 'victims' };
  const finding = 'were satisfied with the services provided';

  it('words a question over those who answered it', () => {
    expect(questionSentence(noun, finding, 5, 5)).toBe('All five victims who answered were satisfied with the services provided.');
    expect(questionSentence(noun, finding, 4, 5)).toBe('All but one of the five victims who answered were satisfied with the services provided.');
    expect(questionSentence(noun, finding, 9, 11)).toBe(
      'The vast majority of the 11 victims who answered were satisfied with the services provided.',
    );
    expect(questionSentence(noun, finding, 5, 10)).toBe('Half of the 10 victims who answered were satisfied with the services provided.');
    expect(questionSentence(noun, finding, 0, 4)).toBe('None of the four victims who answered were satisfied with the services provided.');
    expect(questionSentence(noun, finding, 0, 0)).toBe('No victims answered this question.');
  });

  it('uses exact words for one or two answers', () => {
    expect(questionSentence(noun, finding, 1, 1)).toBe('The one victim who answered was satisfied with the services provided.');
    expect(questionSentence(noun, finding, 0, 1)).toBe('The one victim who answered did not say they were satisfied with the services provided.');
    expect(questionSentence(noun, finding, 2, 2)).toBe('Both victims who answered were satisfied with the services provided.');
    expect(questionSentence(noun, finding, 1, 2)).toBe('One of the two victims who answered was satisfied with the services provided.');
    expect(questionSentence(noun, finding, 0, 2)).toBe('Neither of the two victims who answered was satisfied with the services provided.');
  });

  it('makes a finding agree with a singular subject', () => {
    expect(singularFinding('were clear')).toBe('was clear');
    expect(singularFinding('have seen it')).toBe('has seen it');
    expect(singularFinding('felt supported')).toBe('felt supported');
  });
});

describe('summariseAudience', () => {
  const victim = firstVersion('victim', 'en');
  const r = (answers: Record<string, unknown>, language: Language = 'en'): ResponseRecord => ({ answers, language });
  const closed = (s: { questions: unknown[] }, id: string) => s.questions.find((q) => (q as { id: string }).id === id) as ClosedQuestionSummary;

  // Kent: seven of 21 returned; the five who had agreed to contact were all satisfied; all but one
  // felt they had enough information about the offender.
  const kent = [
    ...Array.from({ length: 4 }, () => r({ 'agreed-contact': 'yes', satisfaction: 'very-satisfied', 'offender-information': 'yes' })),
    r({ 'agreed-contact': 'yes', satisfaction: 'satisfied', 'offender-information': 'no' }, 'cy'),
    r({ 'agreed-contact': 'no', satisfaction: 'dont-know', comments: 'Call me on 07700 900123, Mr John Smith knows.' }),
    r({ 'agreed-contact': 'dont-know', satisfaction: 'dont-know', comments: '   ' }),
  ];
  const s = summariseAudience(victim, 21, kent);

  it('counts what came back against what was sent', () => {
    expect(s).toMatchObject({ audience: 'victim', version: 'victim-2008.1', invited: 21, returned: 7, responsePercent: 33 });
    expect(s.responseRate).toBeCloseTo(1 / 3, 10);
    expect(s.returnedSentence).toBe('Seven of the 21 questionnaires sent to victims were returned.');
  });

  it('computes each closed question over those who answered it', () => {
    expect(closed(s, 'satisfaction')).toEqual({
      id: 'satisfaction',
      type: 'scale',
      text: 'Overall, how satisfied are you with the service you received?',
      answered: 5,
      positive: 5,
      percent: 100,
      quantity: 'all',
      counts: { 'very-satisfied': 4, satisfied: 1, neither: 0, dissatisfied: 0, 'very-dissatisfied': 0, 'dont-know': 2 },
      sentence: 'All five victims who answered were satisfied with the services provided.',
    });
    expect(closed(s, 'offender-information')).toMatchObject({
      answered: 5,
      positive: 4,
      percent: 80,
      quantity: 'all but one',
      sentence: 'All but one of the five victims who answered felt they had been given enough information about the offender.',
    });
    expect(closed(s, 'agreed-contact')).toMatchObject({ answered: 6, positive: 5, counts: { yes: 5, no: 1, 'dont-know': 1 } });
    expect(closed(s, 'safety')).toMatchObject({
      answered: 0,
      positive: 0,
      percent: null,
      quantity: null,
      sentence: 'No victims answered this question.',
    });
  });

  it('lists masked free-text comments with their language, skipping blank ones', () => {
    const comments = s.questions.find((q) => q.id === 'comments') as TextQuestionSummary;
    expect(comments).toEqual({
      id: 'comments',
      type: 'text',
      text: 'Is there anything else you would like to tell us?',
      answered: 1,
      comments: [{ text: 'Call me on [phone], Mr [name] knows.', language: 'en' }],
    });
  });

  it('has no response rate when none were invited', () => {
    const none = summariseAudience(victim, 0, []);
    expect(none.responseRate).toBeNull();
    expect(none.responsePercent).toBeNull();
    expect(none.returnedSentence).toBe('No questionnaires were sent to victims.');
  });

  it('counts a multi-choice answer once per chosen value, positive when any value is positive', () => {
    const offender = firstVersion('offender', 'en');
    const o = summariseAudience(offender, 110, [
      r({ 'help-received': ['accommodation', 'mentor'] }),
      r({ 'help-received': ['none'] }),
      r({ 'help-received': ['employment'] }),
      r({}),
    ]);
    expect(closed(o, 'help-received')).toMatchObject({
      answered: 3,
      positive: 2,
      percent: 67,
      quantity: 'all but one',
      counts: { accommodation: 1, employment: 1, mentor: 1, 'other-help': 0, none: 1 },
    });
  });

  it('reads the sentencers the way the Kent report did', () => {
    const sentencer = firstVersion('sentencer', 'en');
    const answers = (i: number) => ({
      'sdr-quality': i < 9 ? 'satisfied' : 'dissatisfied',
      'liaison-effective': i < 5 ? 'yes' : i < 10 ? 'in-part' : 'dont-know',
      'policy-information': i < 6 ? 'yes' : 'no',
      'proposal-monitoring': 'no',
    });
    const t = summariseAudience(
      sentencer,
      30,
      Array.from({ length: 11 }, (_, i) => r(answers(i))),
    );
    expect(t.returnedSentence).toBe('11 of the 30 questionnaires sent to sentencers were returned.');
    expect(closed(t, 'sdr-quality').sentence).toBe('The vast majority of the 11 sentencers who answered were satisfied with the quality of SDRs.');
    expect(closed(t, 'liaison-effective').sentence).toBe(
      'Half of the 10 sentencers who answered felt the liaison arrangements between the probation area and the courts were effective.',
    );
    expect(closed(t, 'policy-information').quantity).toBe('just over half');
    expect(closed(t, 'proposal-monitoring').sentence).toBe(
      'None of the 11 sentencers who answered were aware of any monitoring of report proposals against outcomes.',
    );
  });
});

describe('summariseServiceUsers', () => {
  it('summarises all three audiences, an absent one as nothing sent', () => {
    const all = summariseServiceUsers({
      victim: { invited: 21, responses: [{ answers: { satisfaction: 'satisfied' }, language: 'cy' }] },
      sentencer: { invited: 30, responses: [] },
    });
    expect(Object.keys(all).sort()).toEqual(['offender', 'sentencer', 'victim']);
    expect(all.victim.returnedSentence).toBe('One of the 21 questionnaires sent to victims was returned.');
    expect(all.sentencer.returnedSentence).toBe('None of the 30 questionnaires sent to sentencers were returned.');
    expect(all.offender).toMatchObject({ invited: 0, returned: 0, responseRate: null });
    expect(all.offender.returnedSentence).toBe('No questionnaires were sent to offenders.');
  });
});

describe('small-number suppression', () => {
  it('shows cells of fewer than 3 as [c] and suppresses a second cell so none can be subtracted out', () => {
    const t = suppressTable([[6, 1]]);
    expect(t.rows).toEqual([[SUPPRESSED, SUPPRESSED]]);
    expect(t.rowTotals).toEqual(['7']);
  });

  it('leaves a row of large enough numbers alone', () => {
    expect(suppressTable([[5, 4]]).rows).toEqual([['5', '4']]);
  });

  it('suppresses zero too, and picks the smallest other cell for secondary suppression', () => {
    expect(suppressTable([[10, 2, 8]]).rows).toEqual([['10', SUPPRESSED, SUPPRESSED]]);
    expect(suppressTable([[0, 5]]).rows).toEqual([[SUPPRESSED, SUPPRESSED]]);
    expect(suppressTable([[2]]).rowTotals).toEqual([SUPPRESSED]);
  });

  it('follows suppression down the columns when there are column totals', () => {
    const t = suppressTable(
      [
        [5, 1],
        [4, 6],
      ],
      { columnTotals: true },
    );
    expect(t.rows).toEqual([
      [SUPPRESSED, SUPPRESSED],
      [SUPPRESSED, SUPPRESSED],
    ]);
    expect(t.rowTotals).toEqual(['6', '10']);
    expect(t.columnTotals).toEqual(['9', '7']);
    expect(t.grandTotal).toBe('16');
  });

  it('protects a small column total from the grand total', () => {
    // cy column totals 2: primary; then the en column total would give it away.
    const t = suppressTable(
      [
        [10, 1],
        [12, 1],
      ],
      { columnTotals: true },
    );
    expect(t.columnTotals).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(t.grandTotal).toBe('24');
    expect(t.rows.flat().filter((c) => c === SUPPRESSED).length).toBeGreaterThanOrEqual(4);
  });

  /**
   * An intruder who knows the shown cells, every row total, the column totals (when shown) and
   * that counts are whole numbers from zero: every table they cannot rule out.
   */
  function completions(shown: (number | null)[][], rowTotals: number[], colTotals: number[] | null): number[][][] {
    const out: number[][][] = [];
    const fillRow = (r: number, acc: number[][]): void => {
      if (r === shown.length) {
        if (!colTotals || colTotals.every((t, c) => acc.reduce((a, row) => a + row[c]!, 0) === t)) out.push(acc);
        return;
      }
      const row = shown[r]!;
      const free = row.flatMap((v, c) => (v === null ? [c] : []));
      const residual = rowTotals[r]! - row.reduce<number>((a, v) => a + (v ?? 0), 0);
      const spread = (k: number, left: number, cells: number[]): void => {
        if (k === free.length - 1) {
          fillRow(r + 1, [...acc, cells.map((v, c) => (c === free[k] ? left : v))]);
          return;
        }
        for (let x = 0; x <= left; x++)
          spread(
            k + 1,
            left - x,
            cells.map((v, c) => (c === free[k] ? x : v)),
          );
      };
      if (free.length === 0) {
        if (residual === 0) fillRow(r + 1, [...acc, row as number[]]);
        return;
      }
      spread(
        0,
        residual,
        row.map((v) => v ?? 0),
      );
    };
    fillRow(0, []);
    return out;
  }

  it('for any table: small cells hidden, shown cells unchanged, and no hidden cell can be worked out', () => {
    const table = fc
      .record({ rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) })
      .filter(({ rows, cols }) => rows * cols <= 6)
      .chain(({ rows, cols }) =>
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      );
    fc.assert(
      fc.property(table, fc.boolean(), (body, columnTotals) => {
        const t = suppressTable(body, { columnTotals });
        const rowTotals = body.map((row) => row.reduce((a, b) => a + b, 0));
        const colTotals = columnTotals ? body[0]!.map((_, c) => body.reduce((a, row) => a + row[c]!, 0)) : null;
        const shown = body.map((row, r) =>
          row.map((v, c) => {
            const s = t.rows[r]![c]!;
            if (v < 3) expect(s).toBe(SUPPRESSED);
            if (s !== SUPPRESSED) expect(s).toBe(String(v));
            return s === SUPPRESSED ? null : v;
          }),
        );
        const possible = completions(shown, rowTotals, colTotals);
        const fromTotalsAlone = completions(
          body.map((row) => row.map(() => null)),
          rowTotals,
          colTotals,
        );
        body.forEach((row, r) =>
          row.forEach((_, c) => {
            if (shown[r]![c] !== null) return;
            const values = new Set(possible.map((p) => p[r]![c]));
            const publicAnyway = new Set(fromTotalsAlone.map((p) => p[r]![c])).size === 1;
            expect(values.size > 1 || publicAnyway, `cell ${r},${c} of ${JSON.stringify(body)}`).toBe(true);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('breaks the service users down by language, suppressed', () => {
    const en = (answers: Record<string, unknown>): ResponseRecord => ({ answers, language: 'en' });
    const cy = (answers: Record<string, unknown>): ResponseRecord => ({ answers, language: 'cy' });
    const b = breakdownByLanguage({
      // Safety is asked (victim-2008.2) only of victims who agreed to contact.
      victim: {
        invited: 21,
        responses: [
          ...Array.from({ length: 6 }, () => en({ 'agreed-contact': 'yes', safety: 'yes' })),
          cy({ 'agreed-contact': 'yes', safety: 'yes' }),
        ],
      },
      sentencer: {
        invited: 30,
        responses: [
          ...Array.from({ length: 8 }, () => en({ 'sdr-quality': 'satisfied' })),
          ...Array.from({ length: 3 }, () => cy({ 'sdr-quality': 'satisfied' })),
        ],
      },
    });
    expect(b.returned).toEqual([
      { audience: 'offender', en: SUPPRESSED, cy: SUPPRESSED, total: SUPPRESSED },
      { audience: 'victim', en: SUPPRESSED, cy: SUPPRESSED, total: '7' },
      { audience: 'sentencer', en: SUPPRESSED, cy: SUPPRESSED, total: '11' },
      { audience: 'all', en: '14', cy: '4', total: '18' },
    ]);
    const sdr = b.questions.find((q) => q.audience === 'sentencer' && q.id === 'sdr-quality')!;
    expect(sdr.answered).toEqual({ en: '8', cy: '3', total: '11' });
    const safety = b.questions.find((q) => q.audience === 'victim' && q.id === 'safety')!;
    expect(safety.positive).toEqual({ en: SUPPRESSED, cy: SUPPRESSED, total: '7' });
    expect(b.questions.some((q) => q.id === 'comments')).toBe(false);
  });
});
