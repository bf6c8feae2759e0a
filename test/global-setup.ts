import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { initFile } from '#infra/ops/rotate-keys';
import { type RunningServer, startLocalServer } from '#infra/local/spawn-server';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-32-bytes-long!!';
/** The demo people's password at the local OpenID Connect provider, so the tests can sign in through it. */
export const TEST_DEMO_PASSWORD = 'test-demo-password-not-a-secret';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dynamoEndpoint: string;
    jwtSecret: string;
    tableName: string;
    aggregationQueueUrl: string;
    identityProvider: string;
    demoPassword: string;
    /** The server's OMI_KEYS_FILE: an `invitation` ring only (the session key stays the env's), read at most once a second. */
    keysFile: string;
  }
}

/** The local server's settings in every test run (npm test, and the mutation runs: test/mutate/global-setup.ts). */
export function testServerEnv(keysFile: string): Record<string, string> {
  return {
    OMI_DATA_DIR: ':memory:',
    OMI_LOCAL_JWT_SECRET: TEST_JWT_SECRET,
    OMI_DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    // People of the session tests' own: ending all of one person's sessions must not end other files' sessions.
    OMI_DEMO_EXTRA_PEOPLE: 'revokee:inspector,refused:admin,leaver:staff',
    OMI_AGGREGATE_INTERVAL_S: '0',
    TABLE_NAME: 'omi-test',
    LOG_LEVEL: 'warn',
    // The shared server cuts requests off at API Gateway's ceiling, not the functions' 10 s: on
    // this crowded machine a heavy request's time says more about the other engineers' load
    // than about Lambda. `npm start` keeps the deployed timeouts.
    OMI_FUNCTION_TIMEOUT_S: '29',
    OMI_KEYS_FILE: keysFile,
    OMI_KEYS_CACHE_S: '1',
  };
}

/**
 * Vitest runs a global setup once per project; the projects that need a server share this
 * one (started by the first, stopped by the last), so a run starts DynamoDB Local once.
 */
const shared = globalThis as typeof globalThis & { omiTestServer?: { server: Promise<RunningServer>; users: number; keysFile: string } };

export default async function setup(project: TestProject) {
  // The invitation key as AWS keeps it, a ring the runbook rotates (test/integration/invitation-key-rotation.test.ts).
  const keysFile = shared.omiTestServer?.keysFile ?? join(mkdtempSync(join(tmpdir(), 'omi-test-keys-')), 'keys.json');
  if (!shared.omiTestServer) initFile(keysFile, ['invitation']);
  shared.omiTestServer ??= {
    keysFile,
    server: startLocalServer(testServerEnv(keysFile)),
    users: 0,
  };
  const holder = shared.omiTestServer;
  holder.users++;
  const server = await holder.server;
  project.provide('baseUrl', server.baseUrl);
  project.provide('dynamoEndpoint', server.dynamoEndpoint);
  project.provide('jwtSecret', TEST_JWT_SECRET);
  project.provide('tableName', 'omi-test');
  project.provide('aggregationQueueUrl', server.queues.aggregation ?? '');
  project.provide('identityProvider', server.identityProvider);
  project.provide('demoPassword', TEST_DEMO_PASSWORD);
  project.provide('keysFile', holder.keysFile);
  return async () => {
    if (--holder.users > 0) return;
    shared.omiTestServer = undefined;
    await server.stop();
    rmSync(join(holder.keysFile, '..'), { recursive: true, force: true });
  };
}
