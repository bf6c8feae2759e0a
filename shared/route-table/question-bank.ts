/** functions/question-bank.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { QuestionBankWithInterviews } from '#schemas/evidence';
import { httpFunction, NO_DATA, SIGNED_IN, type RouteSpec } from './spec';

export const questionBankRoutes = [
  {
    method: 'GET',
    path: '/question-bank',
    fn: 'question-bank',
    access: SIGNED_IN,
    summary: 'The current Offender Management question bank (or ?version=)',
    query: z.object({ version: z.optional(z.string().check(z.maxLength(40))) }),
    response: { status: 200, contentType: 'application/json', schema: QuestionBankWithInterviews },
  },
] as const satisfies readonly RouteSpec[];

export const questionBankFunction = httpFunction('question-bank', questionBankRoutes, NO_DATA, { readsTexts: true });
