/**
 * One area's inspections and their fieldwork dates, in one item under a version, so that a new
 * inspection and its place in that list land in one transaction: two admins creating the same
 * area's inspection for overlapping weeks cannot both succeed (issue 27). Deleting an inspection
 * takes it out of the list in the same way.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Inspection } from '#schemas/inspection';
import { doc, putNew, tableName, transact, writeIf } from './client';
import { keys } from './keys';
import { listInspections } from './inspections';

export interface Fieldwork {
  inspectionId: string;
  fieldworkStart: string;
  fieldworkEnd: string;
}

export interface AreaFieldwork {
  /** Absent when no inspection of the area was made since the list existed. */
  version?: number;
  inspections: Fieldwork[];
}

/** Kent, "kent " and "KENT" are one area: folded, then escaped for the key. */
export const areaKeyOf = (area: string) => encodeURIComponent(area.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase());

/**
 * The area's inspections, read strongly consistently. An area whose inspections all predate the
 * list is read from the list of every inspection (one Query of the index, paged), once: the
 * first creation writes what it found.
 */
export async function areaFieldwork(area: string): Promise<AreaFieldwork> {
  const key = areaKeyOf(area);
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.areaFieldwork(key), ConsistentRead: true }));
  if (Item)
    return {
      version: Item.version as number,
      inspections: Object.entries((Item.fieldwork ?? {}) as Record<string, { start: string; end: string }>).map(([inspectionId, f]) => ({
        inspectionId,
        fieldworkStart: f.start,
        fieldworkEnd: f.end,
      })),
    };
  const inspections: Fieldwork[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInspections(cursor, 100);
    for (const i of page.inspections)
      if (areaKeyOf(i.area) === key)
        inspections.push({ inspectionId: i.inspectionId, fieldworkStart: i.fieldworkStart, fieldworkEnd: i.fieldworkEnd });
    cursor = page.nextCursor;
  } while (cursor);
  return { inspections };
}

const itemOf = (area: string, version: number, inspections: readonly Fieldwork[]) => ({
  ...keys.areaFieldwork(areaKeyOf(area)),
  entity: 'area-fieldwork',
  version,
  fieldwork: Object.fromEntries(inspections.map((i) => [i.inspectionId, { start: i.fieldworkStart, end: i.fieldworkEnd }])),
});

const guardOf = (seen: AreaFieldwork) =>
  seen.version === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': seen.version } };

/**
 * Puts the inspection and the area's list with it, if the list is still the one `seen`.
 * 'id-taken': the new id collides (draw another); 'area-changed': another inspection of the
 * area came or went meanwhile (read the list again).
 */
export async function createInspectionInArea(inspection: Inspection, seen: AreaFieldwork): Promise<'created' | 'id-taken' | 'area-changed'> {
  const { inspectionId, fieldworkStart, fieldworkEnd } = inspection;
  try {
    await transact([
      putNew({
        ...keys.inspection(inspectionId),
        ...keys.inspectionListing(inspectionId, inspection.createdAt),
        entity: 'inspection',
        ...inspection,
        writers: {},
      }),
      {
        Put: {
          TableName: tableName,
          Item: itemOf(inspection.area, (seen.version ?? 0) + 1, [...seen.inspections, { inspectionId, fieldworkStart, fieldworkEnd }]),
          ...guardOf(seen),
        },
      },
    ]);
    return 'created';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [inspectionReason, areaReason] = error.CancellationReasons ?? [];
    if (inspectionReason?.Code === 'ConditionalCheckFailed') return 'id-taken';
    if (
      areaReason?.Code === 'ConditionalCheckFailed' ||
      areaReason?.Code === 'TransactionConflict' ||
      inspectionReason?.Code === 'TransactionConflict'
    )
      return 'area-changed';
    throw error;
  }
}

/** Takes a deleted inspection out of its area's list; false when the list changed meanwhile (read it again). */
export async function removeFromArea(area: string, inspectionId: string, seen: AreaFieldwork): Promise<boolean> {
  if (!seen.inspections.some((i) => i.inspectionId === inspectionId)) return true;
  return writeIf(
    new PutCommand({
      TableName: tableName,
      Item: itemOf(
        area,
        (seen.version ?? 0) + 1,
        seen.inspections.filter((i) => i.inspectionId !== inspectionId),
      ),
      ...guardOf(seen),
    }),
  );
}
