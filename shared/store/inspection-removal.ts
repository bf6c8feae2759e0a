/**
 * Deleting an inspection made by mistake (issue 27): every item of its partitions, the
 * capability items of its report links, its stale marker. In three steps, so that a crash
 * anywhere leaves something a second DELETE finishes: first the inspection's item is marked
 * (`deletingAt`), closed to every write and taken off the list, then everything else goes,
 * then the inspection's item itself, and what a late writer left behind.
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writeAll, type WriteRequest } from './batch';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { queryPages } from './paging';
import { TABLE } from './table';

/**
 * Marks the inspection as being deleted, if its item is still at `version` (a release that
 * ended since it was read moved the version on) with no release or reopening under way.
 * `closed` stops every fenced write (they all check `status = open`); the index keys go, so
 * the list no longer shows it. False when refused.
 */
export function beginInspectionDeletion(inspectionId: string, version: number | undefined, at: string): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.inspection(inspectionId),
      UpdateExpression: 'SET #status = :closed, deletingAt = :at REMOVE #gsiPk, #gsiSk',
      ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(#transition) AND attribute_not_exists(deletingAt) AND ${version === undefined ? 'attribute_not_exists(#version)' : '#version = :version'}`,
      ExpressionAttributeNames: {
        '#status': 'status',
        '#transition': 'transition',
        '#version': 'version',
        '#gsiPk': TABLE.gsi1.partitionKey,
        '#gsiSk': TABLE.gsi1.sortKey,
      },
      ExpressionAttributeValues: { ':closed': 'closed', ':at': at, ...(version === undefined ? {} : { ':version': version }) },
    }),
  );
}

async function sweep(inspectionId: string, keepInspection: boolean): Promise<number> {
  const doomed: WriteRequest[] = [];
  const inspectionKey = keys.inspection(inspectionId);
  for (const pk of [keys.partitionOf(inspectionId), ...keys.slotPartitions(inspectionId)]) {
    for await (const page of queryPages(pk, undefined, { projection: 'pk, sk, tokenHash', consistent: true })) {
      for (const item of page) {
        if (keepInspection && item.pk === inspectionKey.pk && item.sk === inspectionKey.sk) continue;
        doomed.push({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } });
        // A report link's listing names the capability item that opens it: that goes too.
        if (typeof item.tokenHash === 'string' && String(item.sk).startsWith(keys.reportLinkListingPrefix))
          doomed.push({ DeleteRequest: { Key: keys.reportLink(item.tokenHash) } });
      }
    }
  }
  await writeAll(doomed, 4);
  return doomed.length;
}

/** Deletes everything of an inspection marked by beginInspectionDeletion; the number of items deleted. */
export async function deleteInspectionItems(inspectionId: string): Promise<number> {
  let deleted = await sweep(inspectionId, true);
  await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.stale(inspectionId) }));
  if (
    await writeIf(
      new DeleteCommand({ TableName: tableName, Key: keys.inspection(inspectionId), ConditionExpression: 'attribute_exists(deletingAt)' }),
    )
  )
    deleted++;
  // An aggregation that read the inspection before the mark may still have written its snapshot: swept too.
  deleted += await sweep(inspectionId, false);
  return deleted;
}
