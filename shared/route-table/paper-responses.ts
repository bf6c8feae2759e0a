/** functions/paper-responses.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { PaperResponseBody, PaperResponseReceived } from '#schemas/invitation';
import { httpFunction, INSPECTORS, type RouteSpec } from './spec';

export const paperResponsesRoutes = [
  {
    method: 'POST',
    path: '/inspections/{id}/paper-responses',
    fn: 'paper-responses',
    access: INSPECTORS,
    summary:
      "Enter a paper questionnaire's answers against its invitation's reference: 201; 404 unknown reference, 409 already answered (online or on paper), 410 expired; the online link then answers 409",
    body: { kind: 'json', schema: PaperResponseBody },
    response: { status: 201, contentType: 'application/json', schema: PaperResponseReceived },
  },
] as const satisfies readonly RouteSpec[];

/**
 * Paper returns (issue 15): find the invitation by its reference, store the response once; the reminders file.
 */
export const paperResponsesFunction = httpFunction(
  'paper-responses',
  paperResponsesRoutes,
  { actions: ['GetItem', 'UpdateItem'] },
  { readsTexts: true },
);
