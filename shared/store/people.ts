/**
 * The people directory (issue 27): one item a person, their display name as the provider
 * last gave it, written at every sign-in (so a new name shows from the next one). Pages read
 * it to name who did something; the records themselves keep only the account id.
 */
import { BatchGetCommand, type BatchGetCommandOutput, PutCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from './client';
import { keys } from './keys';

const ENTITY = 'person';
/** DynamoDB's limit for one BatchGet. */
const BATCH_GET_LIMIT = 100;

export async function putPerson(sub: string, displayName: string, now = new Date()): Promise<void> {
  await doc.send(
    new PutCommand({ TableName: tableName, Item: { ...keys.person(sub), entity: ENTITY, sub, displayName, updatedAt: now.toISOString() } }),
  );
}

/** The display names of these people, by account id; anyone not in the directory (or nameless) is left out. */
export async function peopleNames(subs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(subs)].filter((s) => s !== '');
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH_GET_LIMIT).map((sub) => keys.person(sub));
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed batch reads');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const result: BatchGetCommandOutput = await doc.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: { Keys: pending, ProjectionExpression: '#sub, displayName, entity', ExpressionAttributeNames: { '#sub': 'sub' } },
          },
        }),
      );
      for (const item of result.Responses?.[tableName] ?? []) {
        if (item.entity === ENTITY && typeof item.displayName === 'string' && item.displayName.trim() !== '')
          found.set(item.sub as string, item.displayName);
      }
      pending = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}
