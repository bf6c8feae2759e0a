/**
 * The DynamoDB document client, created once per Lambda container at module load, failing
 * fast when TABLE_NAME is missing. Endpoint and region come from the SDK's own environment
 * variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION), so nothing here knows whether it runs
 * locally or in AWS.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export const tableName = required('TABLE_NAME');

export const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
