/** functions/invitations.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { CreatedInvitations, CreateInvitations, InvitationBatchListed } from '#schemas/invitation';
import { httpFunction, type RouteSpec, CSV, created, json, ok, routesOfFunction } from './spec';

const route = routesOfFunction('invitations');

export const invitationsRoutes = [
  route.post(
    '/inspections/{id}/invitations',
    ['admin'],
    'Issue one-time questionnaire links; `Accept: text/csv` or `?format=csv` returns them as CSV for a mail merge. An `Idempotency-Key` header makes a retry return the same batch (422 with another body)',
    {
      body: json(CreateInvitations),
      mayBeJob: true,
      query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
      response: created(CreatedInvitations),
    },
  ),
  route.get(
    '/inspections/{id}/invitations/reminders.csv',
    ['admin'],
    'The reminders mail merge: one row per invitation neither answered nor expired (invitationId, reference, audience, language, expiresAt). No URL: only token hashes are stored, so join on invitationId to the first file',
    { response: CSV },
  ),
  // `{batchId}.csv`: API Gateway takes a parameter only as a whole segment, so the handler reads the suffix.
  route.get(
    '/inspections/{id}/invitations/{batchFile}',
    ['admin'],
    "A batch's mail-merge CSV again (`/invitations/{batchId}.csv`), the same links as first issued, until the batch is marked sent or 7 days have passed: then 410",
    { response: CSV },
  ),
  route.post(
    '/inspections/{id}/invitations/{batchId}/sent',
    ['admin'],
    "Mark a batch as sent: its links' secret is deleted, so it can no longer be downloaded again (only hashes remain). Idempotent",
    { response: ok(InvitationBatchListed) },
  ),
] as const satisfies readonly RouteSpec[];

/**
 * createInvitations (one batch item and the links' slots by BatchWriteItem); getInspection; the references a
 * hundred to a transaction; a batch's sealed secret put, read and deleted, the batch marked sent (UpdateItem);
 * the Idempotency-Key record.
 */
export const invitationsFunction = httpFunction('invitations', invitationsRoutes, {
  actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'],
  sendsTo: ['jobs'],
  sealsInvitationBatches: true,
});
