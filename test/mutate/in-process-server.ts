/**
 * A setup file of the mutation runs (vitest.mutate.config.ts): the local HTTP API, its queues
 * and its stream consumer, started in the test worker before each test file, on the address the
 * global setup gave the tests. Stryker switches a mutant on in this worker's globalThis, so a
 * test that reaches a handler over HTTP runs the mutated handler, use case and store.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';

// A sampled run (bench/mutate-sample.ts) mutates whole ranges but counts only the drawn mutants:
// for any other, refuse before the server starts, so it costs a file's start, not its tests.
const drawn = process.env.OMI_MUTATE_SAMPLE;
const stryker = inject as unknown as (key: string) => unknown;
if (drawn && stryker('mode') === 'mutant' && !drawn.split(',').includes(String(stryker('activeMutant')))) {
  throw new Error('this mutant is not in the sample');
}

// Before any handler module loads: some read their settings when they load, as in Lambda.
Object.assign(process.env, inject('handlerEnv'));
const { createLocalServer, handlerLoader } = await import('#infra/local/server');
const { startBackground } = await import('#infra/local/background');

const env = process.env;
const server = createLocalServer({ jwtSecret: inject('jwtSecret'), rateLimitPerMin: Number(env.OMI_RATE_LIMIT_PER_MIN ?? 0) });
const { port } = new URL(inject('baseUrl'));
await new Promise<void>((res, rej) => server.once('error', rej).listen(Number(port), '127.0.0.1', res));
const load = handlerLoader();
const stoppers = await startBackground({
  dynamoEndpoint: inject('dynamoEndpoint'),
  tableName: inject('tableName'),
  dataDir: inject('backgroundDir'),
  load,
});

// Every handler loads before the first test, after Stryker has switched the mutant on (its setup
// file's beforeAll runs first). Loaded lazily, a handler's module-level code would count as
// covered by whichever test first sent it a request, and only that test would be run against
// those mutants; loaded here, that code is static (Stryker's ignoreStatic), as it is in Lambda.
beforeAll(async () => {
  const functions = readdirSync(new URL('../../functions/', import.meta.url)).filter((f) => f.endsWith('.ts'));
  await Promise.all(functions.map((f) => load(f.slice(0, -'.ts'.length))));
});

afterAll(async () => {
  await Promise.all(stoppers.map((stop) => stop()));
  server.closeAllConnections();
  await new Promise((res) => server.close(res));
});
