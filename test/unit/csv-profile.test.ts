/**
 * The profile columns of a case CSV: a value that is not one the column knows is a 400 naming
 * its row and column, never quietly turned into false, a number or nothing. A case's profile
 * feeds the report's breakdowns, so a "maybe" read as false would misreport silently.
 */
import { describe, expect, it } from 'vitest';
import { parseCasesCsv } from '#cases/csv';
import { bank } from '#support/fixtures';

const HEADER = 'caseRef,caseType,tier,ppo,mappaLevel,approvedPremises,statutoryVictimContact';
const parse = (...rows: string[]) => parseCasesCsv(bank(), [HEADER, ...rows].join('\n'));
const paths = (result: ReturnType<typeof parseCasesCsv>) => result.problems.map((p) => p.path).sort();

describe('a case CSV', () => {
  it('reads every spelling of yes and no the template allows, and numbers as numbers', () => {
    const result = parse('K-1,community,1,yes,0,Y,TRUE', 'K-2,licence,4,No,3,n,0', 'K-3,custody,2,1,2,false,FALSE', 'K-4,community,,,,,');
    expect(result.problems).toEqual([]);
    expect(result.cases.map((c) => c.input.profile)).toEqual([
      { caseType: 'community', tier: 1, ppo: true, mappaLevel: 0, approvedPremises: true, statutoryVictimContact: true },
      { caseType: 'licence', tier: 4, ppo: false, mappaLevel: 3, approvedPremises: false, statutoryVictimContact: false },
      { caseType: 'custody', tier: 2, ppo: true, mappaLevel: 2, approvedPremises: false, statutoryVictimContact: false },
      { caseType: 'community' },
    ]);
  });

  it.each([
    ['ppo', 'K-1,community,1,maybe,0,no,no'],
    ['approvedPremises', 'K-1,community,1,no,0,maybe,no'],
    ['statutoryVictimContact', 'K-1,community,1,no,0,no,maybe'],
    ['ppo', 'K-1,community,1,2,0,no,no'],
    ['approvedPremises', 'K-1,community,1,no,0,-1,no'],
    ['statutoryVictimContact', 'K-1,community,1,no,0,no,yess'],
    ['tier', 'K-1,community,5,no,0,no,no'],
    ['tier', 'K-1,community,0,no,0,no,no'],
    ['tier', 'K-1,community,two,no,0,no,no'],
    ['tier', 'K-1,community,2.5,no,0,no,no'],
    ['mappaLevel', 'K-1,community,1,no,4,no,no'],
    ['mappaLevel', 'K-1,community,1,no,-1,no,no'],
    ['mappaLevel', 'K-1,community,1,no,one,no,no'],
  ])('rejects a bad %s (%s), naming its row and column and importing nothing', (column, row) => {
    const result = parse('K-0,community,1,no,0,no,no', row);
    expect(result.cases).toEqual([]);
    expect(paths(result)).toEqual([`row 3.${column}`]);
  });

  it('names every bad profile value of every row at once', () => {
    const result = parse('K-1,community,9,maybe,7,perhaps,sometimes', 'K-2,licence,x,yes,0,unknown,yes');
    expect(result.cases).toEqual([]);
    // The same problem in one column is named once, with its rows (issue 18: bounded replies).
    expect(paths(result)).toEqual(['row 2.ppo', 'row 2.mappaLevel', 'row 2.statutoryVictimContact', 'column tier', 'column approvedPremises'].sort());
    for (const column of ['tier', 'approvedPremises']) {
      expect(result.problems.find((p) => p.path === `column ${column}`)!.message).toContain('rows 2, 3: ');
    }
  });
});
