/**
 * What the evidence uploads (the interviews, the performance figures) share in reading a CSV:
 * every problem counted but only the first hundred kept, the file read as rows (a BOM dropped,
 * blank lines skipped, cells trimmed, no more rows read than the upload may hold), and the
 * header's columns checked against those the file may have. Each upload keeps its own words.
 */
import { parse } from 'csv-parse/sync';
import type { ProblemDetail } from '#core/errors';

const MAX_PROBLEMS = 100;

export interface UploadProblems {
  /** The first hundred, in the order found. */
  readonly kept: ProblemDetail[];
  /** All of them, kept or not. */
  readonly count: number;
  add(path: string, message: string): void;
}

export function uploadProblems(): UploadProblems {
  const kept: ProblemDetail[] = [];
  let count = 0;
  return {
    kept,
    get count() {
      return count;
    },
    add(path, message) {
      count++;
      if (kept.length < MAX_PROBLEMS) kept.push({ path, message });
    },
  };
}

/** The file's rows, header first, at most `maxRows` after it (one more to tell a file that has too many); undefined when it is not CSV at all. */
export function csvRows(rawText: string, maxRows: number, problems: UploadProblems, malformed: string): string[][] | undefined {
  try {
    return parse(rawText.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      to_line: maxRows + 2,
    }) as string[][];
  } catch (error) {
    const e = error as { lines?: number };
    problems.add(e.lines ? `row ${e.lines}` : 'body', `${e.lines ? `Row ${e.lines}: ` : ''}${malformed}`);
    return undefined;
  }
}

/** A problem for each column of the header that is not one of `known`, or is there twice. */
export function headerProblems(
  header: readonly string[],
  known: readonly string[],
  problems: UploadProblems,
  words: { unknown: (column: string, i: number) => string; twice: (column: string) => string },
): void {
  header.forEach((column, i) => {
    if (!known.includes(column)) problems.add(`header.${column || `column ${i + 1}`}`, words.unknown(column, i));
    else if (header.indexOf(column) !== i) problems.add(`header.${column}`, words.twice(column));
  });
}

/** Whether the file has at least one row past its header and no more than `max`; if not, a problem in the upload's words. */
export function rowCountFits(rows: readonly unknown[], max: number, problems: UploadProblems, words: { tooMany: string; none: string }): boolean {
  if (rows.length - 1 > max) problems.add('body', words.tooMany);
  else if (rows.length === 1) problems.add('body', words.none);
  else return true;
  return false;
}
