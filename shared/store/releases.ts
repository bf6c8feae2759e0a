/**
 * Releases: a report frozen at one moment (its English and Welsh HTML, its summary as JSON
 * and CSV), served byte for byte ever after. Each file is gzipped and cut into parts under
 * DynamoDB's 400 KB item limit; the release's own item is written last, so a release that
 * failed half-way is never listed or served (its orphaned parts are harmless).
 *
 * Closing and reopening the inspection live here too: they are conditional updates of the
 * inspection's status, so two final releases racing close it once.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { queryPages } from './paging';

export const RELEASE_FILES = ['en', 'cy', 'json', 'csv'] as const;
export type ReleaseFile = (typeof RELEASE_FILES)[number];

/** Room for the keys and attribute names beside a part's bytes. */
export const RELEASE_PART_BYTES = 350 * 1024;

export interface StoredRelease {
  releaseId: string;
  kind: 'factual-accuracy' | 'final';
  createdAt: string;
  createdBy: string;
  /** Uncompressed bytes and parts of each file. */
  files: Record<ReleaseFile, { bytes: number; parts: number }>;
}

async function putItem(item: Record<string, unknown>, condition?: string): Promise<void> {
  await doc.send(new PutCommand({ TableName: tableName, Item: item, ...(condition ? { ConditionExpression: condition } : {}) }));
}

export async function putRelease(inspectionId: string, release: Omit<StoredRelease, 'files'>, files: Record<ReleaseFile, string>): Promise<StoredRelease> {
  const described = {} as StoredRelease['files'];
  const writes: Promise<void>[] = [];
  for (const file of RELEASE_FILES) {
    const raw = Buffer.from(files[file], 'utf8');
    const zipped = gzipSync(raw);
    const parts = Math.max(1, Math.ceil(zipped.byteLength / RELEASE_PART_BYTES));
    described[file] = { bytes: raw.byteLength, parts };
    for (let n = 0; n < parts; n++) {
      const body = zipped.subarray(n * RELEASE_PART_BYTES, (n + 1) * RELEASE_PART_BYTES);
      writes.push(putItem({ ...keys.releasePart(inspectionId, release.releaseId, file, n), entity: 'release-part', body }));
    }
  }
  await Promise.all(writes);
  const stored: StoredRelease = { ...release, files: described };
  await putItem({ ...keys.release(inspectionId, release.releaseId), entity: 'release', ...stored }, 'attribute_not_exists(pk)');
  return stored;
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
  const out: StoredRelease[] = [];
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.releasePrefix, { consistent: true })) out.push(...page.map(toRelease));
  return out;
}

/** One file of a release, as it was frozen. */
export async function getReleaseFile(inspectionId: string, release: StoredRelease, file: ReleaseFile): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.releasePartPrefix(release.releaseId, file), { consistent: true })) {
    for (const item of page) chunks.push(item.body as Uint8Array);
  }
  if (chunks.length !== release.files[file].parts) throw new Error(`Release ${release.releaseId} has ${chunks.length} of its ${release.files[file].parts} parts of ${file}`);
  return gunzipSync(Buffer.concat(chunks)).toString('utf8');
}

/** Open -> closed, once: false when it was closed already (another final release won). */
export async function closeInspection(inspectionId: string, by: string, at: string): Promise<boolean> {
  return setStatus(inspectionId, 'closed', 'open', { closedAt: at, closedBy: by });
}

/** Closed -> open: false when it was not closed. */
export async function reopenInspection(inspectionId: string, by: string, at: string): Promise<boolean> {
  return setStatus(inspectionId, 'open', 'closed', { reopenedAt: at, reopenedBy: by });
}

async function setStatus(inspectionId: string, to: 'open' | 'closed', from: 'open' | 'closed', stamp: Record<string, string>): Promise<boolean> {
  const names = Object.keys(stamp);
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: `SET #status = :to, ${names.map((_n, i) => `#a${i} = :a${i}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(pk) AND #status = :from',
      ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])) },
      ExpressionAttributeValues: { ':to': to, ':from': from, ...Object.fromEntries(names.map((n, i) => [`:a${i}`, stamp[n]])) },
    }),
  );
}
