/**
 * `npm start`: DynamoDB Local, the table, the demo data, the HTTP API and the pages, and a
 * timer playing EventBridge for the scheduled functions, all on this machine.
 */
// Before any SDK module loads: the SDK warns once per process about Node 20 otherwise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_TABLE_NAME } from '#store/table';
import { queueConsumers, schedules } from '#shared/routes';
import { startBackground } from './background';
import { startDynamoLocal, type LocalDynamo } from './dynamodb';
import { ensureTable } from './table';
import { createLocalServer, handlerLoader, lambdaContext } from './server';
import { signLocalToken } from './jwt';
import { scheduledEvent } from './events';
import { SeedIncomplete, seedDemo as seedDemoData } from './seed';
import { DEMO_PEOPLE, startLocalProvider, type DemoPerson } from './oidc-provider';
import { log, safeErrorFields } from '#core/log';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const dataDir = resolve(env.OMI_DATA_DIR ?? '.data');
const inMemory = env.OMI_DATA_DIR === ':memory:';
const jwtSecret = env.OMI_LOCAL_JWT_SECRET || randomBytes(32).toString('base64url');
// The pages' key (CSRF tokens, the sign-in's state cookie, refresh tokens at rest): a new one each start voids old forms.
const sessionSecret = env.OMI_SESSION_SECRET || randomBytes(32).toString('base64url');
const aggregateEverySeconds = Number(env.OMI_AGGREGATE_INTERVAL_S ?? 60);
const rateLimitPerMin = Number(env.OMI_RATE_LIMIT_PER_MIN ?? 120);
const seedDemo = env.OMI_SEED_DEMO !== '0';

/**
 * The key invitation batches' secrets are sealed with (shared/domain/batch-secrets.ts): kept
 * beside the data, so a batch issued before a restart can still be downloaded again; with the
 * data in memory, one per start, like the data.
 */
function invitationKey(): string {
  if (env.OMI_INVITATION_KEY) return env.OMI_INVITATION_KEY;
  if (inMemory) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'invitation-batches.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

let dynamo: LocalDynamo | undefined;
let stopping = false;
const stoppers: (() => Promise<void>)[] = [];

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all(stoppers.map((s) => s().catch(() => undefined)));
    await dynamo?.stop().catch(() => undefined);
  }
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// Before the server listens a failure means the service cannot start. After it, an error nobody
// caught belongs to one request (a stream's unheard `error`, a promise nobody awaited): that
// request fails, the service goes on. A Lambda execution environment would be replaced; a
// whole local service, DynamoDB Local with it, must not go down for one request.
let serving = false;
const onUncaught = (error: unknown) => {
  if (serving && !stopping) {
    log('error', 'uncaught error: the service goes on', safeErrorFields(error));
    return;
  }
  console.error('fatal:', error);
  void stop(1);
};
process.on('uncaughtException', onUncaught);
process.on('unhandledRejection', onUncaught);

