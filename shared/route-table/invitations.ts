/** functions/invitations.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { CreatedInvitations, CreateInvitations, InvitationBatchListed } from '#schemas/invitation';
import { httpFunction, type RouteSpec } from './spec';

export const invitationsRoutes = [
  {
    method: 'POST',
    path: '/inspections/{id}/invitations',
    fn: 'invitations',
    access: ['admin'],
    summary:
      'Issue one-time questionnaire links; `Accept: text/csv` or `?format=csv` returns them as CSV for a mail merge. An `Idempotency-Key` header makes a retry return the same batch (422 with another body)',
    body: { kind: 'json', schema: CreateInvitations },
    mayBeJob: true,
    query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
    response: { status: 201, contentType: 'application/json', schema: CreatedInvitations },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/invitations/reminders.csv',
    fn: 'invitations',
    access: ['admin'],
    summary:
      'The reminders mail merge: one row per invitation neither answered nor expired (invitationId, reference, audience, language, expiresAt). No URL: only token hashes are stored, so join on invitationId to the first file',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'GET',
    // `{batchId}.csv`: API Gateway takes a parameter only as a whole segment, so the handler reads the suffix.
    path: '/inspections/{id}/invitations/{batchFile}',
    fn: 'invitations',
    access: ['admin'],
    summary:
      "A batch's mail-merge CSV again (`/invitations/{batchId}.csv`), the same links as first issued, until the batch is marked sent or 7 days have passed: then 410",
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/invitations/{batchId}/sent',
    fn: 'invitations',
    access: ['admin'],
    summary: "Mark a batch as sent: its links' secret is deleted, so it can no longer be downloaded again (only hashes remain). Idempotent",
    response: { status: 200, contentType: 'application/json', schema: InvitationBatchListed },
  },
] as const satisfies readonly RouteSpec[];

/**
 * createInvitations (one batch item and the links' slots by BatchWriteItem); getInspection; the references a
 * hundred to a transaction; a batch's sealed secret put, read and deleted, the batch marked sent (UpdateItem);
 * the Idempotency-Key record.
 */
export const invitationsFunction = httpFunction(
  'invitations',
  invitationsRoutes,
  { actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  { sendsTo: ['jobs'], sealsInvitationBatches: true },
);
