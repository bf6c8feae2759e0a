/**
 * Business metrics through the real local server (issue 30, item 9): a server of its own, so
 * that its whole output can be read (as test/security/logs.test.ts does). Each event writes
 * exactly one embedded-metric line with the right dimension, once: a send, a paper return, a
 * refused upload, a failed sign-in, a release; a retry that changes nothing (the same link
 * sent again, a release that lost its race) writes none. The schedule's fieldwork heartbeat
 * counts the inspection whose fieldwork week is under way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type RunningServer } from '#infra/local/spawn-server';
import { clientFor, validAnswers } from '#support/hostile';
import { makeCase } from '#support/fixtures';

const SECRET = 'metrics-test-secret-of-at-least-32-bytes!!';
let server: RunningServer;
let c: ReturnType<typeof clientFor>;
let inspectionId = '';

interface MetricLine {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

/** The embedded-metric lines the server wrote after `from` (an offset into its output): events (`metric`) or the schedule's `heartbeat`. */
function metricLines(from: number, name: string, msg = 'metric'): MetricLine[] {
  const out: MetricLine[] = [];
  for (const line of server.output().slice(from).split('\n')) {
    if (!line.startsWith('{') || !line.includes('"_aws"')) continue;
    const doc = JSON.parse(line) as MetricLine;
    if (doc.msg === msg && doc._aws.CloudWatchMetrics[0]!.Metrics.some((m) => m.Name === name)) out.push(doc);
  }
  return out;
}