async function main() {
  const startedAt = Date.now();
  dynamo = await startDynamoLocal({
    dataDir: inMemory ? undefined : dataDir,
    port: env.OMI_DYNAMODB_PORT ? Number(env.OMI_DYNAMODB_PORT) : undefined,
  });

  // The handlers read only the SDK's and their own standard variables, exactly as in Lambda.
  Object.assign(env, {
    TABLE_NAME: env.TABLE_NAME ?? LOCAL_TABLE_NAME,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: env.AWS_REGION ?? 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    OMI_SESSION_SECRET: sessionSecret,
    OMI_INVITATION_KEY: invitationKey(),
    ASSETS_DIR: env.ASSETS_DIR ?? resolve(import.meta.dirname, '../../node_modules/govuk-frontend/dist/govuk'),
  });
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;

  const admin = new DynamoDBClient({});
  await ensureTable(admin, env.TABLE_NAME!);
  admin.destroy();

  const server = createLocalServer({ jwtSecret, rateLimitPerMin });
  await new Promise<void>((res) => server.listen(port, '127.0.0.1', res));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  serving = true;
  // Links and the pages' Origin check use this, never a request's Host (as PUBLIC_BASE_URL in AWS).
  env.PUBLIC_BASE_URL ||= baseUrl;

  // The OpenID Connect provider in Cognito's place (its own origin), and the sign-in's
  // configuration pointing at it: the same variables the CDK stack sets to Cognito's addresses.
  const identity = await startLocalProvider({
    port: env.OMI_OIDC_PORT ? Number(env.OMI_OIDC_PORT) : 0,
    password: env.OMI_DEMO_PASSWORD,
    extraPeople: (env.OMI_DEMO_EXTRA_PEOPLE ?? '')
      .split(',')
      .map((entry) => entry.trim().split(':'))
      .filter((p): p is [string, DemoPerson] => p.length === 2 && /^[\w-]{1,40}$/.test(p[0]!) && (DEMO_PEOPLE as readonly string[]).includes(p[1]!))
      .map(([name, group]) => ({ name, group })),
    callbackUrl: `${baseUrl}/auth/callback`,
    signOutUrl: `${baseUrl}/`,
  });
  stoppers.push(() => identity.stop());
  Object.assign(env, {
    OMI_OIDC_ISSUER: identity.issuer,
    OMI_OIDC_DOMAIN: identity.issuer,
    OMI_OIDC_CLIENT_ID: identity.clientId,
    OMI_CALLBACK_URL: `${baseUrl}/auth/callback`,
    OMI_SIGN_OUT_URL: `${baseUrl}/`,
  });

  const links: string[] = [];
  /** Said last, after `ready` and the tokens: a broken demo is never hidden above a cheerful last line. */
  let seedProblem: string | undefined;
  if (seedDemo) {
    try {
      // The second marker must be another person than the one who uploads the cases (issue 14).
      const [seeder, secondMarker] = await Promise.all([
        signLocalToken(jwtSecret, 'local-seed', ['admin']),
        signLocalToken(jwtSecret, 'local-seed-hmi', ['inspector']),
      ]);
      // The seed's two writers never sign in: named in the people directory as a sign-in would, so the demo's pages name them.
      const { rememberPerson } = await import('#domain/people');
      await Promise.all([
        rememberPerson('local-seed', 'Demo Lead Inspector', ['admin']),
        rememberPerson('local-seed-hmi', 'Demo Second Marker', ['inspector']),
      ]);
      links.push(...(await seedDemoData(baseUrl, seeder, secondMarker)));
    } catch (error) {
      // The server is still useful without the demo: say what went wrong, and how to go on.
      const what = error instanceof Error ? error.message : String(error);
      const which = error instanceof SeedIncomplete && error.inspectionId ? ` (${error.inspectionId})` : '';
      seedProblem = `demo INCOMPLETE${which}: ${what}. Nothing made so far is lost: stop and run npm start again (same OMI_DATA_DIR) and the demo is finished from where it stopped.`;
      console.error(seedProblem);
    }
  }

  const load = handlerLoader();
  stoppers.push(
    ...(await startBackground({ dynamoEndpoint: dynamo.endpoint, tableName: env.TABLE_NAME!, dataDir: inMemory ? undefined : dataDir, load })),
  );
  for (const schedule of schedules) {
    const everySeconds = schedule.fn === 'aggregate' ? aggregateEverySeconds : schedule.everySeconds;
    if (everySeconds <= 0) continue;
    let running = false;
    setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const handler = (await load(schedule.fn)) as unknown as (e: unknown, c: unknown) => Promise<unknown>;
        await handler(scheduledEvent(schedule.fn), lambdaContext(schedule.fn, crypto.randomUUID()));
      } catch {
        // the scheduled handler logs its own failures; the timer keeps going as EventBridge would
      } finally {
        running = false;
      }
    }, everySeconds * 1000).unref();
  }

  console.log(`ready ${baseUrl}`);
  console.log(`workbench ${baseUrl}/ (sign in as admin, inspector or staff with the password below)`);
  console.log(`identity-provider ${identity.issuer}`);
  for (const [person, password] of Object.entries(identity.passwords)) console.log(`password ${person} ${password}`);
  console.log(`dynamodb ${dynamo.endpoint}`);
  for (const q of queueConsumers) console.log(`queue ${q.queue} ${env[q.env]}`);
  console.log(`started in ${Date.now() - startedAt} ms; data in ${inMemory ? 'memory' : dataDir}`);
  for (const role of ['admin', 'inspector', 'staff'] as const) {
    console.log(`token ${role} ${await signLocalToken(jwtSecret, `local-${role}`, [role])}`);
  }
  for (const line of links) console.log(line);
  if (seedProblem) console.log(seedProblem);
}

main().catch((error) => {
  console.error('failed to start:', error);
  void stop(1);
});
