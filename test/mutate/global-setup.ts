/**
 * The mutation runs' global setup (vitest.mutate.config.ts): DynamoDB Local, the table and the
 * OpenID Connect provider, once per Stryker test runner, as the normal global setup does; but
 * no server process. The HTTP API runs in the test worker itself (in-process-server.ts), on the
 * port chosen here, so the handlers are the very modules Stryker instruments and switches.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { initFile } from '#infra/ops/rotate-keys';
import { freePort, startDynamoLocal } from '#infra/local/dynamodb';
import { ensureTable } from '#infra/local/table';
import { DEMO_PEOPLE, type DemoPerson, startLocalProvider } from '#infra/local/oidc-provider';
import { TEST_DEMO_PASSWORD, TEST_JWT_SECRET, testServerEnv } from '#test/global-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What main.ts puts in the server's env, for the worker to take before it loads a handler. */
    handlerEnv: Record<string, string>;
    /** Where the worker's stream runner keeps its checkpoint, so a worker started for the next test file does not replay the stream. */
    backgroundDir: string;
  }
}

/** The JVM can take longer than startDynamoLocal's 30 s to answer when Stryker's runs share the machine: a few tries. */
async function startPatiently(tries = 3): ReturnType<typeof startDynamoLocal> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoLocal();
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'omi-mutate-'));
  const keysFile = join(dir, 'keys.json');
  initFile(keysFile, ['invitation']);
  const base = testServerEnv(keysFile);
  const dynamo = await startPatiently();
  const region = 'eu-west-2';
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const admin = new DynamoDBClient({ endpoint: dynamo.endpoint, region, credentials });
  await ensureTable(admin, base.TABLE_NAME!);
  admin.destroy();

  const baseUrl = `http://127.0.0.1:${await freePort()}`;
  const extraPeople = base
    .OMI_DEMO_EXTRA_PEOPLE!.split(',')
    .map((entry) => entry.split(':') as [string, DemoPerson])
    .filter(([, group]) => (DEMO_PEOPLE as readonly string[]).includes(group))
    .map(([name, group]) => ({ name, group }));
  const identity = await startLocalProvider({
    password: TEST_DEMO_PASSWORD,
    extraPeople,
    callbackUrl: `${baseUrl}/auth/callback`,
    signOutUrl: `${baseUrl}/`,
  });

  project.provide('handlerEnv', {
    ...base,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    OMI_SESSION_SECRET: randomBytes(32).toString('base64url'),
    OMI_INVITATION_KEY: randomBytes(32).toString('base64url'),
    ASSETS_DIR: resolve(import.meta.dirname, '../../node_modules/govuk-frontend/dist/govuk'),
    PUBLIC_BASE_URL: baseUrl,
    OMI_OIDC_ISSUER: identity.issuer,
    OMI_OIDC_DOMAIN: identity.issuer,
    OMI_OIDC_CLIENT_ID: identity.clientId,
    OMI_CALLBACK_URL: `${baseUrl}/auth/callback`,
    OMI_SIGN_OUT_URL: `${baseUrl}/`,
  });
  project.provide('backgroundDir', dir);
  project.provide('baseUrl', baseUrl);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('jwtSecret', TEST_JWT_SECRET);
  project.provide('tableName', base.TABLE_NAME!);
  // The queue stand-in lives in the worker (its URL is in the worker's env): the one test that reads this one is not in the mutation runs.
  project.provide('aggregationQueueUrl', '');
  project.provide('identityProvider', identity.issuer);
  project.provide('demoPassword', TEST_DEMO_PASSWORD);
  project.provide('keysFile', keysFile);
  return async () => {
    await identity.stop();
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
