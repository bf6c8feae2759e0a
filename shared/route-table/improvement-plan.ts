/** functions/improvement-plan.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { ImprovementPlan, ImprovementPlanInput, PlanAnnex } from '#schemas/improvement-plan';
import { httpFunction, SIGNED_IN, type RouteSpec, CSV, created, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('improvement-plan');

export const improvementPlanRoutes = [
  route.get(
    '/inspections/{id}/improvement-plan',
    SIGNED_IN,
    "The area's improvement plan after the final release, with its ETag: due four weeks after publication; due, overdue or received; each action open, done or overdue (409 before a final release)",
    { response: ok(ImprovementPlan) },
  ),
  route.put(
    '/inspections/{id}/improvement-plan',
    ['admin', 'staff'],
    'Replace the improvement plan whole: If-Match with the ETag from GET (428 without, 412 when somebody saved since); 409 before a final release, or naming a recommendation the write-up no longer has',
    { body: json(ImprovementPlanInput), response: ok(ImprovementPlan) },
  ),
  route.get(
    '/inspections/{id}/improvement-plan.csv',
    ['admin'],
    'The improvement plan as CSV: one row per action, its progress updates in one cell',
    { response: CSV },
  ),
  route.post(
    '/inspections/{id}/releases/{releaseId}/improvement-plan',
    ['admin'],
    'Publish the improvement plan as it is now as an annex to a final release, frozen (409 for a factual-accuracy release)',
    { response: created(PlanAnnex) },
  ),
  route.get(
    '/inspections/{id}/releases/{releaseId}/improvement-plan',
    SIGNED_IN,
    "A release's improvement plan annex as frozen (its newest), JSON or ?format=csv, byte for byte the same on every request (404 when none was published)",
    { query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }), response: ok(ImprovementPlan) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * The improvement plan: getImprovementPlan, putImprovementPlan (conditional Put), the releases listed, the write-up read; annexes put and read.
 */
export const improvementPlanFunction = httpFunction('improvement-plan', improvementPlanRoutes, { actions: ['GetItem', 'PutItem', 'Query'] });
