/**
 * The demo's area context (infra/local/demo-evidence.ts) against the figures read from the Kent
 * report's Appendix 2 text, the fixed Appendices 3 and 5 against its words, and the context's
 * rules (shared/cases/context.ts) on the parts issue 28 adds.
 */
import { describe, expect, it } from 'vitest';
import { kentContext } from '#infra/local/demo-evidence';
import { appendices2008_1 } from '#bank/appendices-2008.1';
import { fixedAppendicesFor } from '#bank/appendices';
import { contextProblems } from '#cases/context';
import { AreaContext } from '#schemas/evidence';
import { pounds } from '#web/report/context';
import { KENT_APPENDICES_TEXT, kentAppendix2, kentFixedAppendixLines, seedText } from '#support/kent-appendices';

const share = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

describe('the seed excerpt the tests read', () => {
  it('is the seed’s own text, where the seed is there to compare', () => {
    const seed = seedText();
    if (!seed) return;
    const [appendix2And3, appendix5] = KENT_APPENDICES_TEXT.split(/(?=^APPENDIX 5$)/m);
    expect(seed).toContain(appendix2And3);
    expect(seed).toContain(appendix5);
  });
});

describe('the demo’s Appendix 2', () => {
  const seed = kentAppendix2();

  it('carries every figure the seed prints, as printed', () => {
    expect(kentContext.caseload).toBe(seed.caseload);
    expect(kentContext.caseloadAt).toBe(seed.caseloadAt);
    expect(kentContext.mappaPercent).toEqual(seed.mappa);
    expect(Object.keys(seed.mappa)).toEqual(['1', '2', '3']);
    expect(kentContext.ppoPercent).toBe(seed.ppo);
    expect(kentContext.ppoDefinition?.text).toBe(seed.ppoDefinition);
    expect(kentContext.revenueBudgets).toEqual(seed.budgets.map(({ year, pounds }) => ({ year, pounds })));
    expect(seed.budgets).toHaveLength(2);
    expect(kentContext.approvedPremises).toEqual(seed.premises);
    expect(seed.premises).toEqual([{ name: 'Fleming House', capacity: 25 }]);
  });

  it('makes the seed’s shares of the caseload, ethnicity over the cases whose ethnicity is recorded', () => {
    const g = kentContext.byGender!;
    expect(share(g.male!, kentContext.caseload)).toBe(seed.male);
    expect(share(g.female!, kentContext.caseload)).toBe(seed.female);
    const e = kentContext.byEthnicity!;
    // Not recorded is not given: the seed does not know how many.
    expect(e['not-recorded']).toBeUndefined();
    const recorded = (e.white ?? 0) + (e['minority-ethnic'] ?? 0);
    expect(share(e.white!, recorded)).toBe(seed.white);
    expect(share(e['minority-ethnic']!, recorded)).toBe(seed.minorityEthnic);
  });

  it('is a valid context by the schema and the rules', () => {
    expect(AreaContext.safeParse(kentContext).success).toBe(true);
    expect(contextProblems(kentContext)).toEqual([]);
  });

  it('writes each budget as the seed does', () => {
    for (const b of seed.budgets) expect(pounds(b.pounds)).toBe(b.printed);
    expect(pounds(20_000_000)).toBe('£20m');
    expect(pounds(19_817_456)).toBe('£19,817,456');
    expect(pounds(950_000)).toBe('£950,000');
  });
});

