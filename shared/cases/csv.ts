/**
 * Bulk upload: one row per case. Columns are `caseRef`, the profile fields, then one column
 * per question id. Every problem in every row is reported; nothing is imported unless all
 * rows are good.
 *
 * Issue 27, a sheet that explains itself: a cell may hold the code or the case form's own
 * words ("Community", "Tier 2", "Not relevant"); a row whose caseRef starts with `#` is a note
 * (the template's "what goes here", "allowed values" and example rows) and is skipped; every
 * problem names its row and its column in words (the header and what the column is), with
 * the values to use, never a validator's message, and one repeated over rows is named once
 * for its column with the rows.
 */
import { parse } from 'csv-parse/sync';
import { toCsv } from '#core/csv-out';
import * as z from 'zod/mini';
import type { ProblemDetail } from '#core/errors';
import type { CaseType, Question, QuestionBank } from '#schemas/bank';
import { CaseProfile, type CaseInput } from '#schemas/case';
import { CaseRef } from '#schemas/inspection';
import { caseProblems, questionIndex } from './validate';
import { acceptedSpellings, allowedValues, ANSWER_CHOICES, CASE_TYPE_CHOICES, normalised, PROFILE_FIELDS, type Choice } from './words';

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
  'transferred',
] as const;

/** The spellings of yes and no the upload has always taken for the yes-or-no profile columns, beside the form's words. */
const OLD_YES_NO: Record<string, string> = { y: 'yes', true: 'yes', 1: 'yes', n: 'no', false: 'no', 0: 'no' };

/** Each profile column: what it is, what it takes, and the value each accepted spelling stands for. */
const PROFILE_SPECS: ReadonlyMap<
  string,
  { label: string; choices: readonly Choice[]; accepted: Map<string, string>; toValue: (code: string) => unknown }
> = new Map([
  ['caseType', { label: 'Case type', choices: CASE_TYPE_CHOICES, accepted: acceptedSpellings(CASE_TYPE_CHOICES), toValue: (code: string) => code }],
  ...PROFILE_FIELDS.map(
    (f) =>
      [
        f.name,
        {
          label: f.label,
          choices: f.choices,
          accepted: acceptedSpellings(f.choices, f.kind === 'bool' ? OLD_YES_NO : {}),
          toValue: (code: string): unknown => (f.kind === 'int' ? Number(code) : f.kind === 'bool' ? code === 'yes' : code),
        },
      ] as const,
  ),
]);
const ANSWERS = acceptedSpellings(ANSWER_CHOICES);
const ANSWERS_ALLOWED = allowedValues(ANSWER_CHOICES);

export const MAX_CSV_ROWS = 1000;

/** A row whose caseRef starts with this is a note for the person filling the sheet in. */
export const NOTE_MARK = '#';
const CASE_REF_EXAMPLE = 'K-001';

/** The template's choice of columns: every question (`all`) or one case type's only. */
export type TemplateKind = CaseType | 'all';

/**
 * The CSV template. Without a kind, the bare header the JSON API has always given (scripts
 * read it as the column list). With one, three note rows under the header: what each column
 * is, the values it takes (and, in the template for every case type, which types take each
 * question), and an example case; a case type's own template has only the questions it takes.
 */
export function casesTemplate(bank: QuestionBank, kind?: TemplateKind): string {
  const questions = kind && kind !== 'all' ? bank.questions.filter((q) => q.appliesTo.includes(kind)) : bank.questions;
  const header = ['caseRef', ...PROFILE_COLUMNS, ...questions.map((q) => q.id)];
  if (!kind) return toCsv([header]);
  const exampleType: CaseType = kind === 'all' ? 'community' : kind;
  const what = [
    `${NOTE_MARK} What goes in each column (rows starting with ${NOTE_MARK} are notes and are not uploaded)`,
    ...PROFILE_COLUMNS.map((c) => PROFILE_SPECS.get(c)!.label),
    ...questions.map((q) => `Question ${q.id}: ${q.text}`),
  ];
  const allowed = [
    `${NOTE_MARK} Allowed values. Case reference: the inspectorate's own, letters, digits, - and _, with a digit (never a name)`,
    ...PROFILE_COLUMNS.map((c) => `${allowedValues(PROFILE_SPECS.get(c)!.choices)}${c === 'caseType' ? '' : '; or blank when not recorded'}`),
    ...questions.map((q) => `${ANSWERS_ALLOWED}; blank is unanswered${kind === 'all' ? takenBy(q) : ''}`),
  ];
  const example = [
    `${NOTE_MARK} Example: ${CASE_REF_EXAMPLE}`,
    ...PROFILE_COLUMNS.map((c) => (c === 'caseType' ? exampleType : (PROFILE_SPECS.get(c)!.choices[1] ?? PROFILE_SPECS.get(c)!.choices[0])![0])),
    ...questions.map((q, i) => (q.appliesTo.includes(exampleType) ? ANSWER_CHOICES[i % ANSWER_CHOICES.length]![0] : '')),
  ];
  return toCsv([header, what, allowed, example]);
}

