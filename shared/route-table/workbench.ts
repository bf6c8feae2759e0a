/** functions/workbench.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, TemplateQuery, UPLOAD_MAX_BODY_BYTES, type RouteSpec, DYNAMO_ACTIONS } from './spec';

export const workbenchRoutes = [
  // The pages. They live under /workbench/ so that no page path can collide with a JSON route
  // (GET /inspections/{id} is the JSON API's), and one prefix marks the session routes in logs.
  {
    method: 'GET',
    path: '/',
    fn: 'workbench',
    access: 'public',
    auth: 'session',
    summary: 'Signed out, the start page; signed in, the inspections',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/new',
    fn: 'workbench',
    access: ['admin'],
    auth: 'session',
    summary: 'New inspection form',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/new',
    fn: 'workbench',
    access: ['admin'],
    auth: 'session',
    summary: 'Create an inspection; redirects to its dashboard',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}',
    fn: 'workbench',
    access: SIGNED_IN,
    auth: 'session',
    summary: "An inspection's dashboard: the sample so far, responses, figures, CSV upload",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/cases',
    fn: 'workbench',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Upload cases as a CSV file, all or nothing; one that would replace cases already entered shows them first and asks',
    body: { kind: 'multipart' },
    maxBodyBytes: UPLOAD_MAX_BODY_BYTES,
  },
  {
    // The confirmation page's button: the file it showed comes back in the form, so nobody chooses it again.
    method: 'POST',
    path: '/workbench/inspections/{id}/cases/replace',
    fn: 'workbench',
    access: INSPECTORS,
    auth: 'session',
    summary: "Replace the cases an upload's confirmation page listed (form fields csv and confirmation), all or nothing",
    body: { kind: 'form' },
    maxBodyBytes: UPLOAD_MAX_BODY_BYTES,
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases-template.csv',
    fn: 'workbench',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The CSV template for the inspection's question bank; `?caseType=` (or `all`): with notes rows of what each column takes and an example",
    query: TemplateQuery,
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/recompute',
    fn: 'workbench',
    access: ['admin', 'staff'],
    auth: 'session',
    summary: 'Recompute the figures now; redirects to the dashboard',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/jobs/{jobId}',
    fn: 'workbench',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'What long work handed over by a page (a release of a large inspection) is doing, and where its result is',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    // The prefix alone, as somebody types it: the workbench's home, not the gateway's JSON 404.
    method: 'GET',
    path: '/workbench',
    fn: 'workbench',
    access: 'public',
    auth: 'session',
    summary: 'The workbench prefix alone: sends you to the home page',
    response: { status: 303, contentType: 'text/html' },
  },
  {
    // Any other page address: a GOV.UK "Page not found" page, not the gateway's JSON.
    method: 'GET',
    path: '/workbench/{path+}',
    fn: 'workbench',
    access: 'public',
    auth: 'session',
    summary: 'Any other address under /workbench/: the page-not-found page (404)',
    response: { status: 404, contentType: 'text/html' },
  },
] as const satisfies readonly RouteSpec[];

/**
 * Lists inspections (gsi1), creates them, uploads cases, shows summaries, recomputes (taking the stale marker: DeleteItem).
 */
export const workbenchFunction = httpFunction(
  'workbench',
  workbenchRoutes,
  {
    actions: DYNAMO_ACTIONS,
    index: true,
  },
  { readsTexts: true, sendsTo: ['jobs'] },
);
