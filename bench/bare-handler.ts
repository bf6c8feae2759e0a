/** The yardstick for cold starts: a handler that only does one DynamoDB PutCommand. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { id: string }) => {
  await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: event.id, sk: 'x' } }));
  return { statusCode: 204 };
};
