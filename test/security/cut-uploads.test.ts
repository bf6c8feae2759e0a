/**
 * What a cut-off upload, a forged one or a slow client can do to the local server (issue 26,
 * findings 1 and 9), through the real server: nothing but its own 4xx. The server must be
 * alive and serving after every request, and nothing a refused upload carried is stored.
 */
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startLocalServer } from '#infra/local/spawn-server';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call, tokenFor } from '#support/api';
import { createInspection } from '#support/fixtures';
import { pool, rawRequest } from '#support/hostile';
import { casesCsv, csrfOf, page, signIn } from '#support/workbench';

const BOUNDARY = '----omiCutUpload7MA4YWxkTrZu0gW';
let inspectionId: string;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  inspectionId = await createInspection('Cut uploads');
  cookie = (await signIn('inspector')).cookie;
  csrf = csrfOf((await page(`/workbench/inspections/${inspectionId}`, { cookie })).text);
});

/** A valid upload as a browser frames it: the hidden CSRF field, then the file. */
function uploadBody(token: string, file: string): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${token}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cases.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n` +
      `--${BOUNDARY}--\r\n`,
  );
}

function post(body: Buffer, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl()}/workbench/inspections/${inspectionId}/cases`, {
    method: 'POST',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
    redirect: 'manual',
  }).then(async (res) => ({ status: res.status, text: await res.text() }));
}

const alive = async () => (await fetch(`${baseUrl()}/health`)).status;
const storedCases = async () => (await call(`/inspections/${inspectionId}/cases`, { as: 'admin' })).json.cases.length as number;

describe('a cut-off upload', () => {
  it('gets a 400 page, and the server goes on serving', async () => {
    const whole = uploadBody(csrf, casesCsv('CUT', 2));
    for (const cut of [whole.length - 20, Math.floor(whole.length / 2)]) {
      const res = await post(whole.subarray(0, cut));
      expect(res.status, `cut at ${cut}`).toBe(400);
      expect(res.text).toContain('could not be read');
      expect(await alive()).toBe(200);
    }
    expect(await storedCases()).toBe(0);
  });

  it('from another site, or without the token, is refused for that before its body is read (403, not 400)', async () => {
    const cutOff = uploadBody(csrf, casesCsv('CUT', 2)).subarray(0, 900);
    expect((await post(cutOff, { origin: 'https://evil.example' })).status).toBe(403);
    const forged = uploadBody('not-the-token', casesCsv('CUT', 2));
    expect((await post(forged.subarray(0, forged.length - 30))).status).toBe(403);
    expect(await alive()).toBe(200);
  });

  it('cut at every byte of a valid upload: never a 5xx, the server always up, nothing stored', async () => {
    // A file that is valid multipart but not a valid import: even the whole body stores nothing.
    const whole = uploadBody(csrf, 'caseRef,caseType\nCUT-1,borstal\n');
    const statuses = await pool(
      Array.from({ length: whole.length + 1 }, (_, cut) => cut),
      4,
      async (cut) => (await post(whole.subarray(0, cut))).status,
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.flatMap((s, cut) => (s === 400 ? [] : [`${cut}: ${s}`]))).toEqual([]);
    expect(await alive()).toBe(200);
    expect(await storedCases()).toBe(0);
  }, 240_000);

  it('fuzzed (fast-check): cut, spliced and corrupted bodies never get a 5xx or stop the server', async () => {
    const whole = uploadBody(csrf, casesCsv('FUZZ', 1));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: whole.length }), fc.nat({ max: whole.length }), fc.uint8Array({ maxLength: 64 }), async (from, to, garbage) => {
        const [a, b] = from <= to ? [from, to] : [to, from];
        // The body up to a, some bytes of anything, then the body from b: cuts, splices and repeats.
        const body = Buffer.concat([whole.subarray(0, a), Buffer.from(garbage), whole.subarray(b)]);
        const res = await post(body);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect(await alive()).toBe(200);
    expect(await storedCases()).toBeLessThanOrEqual(1);
  }, 240_000);
});

describe('the local server against slow clients and forged hosts (finding 9)', () => {
  it('drops a connection whose headers never finish (slow-loris) instead of holding it', async () => {
    const url = new URL(baseUrl());
    const closed = await new Promise<{ answer: string }>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ answer });
      });
      socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // One header line a second, never the blank line that ends them.
      let n = 0;
      const drip = setInterval(() => {
        if (socket.writable) socket.write(`x-slow-${n++}: a\r\n`);
      }, 1000);
      setTimeout(() => reject(new Error('the server was still holding the connection after 40 s')), 40_000).unref();
    });
    expect(closed.answer).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(await alive()).toBe(200);
  }, 45_000);

  it('hands out links on its configured address, never a forged Host', async () => {
    // A link to the live draft (admin): the test's inspection has no release for a link to open.
    const res = await rawRequest(baseUrl(), `/inspections/${inspectionId}/report-links`, {
      method: 'POST',
      headers: {
        host: 'evil.example',
        'x-forwarded-proto': 'https',
        authorization: `Bearer ${await tokenFor('admin')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ draft: true }),
    });
    expect(res.status).toBe(201);
    expect(res.json.url).toMatch(new RegExp(`^${baseUrl()}/reports/`));
  });
});

describe('an error nobody caught, once the server serves', () => {
  it('is logged, and the server (and DynamoDB Local) go on serving', async () => {
    const thrower = fileURLToPath(new URL('../support/throw-after-ready.mjs', import.meta.url));
    const server = await startLocalServer({
      OMI_DATA_DIR: ':memory:',
      OMI_AGGREGATE_INTERVAL_S: '0',
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${thrower}`.trim(),
    });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      expect(server.output()).toContain('uncaught error: the service goes on');
      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
      const created = await fetch(`${server.baseUrl}/inspections`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ area: 'Still here', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' }),
      });
      expect(created.status).toBe(201);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
