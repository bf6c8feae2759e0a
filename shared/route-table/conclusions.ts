/** The routes of functions/conclusions.ts: its part of the route table (shared/routes.ts joins them all). */
import { Conclusion, ConclusionRecorded } from '../schemas/inspection';
import { INSPECTORS, type RouteSpec } from './spec';

export const conclusionsRoutes = [
  {
    method: 'PUT',
    path: '/inspections/{id}/conclusions/{criterionId}',
    fn: 'conclusions',
    access: INSPECTORS,
    summary: "Record the lead inspector's conclusion on a scored criterion (the report uses it over the suggested band)",
    body: { kind: 'json', schema: Conclusion },
    response: { status: 201, contentType: 'application/json', schema: ConclusionRecorded },
  },
] as const satisfies readonly RouteSpec[];
