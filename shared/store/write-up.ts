/**
 * The report's authored text: one item per inspection, replaced whole. Each replacement
 * names the version it was based on and fails when another landed first, so two people
 * editing at once never silently overwrite each other (the HTTP layer's ETag is this version).
 * The JSON is gzipped: the request body limit keeps it far under the item limit anyway,
 * but prose compresses three- or four-fold and writes are billed by size.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EMPTY_WRITE_UP, type WriteUp } from '../schemas/write-up';
import { doc, tableName } from './client';
import { GroupRefused, openFence, writeFenced } from './fence';
import { keys } from './keys';

export interface StoredWriteUp {
  writeUp: WriteUp;
  /** 0 before the first write. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export async function getWriteUp(inspectionId: string): Promise<StoredWriteUp> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.writeUp(inspectionId), ConsistentRead: true }));
  if (!Item) return { writeUp: EMPTY_WRITE_UP, version: 0 };
  return {
    writeUp: JSON.parse(gunzipSync(Item.body as Uint8Array).toString('utf8')) as WriteUp,
    version: Item.version as number,
    updatedAt: Item.updatedAt as string,
    updatedBy: Item.updatedBy as string,
  };
}

/**
 * The new version, or undefined when the stored one is no longer `basedOn` (somebody saved in
 * between). Lands only while the inspection is open (fence.ts): InspectionClosed otherwise.
 */
export async function putWriteUp(inspectionId: string, writeUp: WriteUp, basedOn: number, user: string): Promise<number | undefined> {
  const version = basedOn + 1;
  try {
    await writeFenced(openFence(inspectionId), [
      [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.writeUp(inspectionId),
              entity: 'write-up',
              version,
              body: gzipSync(JSON.stringify(writeUp)),
              updatedAt: new Date().toISOString(),
              updatedBy: user,
            },
            ...(basedOn === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': basedOn } }),
          },
        },
      ],
    ]);
    return version;
  } catch (error) {
    if (error instanceof GroupRefused) return undefined;
    throw error;
  }
}
