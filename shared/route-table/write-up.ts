/** functions/write-up.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { WriteUp } from '#schemas/write-up';
import { WriteUpSection, WriteUpSectionInput, WriteUpSections } from '#schemas/write-up-sections';
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec } from './spec';

export const writeUpRoutes = [
  {
    method: 'GET',
    path: '/inspections/{id}/write-up',
    fn: 'write-up',
    access: SIGNED_IN,
    summary: "The report's authored text (section summaries, strengths and areas for improvement, recommendations, good practice), with its ETag",
    response: { status: 200, contentType: 'application/json', schema: WriteUp },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/write-up',
    fn: 'write-up',
    access: INSPECTORS,
    summary:
      'Replace the write-up whole: If-Match with the ETag from GET (428 without, 412 when somebody saved since, 409 when the inspection is closed)',
    body: { kind: 'json', schema: WriteUp },
    response: { status: 200, contentType: 'application/json', schema: WriteUp },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/write-up/sections',
    fn: 'write-up',
    access: SIGNED_IN,
    summary:
      'The write-up section by section (the summary, each criterion, recommendations, good practice, settings, the front matter), each with its own version and who saved it last',
    response: { status: 200, contentType: 'application/json', schema: WriteUpSections },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/write-up/sections/{sectionId}',
    fn: 'write-up',
    access: INSPECTORS,
    summary:
      'Save one section against the version read (`expectedVersion`): other sections are never touched; 409 section-changed naming who saved it since, with their content and yours; 409 inspection-closed when closed',
    body: { kind: 'json', schema: WriteUpSectionInput },
    response: { status: 200, contentType: 'application/json', schema: WriteUpSection },
  },
] as const satisfies readonly RouteSpec[];

/**
 * The report's authored text: getInspection, getWriteUp, putWriteUp (a conditional Put).
 */
export const writeUpFunction = httpFunction(
  'write-up',
  writeUpRoutes,
  { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems', 'UpdateItem'] },
  { readsTexts: true },
);
