/**
 * The uploads' CSV reader against csv-parse, whose algorithm it keeps for the options the
 * uploads use: for any text, the same records, the same line for each, or the same refusal at
 * the same line.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReadError, readCsv } from '../../shared/cases/csv-read';

const pieces = fc.constantFrom('a', 'b', 'caseRef', ' ', '  ', '\t', '"', '""', ',', '\n', '\r', '\r\n', '\f', '\v', '\0', 'é', '\u00a0', '\u2028');
const text = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')));
const options = fc.record({
  fromLine: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  toLine: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  skipEmptyLines: fc.boolean(),
  dropOddWidths: fc.boolean(),
});

type Outcome = { records: unknown[]; seen: [string[], number][] } | { code: string; lines: number | undefined };

function ours(input: string, o: { fromLine?: number; toLine?: number; skipEmptyLines: boolean; dropOddWidths: boolean }): Outcome {
  const seen: [string[], number][] = [];
  try {
    const records = readCsv(input, {
      ...(o.fromLine ? { fromLine: o.fromLine } : {}),
      ...(o.toLine ? { toLine: o.toLine } : {}),
      skipEmptyLines: o.skipEmptyLines,
      onRecord: (record, lines) => {
        seen.push([[...record], lines]);
        return o.dropOddWidths && record.length % 2 === 1 ? null : record;
      },
    });
    return { records, seen };
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    return { code: error.code, lines: error.lines };
  }
}

function theirs(input: string, o: { fromLine?: number; toLine?: number; skipEmptyLines: boolean; dropOddWidths: boolean }): Outcome {
  const seen: [string[], number][] = [];
  try {
    const records = parse(input, {
      trim: true,
      relax_column_count: true,
      skip_empty_lines: o.skipEmptyLines,
      ...(o.fromLine ? { from_line: o.fromLine } : {}),
      ...(o.toLine ? { to_line: o.toLine } : {}),
      on_record: (record: string[], context) => {
        seen.push([[...record], context.lines]);
        return o.dropOddWidths && record.length % 2 === 1 ? null : record;
      },
    }) as unknown[];
    return { records, seen };
  } catch (error) {
    const e = error as { code: string; lines?: number };
    return { code: e.code, lines: e.lines };
  }
}

describe('readCsv', () => {
  it('reads any text as csv-parse does with the uploads\' options (records, lines, refusals)', () => {
    fc.assert(
      fc.property(text, options, (input, o) => {
        expect(ours(input, o)).toEqual(theirs(input, o));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the uploads\' three ways the same (examples)', () => {
    const csv = 'caseRef, caseType\n"A1" , community\n\n"B""2",licence\r\n';
    for (const o of [{ toLine: 1, skipEmptyLines: false }, { fromLine: 2, skipEmptyLines: true }, { toLine: 5, skipEmptyLines: true }]) {
      expect(ours(csv, { ...o, dropOddWidths: false })).toEqual(theirs(csv, { ...o, dropOddWidths: false }));
    }
    expect(() => readCsv('a\n"b"x')).toThrow(expect.objectContaining({ code: 'CSV_INVALID_CLOSING_QUOTE', lines: 2 }));
    expect(readCsv(' "a" ,b \n\n c,"d\ne"', { skipEmptyLines: true })).toEqual([['a', 'b'], ['c', 'd\ne']]);
  });
});
