import type { TestProject } from 'vitest/node';
import { startLocalServer } from '../infra/local/spawn-server';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-32-bytes-long!!';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dynamoEndpoint: string;
    jwtSecret: string;
    tableName: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startLocalServer({
    OMI_DATA_DIR: ':memory:',
    OMI_LOCAL_JWT_SECRET: TEST_JWT_SECRET,
    OMI_AGGREGATE_INTERVAL_S: '0',
    TABLE_NAME: 'omi-test',
    LOG_LEVEL: 'warn',
  });
  project.provide('baseUrl', server.baseUrl);
  project.provide('dynamoEndpoint', server.dynamoEndpoint);
  project.provide('jwtSecret', TEST_JWT_SECRET);
  project.provide('tableName', 'omi-test');
  return async () => {
    await server.stop();
  };
}
