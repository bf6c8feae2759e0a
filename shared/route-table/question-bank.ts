/** functions/question-bank.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { QuestionBankWithInterviews } from '#schemas/evidence';
import { httpFunction, NO_DATA, SIGNED_IN, type RouteSpec, ok, routesOfFunction } from './spec';

const route = routesOfFunction('question-bank');

export const questionBankRoutes = [
  route.get('/question-bank', SIGNED_IN, 'The current Offender Management question bank (or ?version=)', {
    query: z.object({ version: z.optional(z.string().check(z.maxLength(40))) }),
    response: ok(QuestionBankWithInterviews),
  }),
] as const satisfies readonly RouteSpec[];

export const questionBankFunction = httpFunction('question-bank', questionBankRoutes, { ...NO_DATA, readsTexts: true });
