/**
 * Issuing invitations: a module of its own (not with the respondents' use cases in
 * ./invitations) so the admin's function bundles the questionnaire versions, not the
 * questionnaires.
 *
 * A batch's links are derived from a secret of its own (invitation-tokens.ts,
 * `batchLinkToken`), kept sealed (batch-secrets.ts) for RECOVERABLE_DAYS at most: until then
 * an admin can download the same links again (a reply lost on the way, a file mislaid); once
 * the batch is marked sent, or the days are over, the secret is deleted and only the tokens'
 * hashes remain, as for every link before.
 */
import { questionnaireVersions } from '../questionnaires/versions';
import type { User } from '../core/roles';
import { Gone, NotFound } from '../core/errors';
import type { CreateInvitations } from '../schemas/invitation';
import { mapLimit } from '../concurrency';
import {
  createInvitations,
  findInvitationBatch,
  getBatchRecovery,
  invitationOfBatch,
  listInvitationBatches,
  markInvitationBatchSent,
  putBatchRecovery,
  putInvitationReferences,
  REFERENCES_PER_WRITE,
  type InvitationBatch,
  type ListedBatch,
} from '../store/invitations';
import { newReference } from './references';
import { batchLinkToken, hashToken, invitationUrl, newBatchId, newInvitationId, normaliseExpiry, ttlEpochFor, type IssuedInvitation } from './invitation-tokens';
import { batchSealer, newBatchSecret } from './batch-secrets';
import { requireOpenInspection } from './closing';
import { requireInspection } from './inspections';
import { retentionEpoch } from './retention';

/** How long a batch's links may be downloaded again, at most (the contract's 7 days). */
export const RECOVERABLE_DAYS = 7;

export interface IssuedBatch {
  batch: InvitationBatch;
  invitations: IssuedInvitation[];
}

const sealContext = (inspectionId: string, batchId: string) => `invitation-batch/${inspectionId}/${batchId}`;

export async function issueInvitations(inspectionId: string, input: CreateInvitations, user: User, origin: string): Promise<IssuedBatch> {
  const inspection = await requireOpenInspection(inspectionId);
  const expiresAt = normaliseExpiry(input.expiresAt);
  const now = Date.now();
  const sealer = batchSealer();
  const batch: InvitationBatch = {
    inspectionId: inspection.inspectionId,
    batchId: newBatchId(),
    audience: input.audience,
    language: input.language,
    questionnaireVersion: questionnaireVersions[input.audience],
    count: input.count,
    ...(expiresAt ? { expiresAt } : {}),
    createdAt: new Date(now).toISOString(),
    createdBy: user.sub,
    ...(sealer ? { recoverableUntil: new Date(now + RECOVERABLE_DAYS * 86_400_000).toISOString() } : {}),
  };
  const secret = newBatchSecret();
  const issued = Array.from({ length: input.count }, (_, index) => {
    const token = batchLinkToken(secret, index, batch.inspectionId, batch.language, batch.questionnaireVersion);
    return { token, tokenHash: hashToken(token), invitationId: newInvitationId() };
  });
  const ttl = ttlEpochFor(expiresAt) ?? retentionEpoch();
  // References first: a batch item (what "invited" counts) is only written once every link has its reference.
  const references = await mintReferences(batch, issued, ttl);
  // Then the sealed secret: a batch item that says it can be downloaded again always can.
  if (sealer && batch.recoverableUntil) {
    await putBatchRecovery(
      batch.inspectionId,
      batch.batchId,
      { sealedSecret: await sealer.seal(secret, sealContext(batch.inspectionId, batch.batchId)), links: issued.map((link, i) => [link.invitationId, references[i]!] as const) },
      Math.floor(Date.parse(batch.recoverableUntil) / 1000),
    );
  }
  await createInvitations(
    batch,
    issued.map(({ tokenHash, invitationId }) => ({ tokenHash, invitationId })),
    ttl,
  );
  return {
    batch,
    invitations: issued.map(({ token, invitationId }, i) => ({ invitationId, token, url: invitationUrl(origin, token), reference: references[i]! })),
  };
}

