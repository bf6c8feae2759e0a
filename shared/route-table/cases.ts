/** functions/cases.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { QuestionBreakdowns, QuestionBreakdownsQuery } from '#schemas/analysis';
import { CaseInput, CaseList, CaseRecorded, CaseWithHistory } from '#schemas/case';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

export const casesRoutes = [
  {
    method: 'PUT',
    path: '/inspections/{id}/cases/{caseRef}',
    fn: 'cases',
    access: INSPECTORS,
    summary: "Create (201) or replace (200) one case's profile and judgements",
    body: { kind: 'json', schema: CaseInput },
    response: { status: 201, contentType: 'application/json', schema: CaseRecorded },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/cases/{caseRef}',
    fn: 'cases',
    access: SIGNED_IN,
    summary: 'One case, with its earlier versions (who and when)',
    response: { status: 200, contentType: 'application/json', schema: CaseWithHistory },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/cases',
    fn: 'cases',
    access: SIGNED_IN,
    summary: "The inspection's cases, a page at a time",
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
    response: { status: 200, contentType: 'application/json', schema: CaseList },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/question-breakdowns',
    fn: 'cases',
    access: SIGNED_IN,
    summary:
      "Each scored question's figure by case type, tier, Risk of Harm, PPO, MAPPA level, transferred and custodial, from the finished cases as they are now (?criterion=2.2 for one criterion's questions). Staff figures, every count shown; each group's `published` is what the disclosure rule lets out (\"[c]\" over fewer than 5 relevant cases)",
    query: QuestionBreakdownsQuery,
    response: { status: 200, contentType: 'application/json', schema: QuestionBreakdowns },
  },
] as const satisfies readonly RouteSpec[];

/**
 * putCase, getCase, listCases (the table's stream marks the inspection stale, not the request). Every input write is a
 * transaction fenced on the inspection's item (store/fence.ts: TransactWriteItems with a ConditionCheckItem), and the
 * first of its kind moves the stage on (advanceStage: UpdateItem); imports and invitation batches hold a writer's lease (UpdateItem).
 */
export const casesFunction = httpFunction(
  'cases',
  casesRoutes,
  { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  { readsTexts: true },
);
