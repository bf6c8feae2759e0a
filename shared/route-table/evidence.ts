/** functions/evidence.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { AreaContext, ContextRecorded, InterviewInput, InterviewRecorded, SecondMarkingInput, SecondMarkingRecorded } from '#schemas/evidence';
import { httpFunction, INSPECTORS, type RouteSpec, created, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('evidence');

export const evidenceRoutes = [
  route.put(
    '/inspections/{id}/cases/{caseRef}/second-marking',
    INSPECTORS,
    'A second, independent marking of a case (404 when it has no first marking, 409 from the first marker)',
    { body: json(SecondMarkingInput), response: created(SecondMarkingRecorded) },
  ),
  route.put(
    '/inspections/{id}/interviews/{caseRef}',
    INSPECTORS,
    "The offender manager's interview for a sample case (404 for a case not in the sample)",
    { body: json(InterviewInput), response: created(InterviewRecorded) },
  ),
  route.put('/inspections/{id}/context', INSPECTORS, "The area's caseload and its make-up; the summary's sample.balance sets the sample beside it", {
    body: json(AreaContext),
    response: ok(ContextRecorded),
  }),
] as const satisfies readonly RouteSpec[];

/**
 * Evidence beyond the case file (issue 14): second markings, interviews, performance figures, the caseload.
 */
export const evidenceFunction = httpFunction('evidence', evidenceRoutes, {
  actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems'],
  readsTexts: true,
});
