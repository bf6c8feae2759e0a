import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '#core/errors';
import { doc, tableName } from './client';
import { TABLE } from './table';

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
}

/** What a query of one partition by a sort-key prefix says, on the table or on an index. */
function queryInput(keyNames: [string, string], pk: string, prefix: string | undefined, options: QueryOptions, names: Record<string, string>) {
  const [pkName, skName] = keyNames;
  return {
    TableName: tableName,
    KeyConditionExpression: prefix === undefined ? `${pkName} = :pk` : `${pkName} = :pk AND begins_with(${skName}, :prefix)`,
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':pk': pk, ...(prefix === undefined ? {} : { ':prefix': prefix }) },
    ...(options.filter ? { FilterExpression: options.filter } : {}),
    ...(options.projection ? { ProjectionExpression: options.projection } : {}),
    ...(options.consistent ? { ConsistentRead: true } : {}),
  };
}

async function* pagesOf(input: QueryCommandInput): AsyncGenerator<Record<string, unknown>[]> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    yield page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/**
 * Every item of one partition whose sort key starts with `prefix`, a DynamoDB page (up to
 * 1 MB) at a time, so a caller's memory stays flat however large the partition grows.
 */
export function queryPages(pk: string, prefix: string | undefined, options: QueryOptions = {}): AsyncGenerator<Record<string, unknown>[]> {
  return pagesOf(queryInput(['pk', 'sk'], pk, prefix, options, { ...options.names }));
}

/**
 * The same on the sparse index gsi1 (its keys are the partition and the prefix). A function of
 * its own so that only the functions that read the index are granted it (the access map reads
 * `IndexName` in the code each function reaches).
 */
export function queryIndexPages(pk: string, prefix: string | undefined, options: QueryOptions = {}): AsyncGenerator<Record<string, unknown>[]> {
  const index = TABLE.gsi1;
  const names = { '#pk': index.partitionKey, ...(prefix === undefined ? {} : { '#sk': index.sortKey }), ...options.names };
  return pagesOf({ ...queryInput(['#pk', '#sk'], pk, prefix, options, names), IndexName: index.name });
}

/** Every item of one partition whose sort key starts with `prefix`, held at once: for the lists known to stay small. */
export async function queryAll(
  pk: string,
  prefix: string | undefined,
  options: QueryOptions = {},
  read: typeof queryPages = queryPages,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of read(pk, prefix, options)) items.push(...page);
  return items;
}
