/**
 * Invitations (one-time questionnaire links) and their batches.
 *
 *   invitation   pk TOKEN#<sha256 of the token>  sk TOKEN
 *                found only by the token's hash; carries no name. Holds the respondent's draft
 *                answers (`draft`, question id -> answer) and the questions they have been
 *                through (`seen`, question id -> true) until they send, then `submittedAt`.
 *   batch        pk INSP#<id>  sk INVBATCH#<audience>#<language>#<batchId>
 *                one per issue, with its count: "invited" is a Query, never a read of every link.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Answer, Answers, Audience, Language } from '../schemas/questionnaire';
import { doc, tableName } from './client';
import { keys } from './keys';
import { TABLE } from './table';

const INVITATION = 'invitation';
const BATCH = 'invitation-batch';

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
}

export interface Invitation {
  invitationId: string;
  inspectionId: string;
  batchId: string;
  audience: Audience;
  language: Language;
  questionnaireVersion: string;
  createdAt: string;
  expiresAt?: string;
  submittedAt?: string;
  /** Answers kept as the respondent goes (save and resume); removed once sent. */
  draft: Answers;
  /** Questions the respondent has been through, answered or (optional ones) left blank. */
  seen: string[];
}

/**
 * Writes a batch's invitations, then the batch item (so "invited" never counts links that
 * were not written). Tokens are 128 random bits, so no put needs a collision check.
 */
export async function createInvitations(
  batch: InvitationBatch,
  invitations: readonly { tokenHash: string; invitationId: string }[],
  ttlEpoch?: number,
): Promise<void> {
  const items = invitations.map(({ tokenHash, invitationId }) => ({
    ...keys.token(tokenHash),
    entity: INVITATION,
    invitationId,
    inspectionId: batch.inspectionId,
    batchId: batch.batchId,
    audience: batch.audience,
    language: batch.language,
    questionnaireVersion: batch.questionnaireVersion,
    createdAt: batch.createdAt,
    expiresAt: batch.expiresAt,
    ...(ttlEpoch ? { [TABLE.ttlAttribute]: ttlEpoch } : {}),
    draft: {},
    seen: {},
  }));
  for (let i = 0; i < items.length; i += 25) {
    await batchPut(items.slice(i, i + 25));
  }
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.invitationBatch(batch.inspectionId, batch.audience, batch.language, batch.batchId), entity: BATCH, ...batch },
    }),
  );
}

async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  let pending: Record<string, unknown>[] = items;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed invitation writes');
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    const result = await doc.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: pending.map((Item) => ({ PutRequest: { Item } })) } }),
    );
    pending = (result.UnprocessedItems?.[tableName] ?? []).map((r) => r.PutRequest!.Item as Record<string, unknown>);
  }
}

function toInvitation(item: Record<string, unknown>): Invitation {
  const i = item as Record<string, any>;
  return {
    invitationId: i.invitationId,
    inspectionId: i.inspectionId,
    batchId: i.batchId,
    audience: i.audience,
    language: i.language,
    questionnaireVersion: i.questionnaireVersion,
    createdAt: i.createdAt,
    ...(i.expiresAt ? { expiresAt: i.expiresAt } : {}),
    ...(i.submittedAt ? { submittedAt: i.submittedAt } : {}),
    draft: (i.draft ?? {}) as Answers,
    seen: Object.keys(i.seen ?? {}),
  };
}

/** The invitation whose token hashes to `tokenHash`, or undefined. Strongly consistent: a draft just saved is seen. */
export async function getInvitation(tokenHash: string): Promise<Invitation | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.token(tokenHash), ConsistentRead: true }));
  return Item && Item.entity === INVITATION ? toInvitation(Item) : undefined;
}

/**
 * Keeps one answer (or, with `undefined`, clears it) and records the question as seen. Only
 * that question's entry is touched, so two tabs answering different questions do not undo
 * each other. False when the invitation is gone or already sent.
 */
export async function saveDraftAnswer(tokenHash: string, questionId: string, answer: Answer | undefined): Promise<boolean> {
  const now = new Date().toISOString();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.token(tokenHash),
        UpdateExpression:
          answer === undefined
            ? 'REMOVE #draft.#q SET #seen.#q = :true, draftUpdatedAt = :now'
            : 'SET #draft.#q = :answer, #seen.#q = :true, draftUpdatedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(submittedAt)',
        ExpressionAttributeNames: { '#draft': 'draft', '#seen': 'seen', '#q': questionId },
        ExpressionAttributeValues: { ':true': true, ':now': now, ...(answer === undefined ? {} : { ':answer': answer }) },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * After the response is stored: the invitation is used, and its draft (now a duplicate of the
 * response) goes. The response's conditional put, not this, is what makes a token send once.
 */
export async function markInvitationSubmitted(tokenHash: string, submittedAt: string): Promise<void> {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.token(tokenHash),
        UpdateExpression: 'SET submittedAt = if_not_exists(submittedAt, :at) REMOVE #draft, #seen, draftUpdatedAt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#draft': 'draft', '#seen': 'seen' },
        ExpressionAttributeValues: { ':at': submittedAt },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** One entry per issued batch: how many links went to which audience in which language. */
export async function listInvitationBatches(
  inspectionId: string,
): Promise<{ audience: Audience; language: Language; count: number; expiresAt?: string }[]> {
  const out: { audience: Audience; language: Language; count: number; expiresAt?: string }[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.invitationBatchPrefix },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      out.push({
        audience: item.audience as Audience,
        language: item.language as Language,
        count: item.count as number,
        ...(item.expiresAt ? { expiresAt: item.expiresAt as string } : {}),
      });
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}
