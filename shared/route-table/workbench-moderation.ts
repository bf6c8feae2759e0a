/** functions/workbench-moderation.ts, the evidence pages: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, DYNAMO_ACTIONS, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-moderation');
const page = <P extends string>(path: P, summary: string) => route.getPage(path, SIGNED_IN, summary);
const form = <P extends string>(path: P, summary: string) => route.postForm(path, INSPECTORS, summary);

export const workbenchModerationRoutes = [
  page(
    '/workbench/inspections/{id}/moderation',
    'The second-marked cases for a moderator, their two markings side by side, and the agreed judgements',
  ),
  form(
    '/workbench/inspections/{id}/moderation/{caseRef}',
    "Record a moderator's agreed judgement of the questions where a case's two markings differ, with a note",
  ),
  page('/workbench/inspections/{id}/interviews', 'The offender manager interviews: each case of the sample, interviewed or not'),
  route.post(
    '/workbench/inspections/{id}/interviews',
    INSPECTORS,
    'Upload the interviews of many cases (multipart/form-data, a CSV: caseRef, then one column per interview question), each saved as PUT /inspections/{id}/interviews/{caseRef} does: all or nothing',
    { auth: 'session', body: { kind: 'multipart' } },
  ),
  page(
    '/workbench/inspections/{id}/interviews/{caseRef}',
    "One case's offender manager interview (read only for staff and once the inspection is closed)",
  ),
  form('/workbench/inspections/{id}/interviews/{caseRef}', 'Save the interview, as PUT /inspections/{id}/interviews/{caseRef} does'),
  page('/workbench/inspections/{id}/second-marking', 'Second marking: each case of the sample, who marked it first and second'),
  page(
    '/workbench/inspections/{id}/second-marking/{caseRef}',
    "A case's second marking, blind: its profile and questions, never the first marker's answers",
  ),
  form(
    '/workbench/inspections/{id}/second-marking/{caseRef}',
    'Save the second marking, as PUT /inspections/{id}/cases/{caseRef}/second-marking does',
  ),
  page('/workbench/inspections/{id}/area', "The area's caseload and its make-up, and the performance figures"),
  form('/workbench/inspections/{id}/area', 'Save the caseload, as PUT /inspections/{id}/context does'),
  route.post(
    '/workbench/inspections/{id}/area/performance-figures',
    INSPECTORS,
    'Upload the performance figures (multipart/form-data, a CSV), as PUT /inspections/{id}/performance-figures does: all or nothing',
    { auth: 'session', body: { kind: 'multipart' } },
  ),
] as const satisfies readonly RouteSpec[];

export const workbenchModerationFunction = httpFunction('workbench-moderation', workbenchModerationRoutes, {
  actions: DYNAMO_ACTIONS,
  readsTexts: true,
});
