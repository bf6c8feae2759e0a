import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Inspection, InspectionStage } from '#schemas/inspection';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { InvalidInput } from '#core/errors';
import { decodeCursor, encodeCursor, queryAll, queryIndexPages, queryPages } from './paging';
import { TABLE } from './table';

const ENTITY = 'inspection';

export function toInspection(item: Record<string, unknown>): Inspection {
  const { inspectionId, area, fieldworkStart, fieldworkEnd, questionBankVersion, status, createdAt, createdBy } = item as Inspection;
  // Inspections made before the life cycle have no stage: a closed one was published; an open one is taken to be in fieldwork.
  const stage = (item.stage as InspectionStage | undefined) ?? (status === 'closed' ? 'published' : 'fieldwork');
  const version = typeof item.version === 'number' ? item.version : 0;
  return { inspectionId, area, fieldworkStart, fieldworkEnd, questionBankVersion, status, stage, version, createdAt, createdBy };
}

/** A new inspection starts its life cycle at set-up, version 1, unless told otherwise. */
export type NewInspection = Omit<Inspection, 'stage' | 'version'> & Partial<Pick<Inspection, 'stage' | 'version'>>;

/** Returns false when the id is taken (the caller picks another). */
export async function createInspection(inspection: NewInspection): Promise<boolean> {
  return writeIf(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.inspection(inspection.inspectionId),
        ...keys.inspectionListing(inspection.inspectionId, inspection.createdAt),
        entity: ENTITY,
        stage: 'set-up',
        version: 1,
        ...inspection,
        writers: {},
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getInspection(inspectionId: string): Promise<Inspection | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.inspection(inspectionId) }));
  // One being deleted (inspection-removal.ts) is gone to everyone but the deletion that finishes it.
  return Item && !Item.deletingAt ? toInspection(Item) : undefined;
}

/** The inspection's item as stored, read strongly consistently: for the steps of a release, which act on what it says now. */
export async function getInspectionItem(inspectionId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.inspection(inspectionId), ConsistentRead: true }));
  return Item;
}

/**
 * Moves the stage forward from one of `from` (set-up -> fieldwork at the first case or
 * invitation, -> drafting at the first write-up save), counting the change in `version`.
 * False when it was not in one of them (another writer moved it first, or it is closed).
 */
export function advanceStage(inspectionId: string, from: readonly InspectionStage[], to: InspectionStage): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #stage = :to ADD #version :one',
      ConditionExpression: `#status = :open AND #stage IN (${from.map((_s, i) => `:from${i}`).join(', ')})`,
      ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ':to': to, ':one': 1, ':open': 'open', ...Object.fromEntries(from.map((s, i) => [`:from${i}`, s])) },
    }),
  );
}

/**
 * Writers in flight: a write of many items (a CSV import, a batch of invitations) holds a
 * lease on its inspection, `writers.<leaseId> = <expiry, ms>`, and fences each of its
 * transactions on it (fence.ts). A final release lets no new lease in, waits for those held
 * to end or expire, and closes only when none is left; one it evicts after expiry makes its
 * writer's later transactions fail, so a writer that was only slow cannot land after the close.
 * Taken only while open and while no final release (still within its own lease) is closing it.
 * False when refused; `missingMap` when the item predates the map (made, then retried).
 */
export async function acquireWriterLease(inspectionId: string, leaseId: string, expiresAt: number, now: number): Promise<boolean> {
  const attempt = () =>
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #writers.#lease = :expires',
      ConditionExpression: '#status = :open AND (attribute_not_exists(#transition) OR #transition.#kind <> :final OR #transition.#expiresAt < :now)',
      ExpressionAttributeNames: {
        '#writers': 'writers',
        '#lease': leaseId,
        '#status': 'status',
        '#transition': 'transition',
        '#kind': 'kind',
        '#expiresAt': 'expiresAt',
      },
      ExpressionAttributeValues: { ':expires': expiresAt, ':open': 'open', ':final': 'final', ':now': now },
    });
  try {
    return await writeIf(attempt());
  } catch (error) {
    // An inspection made before writers in flight has no map to set a key of: make it once, then take the lease.
    if ((error as Error).name !== 'ValidationException') throw error;
    await writeIf(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.inspection(inspectionId),
        UpdateExpression: 'SET #writers = :none',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#writers)',
        ExpressionAttributeNames: { '#writers': 'writers' },
        ExpressionAttributeValues: { ':none': {} },
      }),
    );
    return writeIf(attempt());
  }
}

/** Ends a writer's lease (done, or given up); a lease already evicted is left as it is. */
export async function endWriterLease(inspectionId: string, leaseId: string): Promise<void> {
  await writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'REMOVE #writers.#lease',
      ConditionExpression: 'attribute_exists(#writers.#lease)',
      ExpressionAttributeNames: { '#writers': 'writers', '#lease': leaseId },
    }),
  );
}

