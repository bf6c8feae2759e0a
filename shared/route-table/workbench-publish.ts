/** functions/workbench-publish.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { DataPackageQuery } from '#schemas/analysis';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, DYNAMO_ACTIONS } from './spec';

export const workbenchPublishRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/write-up',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary:
      "The write-up: section summaries, each criterion's strengths and areas for improvement, recommendations, good practice (read only for staff)",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/write-up',
    fn: 'workbench-publish',
    access: INSPECTORS,
    auth: 'session',
    summary:
      'Save the sections changed on the form, each on the version it was shown at (as PUT .../write-up/sections/{sectionId} does): a section somebody saved since comes back with their text beside yours and a choice of whose to keep',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/write-up/document',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary:
      "The report's front and back matter: the cover, foreword, acknowledgements, inspection team, abbreviations and the next-steps decision, each a form of its own (text for staff and a closed inspection)",
    query: z.object({ saved: z.optional(z.enum(['cover', 'foreword', 'acknowledgements', 'inspection-team', 'abbreviations', 'next-steps'])) }),
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/write-up/document',
    fn: 'workbench-publish',
    access: INSPECTORS,
    auth: 'session',
    summary:
      "Save one part of the front and back matter on the version it was shown at (as PUT .../write-up/sections/{sectionId} does); somebody else's save since is named and nothing is overwritten",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The inspection's releases: open one; admins make one or reopen a closed inspection",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/releases',
    fn: 'workbench-publish',
    access: ['admin'],
    auth: 'session',
    summary: 'Make a release (factual accuracy or final), as POST /inspections/{id}/releases does',
    body: { kind: 'form' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/reopen',
    fn: 'workbench-publish',
    access: ['admin'],
    auth: 'session',
    summary: 'Reopen a closed inspection, as POST /inspections/{id}/reopen does',
    body: { kind: 'form' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/releases/recover',
    fn: 'workbench-publish',
    access: ['admin'],
    auth: 'session',
    summary: 'Finish or undo a release or reopening that died half-way, as POST /inspections/{id}/releases/recover does',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/report',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "A release's frozen report (?lang=cy for Welsh)",
    query: z.object({ lang: z.optional(z.enum(['en', 'cy'])) }),
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/summary.json',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "A release's frozen summary as JSON",
    response: { status: 200, contentType: 'application/json' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/summary.csv',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "A release's frozen summary as CSV",
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/data-package',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary:
      "The analyst's data package of a release (datapackage.json, the JSON route's), its resources beside it; ?freeText=include for admins and staff",
    query: DataPackageQuery,
    response: { status: 200, contentType: 'application/json' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/data-package/{resource}',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'One CSV of the data package (free-text.csv for admins and staff)',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/breakdowns',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "Each criterion's score by case type, tier, Risk of Harm, PPO, gender and ethnicity; the diversity view (criterion 2.7)",
    response: { status: 200, contentType: 'text/html' },
  },
] as const satisfies readonly RouteSpec[];

/**
 * The workbench's write-up, releases, reopening and breakdowns pages: the same use cases as the JSON routes.
 */
export const workbenchPublishFunction = httpFunction(
  'workbench-publish',
  workbenchPublishRoutes,
  {
    actions: DYNAMO_ACTIONS,
  },
  { readsTexts: true, sendsTo: ['jobs'] },
);
