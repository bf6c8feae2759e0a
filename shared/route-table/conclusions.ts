/** functions/conclusions.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { Conclusion, ConclusionRecorded } from '#schemas/inspection';
import { httpFunction, INSPECTORS, type RouteSpec } from './spec';

export const conclusionsRoutes = [
  {
    method: 'PUT',
    path: '/inspections/{id}/conclusions/{criterionId}',
    fn: 'conclusions',
    access: INSPECTORS,
    summary: "Record the lead inspector's conclusion on a scored criterion (the report uses it over the suggested band)",
    body: { kind: 'json', schema: Conclusion },
    response: { status: 201, contentType: 'application/json', schema: ConclusionRecorded },
  },
] as const satisfies readonly RouteSpec[];

export const conclusionsFunction = httpFunction(
  'conclusions',
  conclusionsRoutes,
  { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems'] },
  { readsTexts: true },
);
