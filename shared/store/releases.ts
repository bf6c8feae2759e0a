/**
 * Releases: a report frozen at one moment (its English and Welsh HTML, its summary as JSON
 * and CSV), served byte for byte ever after. Each file is gzipped and cut into parts under
 * DynamoDB's 400 KB item limit; the release's own item is written last, in one transaction
 * with the end of its transition, so a release is complete or absent: one that failed
 * half-way is never listed or served, and its parts are deleted when it is undone.
 *
 * The transitions of the inspection live here too (a release, a reopening): a lease on the
 * inspection's item, `transition = { id, kind, releaseId?, startedAt, startedBy, expiresAt,
 * closedAt? }`, taken by one conditional update, so two never run at once; every step
 * after it is fenced on its id (fence.ts), so one that lost it (expired and taken over by an
 * admin's recovery) changes nothing more.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { InspectionStage } from '#schemas/inspection';
import { writeAll } from './batch';
import { doc, putNew, tableName, transact, writeIf } from './client';
import { keys } from './keys';
import { queryAll, queryPages } from './paging';
import { TABLE } from './table';

export const RELEASE_FILES = ['en', 'cy', 'json', 'csv'] as const;
/** Files a release made before them does not have: `analysis`, the analyst's data package frozen (shared/domain/analysis-snapshot.ts). */
export const LATER_RELEASE_FILES = ['analysis'] as const;
export type ReleaseFile = (typeof RELEASE_FILES)[number] | (typeof LATER_RELEASE_FILES)[number];
type ReleaseFiles<T> = Record<(typeof RELEASE_FILES)[number], T> & Partial<Record<(typeof LATER_RELEASE_FILES)[number], T>>;

/** Room for the keys and attribute names beside a part's bytes. */
export const RELEASE_PART_BYTES = 350 * 1024;

export interface StoredRelease {
  releaseId: string;
  kind: 'factual-accuracy' | 'final';
  createdAt: string;
  createdBy: string;
  /** Uncompressed bytes and parts of each file; `expiresAtEpoch` when the file is deleted with the case records it copies. */
  files: ReleaseFiles<{ bytes: number; parts: number; expiresAtEpoch?: number }>;
}

/** Writes a release's files as parts (nothing lists them until the release's item is committed). */
/** `expiresAt`: files that DynamoDB's TTL deletes at that epoch second (case-level copies follow the cases' retention). */
export async function putReleaseParts(
  inspectionId: string,
  releaseId: string,
  files: ReleaseFiles<string>,
  expiresAt: Partial<Record<ReleaseFile, number>> = {},
): Promise<StoredRelease['files']> {
  const described = {} as StoredRelease['files'];
  const writes: { PutRequest: { Item: Record<string, unknown> } }[] = [];
  for (const file of [...RELEASE_FILES, ...LATER_RELEASE_FILES]) {
    const text = files[file];
    if (text === undefined) continue;
    const raw = Buffer.from(text, 'utf8');
    const zipped = gzipSync(raw);
    const parts = Math.max(1, Math.ceil(zipped.byteLength / RELEASE_PART_BYTES));
    const expiry = expiresAt[file];
    described[file] = { bytes: raw.byteLength, parts, ...(expiry !== undefined ? { expiresAtEpoch: expiry } : {}) };
    for (let n = 0; n < parts; n++) {
      const body = zipped.subarray(n * RELEASE_PART_BYTES, (n + 1) * RELEASE_PART_BYTES);
      writes.push({
        PutRequest: {
          Item: {
            ...keys.releasePart(inspectionId, releaseId, file, n),
            entity: 'release-part',
            body,
            ...(expiry !== undefined ? { [TABLE.ttlAttribute]: expiry } : {}),
          },
        },
      });
    }
  }
  // One part is up to 350 KB: a batch of 25 would pass BatchWriteItem's 16 MB, so one at a time.
  await Promise.all(writes.map((w) => writeAll([w])));
  return described;
}

/** Deletes the parts of a release that was never committed (undone). */
export async function deleteReleaseParts(inspectionId: string, releaseId: string): Promise<void> {
  const sortKeys: string[] = [];
  for (const file of [...RELEASE_FILES, ...LATER_RELEASE_FILES]) {
    for await (const page of queryPages(keys.partitionOf(inspectionId), keys.releasePartPrefix(releaseId, file), {
      projection: 'sk',
      consistent: true,
    })) {
      for (const item of page) sortKeys.push(item.sk as string);
    }
  }
  await Promise.all(sortKeys.map((sk) => doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: keys.partitionOf(inspectionId), sk } }))));
}

function toRelease(item: Record<string, unknown>): StoredRelease {
  const { releaseId, kind, createdAt, createdBy, files } = item as unknown as StoredRelease;
  return { releaseId, kind, createdAt, createdBy, files };
}

export async function getRelease(inspectionId: string, releaseId: string): Promise<StoredRelease | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.release(inspectionId, releaseId), ConsistentRead: true }));
  return Item ? toRelease(Item) : undefined;
}

/** Oldest first. */
export async function listReleases(inspectionId: string): Promise<StoredRelease[]> {
  return (await queryAll(keys.partitionOf(inspectionId), keys.releasePrefix, { consistent: true })).map(toRelease);
}

