/** functions/inspections.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { CreateInspection, Inspection, InspectionDeleted, InspectionList } from '#schemas/inspection';
import { Job } from '#schemas/job';
import { httpFunction, SIGNED_IN, type RouteSpec } from './spec';

export const inspectionsRoutes = [
  {
    method: 'POST',
    path: '/inspections',
    fn: 'inspections',
    access: ['admin'],
    summary:
      'Create an inspection, pinned to the current question bank; with ?overlap=refuse, 409 duplicate-inspection when the area has one whose fieldwork overlaps',
    query: z.object({ overlap: z.optional(z.enum(['allow', 'refuse'])) }),
    body: { kind: 'json', schema: CreateInspection },
    response: { status: 201, contentType: 'application/json', schema: Inspection },
  },
  {
    method: 'GET',
    path: '/inspections',
    fn: 'inspections',
    access: SIGNED_IN,
    summary: 'List inspections, newest first',
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
    response: { status: 200, contentType: 'application/json', schema: InspectionList },
  },
  {
    method: 'GET',
    path: '/inspections/{id}',
    fn: 'inspections',
    access: SIGNED_IN,
    summary: 'One inspection',
    response: { status: 200, contentType: 'application/json', schema: Inspection },
  },
  {
    method: 'GET',
    path: '/jobs/{jobId}',
    fn: 'inspections',
    access: SIGNED_IN,
    summary: 'Long work handed over by a route that answered 202: running, done with its result, or failed with its problem',
    response: { status: 200, contentType: 'application/json', schema: Job },
  },
  {
    method: 'DELETE',
    path: '/inspections/{id}',
    fn: 'inspections',
    access: ['admin'],
    summary: 'Delete an inspection made by mistake, with everything in it (409 inspection-has-releases once it has a release)',
    response: { status: 200, contentType: 'application/json', schema: InspectionDeleted },
  },
] as const satisfies readonly RouteSpec[];

/**
 * createInspection (with its area's list, one transaction), getInspection, listInspections (the one query of gsi1);
 * deleteInspection: marked (UpdateItem), every item of its partitions deleted (Query, BatchWriteItem, DeleteItem).
 */
export const inspectionsFunction = httpFunction('inspections', inspectionsRoutes, {
  actions: ['BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'],
  index: true,
});
