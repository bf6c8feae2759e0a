/**
 * Fenced writes: every write to an inspection's inputs, and every step of a release or a
 * reopening, is a DynamoDB transaction whose first action is a ConditionCheck on the
 * inspection's own item. The write lands only while that item still says what the writer
 * relies on (the inspection is open; the writer's lease is still held; the release's
 * transition is still its own), so nothing can land after a close, and nothing done by a
 * release that lost its lease can land at all. One transaction holds at most 100 actions:
 * the check and up to 99 writes, in groups that must land together.
 */
import { type AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { InspectionClosed } from '#core/errors';
import { doc, tableName } from './client';
import { keys } from './keys';

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;
export type FencedAction = TransactItems[number];

/** What the inspection's item must say for a write to land. */
export interface Fence {
  inspectionId: string;
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
  /** Thrown when the check fails. */
  broken: () => Error;
}

export const closedMessage = (inspectionId: string) =>
  `Inspection ${inspectionId} is closed: its final report has been released. An admin can reopen it (POST /inspections/${inspectionId}/reopen).`;

/** Open, whoever writes: a single write's fence. */
export function openFence(inspectionId: string): Fence {
  return {
    inspectionId,
    condition: '#status = :open',
    names: { '#status': 'status' },
    values: { ':open': 'open' },
    broken: () => new InspectionClosed(closedMessage(inspectionId)),
  };
}

/** Open and still holding this writer's lease (inspections.ts, acquireWriterLease). */
export function writerFence(inspectionId: string, leaseId: string): Fence {
  return {
    inspectionId,
    condition: '#status = :open AND attribute_exists(#writers.#lease)',
    names: { '#status': 'status', '#writers': 'writers', '#lease': leaseId },
    values: { ':open': 'open' },
    broken: () => new InspectionClosed(closedMessage(inspectionId)),
  };
}

/** A release or reopening still owns the inspection's transition. */
export function transitionFence(inspectionId: string, transitionId: string, broken: () => Error): Fence {
  return {
    inspectionId,
    condition: '#transition.#id = :transition',
    names: { '#transition': 'transition', '#id': 'id' },
    values: { ':transition': transitionId },
    broken,
  };
}

export function checkOf(fence: Fence): FencedAction {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.inspection(fence.inspectionId),
      ConditionExpression: fence.condition,
      ExpressionAttributeNames: fence.names,
      ExpressionAttributeValues: fence.values,
    },
  };
}

/** One of a group's own conditions failed: which action (its index in the group) and the item as it was, when asked for. */
export class GroupRefused extends Error {
  constructor(
    readonly group: number,
    readonly action: number,
    readonly item: Record<string, unknown> | undefined,
  ) {
    super('a fenced write was refused by its own condition');
  }
}

const MAX_ACTIONS = 100;
const CONFLICT_RETRIES = 12;

/**
 * Writes the groups, as many to a transaction as fit beside the check. A group whose own
 * condition fails cancels its transaction: with `skipRefused` that group is dropped and the
 * rest retried; without, GroupRefused is thrown (groups of earlier transactions have landed).
 * A failed check throws the fence's own error. Returns the indexes of the groups skipped.
 */
export async function writeFenced(fence: Fence, groups: readonly FencedAction[][], options: { skipRefused?: boolean } = {}): Promise<number[]> {
  const skipped: number[] = [];
  let start = 0;
  while (start < groups.length) {
    let end = start;
    let size = 1;
    while (end < groups.length && size + groups[end]!.length <= MAX_ACTIONS) size += groups[end++]!.length;
    if (end === start) throw new Error(`a fenced group of ${groups[start]!.length} actions does not fit one transaction`);
    const batch = Array.from({ length: end - start }, (_, i) => start + i).filter((g) => !skipped.includes(g));
    const refused = batch.length
      ? await transact(
          fence,
          batch.map((g) => groups[g]!),
        )
      : undefined;
    if (refused === undefined) {
      start = end;
      continue;
    }
    const group = batch[refused.group]!;
    if (!options.skipRefused) throw new GroupRefused(group, refused.action, refused.item);
    skipped.push(group);
  }
  return skipped;
}

/** One transaction: undefined when it landed, else the group (of those given) whose condition refused it. */
async function transact(
  fence: Fence,
  groups: FencedAction[][],
): Promise<{ group: number; action: number; item?: Record<string, unknown> } | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: [checkOf(fence), ...groups.flat()] }));
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw fence.broken();
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed > 0) {
        let index = failed - 1;
        for (let g = 0; g < groups.length; g++) {
          if (index < groups[g]!.length) {
            const item = reasons[failed]!.Item;
            return { group: g, action: index, item: item ? unmarshall(item as Record<string, AttributeValue>) : undefined };
          }
          index -= groups[g]!.length;
        }
      }
      // Another transaction on the same items (DynamoDB cancels rather than waits): try again shortly.
      if (!reasons.some((r) => r.Code === 'TransactionConflict') || attempt >= CONFLICT_RETRIES) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/**
 * Puts one item whole behind the fence, saying whether it replaced one: a first put that
 * only creates, then (when there was one) a put that replaces.
 */
export async function putFenced(fence: Fence, item: Record<string, unknown>): Promise<'created' | 'replaced'> {
  try {
    await writeFenced(fence, [[{ Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }]]);
    return 'created';
  } catch (error) {
    if (!(error instanceof GroupRefused)) throw error;
    await writeFenced(fence, [[{ Put: { TableName: tableName, Item: item } }]]);
    return 'replaced';
  }
}
