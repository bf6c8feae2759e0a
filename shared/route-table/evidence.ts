/** functions/evidence.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { AreaContext, ContextRecorded, InterviewInput, InterviewRecorded, SecondMarkingInput, SecondMarkingRecorded } from '#schemas/evidence';
import { httpFunction, INSPECTORS, type RouteSpec } from './spec';

export const evidenceRoutes = [
  {
    method: 'PUT',
    path: '/inspections/{id}/cases/{caseRef}/second-marking',
    fn: 'evidence',
    access: INSPECTORS,
    summary: 'A second, independent marking of a case (404 when it has no first marking, 409 from the first marker)',
    body: { kind: 'json', schema: SecondMarkingInput },
    response: { status: 201, contentType: 'application/json', schema: SecondMarkingRecorded },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/interviews/{caseRef}',
    fn: 'evidence',
    access: INSPECTORS,
    summary: "The offender manager's interview for a sample case (404 for a case not in the sample)",
    body: { kind: 'json', schema: InterviewInput },
    response: { status: 201, contentType: 'application/json', schema: InterviewRecorded },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/context',
    fn: 'evidence',
    access: INSPECTORS,
    summary: "The area's caseload and its make-up; the summary's sample.balance sets the sample beside it",
    body: { kind: 'json', schema: AreaContext },
    response: { status: 200, contentType: 'application/json', schema: ContextRecorded },
  },
] as const satisfies readonly RouteSpec[];

/**
 * Evidence beyond the case file (issue 14): second markings, interviews, performance figures, the caseload.
 */
export const evidenceFunction = httpFunction(
  'evidence',
  evidenceRoutes,
  { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems'] },
  { readsTexts: true },
);
