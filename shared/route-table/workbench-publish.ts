/** functions/workbench-publish.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { DataPackageQuery } from '#schemas/analysis';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, DYNAMO_ACTIONS, CSV, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-publish');

export const workbenchPublishRoutes = [
  route.getPage(
    '/workbench/inspections/{id}/write-up',
    SIGNED_IN,
    "The write-up: section summaries, each criterion's strengths and areas for improvement, recommendations, good practice (read only for staff)",
  ),
  route.postForm(
    '/workbench/inspections/{id}/write-up',
    INSPECTORS,
    'Save the sections changed on the form, each on the version it was shown at (as PUT .../write-up/sections/{sectionId} does): a section somebody saved since comes back with their text beside yours and a choice of whose to keep',
  ),
  route.getPage(
    '/workbench/inspections/{id}/write-up/document',
    SIGNED_IN,
    "The report's front and back matter: the cover, foreword, acknowledgements, inspection team, abbreviations and the next-steps decision, each a form of its own (text for staff and a closed inspection)",
    { query: z.object({ saved: z.optional(z.enum(['cover', 'foreword', 'acknowledgements', 'inspection-team', 'abbreviations', 'next-steps'])) }) },
  ),
  route.postForm(
    '/workbench/inspections/{id}/write-up/document',
    INSPECTORS,
    "Save one part of the front and back matter on the version it was shown at (as PUT .../write-up/sections/{sectionId} does); somebody else's save since is named and nothing is overwritten",
  ),
  route.getPage(
    '/workbench/inspections/{id}/releases',
    SIGNED_IN,
    "The inspection's releases: open one; admins make one or reopen a closed inspection",
  ),
  route.postForm(
    '/workbench/inspections/{id}/releases',
    ['admin'],
    'Make a release (factual accuracy or final), as POST /inspections/{id}/releases does',
  ),
  route.postForm('/workbench/inspections/{id}/reopen', ['admin'], 'Reopen a closed inspection, as POST /inspections/{id}/reopen does'),
  route.postForm(
    '/workbench/inspections/{id}/releases/recover',
    ['admin'],
    'Finish or undo a release or reopening that died half-way, as POST /inspections/{id}/releases/recover does',
  ),
  route.getPage('/workbench/inspections/{id}/releases/{releaseId}/report', SIGNED_IN, "A release's frozen report (?lang=cy for Welsh)", {
    query: z.object({ lang: z.optional(z.enum(['en', 'cy'])) }),
  }),
  route.get('/workbench/inspections/{id}/releases/{releaseId}/summary.json', SIGNED_IN, "A release's frozen summary as JSON", {
    auth: 'session',
    response: { status: 200, contentType: 'application/json' },
  }),
  route.get('/workbench/inspections/{id}/releases/{releaseId}/summary.csv', SIGNED_IN, "A release's frozen summary as CSV", {
    auth: 'session',
    response: CSV,
  }),
  route.get(
    '/workbench/inspections/{id}/releases/{releaseId}/data-package',
    SIGNED_IN,
    "The analyst's data package of a release (datapackage.json, the JSON route's), its resources beside it; ?freeText=include for admins and staff",
    { auth: 'session', query: DataPackageQuery, response: { status: 200, contentType: 'application/json' } },
  ),
  route.get(
    '/workbench/inspections/{id}/releases/{releaseId}/data-package/{resource}',
    SIGNED_IN,
    'One CSV of the data package (free-text.csv for admins and staff)',
    { auth: 'session', response: CSV },
  ),
  route.getPage(
    '/workbench/inspections/{id}/breakdowns',
    SIGNED_IN,
    "Each criterion's score by case type, tier, Risk of Harm, PPO, gender and ethnicity; the diversity view (criterion 2.7)",
  ),
] as const satisfies readonly RouteSpec[];

/**
 * The workbench's write-up, releases, reopening and breakdowns pages: the same use cases as the JSON routes.
 */
export const workbenchPublishFunction = httpFunction('workbench-publish', workbenchPublishRoutes, {
  actions: DYNAMO_ACTIONS,
  readsTexts: true,
  sendsTo: ['jobs'],
});
