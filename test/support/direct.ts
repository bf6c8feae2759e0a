/**
 * For tests that invoke a handler module directly (as Lambda would) against the test run's
 * DynamoDB Local: point the SDK at it before the module loads.
 */
import { inject } from 'vitest';

export function useTestTable(): void {
  Object.assign(process.env, {
    TABLE_NAME: inject('tableName'),
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
}
