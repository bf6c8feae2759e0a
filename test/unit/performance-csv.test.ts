/**
 * The performance-figures CSV grown to Appendix 1 as the IPPF printed it (issue 28): the five
 * columns read exactly as before, and every new rule names its row and column in words.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePerformanceCsv } from '#cases/performance-csv';
import { summarisePerformance } from '#summaries/evidence';

const csv = (...lines: string[]) => lines.join('\r\n');
const HEADER = 'measure,target,area,national,period,better,kind,domain,previous,grade,predicted,significant,note,noteCy,measureCy';

describe('the performance figures CSV', () => {
  it('reads the five original columns (and better) to the shape the contract gave them', () => {
    const parsed = parsePerformanceCsv(
      csv(
        'measure,target,area,national,period,better',
        'Victim contact,85%,98%,93%,2007 Q2,',
        'Sickness absence,9.0,12.7,11.7,2007 Q2,lower',
        'Budget,10074,"10,339","414,618",2007 Q2,',
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.figures).toEqual([
      { measure: 'Victim contact', target: 85, area: 98, national: 93, period: '2007 Q2', unit: 'percent' },
      { measure: 'Sickness absence', target: 9, area: 12.7, national: 11.7, period: '2007 Q2', better: 'lower' },
      { measure: 'Budget', target: 10074, area: 10339, national: 414618, period: '2007 Q2' },
    ]);
  });

  it('reads a row of each kind Appendix 1 prints', () => {
    const parsed = parsePerformanceCsv(
      csv(
        HEADER,
        'Victim Contact,85%,98%,93%,Q2,,,public-protection,95%,4,,,,,Cysylltu â dioddefwyr',
        'Tier 1 OASys,,,,Q2,,later,public-protection,,,,,Data Available in Q3,Data ar gael yn Ch3,',
        'Ethnic Monitoring,95%,not available,97%,Q2,,,operational-capability,not available,4,,,The source prints ####,,',
        'Reduce Re-offending,n/a,8.6%,n/a,Q2,,,reoffending,n/a,2,9.4%,no,,,',
        'Employment Gained,n/a,350,10744,Q2,,,management-information,n/a,n/a,,,,,',
        'Public Protection,,,,Q2,,domain-score,public-protection,,4,,,,,',
        'Area score,,,,Q2,,area-score,,,2,,,,,',
      ),
    );
    expect(parsed.problems).toEqual([]);
    const [victim, later, ethnic, reoffending, information, domain, area] = summarisePerformance(parsed.figures);
    expect(victim).toMatchObject({ domain: 'public-protection', previous: 95, grade: 4, measureCy: 'Cysylltu â dioddefwyr', missedTarget: false });
    expect(later).toMatchObject({
      kind: 'later',
      target: null,
      area: null,
      national: null,
      note: 'Data Available in Q3',
      noteCy: 'Data ar gael yn Ch3',
      missedTarget: false,
    });
    expect(later).not.toHaveProperty('previous');
    expect(ethnic).toMatchObject({ area: null, previous: null, notAvailable: ['area', 'previous'], missedTarget: false });
    expect(reoffending).toMatchObject({ area: 8.6, predicted: 9.4, significant: false, difference: -0.8, grade: 2, unit: 'percent' });
    expect(information).toMatchObject({ target: null, area: 350, previous: null });
    expect(information).not.toHaveProperty('grade');
    expect(information!.notAvailable).toBeUndefined();
    expect(domain).toMatchObject({ kind: 'domain-score', domain: 'public-protection', grade: 4, target: null });
    expect(area).toMatchObject({ kind: 'area-score', grade: 2 });
  });

  it('names every bad cell by row and column, in words, and keeps nothing', () => {
    const parsed = parsePerformanceCsv(
      csv(
        HEADER,
        /* 2 */ 'Ethnic Monitoring,95%,####,97%,Q2,,,operational-capability,2,5,,,,,',
        /* 3 */ 'Tier 1 OASys,,1,,Q2,,later,public-protection,,3,,,,,',
        /* 4 */ 'Victim Contact,85%,not available,93%,Q2,,,space,n/a,n/a,9%,maybe,,,',
        /* 5 */ 'Reduce Re-offending,n/a,8.6%,n/a,Q2,,,reoffending,n/a,2,,,,,',
        /* 6 */ 'Public Protection,,,,Q2,,domain-score,,,,,,,,',
        /* 7 */ 'Area score,,,,Q2,,area-score,interventions,,2,,,,,',
        /* 8 */ 'Area score again,,,,Q2,,score,,,2,,,,Welsh only,',
        /* 9 */ 'Referrals,618,,33073,Q2,,,offender-management,,1,,,,,',
        /* 10 */ 'Area score 2,,,,Q2,,area-score,,,4,,,,,',
        /* 11 */ 'Interventions,,,,Q2,,domain-score,reoffending,,2,,,,,',
      ),
    );
    expect(parsed.figures).toEqual([]);
    const paths = parsed.problems.map((p) => p.path);
    expect(paths.sort()).toEqual(
      [
        'row 2.area', // ####
        'row 2.grade', // 5
        'row 3.area', // a figure on a row whose data comes later
        'row 3.grade', // a grade on it
        'row 3.note', // and no word of when
        'row 4.domain',
        'row 4.note', // "not available" with no note
        'row 4.predicted', // only re-offending has one
        'row 4.significant',
        'row 5.predicted',
        'row 5.significant',
        'row 6.domain',
        'row 6.grade',
        'row 7.domain',
        'row 8.kind',
        'row 8.noteCy', // Welsh with no English
        'row 9.area',
        'row 9.previous',
        'row 10.kind', // a second area score
        'row 11.domain',
      ].sort(),
    );
    for (const p of parsed.problems) {
      const [, row, column] = /^row (\d+)\.(\w+)$/.exec(p.path)!;
      expect(p.message, p.path).toMatch(new RegExp(`^Row ${row}, column ${column}: `));
    }
    const message = (path: string) => parsed.problems.find((p) => p.path === path)!.message;
    expect(message('row 2.area')).toMatch(/too wide for its column/);
    expect(message('row 10.kind')).toMatch(/appears twice \(first on row 7\)/);
    expect(message('row 9.area')).toMatch(/empty: write a number, n\/a, or not available/);
  });

  it('refuses the old problems as before: an empty target, a word for a number, a measure twice', () => {
    const parsed = parsePerformanceCsv(csv('measure,target,area,national,period', 'A,1,2,3,Q2', 'A,1,two,3,Q2', 'B,,2,3,', 'C,1,2,3,Q2,extra'));
    expect(parsed.problems.map((p) => p.path).sort()).toEqual(['row 3.area', 'row 3.measure', 'row 4.period', 'row 4.target', 'row 5'].sort());
    expect(parsePerformanceCsv(csv('measure,target,area,national,period,colour', 'A,1,2,3,Q2,red')).problems.map((p) => p.path)).toEqual([
      'header.colour',
    ]);
  });
});

