import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '#core/errors';
import { doc, tableName } from './client';
import type { TABLE } from './table';

/** Opaque page cursors: the DynamoDB LastEvaluatedKey, checked on the way back in. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  expectedPartition: { attribute: string; value: string },
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      key &&
      typeof key === 'object' &&
      !Array.isArray(key) &&
      Object.values(key).every((v) => typeof v === 'string') &&
      (key as Record<string, string>)[expectedPartition.attribute] === expectedPartition.value
    ) {
      return key as Record<string, string>;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new InvalidInput([{ path: 'query.cursor', message: 'Not a cursor this list gave out' }]);
}

export interface QueryOptions {
  filter?: string;
  projection?: string;
  /** Names the projection or filter spells as `#name` (a reserved word such as status). */
  names?: Record<string, string>;
  consistent?: boolean;
  /** The sparse index to read instead of the table (its keys are the partition and the prefix). */
  index?: typeof TABLE.gsi1;
}

/**
 * Every item of one partition whose sort key starts with `prefix`, a DynamoDB page (up to
 * 1 MB) at a time, so a caller's memory stays flat however large the partition grows.
 */
export async function* queryPages(pk: string, prefix: string | undefined, options: QueryOptions = {}): AsyncGenerator<Record<string, unknown>[]> {
  const { index } = options;
  const names = {
    ...(index ? { '#pk': index.partitionKey, ...(prefix === undefined ? {} : { '#sk': index.sortKey }) } : {}),
    ...options.names,
  };
  const [pkName, skName] = index ? ['#pk', '#sk'] : ['pk', 'sk'];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        ...(index ? { IndexName: index.name } : {}),
        KeyConditionExpression: prefix === undefined ? `${pkName} = :pk` : `${pkName} = :pk AND begins_with(${skName}, :prefix)`,
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: { ':pk': pk, ...(prefix === undefined ? {} : { ':prefix': prefix }) },
        ...(options.filter ? { FilterExpression: options.filter } : {}),
        ...(options.projection ? { ProjectionExpression: options.projection } : {}),
        ...(options.consistent ? { ConsistentRead: true } : {}),
        ExclusiveStartKey,
      }),
    );
    yield page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/** Every item of one partition whose sort key starts with `prefix`, held at once: for the lists known to stay small. */
export async function queryAll(pk: string, prefix: string | undefined, options: QueryOptions = {}): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(pk, prefix, options)) items.push(...page);
  return items;
}
