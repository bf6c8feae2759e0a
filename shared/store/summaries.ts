/**
 * Summary snapshots: one item per inspection, the JSON gzipped (a summary with every
 * masked comment can approach DynamoDB's 400 KB item limit; gzip also cuts the read cost).
 * A snapshot only replaces one computed from an earlier start, so two aggregations racing
 * leave the newer one whole.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeAll } from './batch';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { queryPages } from './paging';
import { TABLE } from './table';

/**
 * The largest gzipped body written: DynamoDB refuses an item over 400 KB, keys and attribute
 * names included, so this leaves room. The caller shrinks the summary to fit (aggregate.ts).
 */
export const SNAPSHOT_MAX_BYTES = 350 * 1024;

export function encodeSnapshot(summary: unknown): Uint8Array {
  return gzipSync(JSON.stringify(summary));
}

/** `body` from encodeSnapshot. False when a snapshot from a later start is already there. */
export async function putSummarySnapshot(inspectionId: string, startedAt: string, body: Uint8Array): Promise<boolean> {
  if (body.byteLength > SNAPSHOT_MAX_BYTES) throw new Error(`A summary snapshot of ${body.byteLength} bytes is over ${SNAPSHOT_MAX_BYTES}`);
  return writeIf(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.summary(inspectionId), entity: 'summary', startedAt, body },
      ConditionExpression: 'attribute_not_exists(pk) OR startedAt <= :startedAt',
      ExpressionAttributeValues: { ':startedAt': startedAt },
    }),
  );
}

export async function getSummarySnapshot<T = unknown>(inspectionId: string): Promise<T | undefined> {
  return (await getSummarySnapshotWithSet<T>(inspectionId))?.summary;
}

/** The snapshot and the id of its comment pages (its start time). */
export async function getSummarySnapshotWithSet<T = unknown>(inspectionId: string): Promise<{ summary: T; pageSet: string } | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.summary(inspectionId) }));
  if (!Item) return undefined;
  return { summary: JSON.parse(gunzipSync(Item.body as Uint8Array).toString('utf8')) as T, pageSet: String(Item.startedAt) };
}

/**
 * Every comment of a summary, in pages of at most COMMENT_PAGE_BYTES of JSON (gzipped in the
 * item), so no number of comments makes an item too big. Written before the snapshot that
 * names them (same `startedAt`), so a snapshot never points at pages not yet there.
 */
export const COMMENT_PAGE_BYTES = 300 * 1024;

export async function putCommentPages(inspectionId: string, startedAt: string, pages: readonly unknown[][], ttlEpoch?: number): Promise<void> {
  await writeAll(
    pages.map((comments, n) => {
      const body = gzipSync(JSON.stringify(comments));
      if (body.byteLength > SNAPSHOT_MAX_BYTES) throw new Error(`A comment page of ${body.byteLength} bytes is over ${SNAPSHOT_MAX_BYTES}`);
      return {
        PutRequest: {
          Item: {
            ...keys.commentPage(inspectionId, startedAt, n),
            entity: 'summary-comments',
            body,
            ...(ttlEpoch ? { [TABLE.ttlAttribute]: ttlEpoch } : {}),
          },
        },
      };
    }),
  );
}

export async function getCommentPage<T = unknown>(inspectionId: string, pageSet: string, page: number): Promise<T[] | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.commentPage(inspectionId, pageSet, page) }));
  return Item ? (JSON.parse(gunzipSync(Item.body as Uint8Array).toString('utf8')) as T[]) : undefined;
}

/** Deletes comment pages: every set (erasure, expiry), or only those `older` than a start time, or exactly one set. */
export async function deleteCommentPages(inspectionId: string, which: { olderThan?: string; only?: string } = {}): Promise<number> {
  let deleted = 0;
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.commentPagePrefix, { projection: 'pk, sk', consistent: true })) {
    const doomed = page.filter((item) => {
      const set = keys.commentPageSetOf(item.sk as string);
      if (which.only !== undefined) return set === which.only;
      return which.olderThan === undefined || set < which.olderThan;
    });
    await writeAll(doomed.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })));
    deleted += doomed.length;
  }
  return deleted;
}
