/** functions/inspections.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { CreateInspection, Inspection, InspectionDeleted, InspectionList } from '#schemas/inspection';
import { Job } from '#schemas/job';
import { httpFunction, SIGNED_IN, type RouteSpec, created, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('inspections');

export const inspectionsRoutes = [
  route.post(
    '/inspections',
    ['admin'],
    'Create an inspection, pinned to the current question bank; with ?overlap=refuse, 409 duplicate-inspection when the area has one whose fieldwork overlaps',
    { query: z.object({ overlap: z.optional(z.enum(['allow', 'refuse'])) }), body: json(CreateInspection), response: created(Inspection) },
  ),
  route.get('/inspections', SIGNED_IN, 'List inspections, newest first', {
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
    response: ok(InspectionList),
  }),
  route.get('/inspections/{id}', SIGNED_IN, 'One inspection', { response: ok(Inspection) }),
  route.get(
    '/jobs/{jobId}',
    SIGNED_IN,
    'Long work handed over by a route that answered 202: running, done with its result, or failed with its problem',
    { response: ok(Job) },
  ),
  route.delete(
    '/inspections/{id}',
    ['admin'],
    'Delete an inspection made by mistake, with everything in it (409 inspection-has-releases once it has a release)',
    { response: ok(InspectionDeleted) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * createInspection (with its area's list, one transaction), getInspection, listInspections (the one query of gsi1);
 * deleteInspection: marked (UpdateItem), every item of its partitions deleted (Query, BatchWriteItem, DeleteItem).
 */
export const inspectionsFunction = httpFunction('inspections', inspectionsRoutes, {
  actions: ['BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'],
  index: true,
});