const NOT_RECOVERABLE =
  'These links can no longer be downloaded: the batch was marked as sent, or its 7 days are over, and the service keeps only a fingerprint of each link. Issue new links if some were never sent.';

async function requireBatch(inspectionId: string, batchId: string): Promise<InvitationBatch> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const batch = await findInvitationBatch(id, batchId);
  if (!batch) throw new NotFound('There is no such batch of invitations in this inspection.');
  return batch;
}

/**
 * The links of a batch once more, exactly as first issued: 410 once it was marked sent or its
 * window is over (whatever TTL has or has not yet deleted).
 */
export async function reissuedBatch(inspectionId: string, batchId: string, origin: string, now = Date.now()): Promise<IssuedBatch> {
  const batch = await requireBatch(inspectionId, batchId);
  if (batch.sentAt || !batch.recoverableUntil || Date.parse(batch.recoverableUntil) <= now) throw new Gone(NOT_RECOVERABLE);
  const recovery = await getBatchRecovery(batch.inspectionId, batch.batchId);
  const secret = recovery && (await batchSealer()?.open(recovery.sealedSecret, sealContext(batch.inspectionId, batch.batchId)));
  if (!recovery || !secret) throw new Gone(NOT_RECOVERABLE);
  return {
    batch,
    invitations: recovery.links.map(([invitationId, reference], index) => {
      const token = batchLinkToken(secret, index, batch.inspectionId, batch.language, batch.questionnaireVersion);
      return { invitationId, token, url: invitationUrl(origin, token), reference };
    }),
  };
}

/** The admin says the links went out: their secret is deleted, and the batch cannot be downloaded again. Idempotent. */
export async function markBatchSent(inspectionId: string, batchId: string, user: User): Promise<ListedBatch> {
  const batch = await requireBatch(inspectionId, batchId);
  const sentAt = batch.sentAt ?? new Date().toISOString();
  if (!batch.sentAt) await markInvitationBatchSent(batch, sentAt, user.sub);
  const { questionnaireVersion: _v, inspectionId: _i, ...listed } = batch;
  return { ...listed, sentAt };
}

/** The batches issued so far, newest first: counts only, since the links themselves were never kept. */
export async function invitationBatchesOf(inspectionId: string): Promise<{ inspectionId: string; batches: ListedBatch[] }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const batches = await listInvitationBatches(id);
  return { inspectionId: id, batches: batches.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')) };
}

/** Tries a group of references at most this often: with 31^8 of them, a clash is already rare, and a race with another batch rarer. */
const MAX_TRIES = 6;
/** Transactions in flight at once: enough to overlap round trips, few enough not to crowd the table's other users. */
const CONCURRENT_WRITES = 4;

/**
 * One reference per invitation, unique within the inspection: a transaction of conditional
 * puts per hundred, where a reference already taken is drawn again and the hundred tried again.
 */
async function mintReferences(batch: InvitationBatch, invitations: readonly { invitationId: string; tokenHash: string }[], ttl: number): Promise<string[]> {
  const groups = Array.from({ length: Math.ceil(invitations.length / REFERENCES_PER_WRITE) }, (_, g) => invitations.slice(g * REFERENCES_PER_WRITE, (g + 1) * REFERENCES_PER_WRITE));
  const minted = await mapLimit(groups, CONCURRENT_WRITES, async (group) => {
    const references = group.map(() => newReference());
    for (let tries = 1; ; tries++) {
      // One transaction may not put the same item twice: a reference drawn twice in the group is drawn again first.
      for (let i = 0; i < references.length; i++) while (references.indexOf(references[i]!) !== i) references[i] = newReference();
      const refs = group.map(({ invitationId, tokenHash }, i) => ({ reference: references[i]!, ...invitationOfBatch(batch, invitationId), tokenHash }));
      const { written, taken } = await putInvitationReferences(refs, ttl);
      if (written) return references;
      if (tries >= MAX_TRIES) throw new Error('could not draw free invitation references');
      for (const i of taken) references[i] = newReference();
      // Nothing taken: it lost a race with another transaction on the same items; the same references are tried again.
      if (!taken.length) await new Promise((r) => setTimeout(r, 20 * tries));
    }
  });
  return minted.flat();
}
