/**
 * Reading invitation slots straight from the table in tests: where a token's slot is, and
 * every slot of an inspection (over its partitions), with the keys spelled by keys.ts only.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { parseLinkToken } from '#domain/invitation-tokens';
import { keys } from '#store/keys';

let db: DynamoDBDocumentClient | undefined;
const client = () =>
  (db ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  ));

/** The table key of a link's slot. */
export function slotKeyOf(token: string): { pk: string; sk: string } {
  const link = parseLinkToken(token);
  if (!link) throw new Error('not a link token');
  return keys.slot(link.inspectionId, link.tokenHash);
}

export async function slotOf(token: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await client().send(new GetCommand({ TableName: inject('tableName'), Key: slotKeyOf(token), ConsistentRead: true }));
  return Item;
}

/** Every slot of an inspection: its links, with their drafts and responses. */
export async function slotsOf(inspectionId: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const pk of keys.slotPartitions(inspectionId)) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client().send(
        new QueryCommand({
          TableName: inject('tableName'),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      out.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return out;
}

/** The slots a respondent has touched: sent (or erased since) or holding a draft. */
export const touched = (slots: Record<string, unknown>[]) => slots.filter((s) => s.submittedAt || s.draftUpdatedAt);

/**
 * The attributes of an item that belong to a respondent's draft: its two maps, the time of its
 * last save, and the one-attribute-per-question names drafts once had. A sent response has none.
 */
export const draftAttributes = (item: Record<string, unknown>) =>
  Object.keys(item).filter((k) => k === 'draft' || k === 'seen' || k === 'draftUpdatedAt' || k.startsWith('draft:') || k.startsWith('seen:'));
