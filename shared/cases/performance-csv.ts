/**
 * The area's performance figures as the inspectorate receives them, a spreadsheet saved as
 * CSV: `measure,target,area,national,period` (and, optionally, `better`: `higher` or
 * `lower`, for a measure such as sickness absence where less is better). Every problem is
 * reported; nothing is stored unless every row is good. Pure.
 */
import { parse } from 'csv-parse/sync';
import type { ProblemDetail } from '../core/errors';
import type { PerformanceFigure } from '../schemas/evidence';

export const PERFORMANCE_COLUMNS = ['measure', 'target', 'area', 'national', 'period'] as const;
const OPTIONAL_COLUMNS = ['better'] as const;
export const MAX_PERFORMANCE_ROWS = 200;
const MAX_PROBLEMS = 100;
const MAX_TEXT = 200;
/** 86, 86%, 12.7, 10,339 (a thousands separator, as a spreadsheet writes it), -0.8%. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;

export interface ParsedPerformance {
  figures: PerformanceFigure[];
  problems: ProblemDetail[];
  problemCount: number;
}

export function parsePerformanceCsv(rawText: string): ParsedPerformance {
  const problems: ProblemDetail[] = [];
  let count = 0;
  const problem = (path: string, message: string) => {
    count++;
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };
  const refuse = (): ParsedPerformance => ({ figures: [], problems, problemCount: count });
  let rows: string[][];
  try {
    rows = parse(rawText.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true, to_line: MAX_PERFORMANCE_ROWS + 2 }) as string[][];
  } catch (error) {
    const e = error as { lines?: number };
    problem(e.lines ? `row ${e.lines}` : 'body', 'Malformed CSV: check the quotes and line ends');
    return refuse();
  }
  const header = rows[0];
  if (!header || (header.length === 1 && header[0] === '')) {
    problem('body', `The CSV is empty: it needs a header row (${PERFORMANCE_COLUMNS.join(',')}) and one row per measure`);
    return refuse();
  }
  const known: readonly string[] = [...PERFORMANCE_COLUMNS, ...OPTIONAL_COLUMNS];
  header.forEach((column, i) => {
    if (!known.includes(column)) problem(`header.${column || `column ${i + 1}`}`, `Unknown column ${column || `${i + 1} (empty)`}: expected ${PERFORMANCE_COLUMNS.join(', ')} (and optionally better)`);
    else if (header.indexOf(column) !== i) problem(`header.${column}`, `Column ${column} appears twice`);
  });
  for (const required of PERFORMANCE_COLUMNS) if (!header.includes(required)) problem(`header.${required}`, `The ${required} column is missing`);
  if (count) return refuse();
  if (rows.length - 1 > MAX_PERFORMANCE_ROWS) {
    problem('body', `At most ${MAX_PERFORMANCE_ROWS} measures in one upload`);
    return refuse();
  }
  if (rows.length === 1) {
    problem('body', 'The CSV has a header but no measures');
    return refuse();
  }

  const figures: ParsedPerformance['figures'] = [];
  const firstRowOf = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const at = `row ${r + 1}`; // as a spreadsheet numbers it, header = row 1
    if (row.length !== header.length) {
      problem(at, `Has ${row.length} columns; the header has ${header.length}`);
      continue;
    }
    const cell = (column: string) => row[header.indexOf(column)] ?? '';
    const measure = cell('measure');
    const period = cell('period');
    if (!measure) problem(`${at}.measure`, 'The measure is empty');
    else if (measure.length > MAX_TEXT) problem(`${at}.measure`, `The measure is longer than ${MAX_TEXT} characters`);
    else if (firstRowOf.has(measure.toLowerCase())) problem(`${at}.measure`, `Measure "${measure}" appears twice (first on row ${firstRowOf.get(measure.toLowerCase())})`);
    else firstRowOf.set(measure.toLowerCase(), r + 1);
    if (!period) problem(`${at}.period`, 'The period is empty');
    else if (period.length > MAX_TEXT) problem(`${at}.period`, `The period is longer than ${MAX_TEXT} characters`);
    const numbers = (['target', 'area', 'national'] as const).map((column) => {
      const value = cell(column);
      if (!NUMBER.test(value)) {
        problem(`${at}.${column}`, value === '' ? `The ${column} figure is empty` : `The ${column} figure "${value.slice(0, 40)}" is not a number`);
        return Number.NaN;
      }
      return Number(value.replace(/[,%]/g, ''));
    });
    const better = header.includes('better') ? cell('better').toLowerCase() : '';
    if (better !== '' && better !== 'higher' && better !== 'lower') problem(`${at}.better`, `better is "${better.slice(0, 40)}": expected higher or lower (or empty, for higher)`);
    const [target, area, national] = numbers as [number, number, number];
    const percentages = (['target', 'area', 'national'] as const).some((column) => cell(column).endsWith('%'));
    figures.push({ measure, target, area, national, period, ...(better === 'lower' ? { better: 'lower' as const } : {}), ...(percentages ? { unit: 'percent' as const } : {}) });
  }
  return count ? refuse() : { figures, problems: [], problemCount: 0 };
}
