/** functions/paper-responses.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { PaperResponseBody, PaperResponseReceived } from '#schemas/invitation';
import { httpFunction, INSPECTORS, type RouteSpec, created, json, routesOfFunction } from './spec';

const route = routesOfFunction('paper-responses');

export const paperResponsesRoutes = [
  route.post(
    '/inspections/{id}/paper-responses',
    INSPECTORS,
    "Enter a paper questionnaire's answers against its invitation's reference: 201; 404 unknown reference, 409 already answered (online or on paper), 410 expired; the online link then answers 409",
    { body: json(PaperResponseBody), response: created(PaperResponseReceived) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * Paper returns (issue 15): find the invitation by its reference, store the response once; the reminders file.
 */
export const paperResponsesFunction = httpFunction('paper-responses', paperResponsesRoutes, { actions: ['GetItem', 'UpdateItem'], readsTexts: true });