describe('the rules on the rest of Appendix 2', () => {
  const base = { caseload: 5559 };
  it('take shares of at most two decimal places from 0 to 100, and MAPPA levels adding up to at most the whole', () => {
    expect(AreaContext.safeParse({ ...base, mappaPercent: { '1': 0.89, '2': 5, '3': 0.39 }, ppoPercent: 1.34 }).success).toBe(true);
    expect(AreaContext.safeParse({ ...base, mappaPercent: { '1': 0.891 } }).success).toBe(false);
    expect(AreaContext.safeParse({ ...base, mappaPercent: { '4': 1 } }).success).toBe(false);
    expect(AreaContext.safeParse({ ...base, ppoPercent: 100.5 }).success).toBe(false);
    expect(AreaContext.safeParse({ ...base, ppoPercent: -1 }).success).toBe(false);
    expect(contextProblems({ ...base, mappaPercent: { '1': 60, '2': 40.01 } })).toEqual([
      { path: 'mappaPercent', message: 'The MAPPA levels add up to 100.01%, more than the whole caseload' },
    ]);
    expect(contextProblems({ ...base, mappaPercent: { '1': 60, '2': 40 } })).toEqual([]);
  });

  it('take a budget year as one financial year, each once, and each approved premises once', () => {
    expect(AreaContext.safeParse({ ...base, revenueBudgets: [{ year: '2006-07', pounds: 1 }] }).success).toBe(false);
    expect(AreaContext.safeParse({ ...base, revenueBudgets: [{ year: '2006/2007', pounds: 1.5 }] }).success).toBe(false);
    expect(AreaContext.safeParse({ ...base, approvedPremises: [{ name: ' ', capacity: 25 }] }).success).toBe(false);
    expect(AreaContext.safeParse({ ...base, approvedPremises: [{ name: 'Fleming House', capacity: 25, beds: 3 }] }).success).toBe(false);
    const problems = contextProblems({
      ...base,
      revenueBudgets: [
        { year: '2006/2008', pounds: 1 },
        { year: '2007/2008', pounds: 2 },
        { year: '2007/2008', pounds: 3 },
      ],
      approvedPremises: [
        { name: 'Fleming House', capacity: 25 },
        { name: 'fleming house', capacity: 20 },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual(['revenueBudgets.0.year', 'revenueBudgets.2.year', 'approvedPremises.1.name']);
    expect(problems[0]!.message).toBe('2006/2008 is not one financial year: give it as 2006/2007');
  });
});

describe('Appendices 3 and 5, published with the bank', () => {
  const texts = (a: (typeof appendices2008_1)['en'][number]) =>
    a.parts
      .flatMap((p) => [
        p.heading,
        ...p.blocks.flatMap((b) =>
          'p' in b ? [b.p] : 'address' in b ? b.address : b.list.flatMap((i) => (typeof i === 'string' ? [i] : [i.text, ...i.items, i.after ?? ''])),
        ),
      ])
      .filter(Boolean);

  it('hold every line of the seed’s, word for word, and nothing else', () => {
    const seed = kentFixedAppendixLines();
    const [three, five] = appendices2008_1.en;
    expect([`Inspection model, methodology and publication arrangements`, ...texts(three!)]).toEqual(seed.appendix3);
    expect([`Role of HMI Probation`, ...texts(five!)]).toEqual(seed.appendix5);
    expect([three!.title, five!.title]).toEqual([seed.appendix3[0], seed.appendix5[0]]);
  });

  it('have a Welsh text of the same shape, none of it English left over', () => {
    const shape = (a: (typeof appendices2008_1)['en'][number]) => [
      a.number,
      a.id,
      a.parts.map((p) =>
        p.blocks.map((b) =>
          'p' in b ? 'p' : 'address' in b ? b.address.length : b.list.map((i) => (typeof i === 'string' ? 1 : [i.items.length, !!i.after])),
        ),
      ),
    ];
    expect(appendices2008_1.cy.map(shape)).toEqual(appendices2008_1.en.map(shape));
    const english = new Set(appendices2008_1.en.flatMap(texts));
    const left = appendices2008_1.cy.flatMap(texts).filter((t) => english.has(t) && !['Model', '2 Monck Street'].includes(t));
    expect(left).toEqual([]);
  });

  it('are read from shared/texts/ as authored, for a published bank only', () => {
    expect(fixedAppendicesFor('omi-2008.1')).toEqual(appendices2008_1);
    expect(fixedAppendicesFor('omi-2099.1')).toBeUndefined();
    expect(fixedAppendicesFor('../../package')).toBeUndefined();
  });
});
