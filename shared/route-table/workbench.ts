/** functions/workbench.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import {
  httpFunction,
  INSPECTORS,
  SIGNED_IN,
  TemplateQuery,
  UPLOAD_MAX_BODY_BYTES,
  type RouteSpec,
  DYNAMO_ACTIONS,
  CSV,
  routesOfFunction,
} from './spec';

const route = routesOfFunction('workbench');

export const workbenchRoutes = [
  // The pages. They live under /workbench/ so that no page path can collide with a JSON route
  // (GET /inspections/{id} is the JSON API's), and one prefix marks the session routes in logs.
  route.getPage('/', 'public', 'Signed out, the start page; signed in, the inspections'),
  route.getPage('/workbench/inspections/new', ['admin'], 'New inspection form'),
  route.postForm('/workbench/inspections/new', ['admin'], 'Create an inspection; redirects to its dashboard'),
  route.getPage('/workbench/inspections/{id}', SIGNED_IN, "An inspection's dashboard: the sample so far, responses, figures, CSV upload"),
  route.post(
    '/workbench/inspections/{id}/cases',
    INSPECTORS,
    'Upload cases as a CSV file, all or nothing; one that would replace cases already entered shows them first and asks',
    { auth: 'session', body: { kind: 'multipart' }, maxBodyBytes: UPLOAD_MAX_BODY_BYTES },
  ),
  // The confirmation page's button: the file it showed comes back in the form, so nobody chooses it again.
  route.postForm(
    '/workbench/inspections/{id}/cases/replace',
    INSPECTORS,
    "Replace the cases an upload's confirmation page listed (form fields csv and confirmation), all or nothing",
    { maxBodyBytes: UPLOAD_MAX_BODY_BYTES },
  ),
  route.get(
    '/workbench/inspections/{id}/cases-template.csv',
    SIGNED_IN,
    "The CSV template for the inspection's question bank; `?caseType=` (or `all`): with notes rows of what each column takes and an example",
    { auth: 'session', query: TemplateQuery, response: CSV },
  ),
  route.postForm('/workbench/inspections/{id}/recompute', ['admin', 'staff'], 'Recompute the figures now; redirects to the dashboard'),
  route.getPage(
    '/workbench/jobs/{jobId}',
    SIGNED_IN,
    'What long work handed over by a page (a release of a large inspection) is doing, and where its result is',
  ),
  // The prefix alone, as somebody types it: the workbench's home, not the gateway's JSON 404.
  route.get('/workbench', 'public', 'The workbench prefix alone: sends you to the home page', {
    auth: 'session',
    response: { status: 303, contentType: 'text/html' },
  }),
  // Any other page address: a GOV.UK "Page not found" page, not the gateway's JSON.
  route.get('/workbench/{path+}', 'public', 'Any other address under /workbench/: the page-not-found page (404)', {
    auth: 'session',
    response: { status: 404, contentType: 'text/html' },
  }),
] as const satisfies readonly RouteSpec[];

/**
 * Lists inspections (gsi1), creates them, uploads cases, shows summaries, recomputes (taking the stale marker: DeleteItem).
 */
export const workbenchFunction = httpFunction('workbench', workbenchRoutes, {
  actions: DYNAMO_ACTIONS,
  index: true,
  readsTexts: true,
  sendsTo: ['jobs'],
});
