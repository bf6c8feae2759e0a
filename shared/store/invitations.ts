/**
 * Invitations (one-time questionnaire links) and their batches.
 *
 *   invitation   its slot (shared/store/responses.ts): the link, its draft and its response
 *                are one item, found by the token's hash, so that sending is one write.
 *   reference    pk INSP#<id>  sk INVREF#<reference>
 *                the paper form's reference of one invitation, with what a paper return needs
 *                (audience, language, version, expiry); also the list of an inspection's
 *                invitations for the reminders.
 *   batch        pk INSP#<id>  sk INVBATCH#<audience>#<language>#<batchId>
 *                one per issue, with its count: "invited" is a Query, never a read of every link.
 *   recovery     pk INSP#<id>  sk INVBATCHKEY#<batchId>
 *                while a batch may be downloaded again: its sealed secret, each link's id and
 *                reference. Deleted when the batch is marked sent; TTL at the end of its window.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putInvitationSlots, toInvitation, type Invitation } from './responses';
import type { Audience, Language } from '#schemas/questionnaire';
import { doc, tableName, writeIf } from './client';
import { type Fence, writeFenced } from './fence';
import { keys } from './keys';
import { queryAll, queryPages } from './paging';
import { TABLE } from './table';

const BATCH = 'invitation-batch';
const REFERENCE = 'invitation-reference';
const RECOVERY = 'invitation-batch-recovery';

/** A paper form's reference: the link it stands for, found by the reference an inspector types. */
export interface InvitationReference extends Invitation {
  reference: string;
  /** The hash of the link's token: where its slot is, so a paper return lands in the same one. */
  tokenHash: string;
}

/**
 * Keeps a reference for each invitation, behind the issuing writer's fence. Returns the
 * indexes of those whose reference the inspection already has (draw another for those).
 */
export async function putInvitationReferences(refs: readonly InvitationReference[], ttlEpoch: number | undefined, fence: Fence): Promise<number[]> {
  return writeFenced(
    fence,
    refs.map((ref) => [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.invitationReference(ref.inspectionId, ref.reference),
            entity: REFERENCE,
            ...ref,
            ...(ttlEpoch ? { [TABLE.ttlAttribute]: ttlEpoch } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]),
    { skipRefused: true },
  );
}

function toReference(item: Record<string, unknown>): InvitationReference {
  const r = item as unknown as InvitationReference;
  return { reference: r.reference, ...toInvitation(item), tokenHash: r.tokenHash };
}

export async function getInvitationReference(inspectionId: string, reference: string): Promise<InvitationReference | undefined> {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.invitationReference(inspectionId, reference), ConsistentRead: true }),
  );
  return Item && Item.entity === REFERENCE ? toReference(Item) : undefined;
}

/** Every invitation reference of an inspection, a DynamoDB page at a time. */
export async function* invitationReferences(inspectionId: string): AsyncGenerator<InvitationReference[]> {
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.invitationReferencePrefix)) yield page.map(toReference);
}

export interface InvitationBatch {
  inspectionId: string;
  batchId: string;
  audience: Audience;
  language: Language;
  questionnaireVersion: string;
  count: number;
  expiresAt?: string;
  createdAt: string;
  createdBy: string;
  /** Until when its links may be downloaded again (absent: they cannot be). */
  recoverableUntil?: string;
  /** When an admin marked it sent: its links can no longer be downloaded. */
  sentAt?: string;
}

/** One link of a batch, as its slot and its paper reference both record it. */
export function invitationOfBatch(batch: InvitationBatch, invitationId: string): Invitation {
  return {
    invitationId,
    inspectionId: batch.inspectionId,
    batchId: batch.batchId,
    audience: batch.audience,
    language: batch.language,
    questionnaireVersion: batch.questionnaireVersion,
    createdAt: batch.createdAt,
    ...(batch.expiresAt ? { expiresAt: batch.expiresAt } : {}),
  };
}

/**
 * Writes a batch's links (their slots), then the batch item (so "invited" never counts links
 * that were not written), all behind the issuing writer's fence.
 */
export async function createInvitations(
  batch: InvitationBatch,
  invitations: readonly { tokenHash: string; invitationId: string }[],
  ttlEpoch: number | undefined,
  fence: Fence,
): Promise<void> {
  await putInvitationSlots(
    invitations.map(({ tokenHash, invitationId }) => ({ tokenHash, ...invitationOfBatch(batch, invitationId) })),
    ttlEpoch,
    fence,
  );
  const item = { ...keys.invitationBatch(batch.inspectionId, batch.audience, batch.language, batch.batchId), entity: BATCH, ...batch };
  await writeFenced(fence, [[{ Put: { TableName: tableName, Item: item } }]]);
}

