/**
 * Issuing invitations: a module of its own (not with the respondents' use cases in
 * ./invitations) so the admin's function bundles the questionnaire versions, not the
 * questionnaires.
 */
import { questionnaireVersions } from '../questionnaires/versions';
import type { User } from '../core/roles';
import type { CreateInvitations } from '../schemas/invitation';
import { createInvitations, listInvitationBatches, invitationOfBatch, putInvitationReferences, type InvitationBatch, type ListedBatch } from '../store/invitations';
import type { Fence } from '../store/fence';
import { newReference } from './references';
import {
  hashToken,
  invitationUrl,
  newBatchId,
  newInvitationId,
  newLinkToken,
  normaliseExpiry,
  ttlEpochFor,
  type IssuedInvitation,
} from './invitation-tokens';
import { advanceStageAfterWrite, requireOpenInspection, withWriterLease } from './closing';
import { requireInspection } from './inspections';
import { retentionEpoch } from './retention';

export async function issueInvitations(
  inspectionId: string,
  input: CreateInvitations,
  user: User,
  origin: string,
): Promise<{ batch: InvitationBatch; invitations: IssuedInvitation[] }> {
  const inspection = await requireOpenInspection(inspectionId);
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
    const token = newLinkToken(batch.inspectionId, batch.language, batch.questionnaireVersion);
    return { token, tokenHash: hashToken(token), invitationId: newInvitationId() };
  });
  const ttl = ttlEpochFor(expiresAt) ?? retentionEpoch();
  // Under a writer's lease (closing.ts): a final release waits for the whole batch, so no link lands after the close.
  const references = await withWriterLease(inspection.inspectionId, async (fence) => {
    // References first: a batch item (what "invited" counts) is only written once every link has its reference.
    const drawn = await mintReferences(batch, issued, ttl, fence);
    await createInvitations(
      batch,
      issued.map(({ tokenHash, invitationId }) => ({ tokenHash, invitationId })),
      ttl,
      fence,
    );
    return drawn;
  });
  await advanceStageAfterWrite(inspection, 'fieldwork');
  return {
    batch,
    invitations: issued.map(({ token, invitationId }, i) => ({ invitationId, token, url: invitationUrl(origin, token), reference: references[i]! })),
  };
}

/** The batches issued so far, newest first: counts only, since the links themselves were never kept. */
export async function invitationBatchesOf(inspectionId: string): Promise<{ inspectionId: string; batches: ListedBatch[] }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const batches = await listInvitationBatches(id);
  return { inspectionId: id, batches: batches.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')) };
}

/** Draws at most this many references for one invitation: with 31^8 of them, a second draw is already rare. */
const MAX_DRAWS = 5;

/** One reference per invitation, unique within the inspection (a conditional put each; a clash draws again). */
async function mintReferences(batch: InvitationBatch, invitations: readonly { invitationId: string; tokenHash: string }[], ttl: number, fence: Fence): Promise<string[]> {
  const references = invitations.map(() => newReference());
  let pending = invitations.map((_i, n) => n);
  for (let draw = 1; pending.length; draw++) {
    if (draw > MAX_DRAWS) throw new Error('could not draw a free invitation reference');
    const refs = pending.map((n) => ({ reference: references[n]!, ...invitationOfBatch(batch, invitations[n]!.invitationId), tokenHash: invitations[n]!.tokenHash }));
    const taken = await putInvitationReferences(refs, ttl, fence);
    pending = taken.map((t) => pending[t]!);
    for (const n of pending) references[n] = newReference();
  }
  return references;
}
