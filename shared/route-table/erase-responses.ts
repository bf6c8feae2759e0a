/** The routes of functions/erase-responses.ts: its part of the route table (shared/routes.ts joins them all). */
import { ResponsesErased } from '../schemas/inspection';
import type { RouteSpec } from './spec';

export const eraseResponsesRoutes = [
  {
    method: 'DELETE',
    path: '/inspections/{id}/responses',
    fn: 'erase-responses',
    access: ['admin'],
    summary: "Erase every questionnaire response and draft of an inspection (the summary keeps its figures and loses its comments)",
    response: { status: 200, contentType: 'application/json', schema: ResponsesErased },
  },
] as const satisfies readonly RouteSpec[];