function takenBy(q: Question): string {
  if (q.appliesTo.length === CASE_TYPE_CHOICES.length) return '';
  const not = CASE_TYPE_CHOICES.filter(([code]) => !q.appliesTo.includes(code as CaseType)).map(([code]) => code);
  return `. NOT ASKED of ${not.join(' or ')} cases: leave it blank (or na) for them`;
}

export interface ParsedCases {
  cases: { caseRef: string; input: CaseInput; row: number }[];
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
/** How many of a group's bad values its message quotes. */
const VALUES_NAMED = 3;

/**
 * One kind of problem of a cell, in words without the row: `what` is wrong (the bad value is
 * quoted after it), `use` says what to do. The same `what` in the same column on several rows
 * is one problem naming the rows.
 */
interface CellProblem {
  what: string;
  use: string;
  value?: string;
}

/** "column tier (Tier)", "column 1.1.1 (question: Was a court report ...?)": the header and what it is. */
function columnInWords(bank: QuestionBank, column: string): string {
  if (column === 'caseRef') return 'column caseRef (Case reference)';
  const profile = PROFILE_SPECS.get(column);
  if (profile) return `column ${column} (${profile.label})`;
  const question = questionIndex(bank).get(column);
  if (question) return `column ${column} (question: ${question.text.length > 70 ? `${question.text.slice(0, 68).trimEnd()}…` : question.text})`;
  return `column ${column}`;
}

const quoted = (value: string) => `"${value.length > 40 ? `${value.slice(0, 38)}…` : value}"`;
const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

function rowList(rows: readonly number[], count: number): string {
  const more = count - rows.length;
  return `rows ${rows.join(', ')}${more ? ` and ${more} more` : ''}`;
}

/**
 * Problems, bounded: the same problem in the same column on many rows becomes one entry naming
 * the rows; past MAX_CSV_PROBLEMS entries only a count is kept ("and N more problems").
 */
class ProblemList {
  private readonly entries: (
    | { path: string; message: string }
    | { column: string; problem: CellProblem; values: string[]; rows: number[]; count: number }
  )[] = [];
  private readonly groups = new Map<string, { column: string; problem: CellProblem; values: string[]; rows: number[]; count: number }>();
  private dropped = 0;
  count = 0;

  constructor(private readonly bank: QuestionBank) {}

  add(path: string, message: string): void {
    this.count++;
    if (this.entries.length < MAX_CSV_PROBLEMS) this.entries.push({ path, message });
    else this.dropped++;
  }

  /** One problem of a cell (or, with column '', of a whole row); repeats in the same column are grouped. */
  addCell(row: number, column: string, problem: CellProblem): void {
    this.count++;
    const key = `${column}\u0000${problem.what}\u0000${problem.use}`;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      if (group.rows.length < ROWS_NAMED) group.rows.push(row);
      if (problem.value !== undefined && group.values.length < VALUES_NAMED && !group.values.includes(problem.value))
        group.values.push(problem.value);
      return;
    }
    if (this.entries.length >= MAX_CSV_PROBLEMS) {
      this.dropped++;
      return;
    }
    const fresh = { column, problem, values: problem.value === undefined ? [] : [problem.value], rows: [row], count: 1 };
    this.groups.set(key, fresh);
    this.entries.push(fresh);
  }

  get size(): number {
    return this.count;
  }

