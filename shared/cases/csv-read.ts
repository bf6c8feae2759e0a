/**
 * The CSV reader of the uploads (cases, performance figures): csv-parse's own algorithm for the
 * one set of options they use (comma, double quotes doubled inside quotes, the record delimiter
 * taken from the first line end, every field trimmed, rows of any width), so that the rows,
 * the line numbers named in problems and the refusals stay exactly what csv-parse gave, without
 * its 27 KB in the bundle. test/unit/csv-read.test.ts holds it equal to csv-parse for any text.
 * Its quirks are csv-parse's, kept on purpose: a line end inside quotes counts as a line, and
 * after the first line end found only that kind ends a record.
 */

/** csv-parse's codes, which shared/cases/csv.ts turns into words. */
export type CsvReadErrorCode = 'CSV_QUOTE_NOT_CLOSED' | 'CSV_INVALID_CLOSING_QUOTE' | 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' | 'INVALID_OPENING_QUOTE';

export class CsvReadError extends Error {
  constructor(
    readonly code: CsvReadErrorCode,
    /** The line the reader was on (1 = the first). */
    readonly lines: number,
  ) {
    super(`${code} at line ${lines}`);
  }
}

export interface CsvReadOptions {
  /** Records before this line are read (for their quotes) but not returned. */
  fromLine?: number;
  /** Reading stops once past this line. */
  toLine?: number;
  /** A line with nothing on it (spaces and tabs only count as nothing) is not a record. */
  skipEmptyLines?: boolean;
  /** Each record with the line it ends on; what it returns is kept, null drops the record. */
  onRecord?: (record: string[], lines: number) => string[] | null;
}

const CR = 13;
const LF = 10;
const QUOTE = 34;
const COMMA = 44;
/** Trimmed around quoted values: carriage return, line feed, form feed, space, tab. */
const isTrimmable = (c: number) => c === CR || c === LF || c === 12 || c === 32 || c === 9;

export function readCsv(text: string, options: CsvReadOptions = {}): string[][] {
  const { fromLine = 1, toLine = -1, skipEmptyLines = false, onRecord } = options;
  const records: string[][] = [];
  const at = (i: number) => text.charCodeAt(i);
  /** The record delimiter, found at the first line end outside quotes ('' until then). */
  let delimiter = '';
  const discover = (i: number): number => {
    for (const candidate of ['\r\n', '\n', '\r']) {
      if (text.startsWith(candidate, i)) {
        delimiter = candidate;
        return candidate.length;
      }
    }
    return 0;
  };
  const isDelimiter = (i: number) => (delimiter !== '' && text.startsWith(delimiter, i) ? delimiter.length : 0);

  let lines = 1;
  let wasRowDelimiter = false;
  let enabled = fromLine === 1;
  let quoting = false;
  let wasQuoting = false;
  let escaping = false;
  let field = '';
  let record: string[] = [];

  const endField = () => {
    if (enabled) record.push(wasQuoting ? field : field.trimEnd());
    field = '';
    wasQuoting = false;
  };
  const endRecord = () => {
    if (enabled) {
      const kept = onRecord ? onRecord(record, lines) : record;
      if (kept !== null && kept !== undefined) records.push(kept);
    }
    record = [];
  };

  const length = text.length;
  let pos: number;
  for (pos = 0; pos < length; pos++) {
    if (wasRowDelimiter) {
      lines++;
      wasRowDelimiter = false;
    }
    if (toLine !== -1 && lines > toLine) return records;
    if (!quoting && delimiter === '') discover(pos);
    const chr = at(pos);
    if (chr === CR || chr === LF) wasRowDelimiter = true;
    if (escaping) {
      escaping = false;
    } else {
      if (quoting && chr === QUOTE && pos + 1 < length && at(pos + 1) === QUOTE) {
        escaping = true;
        continue;
      }
      if (chr === QUOTE) {
        if (quoting) {
          const next = at(pos + 1);
          // NaN past the end, as csv-parse's byte is undefined there; a NUL is as falsy to it.
          const closes = !next || next === COMMA || (delimiter === '' ? discover(pos + 1) : isDelimiter(pos + 1)) !== 0 || isTrimmable(next);
          if (!closes) throw new CsvReadError('CSV_INVALID_CLOSING_QUOTE', lines);
          quoting = false;
          wasQuoting = true;
          continue;
        }
        if (field.length !== 0) throw new CsvReadError('INVALID_OPENING_QUOTE', lines);
        quoting = true;
        continue;
      }
      if (!quoting) {
        const delimiterLength = isDelimiter(pos);
        if (delimiterLength !== 0) {
          if (!enabled && lines + (wasRowDelimiter ? 1 : 0) >= fromLine) {
            enabled = true;
            field = '';
            wasQuoting = false;
            record = [];
          } else if (skipEmptyLines && !wasQuoting && record.length === 0 && field.length === 0) {
            // an empty line
          } else {
            endField();
            endRecord();
          }
          pos += delimiterLength - 1;
          continue;
        }
        if (chr === COMMA) {
          endField();
          continue;
        }
      }
    }
    const leftAppend = quoting || field.length !== 0 || !isTrimmable(chr);
    if (leftAppend && !wasQuoting) field += text[pos];
    else if (!isTrimmable(chr)) throw new CsvReadError('CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE', lines);
  }
  if (quoting) throw new CsvReadError('CSV_QUOTE_NOT_CLOSED', lines);
  if (wasQuoting || record.length !== 0 || field.length !== 0) {
    endField();
    endRecord();
  }
  return records;
}
