/**
 * Idempotency records: one item per (route, user, Idempotency-Key), holding a hash of the
 * request's body and, once answered, the answer a retry gets back.
 *
 *   running   claimed by an attempt (`attempt`) until `leaseUntil`, the function's timeout
 *             and a margin: a duplicate meanwhile waits or is told to retry, never runs.
 *   done      `answer` (a small JSON document: ids, not links or tokens) for every retry.
 *
 * TTL removes a record a day after it was answered (or its lease ran out).
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { TABLE } from './table';

const ENTITY = 'idempotency';

export type IdempotencyRecord =
  | { state: 'running'; bodyHash: string; attempt: string; leaseUntil: number }
  | { state: 'done'; bodyHash: string; answer: unknown };

/**
 * Claims the key for this attempt: true when it is ours to run (no record, or a running one
 * whose lease ran out, its function having died at its timeout).
 */
export async function claimIdempotency(scopeHash: string, bodyHash: string, attempt: string, leaseUntil: number, ttlEpoch: number): Promise<boolean> {
  return writeIf(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.idempotency(scopeHash), entity: ENTITY, state: 'running', bodyHash, attempt, leaseUntil, [TABLE.ttlAttribute]: ttlEpoch },
      ConditionExpression: 'attribute_not_exists(pk) OR (#state = :running AND leaseUntil < :now)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':running': 'running', ':now': Date.now() },
    }),
  );
}

export async function getIdempotency(scopeHash: string): Promise<IdempotencyRecord | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.idempotency(scopeHash), ConsistentRead: true }));
  if (!Item || Item.entity !== ENTITY) return undefined;
  return Item.state === 'done'
    ? { state: 'done', bodyHash: Item.bodyHash as string, answer: Item.answer }
    : { state: 'running', bodyHash: Item.bodyHash as string, attempt: Item.attempt as string, leaseUntil: Item.leaseUntil as number };
}

/** Keeps the answer, only if this attempt still holds the key (false: it lost its lease meanwhile). */
export async function completeIdempotency(scopeHash: string, attempt: string, answer: unknown, ttlEpoch: number): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.idempotency(scopeHash),
      UpdateExpression: 'SET #state = :done, answer = :answer, #ttl = :ttl REMOVE leaseUntil, attempt',
      ConditionExpression: 'attempt = :attempt',
      ExpressionAttributeNames: { '#state': 'state', '#ttl': TABLE.ttlAttribute },
      ExpressionAttributeValues: { ':done': 'done', ':answer': answer, ':ttl': ttlEpoch, ':attempt': attempt },
    }),
  );
}

/** Holds the claim a while longer, as long as this attempt still holds it. */
export async function renewIdempotency(scopeHash: string, attempt: string, leaseUntil: number): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.idempotency(scopeHash),
      UpdateExpression: 'SET leaseUntil = :until',
      ConditionExpression: 'attempt = :attempt',
      ExpressionAttributeValues: { ':until': leaseUntil, ':attempt': attempt },
    }),
  );
}

/** Lets the key go after an attempt that failed (it changed nothing): a retry runs afresh. */
export async function releaseIdempotency(scopeHash: string, attempt: string): Promise<void> {
  await writeIf(
    new DeleteCommand({
      TableName: tableName,
      Key: keys.idempotency(scopeHash),
      ConditionExpression: 'attempt = :attempt',
      ExpressionAttributeValues: { ':attempt': attempt },
    }),
  );
}
