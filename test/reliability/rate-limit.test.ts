/**
 * Throttling (issue 7, part 5): the respondent routes (access 'token' in the route table) are
 * limited per client, as the CDK app's API Gateway throttling limits them in AWS. A separate
 * server runs with OMI_RATE_LIMIT_PER_MIN=5; clients are told apart by their own loopback
 * addresses (127.0.0.x), never by a header they could forge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteSpec } from '#shared/routes';
import { call as callTestServer, expectProblem } from '#support/api';
import { startLocalServer, type RunningServer } from '#infra/local/spawn-server';
import { clientFor, rawRequest, validAnswers } from '#support/hostile';

const PAGE_SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'strict-transport-security',
  'x-frame-options',
  'cache-control',
];
const SECRET = 'rate-limit-secret-of-at-least-32-bytes';
const LIMIT = 5;
const UNKNOWN = 'AAAAAAAAAAAAAAAAAAAAAA';
let server: RunningServer;
let admin: ReturnType<typeof clientFor>;

beforeAll(async () => {
  server = await startLocalServer({
    OMI_DATA_DIR: ':memory:',
    OMI_RATE_LIMIT_PER_MIN: String(LIMIT),
    OMI_LOCAL_JWT_SECRET: SECRET,
    OMI_AGGREGATE_INTERVAL_S: '0',
    LOG_LEVEL: 'warn',
  });
  admin = clientFor(server.baseUrl, SECRET);
}, 120_000);

afterAll(async () => {
  expect(await server.stop('SIGTERM')).toBe(0);
});

const tokenRoutes = (routes as readonly RouteSpec[]).filter((r) => r.access === 'token');
const from = (client: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  rawRequest(server.baseUrl, path, { ...options, localAddress: client });
/** A request to a token route with an unknown token: cheap, and exactly what a token guesser sends. */
const guess = (route: RouteSpec, client: string, headers: Record<string, string> = {}) => {
  const path = route.path.replace('{token}', UNKNOWN).replace(/\{\w+\+?\}/g, 'x1');
  const body = route.body ? (route.body.kind === 'json' ? '{}' : '') : undefined;
  const type = route.body
    ? { json: 'application/json', csv: 'text/csv', form: 'application/x-www-form-urlencoded', multipart: 'multipart/form-data' }[route.body.kind]
    : undefined;
  return from(client, path, { method: route.method, body, headers: { ...(type ? { 'content-type': type } : {}), ...headers } });
};

describe(`OMI_RATE_LIMIT_PER_MIN=${LIMIT}`, () => {
  it('answers the 6th request to a token route within a minute with 429 problem+json and Retry-After', async () => {
    const route = tokenRoutes.find((r) => r.path === '/questionnaires/{token}')!;
    for (let i = 0; i < LIMIT; i++) expect((await guess(route, '127.0.0.1')).status, `request ${i + 1}`).toBe(404);
    const sixth = await guess(route, '127.0.0.1');
    const p = expectProblem(sixth, 429);
    expect(p.type).toBe('urn:omi:problem:too-many-requests');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts every token route together, and forged forwarding headers do not make a new client', async () => {
    const client = '127.0.0.3';
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      const route = tokenRoutes[i % tokenRoutes.length]!;
      const res = await guess(route, client, { 'x-forwarded-for': `10.9.8.${i}`, 'x-real-ip': `10.9.8.${i}`, forwarded: `for=10.9.8.${i}` });
      expect(res.status, `${route.method} ${route.path}`).toBeLessThan(500);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
  });

  it('answers a throttled page request with an HTML 429 page, in English and Welsh, with Retry-After', async () => {
    const client = '127.0.0.6';
    const page = tokenRoutes.find((r) => r.method === 'GET' && r.path === '/q/{token}')!;
    const served: Awaited<ReturnType<typeof guess>>[] = [];
    for (let i = 0; i < LIMIT; i++) served.push(await guess(page, client));
    expect(served.map((r) => r.status)).toEqual(Array(LIMIT).fill(404));
    const throttled = await guess(page, client);
    expect(throttled.status).toBe(429);
    // The same headers as every page (issue 26, finding 8): the 404 page the function answered is the yardstick.
    for (const name of PAGE_SECURITY_HEADERS) {
      expect(served[0]!.headers.get(name), name).toBeTruthy();
      expect(throttled.headers.get(name), name).toBe(served[0]!.headers.get(name));
    }
    expect(throttled.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled.text).toContain('Too many attempts');
    expect(throttled.text).toContain('Gormod o ymdrechion');
    expect(throttled.text).toContain('href="/accessibility"');
    // A form post to a page is a page too; the JSON API still gets problem+json.
    const form = tokenRoutes.find((r) => r.method === 'POST' && r.path === '/q/{token}/{questionId}')!;
    expect((await guess(form, client)).headers.get('content-type')).toMatch(/^text\/html/);
    expectProblem(await guess(tokenRoutes.find((r) => r.path === '/questionnaires/{token}')!, client), 429);
  });

  it('limits each client on its own: another address is served while one is throttled', async () => {
    const route = tokenRoutes.find((r) => r.path === '/questionnaires/{token}')!;
    expect((await guess(route, '127.0.0.1')).status).toBe(429);
    expect((await guess(route, '127.0.0.2')).status).toBe(404);
  });

  it('does not limit routes other than the token routes', async () => {
    const client = '127.0.0.1'; // throttled on token routes by now
    expect((await guess(tokenRoutes[0]!, client)).status).toBe(429);
    const { token } = admin;
    const bearer = `Bearer ${await token(['admin'])}`;
    for (let i = 0; i < 3 * LIMIT; i++) {
      expect((await from(client, '/health')).status).toBe(200);
      expect((await from(client, '/inspections', { headers: { authorization: bearer } })).status).toBe(200);
      expect((await from(client, '/assets/css/govuk-frontend.min.css')).status).toBe(200);
    }
  });

  it('a throttled submission stores nothing, and the same respondent can send once the wait is over', async () => {
    const created = await admin.call('/inspections', {
      as: 'admin',
      json: { area: 'Throttle', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' },
    });
    const inv = await admin.call(`/inspections/${created.json.inspectionId}/invitations`, {
      as: 'admin',
      json: { audience: 'sentencer', language: 'en', count: 1 },
    });
    const { token } = inv.json.invitations[0];
    const client = '127.0.0.4';
    const def = await from(client, `/questionnaires/${token}`);
    expect(def.status).toBe(200);
    const body = JSON.stringify({ answers: validAnswers(def.json) });
    const route = tokenRoutes.find((r) => r.path === '/questionnaires/{token}')!;
    while ((await guess(route, client)).status !== 429) {
      // use up the rest of this client's allowance
    }
    const throttled = await from(client, `/questionnaires/${token}/responses`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(throttled, 429);
    // Not stored: the questionnaire is still open to a client with allowance left.
    expect((await from('127.0.0.5', `/questionnaires/${token}`)).status).toBe(200);

    const wait = Number(throttled.headers.get('retry-after'));
    await new Promise((r) => setTimeout(r, wait * 1000 + 250));
    const sent = await from(client, `/questionnaires/${token}/responses`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(sent.status, sent.text).toBe(201);
  }, 90_000);
});

describe('OMI_RATE_LIMIT_PER_MIN=0 (the shared test server)', () => {
  it('turns throttling off: 60 rapid token-route requests from one client, none throttled', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, () => callTestServer(`/questionnaires/${UNKNOWN}`)));
    expect(results.map((r) => r.status)).toEqual(Array(60).fill(404));
  });
});
