/**
 * Every CSV this service sends goes through here, so no cell a person typed (an area name, a
 * question text, a host name in a link) can start a spreadsheet formula: a ' goes before a
 * leading =, +, -, @, tab or carriage return (or their full-width forms), as csv-stringify's
 * escape_formulas does. Written here rather than taken from csv-stringify (11 KB in every
 * bundle that sends a CSV) for the few rules used: comma, double quotes doubled, "\n" after
 * each row; test/unit/csv-out.test.ts holds it equal to csv-stringify for any rows.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
const NEEDS_QUOTES = /[",\n\r]/;

function cell(field: CsvCell): string {
  let value = typeof field === 'boolean' ? (field ? '1' : '') : field === null || field === undefined ? '' : String(field);
  if (value === '') return '';
  // A negative number is a number, not a formula.
  if (FORMULA_START.has(value[0]!) && !(typeof field === 'number' && value[0] === '-')) value = `'${value}`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(cell).join(',')}\n`).join('');
}