describe('any one bad cell among good rows', () => {
  const HEADER_COLUMNS = HEADER.split(',');
  const BAD_CELLS: Record<string, string[]> = {
    target: ['ninety', '####', ''],
    area: ['8,1', '#####', ''],
    national: ['lots', ''],
    previous: ['##', 'last year', ''],
    grade: ['5', 'good', '0'],
    kind: ['score', 'measures'],
    domain: ['space', 'public protection'],
    predicted: ['9%'],
    significant: ['maybe', 'no'],
    better: ['sideways'],
    measureCy: ['x'.repeat(201)],
  };
  const goodRow = fc.record({
    figures: fc.array(fc.constantFrom('86%', '9.0', '10,339', '-0.8%', 'n/a', '0'), { minLength: 4, maxLength: 4 }),
    grade: fc.constantFrom('', '1', '2', '3', '4', 'n/a'),
    domain: fc.constantFrom('', 'public-protection', 'offender-management', 'interventions', 'operational-capability', 'management-information'),
    better: fc.constantFrom('', 'higher', 'lower'),
  });
  const line = (cells: Record<string, string>) => stringify([HEADER_COLUMNS.map((c) => cells[c] ?? '')]).trimEnd();

  it('is named alone, by its row and column in words, and nothing is kept', () => {
    fc.assert(
      fc.property(
        fc.array(goodRow, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(...Object.keys(BAD_CELLS)),
        fc.nat(),
        (rows, at, column, pick) => {
          const lines = rows.map((r, i) => {
            const [target, area, national, previous] = r.figures as [string, string, string, string];
            return {
              measure: `Measure ${i + 1}`,
              target,
              area,
              national,
              period: 'Q2',
              previous,
              grade: r.grade,
              domain: r.domain,
              better: r.better,
              measureCy: `Mesur ${i + 1}`,
            };
          });
          const bad = at % lines.length;
          const values = BAD_CELLS[column]!;
          lines[bad] = { ...lines[bad]!, [column]: values[pick % values.length]! };
          const parsed = parsePerformanceCsv(csv(HEADER, ...lines.map(line)));
          expect(parsed.figures).toEqual([]);
          expect(parsed.problems.map((p) => p.path)).toEqual([`row ${bad + 2}.${column}`]);
          expect(parsed.problems[0]!.message).toMatch(new RegExp(`^Row ${bad + 2}, column ${column}: `));
        },
      ),
      { numRuns: 300 },
    );
  });
});
