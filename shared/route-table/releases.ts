/** functions/releases.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { Inspection } from '#schemas/inspection';
import { Summary } from '#schemas/summary';
import { DataPackage, DataPackageQuery } from '#schemas/analysis';
import { CreateRelease, RecoverTransition, ReleaseCreated, ReleaseList, TransitionRecovered } from '#schemas/release';
import { httpFunction, SIGNED_IN, type RouteSpec, CSV, HTML, created, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('releases');

export const releasesRoutes = [
  route.post(
    '/inspections/{id}/releases',
    ['admin'],
    "Freeze the report as it is now: `factual-accuracy` (the draft for the area's comments) or `final`, which also closes the inspection (409 when it is closed already; 409 with no cases). A final release with anything missing (unfinished cases, grades, conclusions, placeholders, stale figures, open questionnaires, unconsented quotes) is a 409 not-ready naming each, unless `confirm` is the area's name exactly",
    { body: json(CreateRelease), mayBeJob: true, response: created(ReleaseCreated) },
  ),
  route.get('/inspections/{id}/releases', SIGNED_IN, "The inspection's releases, oldest first", { response: ok(ReleaseList) }),
  route.get(
    '/inspections/{id}/releases/{releaseId}/report',
    SIGNED_IN,
    'The frozen report of a release (HTML; ?lang=cy for Welsh), byte for byte the same on every request',
    { query: z.object({ lang: z.optional(z.enum(['en', 'cy'])) }), response: HTML },
  ),
  route.get(
    '/inspections/{id}/releases/{releaseId}/summary',
    SIGNED_IN,
    'The frozen summary of a release as JSON, or ?format=csv, byte for byte the same on every request',
    { query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }), response: ok(Summary) },
  ),
  route.get(
    '/inspections/{id}/releases/{releaseId}/data-package',
    SIGNED_IN,
    "The analyst's export of a release: a Frictionless Tabular Data Package descriptor (datapackage.json) of the case judgements (pseudonymous case references, a keyed hash per release) and each audience's questionnaire answers, frozen with the release, every column described with its allowed values; each resource's `path` is relative to this address. Staff figures, not for publication. ?freeText=include (admin, staff) adds respondents' own words; 404 for a release made before data packages",
    { query: DataPackageQuery, response: ok(DataPackage) },
  ),
  route.get(
    '/inspections/{id}/releases/{releaseId}/data-package/{resource}',
    SIGNED_IN,
    'One resource of the data package as CSV: `cases.csv`, `offender-answers.csv`, `victim-answers.csv`, `sentencer-answers.csv`, byte for byte the same on every request; `free-text.csv` (admin, staff) the free-text answers of the responses the release counted that are still held',
    { response: CSV },
  ),
  route.post(
    '/inspections/{id}/reopen',
    ['admin'],
    'Reopen an inspection a final release closed: its writes and questionnaire links work again (409 when it is not closed)',
    { response: ok(Inspection) },
  ),
  route.post(
    '/inspections/{id}/releases/recover',
    ['admin'],
    'Finish or undo a release or reopening that died half-way (409 release-in-progress while it may still be running, 409 when there is none)',
    { body: json(RecoverTransition), response: ok(TransitionRecovered) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * Releases: the summary recomputed (reads every input, caches the snapshot), the frozen files
 * put, the inspection closed and reopened by conditional updates; a release's files read back.
 * A release's or reopening's Idempotency-Key record: claimed (PutItem), answered (UpdateItem), let go (DeleteItem).
 */
export const releasesFunction = httpFunction('releases', releasesRoutes, {
  actions: ['BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'],
  readsTexts: true,
  sendsTo: ['jobs'],
});