/** Removes a lease past its expiry, if it is still the one seen: that writer crashed or ran too long. */
export function evictWriterLease(inspectionId: string, leaseId: string, expiresAt: number): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'REMOVE #writers.#lease',
      ConditionExpression: '#writers.#lease = :seen',
      ExpressionAttributeNames: { '#writers': 'writers', '#lease': leaseId },
      ExpressionAttributeValues: { ':seen': expiresAt },
    }),
  );
}

export async function listInspections(cursor?: string, limit = 50): Promise<{ inspections: Inspection[]; nextCursor?: string }> {
  const result = await doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: TABLE.gsi1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': TABLE.gsi1.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.inspectionsIndexPartition },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: inspectionCursor(cursor),
    }),
  );
  return { inspections: (result.Items ?? []).map(toInspection), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/**
 * Every inspection's fieldwork week and status, and nothing else of it: the schedule's
 * heartbeat (shared/domain/dispatch.ts) reads them each run, so it takes only those attributes.
 */
export async function fieldworkWindows(): Promise<Pick<Inspection, 'fieldworkStart' | 'fieldworkEnd' | 'status'>[]> {
  const windows = await queryAll(
    keys.inspectionsIndexPartition,
    undefined,
    { projection: 'fieldworkStart, fieldworkEnd, #status', names: { '#status': 'status' } },
    queryIndexPages,
  );
  return windows.map((item) => ({
    fieldworkStart: String(item.fieldworkStart),
    fieldworkEnd: String(item.fieldworkEnd),
    status: item.status as Inspection['status'],
  }));
}

/**
 * A cursor this list gave out: exactly an inspection's index and table key. Anything else
 * DynamoDB would refuse with a ValidationException, which must be a 400, not a 500.
 */
function inspectionCursor(cursor: string | undefined): Record<string, string> | undefined {
  const key = decodeCursor(cursor, { attribute: TABLE.gsi1.partitionKey, value: keys.inspectionsIndexPartition });
  const expected = [TABLE.gsi1.partitionKey, TABLE.gsi1.sortKey, 'pk', 'sk'].sort().join(',');
  if (key && (Object.keys(key).sort().join(',') !== expected || !key.pk!.startsWith(keys.partitionOf('')) || key.sk !== keys.inspection('x').sk)) {
    throw new InvalidInput([{ path: 'query.cursor', message: 'Not a cursor this list gave out' }]);
  }
  return key;
}

/**
 * Records that an inspection's inputs changed, so the aggregation picks it up without a Scan.
 * Called off the request path, by the table's stream consumer, once per inspection per batch
 * of changes: a blind put (no read first), each with a new `changedAt`, so an aggregation
 * can tell whether the marker it read is still the one there (clearStale).
 */
export async function markStale(inspectionId: string, changedAt: string): Promise<void> {
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.stale(inspectionId), entity: 'stale', changedAt } }));
}

export interface StaleMarker {
  inspectionId: string;
  changedAt: string;
}

/** One inspection's marker, read strongly consistently; undefined when it is not stale. */
export async function staleMarkerOf(inspectionId: string): Promise<StaleMarker | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.stale(inspectionId), ConsistentRead: true }));
  return Item ? { inspectionId, changedAt: String(Item.changedAt ?? '') } : undefined;
}

export async function listStale(): Promise<StaleMarker[]> {
  const out: StaleMarker[] = [];
  for await (const page of queryPages(keys.stalePartition, undefined, { consistent: true })) {
    for (const item of page) out.push({ inspectionId: keys.inspectionIdFromStale(item.sk as string), changedAt: String(item.changedAt ?? '') });
  }
  return out;
}

/**
 * Removes a marker only if it is still the one read before the snapshot was computed, and
 * is called only after the snapshot is written: a change during the computation leaves its
 * own marker, and a crash before this leaves the old one, so work is redone, never lost.
 * False when the marker changed meanwhile (it stays for the next run).
 */
export async function clearStale(marker: StaleMarker): Promise<boolean> {
  return writeIf(
    new DeleteCommand({
      TableName: tableName,
      Key: keys.stale(marker.inspectionId),
      ConditionExpression: 'changedAt = :seen',
      ExpressionAttributeValues: { ':seen': marker.changedAt },
    }),
  );
}

/**
 * Notes that a marker's work was handed to the queue, unless it was already within the last
 * `windowMs` (a unit still queued or being worked) or the marker changed since it was read.
 * True: send it. A unit lost after this (the dispatcher died before sending) is sent again
 * once the window passes: the marker itself is never touched, so nothing is lost.
 */
export async function claimDispatch(marker: StaleMarker, now: number, windowMs: number): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.stale(marker.inspectionId),
      UpdateExpression: 'SET dispatchedAt = :now',
      ConditionExpression: 'changedAt = :seen AND (attribute_not_exists(dispatchedAt) OR dispatchedAt < :before)',
      ExpressionAttributeValues: { ':now': now, ':seen': marker.changedAt, ':before': now - windowMs },
    }),
  );
}