/** The lines of one metric an action wrote: waits for them to arrive through the pipe, then a little longer for any extra. */
async function linesOf(name: string, from: number, atLeast = 1, msg = 'metric'): Promise<MetricLine[]> {
  const deadline = Date.now() + 10_000;
  while (metricLines(from, name, msg).length < atLeast && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  return metricLines(from, name, msg);
}

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** On a crowded machine DynamoDB Local can miss its 30 s to start: a start that failed is tried again (the tests are not). */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startLocalServer(env, 120_000);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

beforeAll(async () => {
  server = await startServer({
    OMI_DATA_DIR: ':memory:',
    OMI_LOCAL_JWT_SECRET: SECRET,
    OMI_AGGREGATE_INTERVAL_S: '1',
    TABLE_NAME: 'omi-metrics',
    // Metrics are data, not chatter: they are written whatever the log level.
    LOG_LEVEL: 'error',
    // As the shared test server: API Gateway's ceiling, not the functions' 10 s, on a crowded machine.
    OMI_FUNCTION_TIMEOUT_S: '29',
  });
  c = clientFor(server.baseUrl, SECRET);
  const created = await c.call('/inspections', { as: 'admin', json: { area: 'Metrics', fieldworkStart: today, fieldworkEnd: inDays(4) } });
  expect(created.status).toBe(201);
  inspectionId = created.json.inspectionId;
}, 400_000);

afterAll(async () => {
  await server?.stop('SIGTERM');
});

describe('each business event writes one metric line', () => {
  it('a response sent online: ResponsesReceived by audience and channel, and not again for the same link', async () => {
    const inv = await c.call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 2 } });
    expect(inv.status).toBe(201);
    const token = inv.json.invitations[0].token as string;
    const def = (await c.call(`/questionnaires/${token}`)).json;
    const answers = validAnswers(def, 'Helpful staff.');

    const before = server.output().length;
    expect((await c.call(`/questionnaires/${token}/responses`, { json: { answers } })).status).toBe(201);
    const lines = await linesOf('ResponsesReceived', before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      audience: 'victim',
      channel: 'online',
      service: 'collector',
      ResponsesReceived: 1,
      cold_start: expect.any(Boolean),
      function_request_id: expect.any(String),
    });
    expect(lines[0]!._aws.CloudWatchMetrics[0]).toEqual({
      Namespace: 'OmiCollector/local',
      Dimensions: [['service'], ['service', 'audience', 'channel']],
      Metrics: [{ Name: 'ResponsesReceived', Unit: 'Count' }],
    });

    const retry = server.output().length;
    expect((await c.call(`/questionnaires/${token}/responses`, { json: { answers } })).status).toBe(409);
    expect(await linesOf('ResponsesReceived', retry, 0)).toEqual([]);

    // On paper, by its reference: the same metric, the paper channel.
    const paper = server.output().length;
    const reference = inv.json.invitations[1].reference as string;
    expect((await c.call(`/inspections/${inspectionId}/paper-responses`, { as: 'inspector', json: { reference, answers } })).status).toBe(201);
    const paperLines = await linesOf('ResponsesReceived', paper);
    expect(paperLines.map((l) => [l.audience, l.channel])).toEqual([['victim', 'paper']]);
  });

  it('a refused upload: UploadsRefused by reason, once per request; an accepted one writes none', async () => {
    const bad = server.output().length;
    const refused = await c.call(`/inspections/${inspectionId}/cases`, {
      method: 'POST',
      as: 'inspector',
      body: 'caseRef,caseType\r\nM-1,not-a-type\r\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(refused.status).toBe(400);
    expect((await linesOf('UploadsRefused', bad)).map((l) => l.reason)).toEqual(['invalid']);

    const wrongType = server.output().length;
    expect(
      (
        await c.call(`/inspections/${inspectionId}/cases`, {
          method: 'POST',
          as: 'inspector',
          body: 'caseRef,caseType\r\nM-1,custody\r\n',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    expect((await linesOf('UploadsRefused', wrongType)).map((l) => l.reason)).toEqual(['wrong-type']);

    const good = server.output().length;
    expect(
      (
        await c.call(`/inspections/${inspectionId}/cases`, {
          method: 'POST',
          as: 'inspector',
          body: 'caseRef,caseType\r\nM-1,custody\r\n',
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(200);
    expect(await linesOf('UploadsRefused', good, 0)).toEqual([]);
  });

  it('a failed sign-in: SignInFailures by reason', async () => {
    const before = server.output().length;
    const res = await c.call('/auth/callback?code=forged-code&state=forged-state');
    expect(res.status).toBe(400);
    const lines = await linesOf('SignInFailures', before);
    expect(lines.map((l) => l.reason)).toEqual(['state-mismatch']);
    // Nothing but the metric, its dimensions and the invocation: no code, no state, no cookie.
    expect(Object.keys(lines[0]!).sort()).toEqual([
      'SignInFailures',
      '_aws',
      'cold_start',
      'function_name',
      'function_request_id',
      'level',
      'msg',
      'reason',
      'service',
    ]);
  });

  it('a release: ReleasesMade by kind, once, however many ask for it at once', async () => {
    for (let i = 1; i <= 2; i++)
      expect(
        (await c.call(`/inspections/${inspectionId}/cases/MR-${i}`, { method: 'PUT', as: 'inspector', json: makeCase('licence', i) })).status,
      ).toBe(201);
    const before = server.output().length;
    const results = await Promise.all(
      Array.from({ length: 3 }, () => c.call(`/inspections/${inspectionId}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Metrics' } })),
    );
    expect(
      results.filter((r) => r.status === 201),
      results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n'),
    ).toHaveLength(1);
    expect((await linesOf('ReleasesMade', before)).map((l) => l.kind)).toEqual(['final']);
  });
});

describe('the fieldwork heartbeat', () => {
  it('is written by the schedule, counting the inspection whose fieldwork week is under way', async () => {
    const lines = await linesOf('FieldworkOpen', 0, 1, 'heartbeat');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]!._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service']]);
    // The responses' zero rides along, service-wide only: it adds nothing to a sum and never an audience.
    for (const l of lines) expect([l.ResponsesReceived, l.audience]).toEqual([0, undefined]);
    // Before the final release closed it, the inspection was open and in its week.
    expect(Math.max(...lines.map((l) => l.FieldworkOpen as number))).toBe(1);
  });
});
