/**
 * Rotating the session key with nobody signed out (issue 25, item 5), end to end on the local
 * server, with the runbook's own commands ("Rotate the keys": infra/ops/rotate-keys.ts against
 * the local keys file, as it runs against the Secrets Manager secret in AWS):
 * rotate; sessions and forms from before keep working; new forms are signed with the new key;
 * retire; what the old key signed is refused. (A session is a record on the server, so only what
 * is signed or sealed with the key, the CSRF tokens here, carries its kid.)
 * The server reads the file at most once a second here (OMI_KEYS_CACHE_S=1; 300 s in AWS).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type RunningServer } from '#infra/local/spawn-server';
import { signInOverHttp } from '#support/sign-in';

const ROOT = new URL('../../', import.meta.url).pathname;
const CACHE_S = 1;
const dir = mkdtempSync(join(tmpdir(), 'omi-rotation-'));
const keysFile = join(dir, 'keys.json');
let server: RunningServer;

/** `npx tsx infra/ops/rotate-keys.ts <args>`, as the runbook has it (tsx through node, no npx lookup). */
async function runbook(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/ops/rotate-keys.ts', ...args], { cwd: ROOT });
  // Only kids go to the terminal, never a key.
  for (const ring of Object.values(JSON.parse(readFileSync(keysFile, 'utf8')) as Record<string, Record<string, { key: string }>>)) {
    for (const key of Object.values(ring)) expect(stdout).not.toContain(key.key);
  }
  return stdout;
}
const currentKid = () => (JSON.parse(readFileSync(keysFile, 'utf8')) as { session: { AWSCURRENT: { kid: string } } }).session.AWSCURRENT.kid;
/** Past the functions' cache time, so every instance has read the file again. */
const afterCache = () => new Promise((r) => setTimeout(r, CACHE_S * 1000 + 300));

/** Signs the admin in through the local OpenID Connect provider, on this test's own server. */
async function signIn(): Promise<string> {
  return (await signInOverHttp('admin', { baseUrl: server.baseUrl, password: server.passwords.admin })).cookie;
}

const FORM = '/workbench/inspections/new';
async function openForm(cookie: string): Promise<{ status: number; csrf?: string }> {
  const res = await fetch(server.baseUrl + FORM, { headers: { cookie }, redirect: 'manual' });
  const html = await res.text();
  return { status: res.status, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] };
}
/** An empty area: a form that passes its CSRF check answers 400 with the errors, one that fails it 403; nothing is stored either way. */
async function postForm(cookie: string, csrf: string): Promise<number> {
  const res = await fetch(server.baseUrl + FORM, {
    method: 'POST',
    headers: { cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, area: '', fieldworkStart: '', fieldworkEnd: '' }),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

beforeAll(async () => {
  await runbook('init', '--file', keysFile);
  server = await startLocalServer(
    { OMI_DATA_DIR: ':memory:', OMI_AGGREGATE_INTERVAL_S: '0', LOG_LEVEL: 'warn', OMI_KEYS_FILE: keysFile, OMI_KEYS_CACHE_S: String(CACHE_S) },
    120_000,
  );
}, 150_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the runbook's session-key rotation, locally", () => {
  it('rotate: old sessions and forms keep working, new ones use the new key; retire: the old ones are refused', async () => {
    const firstKid = currentKid();
    const before = await signIn();
    const beforeForm = await openForm(before);
    expect(beforeForm.status).toBe(200);
    expect(beforeForm.csrf?.startsWith(`${firstKid}.`)).toBe(true);
    expect(await postForm(before, beforeForm.csrf!)).toBe(400);

    expect(await runbook('rotate', 'session', '--file', keysFile)).toMatch(/current key is now/);
    const secondKid = currentKid();
    expect(secondKid).not.toBe(firstKid);
    await afterCache();

    // The overlap: nobody is signed out, and a form opened before the rotation still posts.
    expect((await openForm(before)).status).toBe(200);
    expect(await postForm(before, beforeForm.csrf!)).toBe(400);
    // New forms, of new sessions and old ones alike, are signed with the new key.
    const after = await signIn();
    const afterForm = await openForm(after);
    expect(afterForm.csrf?.startsWith(`${secondKid}.`)).toBe(true);
    expect((await openForm(before)).csrf?.startsWith(`${secondKid}.`)).toBe(true);
    // A second rotation inside the overlap is refused: it would sign the first sessions out.
    await expect(runbook('rotate', 'session', '--file', keysFile)).rejects.toThrow(/retire it first/);

    expect(await runbook('retire', 'session', '--file', keysFile)).toContain(`retired ${firstKid}`);
    await afterCache();

    // After the overlap: the sessions stand (they are records, not signatures), but a form's CSRF token from the old key is refused.
    expect((await openForm(before)).status).toBe(200);
    expect((await openForm(after)).status).toBe(200);
    expect(await postForm(after, beforeForm.csrf!)).toBe(403);
    expect(await postForm(after, afterForm.csrf!)).toBe(400);
  });
});
