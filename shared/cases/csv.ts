/**
 * Bulk upload: one row per case. Columns are `caseRef`, the profile fields, then one column
 * per question id. Every problem in every row is reported; nothing is imported unless all
 * rows are good.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
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

export function casesTemplate(bank: QuestionBank): string {
  return stringify([['caseRef', ...PROFILE_COLUMNS, ...bank.questions.map((q) => q.id)]]);
}

export interface ParsedCases {
  cases: { caseRef: string; input: CaseInput }[];
  problems: ProblemDetail[];
}

export function parseCasesCsv(bank: QuestionBank, text: string): ParsedCases {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; code?: string; message?: string };
    return { cases: [], problems: [{ path: e.lines ? `row ${e.lines}` : 'body', message: `Malformed CSV: ${csvErrorText(e.code)}` }] };
  }
  const problems: ProblemDetail[] = [];
  if (rows.length === 0) return { cases: [], problems: [{ path: 'body', message: 'The CSV is empty: it needs a header row and one row per case' }] };

  const header = rows[0]!;
  const index = questionIndex(bank);
  const seenColumns = new Set<string>();
  header.forEach((column, i) => {
    const at = `header.${column || `column ${i + 1}`}`;
    if (seenColumns.has(column)) problems.push({ path: at, message: `Column ${column} appears twice` });
    seenColumns.add(column);
    if (column !== 'caseRef' && !(PROFILE_COLUMNS as readonly string[]).includes(column) && !index.has(column)) {
      problems.push({ path: at, message: `Unknown column ${column}: expected caseRef, a profile field or a question id of ${bank.version}` });
    }
  });
  for (const required of ['caseRef', 'caseType']) {
    if (!seenColumns.has(required)) problems.push({ path: `header.${required}`, message: `The ${required} column is missing` });
  }
  for (let r = 1; r < rows.length; r++) {
    if (rows[r]!.length !== header.length) {
      problems.push({ path: `row ${r + 1}`, message: `Has ${rows[r]!.length} columns; the header has ${header.length}` });
    }
  }
  if (rows.length - 1 > MAX_CSV_ROWS) problems.push({ path: 'body', message: `At most ${MAX_CSV_ROWS} cases in one upload` });
  if (problems.length) return { cases: [], problems };

  const cases: ParsedCases['cases'] = [];
  const seenRefs = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const rowNumber = r + 1; // as a spreadsheet numbers it, header = row 1
    const at = (column: string) => `row ${rowNumber}.${column}`;
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
        if (!z.safeParse(Judgement, lower).success) problems.push({ path: at(column), message: `Answer yes, no or na, not "${value.slice(0, 40)}"` });
        else answers[column] = lower;
      }
    });

    const ref = z.safeParse(CaseRef, caseRef);
    if (!ref.success) problems.push({ path: at('caseRef'), message: ref.error.issues.map((i) => i.message).join('; ') || 'Invalid case reference' });
    const earlier = seenRefs.get(caseRef);
    if (earlier !== undefined) problems.push({ path: at('caseRef'), message: `Case ${caseRef} is also on row ${earlier}` });
    seenRefs.set(caseRef, rowNumber);

    const parsedProfile = z.safeParse(CaseProfile, profile);
    if (!parsedProfile.success) {
      for (const issue of parsedProfile.error.issues) problems.push({ path: at(String(issue.path[0] ?? 'profile')), message: issue.message });
      continue;
    }
    const input: CaseInput = { profile: parsedProfile.data, answers: answers as CaseInput['answers'] };
    for (const problem of caseProblems(bank, input, '')) problems.push({ path: at(problem.path.slice(1)), message: problem.message });
    cases.push({ caseRef, input });
  }
  if (cases.length === 0 && problems.length === 0) problems.push({ path: 'body', message: 'The CSV has a header but no cases' });
  return { cases: problems.length ? [] : cases, problems };
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
