/**
 * The routes of functions/cases-csv.ts: the cases as CSV (the upload and the template), a
 * function of their own so that the CSV parser and writer (about 40 KB) are not in the bundle
 * of every case read and write (functions/cases.ts).
 */
import { CasesImported } from '../schemas/case';
import { INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

export const casesCsvRoutes = [
  {
    method: 'POST',
    path: '/inspections/{id}/cases',
    fn: 'cases-csv',
    access: INSPECTORS,
    summary: 'Upload many cases as CSV, all or nothing',
    body: { kind: 'csv' },
    maxBodyBytes: 5 * 1024 * 1024,
    response: { status: 200, contentType: 'application/json', schema: CasesImported },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/cases-template.csv',
    fn: 'cases-csv',
    access: SIGNED_IN,
    summary: "A CSV template (header row) for the inspection's question bank",
    response: { status: 200, contentType: 'text/csv' },
  },
] as const satisfies readonly RouteSpec[];