/** One file of a release, as it was frozen. */
export async function getReleaseFile(inspectionId: string, release: StoredRelease, file: ReleaseFile): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.releasePartPrefix(release.releaseId, file), { consistent: true })) {
    for (const item of page) chunks.push(item.body as Uint8Array);
  }
  const parts = release.files[file]?.parts;
  if (chunks.length !== parts) throw new Error(`Release ${release.releaseId} has ${chunks.length} of its ${parts ?? 0} parts of ${file}`);
  return gunzipSync(Buffer.concat(chunks)).toString('utf8');
}

export type TransitionKind = 'factual-accuracy' | 'final' | 'reopen';

/** A release or reopening in progress, as the inspection's item holds it. */
export interface Transition {
  id: string;
  kind: TransitionKind;
  /** Releases: the id its parts and item are written under, fixed at the start so a finish or undo finds them. */
  releaseId?: string;
  startedAt: string;
  startedBy: string;
  /** Epoch ms: after this an admin may finish or undo it. */
  expiresAt: number;
  /** Reopenings: when the final release closed it, to close its links again on an undo. */
  closedAt?: string;
  /** The admin who finished or undid it after it was interrupted. */
  recoveredBy?: string;
}

const T = { '#transition': 'transition', '#id': 'id', '#status': 'status' };

/**
 * Takes the inspection for a transition: only when none is under way and its status is
 * `from` (open for a release, closed for a reopening). False when refused.
 */
export function beginTransition(inspectionId: string, transition: Transition, from: 'open' | 'closed'): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #transition = :transition',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#transition) AND #status = :from',
      ExpressionAttributeNames: { '#transition': 'transition', '#status': 'status' },
      ExpressionAttributeValues: { ':transition': transition, ':from': from },
    }),
  );
}

/** An admin's recovery takes over a transition past its expiry (the one seen), fencing out whatever still runs under the old id. */
export function takeOverTransition(inspectionId: string, seenId: string, id: string, expiresAt: number, now: number): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #transition.#id = :id, #transition.#expiresAt = :expiresAt',
      ConditionExpression: '#transition.#id = :seen AND #transition.#expiresAt < :now',
      ExpressionAttributeNames: { '#transition': 'transition', '#id': 'id', '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: { ':id': id, ':expiresAt': expiresAt, ':seen': seenId, ':now': now },
    }),
  );
}

/**
 * A final release closes the inspection: only under its own transition, and only when no
 * writer holds a lease (inspections.ts, acquireWriterLease); true too when it closed it
 * already (a finish after a crash). False when writers remain or the transition is not its own.
 */
export function closeForRelease(inspectionId: string, transitionId: string, at: string, by: string): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by',
      ConditionExpression: '#transition.#id = :me AND (#status = :closed OR attribute_not_exists(#writers) OR size(#writers) = :none)',
      ExpressionAttributeNames: { ...T, '#writers': 'writers' },
      ExpressionAttributeValues: { ':closed': 'closed', ':at': at, ':by': by, ':me': transitionId, ':none': 0 },
    }),
  );
}

/**
 * Ends a transition without its change: the inspection open as before a release (or closed
 * as before a reopening). False when the transition is not its own.
 */
export function abandonTransition(inspectionId: string, transitionId: string, status: 'open' | 'closed'): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #status = :status REMOVE #transition',
      ConditionExpression: '#transition.#id = :me',
      ExpressionAttributeNames: T,
      ExpressionAttributeValues: { ':status': status, ':me': transitionId },
    }),
  );
}

/** A reopening's end: open, back to drafting, one version on. False when the transition is not its own. */
export function finishReopen(inspectionId: string, transitionId: string, at: string, by: string): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #status = :open, #stage = :drafting, reopenedAt = :at, reopenedBy = :by ADD #version :one REMOVE #transition',
      ConditionExpression: '#transition.#id = :me',
      ExpressionAttributeNames: { ...T, '#stage': 'stage', '#version': 'version' },
      ExpressionAttributeValues: { ':open': 'open', ':drafting': 'drafting', ':at': at, ':by': by, ':one': 1, ':me': transitionId },
    }),
  );
}

/**
 * A release's end, in one transaction: its item (what lists and serves it) and the
 * inspection's new stage, one version on, its transition ended. False when the transition is
 * not its own (then nothing is written).
 */
export async function commitRelease(inspectionId: string, release: StoredRelease, transitionId: string, stage: InspectionStage): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await transact([
        putNew({ ...keys.release(inspectionId, release.releaseId), entity: 'release', ...release }),
        {
          Update: {
            TableName: tableName,
            Key: keys.inspection(inspectionId),
            UpdateExpression: 'SET #stage = :stage ADD #version :one REMOVE #transition',
            ConditionExpression: '#transition.#id = :me',
            ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version', '#transition': 'transition', '#id': 'id' },
            ExpressionAttributeValues: { ':stage': stage, ':one': 1, ':me': transitionId },
          },
        },
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) return false;
      // A write fenced on the inspection's item ran at the same moment: try again shortly.
      if (attempt >= 8 || !error.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
    }
  }
}
