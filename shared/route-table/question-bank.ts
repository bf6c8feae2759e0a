/** The routes of functions/question-bank.ts: its part of the route table (shared/routes.ts joins them all). */
import * as z from 'zod/mini';
import { QuestionBankWithInterviews } from '../schemas/evidence';
import { SIGNED_IN, type RouteSpec } from './spec';

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
