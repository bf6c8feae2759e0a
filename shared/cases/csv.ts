/**
 * Bulk upload: one row per case. Columns are `caseRef`, the profile fields, then one column
 * per question id. Every problem in every row is reported; nothing is imported unless all
 * rows are good.
 */
import { parse } from 'csv-parse/sync';
import { toCsv } from '../domain/csv-out';
import * as z from 'zod/mini';
import type { ProblemDetail } from '../core/errors';
import type { QuestionBank } from '../schemas/bank';
import { CaseProfile, Judgement, type CaseInput } from '../schemas/case';
import { CaseRef } from '../schemas/inspection';
import { caseProblems, questionIndex } from './validate';

export const PROFILE_COLUMNS = [
  'caseType',
  'tier',
  'roh',
  'ppo',
  'gender',
  'ethnicity',
  'mappaLevel',
  'approvedPremises',
  'statutoryVictimContact',
  'assessor',
] as const;

const NUMBER_COLUMNS = new Set(['tier', 'mappaLevel']);
const BOOLEAN_COLUMNS = new Set(['ppo', 'approvedPremises', 'statutoryVictimContact']);
const TRUE = new Set(['yes', 'y', 'true', '1']);
const FALSE = new Set(['no', 'n', 'false', '0']);

export const MAX_CSV_ROWS = 1000;
/** Judgement's values, checked without building a zod error for each of up to 145,000 bad cells. */
const JUDGEMENTS: ReadonlySet<string> = new Set(Judgement.options);

export function casesTemplate(bank: QuestionBank): string {
  return toCsv([['caseRef', ...PROFILE_COLUMNS, ...bank.questions.map((q) => q.id)]]);
}

export interface ParsedCases {
  cases: { caseRef: string; input: CaseInput }[];
  problems: ProblemDetail[];
  /** How many problems there were in all (`problems` is capped), for the error's detail. */
  problemCount: number;
}

/** The most problems one answer lists: a 5 MB upload could otherwise name millions (and pass Lambda's 6 MB reply). */
export const MAX_CSV_PROBLEMS = 100;
/** No row of a good upload comes near this; a longer line is refused before it is split into fields. */
export const MAX_CSV_LINE_CHARS = 64 * 1024;
/** How many rows a grouped problem names before "and N more". */
const ROWS_NAMED = 10;

/**
 * Problems, bounded: the same message in the same column on many rows becomes one entry naming
 * the rows; past MAX_CSV_PROBLEMS entries only a count is kept ("and N more problems").
 */
class ProblemList {
  private readonly entries: ({ path: string; message: string } | { column: string; message: string; rows: number[]; count: number })[] = [];
  private readonly groups = new Map<string, { column: string; message: string; rows: number[]; count: number }>();
  private dropped = 0;
  count = 0;

  add(path: string, message: string): void {
    this.count++;
    if (this.entries.length < MAX_CSV_PROBLEMS) this.entries.push({ path, message });
    else this.dropped++;
  }

  /** One problem of a cell; repeats of the same message in the same column are grouped. */
  addCell(row: number, column: string, message: string): void {
    this.count++;
    const key = `${column}\u0000${message}`;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      if (group.rows.length < ROWS_NAMED) group.rows.push(row);
      return;
    }
    if (this.entries.length >= MAX_CSV_PROBLEMS) {
      this.dropped++;
      return;
    }
    const fresh = { column, message, rows: [row], count: 1 };
    this.groups.set(key, fresh);
    this.entries.push(fresh);
  }

  get size(): number {
    return this.count;
  }

  list(): ProblemDetail[] {
    const out: ProblemDetail[] = this.entries.map((e) => {
      if (!('rows' in e)) return e;
      if (e.count === 1) return { path: e.column ? `row ${e.rows[0]}.${e.column}` : `row ${e.rows[0]}`, message: e.message };
      const more = e.count - e.rows.length;
      return {
        path: e.column ? `column ${e.column}` : 'rows',
        message: `${e.message} (${e.count} rows: ${e.rows.join(', ')}${more ? ` and ${more} more` : ''})`,
      };
    });
    if (this.dropped > 0) out.push({ path: 'body', message: `and ${this.dropped} more ${this.dropped === 1 ? 'problem' : 'problems'}` });
    return out;
  }
}

function malformed(error: unknown, lineOffset = 0): ProblemDetail {
  const e = error as { lines?: number; code?: string };
  return { path: e.lines ? `row ${e.lines + lineOffset}` : 'body', message: `Malformed CSV: ${csvErrorText(e.code)}` };
}

const refuse = (problems: ProblemDetail[], problemCount = problems.length): ParsedCases => ({ cases: [], problems, problemCount });

