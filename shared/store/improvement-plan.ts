/**
 * The improvement plan (issue 29): one item per inspection, replaced whole under its version
 * like the write-up; and its annexes, each the plan frozen beside a final release (its JSON
 * and CSV, gzipped), written once and never changed.
 *
 * Not an input of the inspection: it is written after the final release closed it, and
 * reopening leaves it where it is.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ImprovementPlanInput } from '#schemas/improvement-plan';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { queryPages } from './paging';

export interface StoredPlan {
  plan: ImprovementPlanInput;
  /** 0 before the first write. */
  version: number;
  updatedAt?: string;
}

export async function getImprovementPlan(inspectionId: string): Promise<StoredPlan> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.improvementPlan(inspectionId), ConsistentRead: true }));
  if (!Item) return { plan: { actions: [] }, version: 0 };
  return { plan: Item.plan as ImprovementPlanInput, version: Item.version as number, updatedAt: Item.updatedAt as string };
}

/** The new version, or undefined when the stored one is no longer `basedOn`. */
export async function putImprovementPlan(
  inspectionId: string,
  plan: ImprovementPlanInput,
  basedOn: number,
  user: string,
): Promise<number | undefined> {
  const version = basedOn + 1;
  const written = await writeIf(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.improvementPlan(inspectionId),
        entity: 'improvement-plan',
        plan,
        version,
        updatedAt: new Date().toISOString(),
        updatedBy: user,
      },
      ...(basedOn === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': basedOn } }),
    }),
  );
  return written ? version : undefined;
}

export interface StoredAnnex {
  annexId: string;
  createdAt: string;
  json: string;
  csv: string;
}

export async function putPlanAnnex(inspectionId: string, releaseId: string, annex: StoredAnnex, user: string): Promise<void> {
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.planAnnex(inspectionId, releaseId, annex.annexId),
        entity: 'plan-annex',
        annexId: annex.annexId,
        createdAt: annex.createdAt,
        createdBy: user,
        json: gzipSync(annex.json),
        csv: gzipSync(annex.csv),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The newest annex of a release, as frozen. */
export async function latestPlanAnnex(inspectionId: string, releaseId: string): Promise<StoredAnnex | undefined> {
  let last: Record<string, unknown> | undefined;
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.planAnnexPrefix(releaseId), { consistent: true }))
    last = page.at(-1) ?? last;
  if (!last) return undefined;
  const text = (b: unknown) => gunzipSync(b as Uint8Array).toString('utf8');
  return { annexId: last.annexId as string, createdAt: last.createdAt as string, json: text(last.json), csv: text(last.csv) };
}
