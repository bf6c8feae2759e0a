/** functions/summary.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { Summary, SummaryCommentPage } from '#schemas/summary';
import { httpFunction, SIGNED_IN, type RouteSpec, ok, routesOfFunction } from './spec';

const route = routesOfFunction('summary');

export const summaryRoutes = [
  route.post('/inspections/{id}/aggregate', ['admin', 'staff'], 'Recompute the summary now', { response: ok(Summary) }),
  route.get('/inspections/{id}/summary', SIGNED_IN, 'The last computed summary as JSON, or ?format=csv', {
    query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
    response: ok(Summary),
  }),
  route.get(
    '/inspections/{id}/summary/comments',
    SIGNED_IN,
    "Every respondents' comment of the last summary, a page at a time (?page=1..commentPages)",
    {
      query: z.object({ page: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,4}$/, 'A page number from 1'))) }),
      response: ok(SummaryCommentPage),
    },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * latestSummary reads every input of an inspection and caches the snapshot it computes (and its comment pages: BatchWriteItem);
 * a recompute asked for takes the stale marker it covered (clearStale: DeleteItem).
 */
export const summaryFunction = httpFunction('summary', summaryRoutes, {
  actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem', 'DeleteItem'],
  readsTexts: true,
});
