/** functions/cases.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { QuestionBreakdowns, QuestionBreakdownsQuery } from '#schemas/analysis';
import { CaseInput, CaseList, CaseRecorded, CaseWithHistory } from '#schemas/case';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, created, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('cases');

export const casesRoutes = [
  route.put('/inspections/{id}/cases/{caseRef}', INSPECTORS, "Create (201) or replace (200) one case's profile and judgements", {
    body: json(CaseInput),
    response: created(CaseRecorded),
  }),
  route.get('/inspections/{id}/cases/{caseRef}', SIGNED_IN, 'One case, with its earlier versions (who and when)', { response: ok(CaseWithHistory) }),
  route.get('/inspections/{id}/cases', SIGNED_IN, "The inspection's cases, a page at a time", {
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
    response: ok(CaseList),
  }),
  route.get(
    '/inspections/{id}/question-breakdowns',
    SIGNED_IN,
    "Each scored question's figure by case type, tier, Risk of Harm, PPO, MAPPA level, transferred and custodial, from the finished cases as they are now (?criterion=2.2 for one criterion's questions). Staff figures, every count shown; each group's `published` is what the disclosure rule lets out (\"[c]\" over fewer than 5 relevant cases)",
    { query: QuestionBreakdownsQuery, response: ok(QuestionBreakdowns) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * putCase, getCase, listCases (the table's stream marks the inspection stale, not the request). Every input write is a
 * transaction fenced on the inspection's item (store/fence.ts: TransactWriteItems with a ConditionCheckItem), and the
 * first of its kind moves the stage on (advanceStage: UpdateItem); imports and invitation batches hold a writer's lease (UpdateItem).
 */
export const casesFunction = httpFunction('cases', casesRoutes, {
  actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'],
  readsTexts: true,
});
