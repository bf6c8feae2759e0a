/**
 * The routes of functions/csv-imports.ts: the CSV uploads (the cases, the area's performance
 * figures) and the cases' template, a function of their own so that the CSV parser (csv-parse,
 * 27 KB) is in one bundle, not in those of every case and evidence write (functions/cases.ts,
 * functions/evidence.ts).
 */
import { CasesImported } from '#schemas/case';
import { PerformanceFiguresRecorded } from '#schemas/evidence';
import { httpFunction, INSPECTORS, ReplaceQuery, SIGNED_IN, TemplateQuery, type RouteSpec, CSV, ok, routesOfFunction } from './spec';

const route = routesOfFunction('csv-imports');

export const csvImportsRoutes = [
  route.post(
    '/inspections/{id}/cases',
    INSPECTORS,
    'Upload many cases as CSV, all or nothing; `?replace=ask`: 409 listing the cases it would replace, importing nothing',
    { body: { kind: 'csv' }, query: ReplaceQuery, maxBodyBytes: 5 * 1024 * 1024, mayBeJob: true, response: ok(CasesImported) },
  ),
  route.get(
    '/inspections/{id}/cases-template.csv',
    SIGNED_IN,
    "A CSV template (header row) for the inspection's question bank; `?caseType=` (or `all`): with notes rows of what each column is, its allowed values and an example",
    { query: TemplateQuery, response: CSV },
  ),
  route.put(
    '/inspections/{id}/performance-figures',
    INSPECTORS,
    "The area's performance figures as CSV (measure,target,area,national,period; optionally better, kind, domain, previous, grade, predicted, significant, note, noteCy, measureCy), all or nothing; the report's Appendix 1 and 4.2 table",
    { body: { kind: 'csv' }, response: ok(PerformanceFiguresRecorded) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * The CSV uploads: cases (putCase for each row, all or nothing), the performance figures; the template.
 * An upload's Idempotency-Key record (shared/store/idempotency.ts): claimed, answered (UpdateItem), let go (DeleteItem).
 */
export const csvImportsFunction = httpFunction('csv-imports', csvImportsRoutes, {
  actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'TransactWriteItems', 'UpdateItem'],
  readsTexts: true,
  sendsTo: ['jobs'],
});