export interface ListedBatch {
  batchId?: string;
  audience: Audience;
  language: Language;
  count: number;
  expiresAt?: string;
  createdAt?: string;
  createdBy?: string;
  recoverableUntil?: string;
  sentAt?: string;
}

const LISTED_TEXT = ['batchId', 'expiresAt', 'createdAt', 'createdBy', 'recoverableUntil', 'sentAt'] as const;

/** One entry per issued batch: how many links went to which audience in which language. */
export async function listInvitationBatches(inspectionId: string): Promise<ListedBatch[]> {
  return (await queryAll(keys.partitionOf(inspectionId), keys.invitationBatchPrefix)).map((item) => ({
    audience: item.audience as Audience,
    language: item.language as Language,
    count: item.count as number,
    ...Object.fromEntries(LISTED_TEXT.filter((name) => typeof item[name] === 'string').map((name) => [name, item[name] as string])),
  }));
}

/** One batch by its id (a Query of the inspection's batches: a handful of items). */
export async function findInvitationBatch(inspectionId: string, batchId: string): Promise<InvitationBatch | undefined> {
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.invitationBatchPrefix)) {
    const item = page.find((i) => i.batchId === batchId);
    if (item) {
      const { pk: _pk, sk: _sk, entity: _entity, ...batch } = item;
      return batch as unknown as InvitationBatch;
    }
  }
  return undefined;
}

/** What re-making a batch's links needs: its sealed secret, and each link's id and reference in order. */
export interface BatchRecovery {
  sealedSecret: string;
  links: readonly (readonly [invitationId: string, reference: string])[];
}

export async function putBatchRecovery(inspectionId: string, batchId: string, recovery: BatchRecovery, ttlEpoch: number): Promise<void> {
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.invitationBatchRecovery(inspectionId, batchId), entity: RECOVERY, ...recovery, [TABLE.ttlAttribute]: ttlEpoch },
    }),
  );
}

export async function getBatchRecovery(inspectionId: string, batchId: string): Promise<BatchRecovery | undefined> {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.invitationBatchRecovery(inspectionId, batchId), ConsistentRead: true }),
  );
  return Item && Item.entity === RECOVERY ? { sealedSecret: Item.sealedSecret as string, links: Item.links as BatchRecovery['links'] } : undefined;
}

/** Marks a batch sent (once: the first time is kept) and deletes its secret: from now on only hashes remain. */
export async function markInvitationBatchSent(batch: InvitationBatch, sentAt: string, sentBy: string): Promise<void> {
  await writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.invitationBatch(batch.inspectionId, batch.audience, batch.language, batch.batchId),
      UpdateExpression: 'SET sentAt = :at, sentBy = :by',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sentAt)',
      ExpressionAttributeValues: { ':at': sentAt, ':by': sentBy },
    }),
  );
  await deleteBatchRecovery(batch.inspectionId, batch.batchId);
}

export async function deleteBatchRecovery(inspectionId: string, batchId: string): Promise<void> {
  await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.invitationBatchRecovery(inspectionId, batchId) }));
}

/** How many unknown references one person (`who`) tried against an inspection in one hour ("2026-12-02T21"). */
export async function referenceMisses(inspectionId: string, hour: string, who: string): Promise<number> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.referenceMisses(inspectionId, hour, who), ConsistentRead: true }));
  return typeof Item?.misses === 'number' ? Item.misses : 0;
}

/**
 * Counts one more unknown reference in that hour, and answers the count it made; undefined once
 * the count stands at `ceiling` (it is never passed). One conditional update, so of any number of
 * concurrent guesses exactly as many are counted as the ceiling leaves room for.
 */
export async function countReferenceMiss(
  inspectionId: string,
  hour: string,
  who: string,
  ttlEpoch: number,
  ceiling: number,
): Promise<number | undefined> {
  try {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.referenceMisses(inspectionId, hour, who),
        UpdateExpression: 'SET entity = :entity, #ttl = :ttl ADD misses :one',
        ConditionExpression: 'attribute_not_exists(misses) OR misses < :ceiling',
        ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
        ExpressionAttributeValues: { ':entity': 'reference-misses', ':ttl': ttlEpoch, ':one': 1, ':ceiling': ceiling },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Attributes?.misses as number;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}
