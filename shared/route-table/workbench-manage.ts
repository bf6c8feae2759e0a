/** functions/workbench-manage.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, DYNAMO_ACTIONS, CSV, routesOfFunction } from './spec';

const route = routesOfFunction('workbench-manage');

export const workbenchManageRoutes = [
  route.getPage('/workbench/inspections/{id}/grades', SIGNED_IN, 'Leadership grades (4.1-4.6) and conclusions on the scored criteria'),
  route.getPage('/workbench/inspections/{id}/grades/{criterionId}', SIGNED_IN, "One criterion's grade (section 4) or conclusion (1.1-3.2)"),
  route.postForm('/workbench/inspections/{id}/grades/{criterionId}', INSPECTORS, "Record one criterion's grade or conclusion"),
  route.getPage(
    '/workbench/inspections/{id}/invitations',
    ['admin'],
    'Issue questionnaire links; the batches issued so far, when, and until when they work (`?issued=` shows the batch just issued with its download)',
  ),
  route.postForm(
    '/workbench/inspections/{id}/invitations',
    ['admin'],
    "Issue a batch of links: 303 to the invitations page showing the batch (`?issued={batchId}`) with its mail-merge CSV to download; the form's one-time token brings a form sent twice to the same batch. Without a sealing key (links that cannot be downloaded again) it answers with the CSV itself; over 250 links, the job's page",
  ),
  route.get(
    '/workbench/inspections/{id}/invitations/{batchFile}',
    ['admin'],
    "A batch's mail-merge CSV again (`{batchId}.csv`), until it is marked sent or 7 days have passed (then 410)",
    { auth: 'session', response: CSV },
  ),
  route.postForm('/workbench/inspections/{id}/invitations/{batchId}/sent', ['admin'], 'Mark a batch as sent: it can no longer be downloaded again'),
  route.getPage('/workbench/inspections/{id}/report-links', SIGNED_IN, "The inspection's report links: make one, withdraw one"),
  route.postForm('/workbench/inspections/{id}/report-links', SIGNED_IN, 'Make a report link, shown this once'),
  route.postForm('/workbench/inspections/{id}/report-links/{linkId}/withdraw', SIGNED_IN, 'Withdraw a report link'),
  route.getPage('/workbench/inspections/{id}/erase', ['admin'], "Erase the inspection's questionnaire responses: the confirmation page"),
  route.postForm('/workbench/inspections/{id}/erase', ['admin'], "Erase the responses, once the area's name is typed exactly"),
  route.getPage(
    '/workbench/inspections/{id}/delete',
    ['admin'],
    'Delete an inspection made by mistake: the confirmation page (or why it cannot be deleted)',
  ),
  route.postForm(
    '/workbench/inspections/{id}/delete',
    ['admin'],
    "Delete the inspection and everything in it, once the area's name is typed exactly; refused once it has a release",
  ),
] as const satisfies readonly RouteSpec[];

/**
 * ... and the invitations page: a batch's sealed secret deleted when it is marked sent, the form token's record let go (DeleteItem).
 * Deleting an inspection reads its area's inspections from the list (gsi1) when the area predates its own list.
 */
export const workbenchManageFunction = httpFunction('workbench-manage', workbenchManageRoutes, {
  actions: DYNAMO_ACTIONS,
  index: true,
  readsTexts: true,
  sendsTo: ['jobs'],
  sealsInvitationBatches: true,
});
