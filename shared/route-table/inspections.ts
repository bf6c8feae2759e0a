/** The routes of functions/inspections.ts: its part of the route table (shared/routes.ts joins them all). */
import * as z from 'zod/mini';
import { CreateInspection, Inspection, InspectionList } from '../schemas/inspection';
import { Job } from '../schemas/job';
import { SIGNED_IN, type RouteSpec } from './spec';

export const inspectionsRoutes = [
  {
    method: 'POST',
    path: '/inspections',
    fn: 'inspections',
    access: ['admin'],
    summary: 'Create an inspection, pinned to the current question bank',
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
    summary: 'Long work handed over by a route that answered 202: running, done with its result, or failed with its problem (to the person who started it, or an admin)',
    response: { status: 200, contentType: 'application/json', schema: Job },
  },
] as const satisfies readonly RouteSpec[];