  list(): ProblemDetail[] {
    const out: ProblemDetail[] = this.entries.map((e) => {
      if (!('rows' in e)) return e;
      const { what, use } = e.problem;
      const values = e.values.length
        ? ` (${e.values.map(quoted).join(', ')}${e.count > e.values.length && e.values.length === VALUES_NAMED ? ', …' : ''})`
        : '';
      const problem = `${what}${values}: ${use}`;
      const column = e.column ? columnInWords(this.bank, e.column) : '';
      if (e.count === 1) {
        return {
          path: e.column ? `row ${e.rows[0]}.${e.column}` : `row ${e.rows[0]}`,
          message: `Row ${e.rows[0]}${column ? `, ${column}` : ''}: ${problem}`,
        };
      }
      return {
        path: e.column ? `column ${e.column}` : 'rows',
        message: `${column ? `${capitalised(column)}: ${rowList(e.rows, e.count)}` : capitalised(rowList(e.rows, e.count))}: ${problem}`,
      };
    });
    if (this.dropped > 0) out.push({ path: 'body', message: `and ${this.dropped} more ${this.dropped === 1 ? 'problem' : 'problems'}` });
    return out;
  }
}

function malformed(error: unknown, lineOffset = 0): ProblemDetail {
  const e = error as { lines?: number; code?: string };
  return {
    path: e.lines ? `row ${e.lines + lineOffset}` : 'body',
    message: `${e.lines ? `Row ${e.lines + lineOffset}: ` : ''}Malformed CSV: ${csvErrorText(e.code)}`,
  };
}

const refuse = (problems: ProblemDetail[], problemCount = problems.length): ParsedCases => ({ cases: [], problems, problemCount });

/** What is wrong with a case reference, in words; undefined when CaseRef (the schema, the last word) takes it. */
function caseRefProblem(caseRef: string): CellProblem | undefined {
  if (z.safeParse(CaseRef, caseRef).success) return undefined;
  if (caseRef === '') return { what: 'empty', use: `every case needs the inspectorate's case reference, for example ${CASE_REF_EXAMPLE}` };
  if (caseRef.length > 32) return { what: 'longer than 32 characters', value: caseRef, use: "use the inspectorate's short case reference" };
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(caseRef))
    return { what: 'not a case reference', value: caseRef, use: 'use letters, digits, - and _ only, starting with a letter or digit' };
  return { what: 'has no digit', value: caseRef, use: 'a case reference must contain a digit (never use a name)' };
}

