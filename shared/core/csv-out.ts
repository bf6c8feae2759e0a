/**
 * Every CSV this service sends goes through here, so no cell a person typed (an area name, a
 * question text, a host name in a link) can start a spreadsheet formula: csv-stringify's
 * escape_formulas puts a ' before a leading =, +, -, @, tab or carriage return.
 */
import { stringify } from 'csv-stringify/sync';

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], { escape_formulas: true });
}
