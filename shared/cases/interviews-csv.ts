/**
 * The offender manager interviews as a spreadsheet saved as CSV (issue 27, item 2): one row per
 * sample case, `caseRef` then one column per question of the inspection's interview set (its
 * id, as the interview form shows it). A cell is yes, no or na, or the form's words (Yes, No,
 * Not relevant, any case); an empty cell is a question not answered. Every problem is reported
 * by row and column in plain words; nothing is returned unless every row is good. Pure.
 */
import type { ProblemDetail } from '#core/errors';
import type { Judgement } from '#schemas/case';
import type { InterviewQuestionSet } from '#schemas/evidence';
import { csvRows, headerProblems, rowCountFits, uploadProblems } from './csv-upload';

export const MAX_INTERVIEW_ROWS = 1000;
const WORDS: Record<string, Judgement> = { yes: 'yes', no: 'no', na: 'na', 'not relevant': 'na', 'n/a': 'na' };

export interface InterviewRow {
  row: number;
  caseRef: string;
  answers: Record<string, Judgement>;
}

export interface ParsedInterviews {
  rows: InterviewRow[];
  problems: ProblemDetail[];
  problemCount: number;
}

/** The header a file for this set starts with. */
export const interviewsCsvHeader = (set: InterviewQuestionSet): string[] => ['caseRef', ...set.questions.map((q) => q.id)];

export function parseInterviewsCsv(rawText: string, set: InterviewQuestionSet): ParsedInterviews {
  const problems = uploadProblems();
  const problem = problems.add;
  const refuse = (): ParsedInterviews => ({ rows: [], problems: problems.kept, problemCount: problems.count });
  const table = csvRows(rawText, MAX_INTERVIEW_ROWS, problems, 'the CSV is malformed: check its quotes and line ends');
  if (!table) return refuse();
  const header = table[0];
  const expected = interviewsCsvHeader(set);
  if (!header || (header.length === 1 && header[0] === '')) {
    problem('body', `The CSV is empty: it needs a header row (${expected.join(',')}) and one row per case`);
    return refuse();
  }
  headerProblems(header, expected, problems, {
    unknown: (column, i) =>
      `Column ${i + 1} of the header, "${(column || 'empty').slice(0, 40)}", is not caseRef or a question of interview set ${set.version} (${expected.slice(1).join(', ')})`,
    twice: (column) => `Column ${column} appears twice in the header`,
  });
  if (!header.includes('caseRef')) problem('header.caseRef', 'The caseRef column is missing: each row needs the case it is for');
  if (problems.count) return refuse();
  const words = {
    tooMany: `At most ${MAX_INTERVIEW_ROWS} interviews in one upload`,
    none: 'The CSV has a header but no interviews: add one row per case',
  };
  if (!rowCountFits(table, MAX_INTERVIEW_ROWS, problems, words)) return refuse();
  const rows: InterviewRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    const rowNumber = r + 1; // as a spreadsheet numbers it, the header being row 1
    const at = `row ${rowNumber}`;
    if (cells.length !== header.length) {
      problem(at, `Row ${rowNumber} has ${cells.length} ${cells.length === 1 ? 'column' : 'columns'}; the header has ${header.length}`);
      continue;
    }
    const caseRef = cells[header.indexOf('caseRef')] ?? '';
    if (!caseRef) problem(`${at}.caseRef`, `Row ${rowNumber}, column caseRef: the case reference is empty`);
    else if (firstRowOf.has(caseRef))
      problem(
        `${at}.caseRef`,
        `Row ${rowNumber}, column caseRef: case ${caseRef.slice(0, 40)} is also on row ${firstRowOf.get(caseRef)}: use one row per case`,
      );
    else firstRowOf.set(caseRef, rowNumber);
    const answers: Record<string, Judgement> = {};
    header.forEach((column, i) => {
      if (column === 'caseRef') return;
      const typed = cells[i] ?? '';
      if (typed === '') return;
      const judgement = WORDS[typed.toLowerCase()];
      if (judgement) answers[column] = judgement;
      else
        problem(
          `${at}.${column}`,
          `Row ${rowNumber}, column ${column}: "${typed.slice(0, 40)}" is not an answer: use yes, no or not relevant (na), or leave it empty`,
        );
    });
    rows.push({ row: rowNumber, caseRef, answers });
  }
  return problems.count ? refuse() : { rows, problems: [], problemCount: 0 };
}
