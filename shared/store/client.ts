/**
 * The DynamoDB document client, created once per Lambda container at module load, failing
 * fast when TABLE_NAME is missing. Endpoint and region come from the SDK's own environment
 * variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION), so nothing here knows whether it runs
 * locally or in AWS.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  TransactWriteCommand,
  type DeleteCommand,
  type PutCommand,
  type TransactWriteCommandInput,
  type UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { traced } from '#core/sdk-trace';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export const tableName = required('TABLE_NAME');

// Each call a subsegment in X-Ray (sdk-trace.ts).
export const doc = DynamoDBDocumentClient.from(traced(new DynamoDBClient({})), {
  marshallOptions: { removeUndefinedValues: true },
});

/**
 * Sends a conditional write. False when its condition failed: a rule of the data (taken, sent,
 * changed meanwhile) that the caller answers, not an error. Any other failure is thrown.
 */
export async function writeIf(command: PutCommand | UpdateCommand | DeleteCommand): Promise<boolean> {
  try {
    // send() is overloaded per command type and takes no union; any of the three sends the same way.
    await doc.send(command as PutCommand);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Sends one transaction: all its writes, or none (a failed condition is a TransactionCanceledException). */
export const transact = (items: NonNullable<TransactWriteCommandInput['TransactItems']>) =>
  doc.send(new TransactWriteCommand({ TransactItems: items }));

/** A transaction's Put of an item whose key must be new: a second one is refused, never overwritten. */
export const putNew = (item: Record<string, unknown>) => ({
  Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
});
