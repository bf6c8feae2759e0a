/** functions/erase-responses.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { ResponsesErased } from '#schemas/inspection';
import { httpFunction, type RouteSpec } from './spec';

export const eraseResponsesRoutes = [
  {
    method: 'DELETE',
    path: '/inspections/{id}/responses',
    fn: 'erase-responses',
    access: ['admin'],
    summary: 'Erase every questionnaire response and draft of an inspection (the summary keeps its figures and loses its comments)',
    response: { status: 200, contentType: 'application/json', schema: ResponsesErased },
  },
] as const satisfies readonly RouteSpec[];

/**
 * eraseResponses (queryPages, then writeAll's deletes); the summary snapshot rewritten without comments.
 */
export const eraseResponsesFunction = httpFunction('erase-responses', eraseResponsesRoutes, {
  actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'],
});
