/** The routes of functions/invitations.ts: its part of the route table (shared/routes.ts joins them all). */
import * as z from 'zod/mini';
import { CreatedInvitations, CreateInvitations } from '../schemas/invitation';
import type { RouteSpec } from './spec';

export const invitationsRoutes = [
  {
    method: 'POST',
    path: '/inspections/{id}/invitations',
    fn: 'invitations',
    access: ['admin'],
    summary: 'Issue one-time questionnaire links; `Accept: text/csv` or `?format=csv` returns them as CSV for a mail merge',
    body: { kind: 'json', schema: CreateInvitations },
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
] as const satisfies readonly RouteSpec[];
