/** functions/erase-responses.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { ResponsesErased } from '#schemas/inspection';
import { httpFunction, type RouteSpec, ok, routesOfFunction } from './spec';

const route = routesOfFunction('erase-responses');

export const eraseResponsesRoutes = [
  route.delete(
    '/inspections/{id}/responses',
    ['admin'],
    'Erase every questionnaire response and draft of an inspection (the summary keeps its figures and loses its comments)',
    { response: ok(ResponsesErased) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * eraseResponses (queryPages, then writeAll's deletes); the summary snapshot rewritten without comments.
 */
export const eraseResponsesFunction = httpFunction('erase-responses', eraseResponsesRoutes, {
  actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'],
});
