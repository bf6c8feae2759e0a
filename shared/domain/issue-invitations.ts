/**
 * Issuing invitations: a module of its own (not with the respondents' use cases in
 * ./invitations) so the admin's function bundles the questionnaire versions, not the
 * questionnaires.
 */
import { Conflict } from '../core/errors';
import { questionnaireVersions } from '../questionnaires/versions';
import type { User } from '../core/roles';
import type { CreateInvitations } from '../schemas/invitation';
import { createInvitations, listInvitationBatches, type InvitationBatch, type ListedBatch } from '../store/invitations';
import {
  hashToken,
  invitationUrl,
  newBatchId,
  newInvitationId,
  newToken,
  normaliseExpiry,
  ttlEpochFor,
  type IssuedInvitation,
} from './invitation-tokens';
import { requireInspection } from './inspections';
import { retentionEpoch } from './retention';

export async function issueInvitations(
  inspectionId: string,
  input: CreateInvitations,
  user: User,
  origin: string,
): Promise<{ batch: InvitationBatch; invitations: IssuedInvitation[] }> {
  const inspection = await requireInspection(inspectionId);
  if (inspection.status === 'closed') throw new Conflict(`Inspection ${inspection.inspectionId} is closed.`);
  const expiresAt = normaliseExpiry(input.expiresAt);
  const batch: InvitationBatch = {
    inspectionId: inspection.inspectionId,
    batchId: newBatchId(),
    audience: input.audience,
    language: input.language,
    questionnaireVersion: questionnaireVersions[input.audience],
    count: input.count,
    ...(expiresAt ? { expiresAt } : {}),
    createdAt: new Date().toISOString(),
    createdBy: user.sub,
  };
  const issued = Array.from({ length: input.count }, () => {
    const token = newToken();
    return { token, tokenHash: hashToken(token), invitationId: newInvitationId() };
  });
  await createInvitations(
    batch,
    issued.map(({ tokenHash, invitationId }) => ({ tokenHash, invitationId })),
    ttlEpochFor(expiresAt) ?? retentionEpoch(),
  );
  return {
    batch,
    invitations: issued.map(({ token, invitationId }) => ({ invitationId, token, url: invitationUrl(origin, token) })),
  };
}

/** The batches issued so far, newest first: counts only, since the links themselves were never kept. */
export async function invitationBatchesOf(inspectionId: string): Promise<{ inspectionId: string; batches: ListedBatch[] }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const batches = await listInvitationBatches(id);
  return { inspectionId: id, batches: batches.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')) };
}
