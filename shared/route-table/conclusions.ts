/** functions/conclusions.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { Conclusion, ConclusionRecorded } from '#schemas/inspection';
import { httpFunction, INSPECTORS, type RouteSpec, created, json, routesOfFunction } from './spec';

const route = routesOfFunction('conclusions');

export const conclusionsRoutes = [
  route.put(
    '/inspections/{id}/conclusions/{criterionId}',
    INSPECTORS,
    "Record the lead inspector's conclusion on a scored criterion (the report uses it over the suggested band)",
    { body: json(Conclusion), response: created(ConclusionRecorded) },
  ),
] as const satisfies readonly RouteSpec[];

export const conclusionsFunction = httpFunction('conclusions', conclusionsRoutes, {
  actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems'],
  readsTexts: true,
});