export function parseCasesCsv(bank: QuestionBank, rawText: string): ParsedCases {
  const text = rawText.replace(/^\uFEFF/, '');
  // Lines are measured before anything is split into fields, so memory stays bounded.
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    const end = text.indexOf('\n', lineStart);
    const stop = end === -1 ? text.length : end;
    if (stop - lineStart > MAX_CSV_LINE_CHARS) {
      const what = line === 1 ? 'The header row' : `Row ${line}`;
      return refuse([{ path: line === 1 ? 'header' : `row ${line}`, message: `${what} is longer than ${MAX_CSV_LINE_CHARS} characters: no upload of cases needs one this long` }]);
    }
    if (end === -1) break;
    lineStart = end + 1;
  }

  // The header first: a wrong header is reported alone, before any row is read.
  let headerRows: string[][];
  try {
    headerRows = parse(text, { to_line: 1, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return refuse([malformed(error)]);
  }
  const header = headerRows[0];
  if (!header || (header.length === 1 && header[0] === '')) {
    return refuse([{ path: 'body', message: 'The CSV is empty: it needs a header row and one row per case' }]);
  }
  const problems = new ProblemList();
  const index = questionIndex(bank);
  const known = 1 + PROFILE_COLUMNS.length + index.size;
  if (header.length > known) problems.add('header', `Has ${header.length} columns; ${bank.version} has ${known} (caseRef, the profile fields and the question ids)`);
  const seenColumns = new Set<string>();
  header.forEach((column, i) => {
    const name = column || `column ${i + 1}`;
    if (seenColumns.has(column)) problems.add(`header.${name}`, `Column ${name} appears twice`);
    seenColumns.add(column);
    if (column !== 'caseRef' && !(PROFILE_COLUMNS as readonly string[]).includes(column) && !index.has(column)) {
      problems.add(`header.${name}`, `Unknown column ${name}: expected caseRef, a profile field or a question id of ${bank.version}`);
    }
  });
  for (const required of ['caseRef', 'caseType']) {
    if (!seenColumns.has(required)) problems.add(`header.${required}`, `The ${required} column is missing`);
  }
  if (problems.size) return refuse(problems.list(), problems.size);

  // Then the rows: one of the wrong width is counted and dropped at once, never kept.
  let rows: string[][];
  let seen = 0;
  try {
    rows = parse(text, {
      from_line: 2,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      on_record: (record: string[], context) => {
        seen++;
        if (record.length !== header.length) {
          problems.addCell(context.lines, '', `Has ${record.length} columns; the header has ${header.length}`);
          return null;
        }
        return seen > MAX_CSV_ROWS ? null : record;
      },
    }) as string[][];
  } catch (error) {
    return refuse([...problems.list(), malformed(error, 1)], problems.size + 1);
  }
  if (seen > MAX_CSV_ROWS) problems.add('body', `At most ${MAX_CSV_ROWS} cases in one upload (this one has ${seen})`);
  if (problems.size) return refuse(problems.list(), problems.size);

  const cases: ParsedCases['cases'] = [];
  const seenRefs = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const rowNumber = r + 2; // as a spreadsheet numbers it, header = row 1
    const profile: Record<string, unknown> = {};
    const answers: Record<string, string> = {};
    let caseRef = '';
    header.forEach((column, i) => {
      const value = row[i] ?? '';
      if (column === 'caseRef') caseRef = value;
      else if ((PROFILE_COLUMNS as readonly string[]).includes(column)) {
        if (value === '') return;
        if (NUMBER_COLUMNS.has(column)) profile[column] = /^-?\d+$/.test(value) ? Number(value) : value;
        else if (BOOLEAN_COLUMNS.has(column)) {
          const lower = value.toLowerCase();
          profile[column] = TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
        } else profile[column] = value;
      } else if (value !== '') {
        const lower = value.toLowerCase();
        if (!JUDGEMENTS.has(lower)) problems.addCell(rowNumber, column, `Answer yes, no or na, not "${value.slice(0, 40)}"`);
        else answers[column] = lower;
      }
    });

    const ref = z.safeParse(CaseRef, caseRef);
    if (!ref.success) problems.addCell(rowNumber, 'caseRef', ref.error.issues.map((i) => i.message).join('; ') || 'Invalid case reference');
    const earlier = seenRefs.get(caseRef);
    if (earlier !== undefined) problems.add(`row ${rowNumber}.caseRef`, `Case ${caseRef} is also on row ${earlier}`);
    seenRefs.set(caseRef, rowNumber);

    const parsedProfile = z.safeParse(CaseProfile, profile);
    if (!parsedProfile.success) {
      for (const issue of parsedProfile.error.issues) problems.addCell(rowNumber, String(issue.path[0] ?? 'profile'), issue.message);
      continue;
    }
    const input: CaseInput = { profile: parsedProfile.data, answers: answers as CaseInput['answers'] };
    for (const problem of caseProblems(bank, input, '')) problems.addCell(rowNumber, problem.path.slice(1), problem.message);
    if (!problems.size) cases.push({ caseRef, input });
  }
  if (cases.length === 0 && problems.size === 0) problems.add('body', 'The CSV has a header but no cases');
  return problems.size ? refuse(problems.list(), problems.size) : { cases, problems: [], problemCount: 0 };
}

function csvErrorText(code: string | undefined): string {
  switch (code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'a row has a different number of columns from the header';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote appears inside a value that is not quoted correctly';
    default:
      return code ? code.toLowerCase().replace(/^csv_/, '').replace(/_/g, ' ') : 'could not be read';
  }
}
