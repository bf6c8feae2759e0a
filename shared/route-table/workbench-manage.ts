/** functions/workbench-manage.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, INSPECTORS, SIGNED_IN, type RouteSpec, DYNAMO_ACTIONS } from './spec';

export const workbenchManageRoutes = [
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/grades',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Leadership grades (4.1-4.6) and conclusions on the scored criteria',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/grades/{criterionId}',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: "One criterion's grade (section 4) or conclusion (1.1-3.2)",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/grades/{criterionId}',
    fn: 'workbench-manage',
    access: INSPECTORS,
    auth: 'session',
    summary: "Record one criterion's grade or conclusion",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/invitations',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary:
      'Issue questionnaire links; the batches issued so far, when, and until when they work (`?issued=` shows the batch just issued with its download)',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/invitations',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary:
      "Issue a batch of links: 303 to the invitations page showing the batch (`?issued={batchId}`) with its mail-merge CSV to download; the form's one-time token brings a form sent twice to the same batch. Without a sealing key (links that cannot be downloaded again) it answers with the CSV itself; over 250 links, the job's page",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/invitations/{batchFile}',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: "A batch's mail-merge CSV again (`{batchId}.csv`), until it is marked sent or 7 days have passed (then 410)",
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/invitations/{batchId}/sent',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: 'Mark a batch as sent: it can no longer be downloaded again',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/report-links',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The inspection's report links: make one, withdraw one",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/report-links',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Make a report link, shown this once',
    body: { kind: 'form' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/report-links/{linkId}/withdraw',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Withdraw a report link',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/erase',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: "Erase the inspection's questionnaire responses: the confirmation page",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/erase',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: "Erase the responses, once the area's name is typed exactly",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/delete',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: 'Delete an inspection made by mistake: the confirmation page (or why it cannot be deleted)',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/delete',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: "Delete the inspection and everything in it, once the area's name is typed exactly; refused once it has a release",
    body: { kind: 'form' },
  },
] as const satisfies readonly RouteSpec[];

/**
 * ... and the invitations page: a batch's sealed secret deleted when it is marked sent, the form token's record let go (DeleteItem).
 * Deleting an inspection reads its area's inspections from the list (gsi1) when the area predates its own list.
 */
export const workbenchManageFunction = httpFunction(
  'workbench-manage',
  workbenchManageRoutes,
  {
    actions: DYNAMO_ACTIONS,
    index: true,
  },
  { readsTexts: true, sendsTo: ['jobs'], sealsInvitationBatches: true },
);
