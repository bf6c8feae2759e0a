/**
 * The demo seed is resumable (issue 24, item 6): `npm start` on a data directory, with one
 * seed step made to fail for good (before its work, every attempt) and another made to lose
 * its reply once, after its work. The failing-once step is retried within the start; the other makes the
 * start end by saying, last, that the demo is incomplete and how to go on, never with `ready`.
 * The next start on the same data finishes that same Kent, issuing no link twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalServer, type RunningServer } from '#infra/local/spawn-server';
import { KENT_DEMO_AREA } from '#infra/local/seed';

const dataDir = mkdtempSync(join(tmpdir(), 'omi-seed-resume-'));
// API Gateway's ceiling rather than the functions' 10 s, as the shared test server: this test is
// about the planted faults, not about how loaded the machine happens to be.
const env = {
  OMI_DATA_DIR: dataDir,
  OMI_SEED_DEMO: '1',
  OMI_AGGREGATE_INTERVAL_S: '0',
  TABLE_NAME: 'omi-seed-resume',
  LOG_LEVEL: 'warn',
  OMI_FUNCTION_TIMEOUT_S: '29',
};
const started: RunningServer[] = [];

afterAll(async () => {
  for (const s of started) await s.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The start's output once it has said its last line about the demo (the links, or that it is incomplete). */
async function settled(server: RunningServer): Promise<string[]> {
  const deadline = Date.now() + 240_000;
  while (!/^(questionnaire offender en |demo INCOMPLETE)/m.test(server.output())) {
    if (Date.now() > deadline) throw new Error(`the seed never finished:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 300));
  return server
    .output()
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('{'));
}

async function get(server: RunningServer, path: string): Promise<any> {
  const res = await fetch(server.baseUrl + path, { headers: { authorization: `Bearer ${server.tokens.admin}` } });
  expect(res.status, path).toBe(200);
  return res.json();
}

describe('the demo seed, interrupted', () => {
  it('a start whose step keeps failing says so last; the next start finishes the same demo without issuing anything twice', async () => {
    const first = await startLocalServer({ ...env, OMI_SEED_FAULT: 'offender-links:99:before,victim-links:1' }, 240_000);
    started.push(first);
    const lines = await settled(first);
    const last = lines.at(-1)!;
    expect(last, first.output()).toMatch(/^demo INCOMPLETE/);
    expect(last).toMatch(/^demo INCOMPLETE \(\S+\): step "offender-links" failed 3 times: .*planted fault/);
    expect(last).toContain('run npm start again');
    expect(lines).not.toContainEqual(expect.stringMatching(/^questionnaire /));
    const halfMade = /^demo INCOMPLETE \((\S+)\)/.exec(last)![1]!;
    await first.stop();

    const second = await startLocalServer(env, 240_000);
    started.push(second);
    const done = await settled(second);
    expect(done.find((l) => l.startsWith('demo '))).toMatch(new RegExp(`^demo ${halfMade} finished in \\d+ ms`));
    expect(done.join('\n')).not.toContain('INCOMPLETE');
    expect(done.at(-1)).toMatch(/^questionnaire offender en /);

    const summary = await get(second, `/inspections/${halfMade}/summary`);
    expect(summary.sample.cases).toBe(110);
    // Each batch once: the retried and the resumed steps were given back their first links.
    expect(summary.serviceUsers.offender).toMatchObject({ invited: 110, returned: 0 });
    expect(summary.serviceUsers.victim).toMatchObject({ invited: 21, returned: 7 });
    expect(summary.serviceUsers.sentencer.returned).toBe(11);
    const listed = await get(second, '/inspections');
    expect(
      listed.inspections.filter((i: { area: string }) => i.area === KENT_DEMO_AREA).map((i: { inspectionId: string }) => i.inspectionId),
    ).toEqual([halfMade]);
    await second.stop();
  }, 600_000);
});
