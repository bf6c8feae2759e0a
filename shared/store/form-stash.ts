/**
 * A signed-out form's stash (shared/http/form-stash.ts) is given back once: its id is claimed
 * with one conditional put, so a copy of the cookie (kept by the browser past its clearing, or
 * by anybody else) restores nothing. DynamoDB's TTL removes the claim once the stash has expired.
 *
 *   form stash used   pk FORMSTASH#<stashId>  sk USED
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName, writeIf } from './client';
import { keys } from './keys';
import { TABLE } from './table';

/** True for the first claim of this id, false for every later one. */
export function claimFormStash(stashId: string, expiresAtMs: number): Promise<boolean> {
  return writeIf(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.formStashUsed(stashId), entity: 'form-stash-used', [TABLE.ttlAttribute]: Math.ceil(expiresAtMs / 1000) },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}
