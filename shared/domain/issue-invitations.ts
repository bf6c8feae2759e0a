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
import { questionnaireVersions } from '#questionnaires/versions';
import type { User } from '#core/roles';
import { Gone, NotFound } from '#core/errors';
import type { CreateInvitations } from '#schemas/invitation';
import {
  createInvitations,
  findInvitationBatch,
  getBatchRecovery,
  invitationOfBatch,
  listInvitationBatches,
  markInvitationBatchSent,
  putBatchRecovery,
  putInvitationReferences,
  type InvitationBatch,
  type ListedBatch,
} from '#store/invitations';
import type { Fence } from '#store/fence';
import { newReference } from './references';
import {
  batchLinkToken,
  hashToken,
  invitationUrl,
  newBatchId,
  newInvitationId,
  normaliseExpiry,
  ttlEpochFor,
  type IssuedInvitation,
} from './invitation-tokens';
import { batchSealer, newBatchSecret } from './batch-secrets';
import { advanceStageAfterWrite, requireOpenInspection, withWriterLease } from './closing';
import { requireInspection } from './inspections';
import { retentionEpoch } from './retention';
import { INLINE_LIMIT } from '#core/timeouts';
import type { JobAccepted } from '#schemas/job';
import { type JobRunner, startJob } from './jobs';

/** How long a batch's links may be downloaded again, at most (the contract's 7 days). */
export const RECOVERABLE_DAYS = 7;

export interface IssuedBatch {
  batch: InvitationBatch;
  invitations: IssuedInvitation[];
}

const sealContext = (inspectionId: string, batchId: string) => `invitation-batch/${inspectionId}/${batchId}`;

/**
 * A batch issued while the request waited (its id: the links are the caller's to read), or, for
 * more than INLINE_LIMIT links, the job issuing it. Only a batch that can be downloaded again
 * becomes a job (its links are fetched from the batch afterwards); without a sealing key the
 * links exist only in the reply, so the request waits for them, however many.
 */
export async function issueOrHandOver(
  inspectionId: string,
  input: CreateInvitations,
  user: User,
  origin: string,
): Promise<{ issued: IssuedBatch; job?: undefined } | { job: JobAccepted; issued?: undefined }> {
  if (input.count > INLINE_LIMIT && (await batchSealer())) {
    const inspection = await requireOpenInspection(inspectionId);
    normaliseExpiry(input.expiresAt);
    const job = await startJob('invitations', inspection.inspectionId, user, `Issuing ${input.count} invitations: waiting to start.`, {
      input,
      user: { sub: user.sub, roles: user.roles },
      origin,
    });
    return { job };
  }
  return { issued: await issueInvitations(inspectionId, input, user, origin) };
}

/** The jobs worker's part: issue the batch the route handed over. A batch is written last, so a batch that died half-way was never issued. */
export const invitationsJob: JobRunner = {
  async run(job, doing) {
    const { input, user, origin } = job.payload as { input: CreateInvitations; user: User; origin: string };
    await doing(`Issuing ${input.count} invitations.`);
    const { batch } = await issueInvitations(job.inspectionId, input, user, origin);
    return {
      result: { batchId: batch.batchId, count: batch.count, download: `/inspections/${batch.inspectionId}/invitations/${batch.batchId}.csv` },
      doing: `Issued ${batch.count} invitations: download their links until the batch is marked as sent, for 7 days at most.`,
    };
  },
  async abandon() {
    return 'The invitations could not be issued: none were counted as sent. Try again.';
  },
};

export async function issueInvitations(inspectionId: string, input: CreateInvitations, user: User, origin: string): Promise<IssuedBatch> {
  const inspection = await requireOpenInspection(inspectionId);
  const expiresAt = normaliseExpiry(input.expiresAt);
  const now = Date.now();
  const sealer = await batchSealer();
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
  // Under a writer's lease (closing.ts): a final release waits for the whole batch, so no link lands after the close.
  const references = await withWriterLease(inspection.inspectionId, async (fence) => {
    // References first: a batch item (what "invited" counts) is only written once every link has its reference.
    const drawn = await mintReferences(batch, issued, ttl, fence);
    // Then the sealed secret: a batch item that says it can be downloaded again always can.
    if (sealer && batch.recoverableUntil) {
      await putBatchRecovery(
        batch.inspectionId,
        batch.batchId,
        {
          sealedSecret: await sealer.seal(secret, sealContext(batch.inspectionId, batch.batchId)),
          links: issued.map((link, i) => [link.invitationId, drawn[i]!] as const),
        },
        Math.floor(Date.parse(batch.recoverableUntil) / 1000),
      );
    }
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
  const secret = recovery && (await (await batchSealer())?.open(recovery.sealedSecret, sealContext(batch.inspectionId, batch.batchId)));
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

/** Draws at most this many references for one invitation: with 31^8 of them, a second draw is already rare. */
const MAX_DRAWS = 5;

/** One reference per invitation, unique within the inspection (a conditional put each; a clash draws again). */
async function mintReferences(
  batch: InvitationBatch,
  invitations: readonly { invitationId: string; tokenHash: string }[],
  ttl: number,
  fence: Fence,
): Promise<string[]> {
  const references = invitations.map(() => newReference());
  let pending = invitations.map((_i, n) => n);
  for (let draw = 1; pending.length; draw++) {
    if (draw > MAX_DRAWS) throw new Error('could not draw a free invitation reference');
    const refs = pending.map((n) => ({
      reference: references[n]!,
      ...invitationOfBatch(batch, invitations[n]!.invitationId),
      tokenHash: invitations[n]!.tokenHash,
    }));
    const taken = await putInvitationReferences(refs, ttl, fence);
    pending = taken.map((t) => pending[t]!);
    for (const n of pending) references[n] = newReference();
  }
  return references;
}
