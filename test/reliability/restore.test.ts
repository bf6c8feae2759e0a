/**
 * The restore drill (issue 30, item 5), with the runbook's script (infra/ops/restore.ts) on
 * DynamoDB Local: inspections made through the real server, then export, wipe the
 * table, restore it from the export, and compare: the counts of every item kind equal, and each
 * inspection's stored summary equal to one recomputed from the restored inputs. A restore
 * that lost one case must fail the same check (the checker is not the code under test: it
 * recomputes with the product's own aggregation and compares with what was stored).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DeleteItemCommand, DeleteTableCommand, DynamoDBClient, ListTablesCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoLocal, type LocalDynamo } from '#infra/local/dynamodb';
import { startLocalServer } from '#infra/local/spawn-server';
import type { CheckReport } from '#infra/ops/restore';
import { casesCsv } from '#support/workbench';

const ROOT = new URL('../../', import.meta.url).pathname;
const TABLE = 'omi-drill';
const dir = mkdtempSync(join(tmpdir(), 'omi-restore-'));
const exportFile = join(dir, 'export.jsonl');
let dynamo: LocalDynamo | undefined;

async function restoreCli(endpoint: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/ops/restore.ts', ...args], {
      cwd: ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number' || !e.stdout) throw new Error(`restore.ts ${args[0]} failed: ${e.stderr ?? String(error)}`);
    return { code: e.code, stdout: e.stdout };
  }
}
const reportOf = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf('{'))) as CheckReport;

let live: CheckReport;

beforeAll(async () => {
  // Two inspections made through the real API (cases, their history, invitations and their slots,
  // a summary), kept on disk. Not the Kent demo: its 110-case upload is too slow for a crowded machine.
  // On a crowded machine DynamoDB Local can miss its 30 s to start: try again rather than fail.
  let server: Awaited<ReturnType<typeof startLocalServer>> | undefined;
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await startLocalServer(
        { OMI_DATA_DIR: join(dir, `data`), OMI_AGGREGATE_INTERVAL_S: '0', TABLE_NAME: TABLE, LOG_LEVEL: 'warn' },
        240_000,
      );
    } catch (error) {
      if (attempt === 3 || !String(error).includes('did not answer')) throw error;
    }
  }
  try {
    const as = (role: string) => ({ authorization: `Bearer ${server.tokens[role]}` });
    const send = async (role: string, method: string, path: string, body?: string, type = 'application/json') => {
      const res = await fetch(server.baseUrl + path, { method, headers: { ...as(role), ...(body ? { 'content-type': type } : {}) }, body });
      const text = await res.text();
      expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(300);
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    const ids: string[] = [];
    for (const [area, cases] of [
      ['Restore drill A', 12],
      ['Restore drill B', 5],
    ] as const) {
      const { inspectionId } = (await send(
        'admin',
        'POST',
        '/inspections',
        JSON.stringify({ area, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' }),
      )) as { inspectionId: string };
      await send('inspector', 'POST', `/inspections/${inspectionId}/cases`, casesCsv(area.slice(-1), cases), 'text/csv');
      await send('admin', 'POST', `/inspections/${inspectionId}/invitations`, JSON.stringify({ audience: 'sentencer', count: 3, language: 'en' }));
      ids.push(inspectionId);
    }
    // The stream runner marks changed inspections stale a moment after the writes: let it, then
    // aggregate (which takes the markers), and let it see the aggregation's own writes too.
    const settle = () => new Promise((r) => setTimeout(r, 4000));
    await settle();
    for (const id of ids) await send('admin', 'POST', `/inspections/${id}/aggregate`);
    await settle();
    const exported = await restoreCli(server.dynamoEndpoint, 'export', '--table', TABLE, '--file', exportFile);
    expect(exported.stdout).toMatch(/exported \d+ items/);
    const baseline = await restoreCli(server.dynamoEndpoint, 'check', '--table', TABLE, '--against', exportFile);
    live = reportOf(baseline.stdout);
  } finally {
    expect(await server.stop('SIGTERM')).toBe(0);
  }
  // The same data, with nothing else running: no stream runner to react to the wipe. The stopped
  // server's DynamoDB Local may still hold the files for a moment (and starts slowly on a busy machine).
  for (let attempt = 1; !dynamo; attempt++) {
    try {
      dynamo = await startDynamoLocal({ dataDir: join(dir, 'data') });
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}, 600_000);

afterAll(async () => {
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('export, wipe, restore, compare', () => {
  it('brings back every item kind in its number, and every summary recomputes to what was stored', async () => {
    expect(live.ok, JSON.stringify({ ...live, counts: undefined })).toBe(true);
    expect(live.counts['INSP/CASE']).toBe(17);
    expect(live.counts['INSP#SLOTS/SLOT']).toBe(6);
    expect(live.summaries.map((s) => s.result)).toEqual(['equal', 'equal']);

    const client = new DynamoDBClient({
      endpoint: dynamo!.endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      await client.send(new DeleteTableCommand({ TableName: TABLE }));
      expect((await client.send(new ListTablesCommand({}))).TableNames ?? []).not.toContain(TABLE);

      const imported = await restoreCli(dynamo!.endpoint, 'import', '--table', TABLE, '--file', exportFile);
      expect(imported.stdout).toMatch(/imported \d+ items/);
      const restored = await restoreCli(dynamo!.endpoint, 'check', '--table', TABLE, '--against', exportFile);
      const report = reportOf(restored.stdout);
      expect(restored.code).toBe(0);
      expect(report.countsDiffer).toEqual([]);
      expect(report.counts).toEqual(live.counts);
      expect(report.summaries).toEqual(live.summaries);
      expect(report.ok).toBe(true);
      // Only counts, kinds and ids are printed: no answer, comment or name.
      expect(restored.stdout).not.toMatch(/Restore drill|"answers"|"text"/);

      // A restore that lost one case: caught by the counts and by the recomputed summary.
      const first = report.summaries.find((s) => s.result === 'equal')!.inspectionId;
      const cases = await client.send(
        new QueryCommand({
          TableName: TABLE,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :case)',
          ExpressionAttributeValues: { ':pk': { S: `INSP#${first}` }, ':case': { S: 'CASE#' } },
          Limit: 1,
        }),
      );
      await client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: cases.Items![0]!.pk!, sk: cases.Items![0]!.sk! } }));
      const damaged = await restoreCli(dynamo!.endpoint, 'check', '--table', TABLE, '--against', exportFile);
      const broken = reportOf(damaged.stdout);
      expect(damaged.code).toBe(1);
      expect(broken.countsDiffer).toEqual(['INSP/CASE']);
      expect(broken.summaries.find((s) => s.inspectionId === first)?.result).toBe('different');
    } finally {
      client.destroy();
    }
  }, 300_000);
});
