/** functions/write-up.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { WriteUp } from '#schemas/write-up';
import { WriteUpSection, WriteUpSectionInput, WriteUpSections } from '#schemas/write-up-sections';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('write-up');

export const writeUpRoutes = [
  route.get(
    '/inspections/{id}/write-up',
    SIGNED_IN,
    "The report's authored text (section summaries, strengths and areas for improvement, recommendations, good practice), with its ETag",
    { response: ok(WriteUp) },
  ),
  route.put(
    '/inspections/{id}/write-up',
    INSPECTORS,
    'Replace the write-up whole: If-Match with the ETag from GET (428 without, 412 when somebody saved since, 409 when the inspection is closed)',
    { body: json(WriteUp), response: ok(WriteUp) },
  ),
  route.get(
    '/inspections/{id}/write-up/sections',
    SIGNED_IN,
    'The write-up section by section (the summary, each criterion, recommendations, good practice, settings, the front matter), each with its own version and who saved it last',
    { response: ok(WriteUpSections) },
  ),
  route.put(
    '/inspections/{id}/write-up/sections/{sectionId}',
    INSPECTORS,
    'Save one section against the version read (`expectedVersion`): other sections are never touched; 409 section-changed naming who saved it since, with their content and yours; 409 inspection-closed when closed',
    { body: json(WriteUpSectionInput), response: ok(WriteUpSection) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * The report's authored text: getInspection, getWriteUp, putWriteUp (a conditional Put).
 */
export const writeUpFunction = httpFunction('write-up', writeUpRoutes, {
  actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems', 'UpdateItem'],
  readsTexts: true,
});