export function parseCasesCsv(bank: QuestionBank, rawText: string): ParsedCases {
  const text = rawText.replace(/^\uFEFF/, '');
  // Lines are measured before anything is split into fields, so memory stays bounded.
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    const end = text.indexOf('\n', lineStart);
    const stop = end === -1 ? text.length : end;
    if (stop - lineStart > MAX_CSV_LINE_CHARS) {
      const what = line === 1 ? 'The header row' : `Row ${line}`;
      return refuse([
        {
          path: line === 1 ? 'header' : `row ${line}`,
          message: `${what} is longer than ${MAX_CSV_LINE_CHARS} characters: no upload of cases needs one this long`,
        },
      ]);
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
  const problems = new ProblemList(bank);
  const index = questionIndex(bank);
  const known = 1 + PROFILE_COLUMNS.length + index.size;
  if (header.length > known)
    problems.add(
      'header',
      `Header row: it has ${header.length} columns; ${bank.version} has ${known} (caseRef, the profile columns and the question ids)`,
    );
  const seenColumns = new Set<string>();
  header.forEach((column, i) => {
    const name = column || `column ${i + 1}`;
    if (seenColumns.has(column)) problems.add(`header.${name}`, `Header row: column ${name} appears twice: keep one of them`);
    seenColumns.add(column);
    if (column !== 'caseRef' && !PROFILE_SPECS.has(column) && !index.has(column)) {
      problems.add(
        `header.${name}`,
        `Header row: ${name} is not a column of the template: use the template's headers (caseRef, ${PROFILE_COLUMNS.join(', ')} and question ids of ${bank.version} such as ${bank.questions[0]?.id})`,
      );
    }
  });
  for (const [required, what] of [
    ['caseRef', 'the case reference'],
    ['caseType', 'the case type'],
  ] as const) {
    if (!seenColumns.has(required))
      problems.add(`header.${required}`, `Header row: the ${required} column (${what}) is missing: every upload needs it`);
  }
  if (problems.size) return refuse(problems.list(), problems.size);

  // Then the rows: one of the wrong width is counted and dropped at once, never kept; notes and blank rows are skipped.
  const refColumn = header.indexOf('caseRef');
  const rows: { cells: string[]; row: number }[] = [];
  let seen = 0;
  try {
    parse(text, {
      from_line: 2,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      on_record: (record: string[], context) => {
        if (record[refColumn]?.startsWith(NOTE_MARK)) return null;
        if (record.length !== header.length) {
          seen++;
          problems.addCell(context.lines, '', {
            what: `${record.length} columns where the header has ${header.length}`,
            use: 'check for a stray comma or a missing cell',
          });
          return null;
        }
        // A spreadsheet's blank row (every cell empty) is no case.
        if (record.every((cell) => cell === '')) return null;
        if (++seen <= MAX_CSV_ROWS) rows.push({ cells: record, row: context.lines });
        return null;
      },
    });
  } catch (error) {
    return refuse([...problems.list(), malformed(error, 1)], problems.size + 1);
  }
  if (seen > MAX_CSV_ROWS) problems.add('body', `At most ${MAX_CSV_ROWS} cases in one upload (this one has ${seen}): split the file`);
  if (problems.size) return refuse(problems.list(), problems.size);

  const cases: ParsedCases['cases'] = [];
  const seenRefs = new Map<string, number>();
  for (const { cells, row: rowNumber } of rows) {
    const profile: Record<string, unknown> = {};
    const answers: Record<string, string> = {};
    let caseRef = '';
    header.forEach((column, i) => {
      const value = cells[i] ?? '';
      if (column === 'caseRef') {
        caseRef = value;
        return;
      }
      const spec = PROFILE_SPECS.get(column);
      if (spec) {
        if (value === '') return;
        const code = spec.accepted.get(normalised(value));
        if (code === undefined) {
          problems.addCell(rowNumber, column, { what: 'not one of the allowed values', value, use: `use ${allowedValues(spec.choices)}` });
        } else profile[column] = spec.toValue(code);
      } else if (value !== '') {
        // Most cells are already a code: the common case costs one lookup.
        const code = ANSWERS.get(value) ?? ANSWERS.get(normalised(value));
        if (code === undefined) {
          problems.addCell(rowNumber, column, { what: 'not an answer', value, use: `use ${ANSWERS_ALLOWED}, or leave it blank while unanswered` });
        } else answers[column] = code;
      }
    });

    const refProblem = caseRefProblem(caseRef);
    if (refProblem) {
      problems.addCell(rowNumber, 'caseRef', refProblem);
    }
    const earlier = seenRefs.get(caseRef);
    // A reference already refused is not named again as a repeat.
    if (earlier !== undefined && !refProblem) {
      problems.add(
        `row ${rowNumber}.caseRef`,
        `Row ${rowNumber}, ${columnInWords(bank, 'caseRef')}: case ${caseRef} is also on row ${earlier}: use one row per case`,
      );
    }
    seenRefs.set(caseRef, rowNumber);

    if (profile.caseType === undefined) {
      if (!cells[header.indexOf('caseType')])
        problems.addCell(rowNumber, 'caseType', { what: 'empty', use: `every case needs its type: use ${allowedValues(CASE_TYPE_CHOICES)}` });
      continue;
    }
    // The schema has the last word; the checks above only put its problems in words.
    const parsedProfile = z.safeParse(CaseProfile, profile);
    if (!parsedProfile.success) {
      for (const issue of parsedProfile.error.issues) {
        const column = String(issue.path[0] ?? 'caseType');
        problems.addCell(rowNumber, column, {
          what: 'not one of the allowed values',
          use: `use ${allowedValues(PROFILE_SPECS.get(column)?.choices ?? [])}`,
        });
      }
      continue;
    }
    const input: CaseInput = { profile: parsedProfile.data, answers: answers as CaseInput['answers'] };
    for (const problem of caseProblems(bank, input, '')) {
      const column = problem.path.slice(1);
      problems.addCell(
        rowNumber,
        column,
        index.has(column)
          ? { what: `${input.profile.caseType} cases do not take this question`, use: 'leave it blank or answer na' }
          : { what: 'not a question of this inspection', use: 'remove the column' },
      );
    }
    if (!problems.size) cases.push({ caseRef, input, row: rowNumber });
  }
  if (cases.length === 0 && problems.size === 0)
    problems.add('body', 'The CSV has a header but no cases: add one row per case under the header (rows starting with # are notes and are skipped)');
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
