/** The hand-written CSV writer against csv-stringify with escape_formulas, which it replaces in the bundles. */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, type CsvCell } from '../../shared/domain/csv-out';

const tricky = fc.constantFrom('', ',', '"', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', "'", ' ', 'a', 'é', '😀');
const text = fc.oneof(fc.string(), fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join('')));
const cellArb: fc.Arbitrary<CsvCell> = fc.oneof(text, fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));

describe('toCsv', () => {
  it('writes exactly what csv-stringify with escape_formulas writes, for any rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 5 }), (rows) => {
        expect(toCsv(rows)).toBe(stringify(rows as unknown[][], { escape_formulas: true }));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes formulas and quotes what needs quoting (examples)', () => {
    expect(toCsv([['=1+1', '-2', -2, 'a,b', 'say "hi"', 'two\nlines', null, true, false]])).toBe(`'=1+1,'-2,-2,"a,b","say ""hi""","two\nlines",,1,\n`);
    expect(toCsv([])).toBe('');
  });
});
