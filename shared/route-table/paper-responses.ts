/** The routes of functions/paper-responses.ts: its part of the route table (shared/routes.ts joins them all). */
import { PaperResponseBody, PaperResponseReceived } from '../schemas/invitation';
import { INSPECTORS, type RouteSpec } from './spec';

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
