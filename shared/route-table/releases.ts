/** functions/releases.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { Inspection } from '#schemas/inspection';
import { Summary } from '#schemas/summary';
import { DataPackage, DataPackageQuery } from '#schemas/analysis';
import { CreateRelease, RecoverTransition, ReleaseCreated, ReleaseList, TransitionRecovered } from '#schemas/release';
import { httpFunction, SIGNED_IN, type RouteSpec } from './spec';

export const releasesRoutes = [
  {
    method: 'POST',
    path: '/inspections/{id}/releases',
    fn: 'releases',
    access: ['admin'],
    summary:
      "Freeze the report as it is now: `factual-accuracy` (the draft for the area's comments) or `final`, which also closes the inspection (409 when it is closed already; 409 with no cases). A final release with anything missing (unfinished cases, grades, conclusions, placeholders, stale figures, open questionnaires, unconsented quotes) is a 409 not-ready naming each, unless `confirm` is the area's name exactly",
    body: { kind: 'json', schema: CreateRelease },
    mayBeJob: true,
    response: { status: 201, contentType: 'application/json', schema: ReleaseCreated },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases',
    fn: 'releases',
    access: SIGNED_IN,
    summary: "The inspection's releases, oldest first",
    response: { status: 200, contentType: 'application/json', schema: ReleaseList },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases/{releaseId}/report',
    fn: 'releases',
    access: SIGNED_IN,
    summary: 'The frozen report of a release (HTML; ?lang=cy for Welsh), byte for byte the same on every request',
    query: z.object({ lang: z.optional(z.enum(['en', 'cy'])) }),
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases/{releaseId}/summary',
    fn: 'releases',
    access: SIGNED_IN,
    summary: 'The frozen summary of a release as JSON, or ?format=csv, byte for byte the same on every request',
    query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
    response: { status: 200, contentType: 'application/json', schema: Summary },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases/{releaseId}/data-package',
    fn: 'releases',
    access: SIGNED_IN,
    summary:
      "The analyst's export of a release: a Frictionless Tabular Data Package descriptor (datapackage.json) of the case judgements (pseudonymous case references, a keyed hash per release) and each audience's questionnaire answers, frozen with the release, every column described with its allowed values; each resource's `path` is relative to this address. Staff figures, not for publication. ?freeText=include (admin, staff) adds respondents' own words; 404 for a release made before data packages",
    query: DataPackageQuery,
    response: { status: 200, contentType: 'application/json', schema: DataPackage },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases/{releaseId}/data-package/{resource}',
    fn: 'releases',
    access: SIGNED_IN,
    summary:
      'One resource of the data package as CSV: `cases.csv`, `offender-answers.csv`, `victim-answers.csv`, `sentencer-answers.csv`, byte for byte the same on every request; `free-text.csv` (admin, staff) the free-text answers of the responses the release counted that are still held',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/reopen',
    fn: 'releases',
    access: ['admin'],
    summary: 'Reopen an inspection a final release closed: its writes and questionnaire links work again (409 when it is not closed)',
    response: { status: 200, contentType: 'application/json', schema: Inspection },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/releases/recover',
    fn: 'releases',
    access: ['admin'],
    summary:
      'Finish or undo a release or reopening that died half-way (409 release-in-progress while it may still be running, 409 when there is none)',
    body: { kind: 'json', schema: RecoverTransition },
    response: { status: 200, contentType: 'application/json', schema: TransitionRecovered },
  },
] as const satisfies readonly RouteSpec[];

/**
 * Releases: the summary recomputed (reads every input, caches the snapshot), the frozen files
 * put, the inspection closed and reopened by conditional updates; a release's files read back.
 * A release's or reopening's Idempotency-Key record: claimed (PutItem), answered (UpdateItem), let go (DeleteItem).
 */
export const releasesFunction = httpFunction(
  'releases',
  releasesRoutes,
  { actions: ['BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  { readsTexts: true, sendsTo: ['jobs'] },
);
