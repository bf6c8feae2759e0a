/**
 * The aggregation pipeline killed mid-batch (`kill -9` of `npm start` on a data directory,
 * then a restart on the same data): first while the stream consumer holds a batch it has
 * read but not checkpointed, then while aggregation workers are recomputing. Every change is
 * still marked, and every inspection still recomputed with all its inputs: none is lost.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalServer, type RunningServer } from '#infra/local/spawn-server';
import { keys } from '#store/keys';
import { makeCase } from '#support/fixtures';
import { clientFor, tableAt } from '#support/hostile';

const SECRET = 'pipeline-crash-secret-of-32-bytes-at-least';
const TABLE = 'omi-pipeline';
const dirs: string[] = [];
const started: RunningServer[] = [];

afterAll(async () => {
  for (const s of started) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 1000));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string, extra: Record<string, string>): Promise<RunningServer> {
  const server = await startLocalServer(
    {
      OMI_DATA_DIR: dataDir,
      OMI_SEED_DEMO: '0',
      OMI_RATE_LIMIT_PER_MIN: '0',
      OMI_LOCAL_JWT_SECRET: SECRET,
      TABLE_NAME: TABLE,
      LOG_LEVEL: 'warn',
      ...extra,
    },
    90_000,
  );
  started.push(server);
  return server;
}

async function kill(server: RunningServer) {
  const dead = new Promise<void>((r) => server.child.once('exit', () => r()));
  server.child.kill('SIGKILL');
  await dead;
  // The leash takes DynamoDB Local down with its parent; give it a moment to release the data.
  await new Promise((r) => setTimeout(r, 1500));
}

async function waitFor(ok: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function staleOf(server: RunningServer, ids: readonly string[]): Promise<string[]> {
  const table = tableAt(server.dynamoEndpoint, TABLE);
  try {
    const marked = new Set((await table.partition(keys.stalePartition, '')).map((i) => keys.inspectionIdFromStale(String(i.sk))));
    return ids.filter((id) => marked.has(id));
  } finally {
    table.destroy();
  }
}

describe('the stream consumer killed mid-batch', () => {
  it('marks every changed inspection after the restart: the unacknowledged batch is read again from the checkpoint', {
    timeout: 240_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'omi-pipeline-stream-'));
    dirs.push(dataDir);
    // Small batches, each held 1.5 s before it is handed over: the kill lands between a read and its checkpoint.
    const slow = { OMI_AGGREGATE_INTERVAL_S: '0', OMI_STREAM_BATCH_SIZE: '3', OMI_STREAM_DELAY_MS: '1500' };
    let server = await start(dataDir, slow);
    const { call } = clientFor(server.baseUrl, SECRET);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await call('/inspections', {
        as: 'admin',
        json: { area: `Stream ${i}`, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' },
      });
      expect(created.status).toBe(201);
      ids.push(created.json.inspectionId);
    }
    // Creating an inspection marks nothing (its own item holds no input of the figures,
    // shared/store/inputs.ts), so each inspection's one case below is the only change that can mark it.
    expect(await staleOf(server, ids)).toEqual([]);
    for (const id of ids)
      expect((await call(`/inspections/${id}/cases/P-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 3) })).status).toBe(201);
    // Some batches handed over (markers written, checkpoint moved), most not yet.
    await waitFor(async () => (await staleOf(server, ids)).length > 0, 30_000, 'a first marker');
    // Into the next batch's 1.5 s: read from the stream, not yet handed over.
    await new Promise((r) => setTimeout(r, 700));
    const before = await staleOf(server, ids);
    await kill(server);
    const checkpoint = JSON.parse(readFileSync(join(dataDir, 'stream-mark-stale.checkpoint.json'), 'utf8')) as {
      shards: Record<string, { after?: string }>;
    };
    expect(Object.keys(checkpoint.shards).length).toBeGreaterThan(0);
    expect(before.length, 'the kill came before every change was marked').toBeLessThan(ids.length);

    server = await start(dataDir, { OMI_AGGREGATE_INTERVAL_S: '0' });
    await waitFor(async () => (await staleOf(server, ids)).length === ids.length, 60_000, 'every inspection marked after the restart');
    console.log(
      `stream consumer killed with ${before.length} of ${ids.length} inspections marked; after the restart: ${ids.length} of ${ids.length}`,
    );
    await server.stop();
  });
});

describe('aggregation workers killed mid-batch', () => {
  it('recompute every stale inspection after the restart, with all its inputs', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'omi-pipeline-workers-'));
    dirs.push(dataDir);
    // The schedule every second; a unit lost with the queue is sent again 3 s after it was handed over.
    const fast = { OMI_AGGREGATE_INTERVAL_S: '0', OMI_QUEUE_VISIBILITY_S: '3' };
    let server = await start(dataDir, fast);
    const { call } = clientFor(server.baseUrl, SECRET);
    const ids: string[] = [];
    const CASES = 40;
    for (let i = 0; i < 10; i++) {
      const created = await call('/inspections', {
        as: 'admin',
        json: { area: `Workers ${i}`, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' },
      });
      ids.push(created.json.inspectionId);
    }
    // A snapshot of each before its cases: a recompute lost in the kill would leave this one (0 cases) in place.
    for (const id of ids) expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).json.sample.cases).toBe(0);
    for (const id of ids) {
      for (let c = 0; c < CASES; c++)
        await call(`/inspections/${id}/cases/W-${c}`, { method: 'PUT', as: 'inspector', json: makeCase('community', c) });
    }
    await waitFor(async () => (await staleOf(server, ids)).length === ids.length, 30_000, 'every inspection marked');
    await kill(server);

    // Now with the schedule running: it dispatches, workers start, and the kill comes while some are recomputing.
    server = await start(dataDir, { ...fast, OMI_AGGREGATE_INTERVAL_S: '1' });
    await waitFor(async () => (await staleOf(server, ids)).length < ids.length, 60_000, 'a first inspection recomputed');
    const leftAtKill = (await staleOf(server, ids)).length;
    await kill(server);
    expect(leftAtKill, 'the kill came before every inspection was recomputed').toBeGreaterThan(0);

    server = await start(dataDir, { ...fast, OMI_AGGREGATE_INTERVAL_S: '1' });
    await waitFor(async () => (await staleOf(server, ids)).length === 0, 120_000, 'every marker cleared after the restart');
    const after = clientFor(server.baseUrl, SECRET);
    for (const id of ids) {
      const summary = await after.call(`/inspections/${id}/summary`, { as: 'staff' });
      expect(summary.json.sample.cases, id).toBe(CASES);
    }
    console.log(
      `workers killed with ${leftAtKill} of ${ids.length} inspections still stale; after the restart: all ${ids.length} recomputed with all ${CASES} cases`,
    );
    await server.stop();
  });
});
