/** functions/improvement-plan.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { ImprovementPlan, ImprovementPlanInput, PlanAnnex } from '#schemas/improvement-plan';
import { httpFunction, SIGNED_IN, type RouteSpec } from './spec';

export const improvementPlanRoutes = [
  {
    method: 'GET',
    path: '/inspections/{id}/improvement-plan',
    fn: 'improvement-plan',
    access: SIGNED_IN,
    summary:
      "The area's improvement plan after the final release, with its ETag: due four weeks after publication; due, overdue or received; each action open, done or overdue (409 before a final release)",
    response: { status: 200, contentType: 'application/json', schema: ImprovementPlan },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/improvement-plan',
    fn: 'improvement-plan',
    access: ['admin', 'staff'],
    summary:
      'Replace the improvement plan whole: If-Match with the ETag from GET (428 without, 412 when somebody saved since); 409 before a final release, or naming a recommendation the write-up no longer has',
    body: { kind: 'json', schema: ImprovementPlanInput },
    response: { status: 200, contentType: 'application/json', schema: ImprovementPlan },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/improvement-plan.csv',
    fn: 'improvement-plan',
    access: ['admin'],
    summary: 'The improvement plan as CSV: one row per action, its progress updates in one cell',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/releases/{releaseId}/improvement-plan',
    fn: 'improvement-plan',
    access: ['admin'],
    summary: 'Publish the improvement plan as it is now as an annex to a final release, frozen (409 for a factual-accuracy release)',
    response: { status: 201, contentType: 'application/json', schema: PlanAnnex },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases/{releaseId}/improvement-plan',
    fn: 'improvement-plan',
    access: SIGNED_IN,
    summary:
      "A release's improvement plan annex as frozen (its newest), JSON or ?format=csv, byte for byte the same on every request (404 when none was published)",
    query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
    response: { status: 200, contentType: 'application/json', schema: ImprovementPlan },
  },
] as const satisfies readonly RouteSpec[];

/**
 * The improvement plan: getImprovementPlan, putImprovementPlan (conditional Put), the releases listed, the write-up read; annexes put and read.
 */
export const improvementPlanFunction = httpFunction('improvement-plan', improvementPlanRoutes, { actions: ['GetItem', 'PutItem', 'Query'] });
