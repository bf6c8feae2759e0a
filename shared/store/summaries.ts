/**
 * Summary snapshots: one item per inspection, the JSON gzipped (a summary with every
 * masked comment can approach DynamoDB's 400 KB item limit; gzip also cuts the read cost).
 * A snapshot only replaces one computed from an earlier start, so two aggregations racing
 * leave the newer one whole.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { doc, tableName } from './client';
import { keys } from './keys';

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
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.summary(inspectionId), entity: 'summary', startedAt, body },
        ConditionExpression: 'attribute_not_exists(pk) OR startedAt <= :startedAt',
        ExpressionAttributeValues: { ':startedAt': startedAt },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function getSummarySnapshot<T = unknown>(inspectionId: string): Promise<T | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.summary(inspectionId) }));
  if (!Item) return undefined;
  return JSON.parse(gunzipSync(Item.body as Uint8Array).toString('utf8')) as T;
}
