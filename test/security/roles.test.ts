/**
 * The role matrix (issue 7, part 1), generated from the route table: every route against
 * missing and bad credentials and against each role, through the real local server. A route
 * added to shared/routes.ts is in the matrix the moment it is in the table; one added without
 * a sound role rule fails the first describe below.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { Role } from '#core/roles';
import type { RouteSpec } from '#shared/routes';
import { baseUrl, call, expectProblem, tokenFor } from '#support/api';
import { useTestTable } from '#support/direct';
import { createInspection, makeCase, makeRelease } from '#support/fixtures';
import {
  ALL_ROUTES,
  PUBLIC_ALLOW_LIST,
  ROLES,
  accessProblems,
  expectSafeError,
  isPageAssetRoute,
  paramValues,
  pathParamsOf,
  prepareMeetingAndPlan,
  rawRequest,
  routeKeyOf,
  sampleRequest,
  type World,
} from '#support/hostile';
import { ROLE_RULES, ruleProblems } from './role-rules';

const secret = () => new TextEncoder().encode(inject('jwtSecret'));
const now = () => Math.floor(Date.now() / 1000);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

async function signed(
  claims: Record<string, unknown>,
  opts: { key?: Uint8Array; alg?: string; iss?: string | null; exp?: number | null; sub?: string | null; nbf?: number } = {},
) {
  let jwt = new SignJWT({ 'cognito:groups': ['admin'], ...claims }).setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' }).setIssuedAt();
  if (opts.sub !== null) jwt = jwt.setSubject(opts.sub ?? 'role-matrix');
  if (opts.iss !== null) jwt = jwt.setIssuer(opts.iss ?? 'omi-local');
  if (opts.exp !== null) jwt = jwt.setExpirationTime(opts.exp ?? now() + 600);
  if (opts.nbf !== undefined) jwt = jwt.setNotBefore(opts.nbf);
  return jwt.sign(opts.key ?? secret());
}

/** Every way to be "not signed in": each must be a 401 problem on every role route. */
const BAD_CREDENTIALS: [string, () => Promise<Record<string, string>>][] = [
  ['no Authorization header', async () => ({})],
  ['an empty bearer', async () => ({ authorization: 'Bearer ' })],
  ['a malformed token', async () => ({ authorization: 'Bearer not-a-jwt' })],
  ['a three-part token of garbage', async () => ({ authorization: 'Bearer aaaa.bbbb.cccc' })],
  ['Basic credentials', async () => ({ authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` })],
  ['a valid token without the Bearer scheme', async () => ({ authorization: await tokenFor('admin') })],
  ['an expired token', async () => ({ authorization: `Bearer ${await signed({}, { exp: now() - 120 })}` })],
  [
    'a token signed with another secret',
    async () => ({ authorization: `Bearer ${await signed({}, { key: new TextEncoder().encode('another-secret-of-at-least-32-bytes!!') })}` }),
  ],
  ['a token from another issuer', async () => ({ authorization: `Bearer ${await signed({}, { iss: 'https://evil.example' })}` })],
  ['a token with no issuer', async () => ({ authorization: `Bearer ${await signed({}, { iss: null })}` })],
  ['a token with no expiry', async () => ({ authorization: `Bearer ${await signed({}, { exp: null })}` })],
  ['a token with no subject', async () => ({ authorization: `Bearer ${await signed({}, { sub: null })}` })],
  ['a token not valid yet (nbf)', async () => ({ authorization: `Bearer ${await signed({}, { nbf: now() + 3600 })}` })],
  ['a token signed HS512 with the right secret (alg confusion)', async () => ({ authorization: `Bearer ${await signed({}, { alg: 'HS512' })}` })],
  [
    'alg none',
    async () => ({
      authorization: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', iss: 'omi-local', 'cognito:groups': ['admin'], exp: now() + 600 })}.`,
    }),
  ],
  [
    'a tampered payload (staff raised to admin, signature kept)',
    async () => {
      const [h, , s] = (await signed({ 'cognito:groups': ['staff'] })).split('.');
      return {
        authorization: `Bearer ${h}.${b64({ sub: 'x', iss: 'omi-local', 'cognito:groups': ['admin', 'inspector', 'staff'], exp: now() + 600 })}.${s}`,
      };
    },
  ],
  [
    'a signature stripped off',
    async () => {
      const [h, p] = (await signed({})).split('.');
      return { authorization: `Bearer ${h}.${p}.` };
    },
  ],
];

const world: World = { inspectionId: '', caseRef: 'RM-001', nextToken: () => '', definition: undefined as never };
let tokens: string[] = [];

/** A report link's token, when the table has report links (issue 6); fetched fresh per request. */
async function reportToken(): Promise<string | undefined> {
  if (!ALL_ROUTES.some((r) => routeKeyOf(r) === 'POST /inspections/{id}/report-links')) return undefined;
  const res = await call(`/inspections/${world.inspectionId}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
  const m = /\/reports\/([^/?#]+)/.exec(res.json?.url ?? '');
  return m?.[1];
}
const reportTokens: string[] = [];

beforeAll(async () => {
  world.inspectionId = await createInspection('Role matrix');
  const put = await call(`/inspections/${world.inspectionId}/cases/${world.caseRef}`, {
    method: 'PUT',
    as: 'inspector',
    json: makeCase('community', 1),
  });
  expect(put.status).toBe(201);
  // A finished case no route's sample request replaces: the releases need one to release.
  expect(
    (await call(`/inspections/${world.inspectionId}/cases/RM-KEPT-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 3) })).status,
  ).toBe(201);
  const inv = await call(`/inspections/${world.inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 200 } });
  expect(inv.status).toBe(201);
  tokens = inv.json.invitations.map((i: { token: string }) => i.token);
  world.batchId = inv.json.batchId;
  const def = await call(`/questionnaires/${tokens[0]}`);
  expect(def.status).toBe(200);
  world.definition = def.json;
  await call(`/inspections/${world.inspectionId}/aggregate`, { method: 'POST', as: 'staff' });
  world.releaseId = await makeRelease(world.inspectionId);
  await prepareMeetingAndPlan(world);
  for (let i = 0; i < 3; i++) {
    const t = await reportToken();
    if (t) reportTokens.push(t);
  }
  world.nextToken = (route) => {
    // A report link may be opened many times; a questionnaire token is used up by a send.
    if (route.path.startsWith('/reports/')) return reportTokens[0] ?? 'AAAAAAAAAAAAAAAAAAAAAA';
    const t = tokens.pop();
    if (!t) throw new Error('out of tokens: raise the count in beforeAll');
    return t;
  };
});

/**
 * The world a request runs in: a DELETE (an erase route, say) gets an inspection of its own,
 * with a case and an invitation, so one that is allowed cannot empty the world of the rest.
 */
async function worldFor(route: RouteSpec): Promise<World> {
  if (route.method !== 'DELETE') return world;
  const inspectionId = await createInspection('Role matrix delete');
  await call(`/inspections/${inspectionId}/cases/${world.caseRef}`, { method: 'PUT', as: 'inspector', json: makeCase('community', 2) });
  return { ...world, inspectionId };
}

async function send(route: RouteSpec, headers: Record<string, string>) {
  const sample = sampleRequest(route, await worldFor(route));
  // rawRequest: the exact path, and an Authorization header only when the case sends one.
  return rawRequest(baseUrl(), sample.path, { method: sample.method, headers: { ...sample.headers, ...headers }, body: sample.body });
}

describe('the route table', () => {
  it('gives every route a role rule: public (allow-listed), token, or a non-empty list of known roles', () => {
    const problems = ALL_ROUTES.flatMap((r) => accessProblems(r));
    expect(problems).toEqual([]);
  });

  it('catches a route added without a role rule (the check itself can fail)', () => {
    const base = { method: 'GET', path: '/inspections/{id}/secret' };
    expect(accessProblems({ ...base, access: undefined })).toHaveLength(1);
    expect(accessProblems({ ...base, access: [] })).toHaveLength(1);
    expect(accessProblems({ ...base, access: 'public' })).toHaveLength(1);
    expect(accessProblems({ ...base, access: 'token' })).toHaveLength(1);
    expect(accessProblems({ ...base, access: ['root'] })).toHaveLength(1);
    expect(accessProblems({ ...base, access: ['staff'] })).toEqual([]);
    expect(accessProblems({ method: 'GET', path: '/health', access: 'public' })).toEqual([]);
  });

  it('keeps the contract: only GET /health and page assets are public, and respondent routes carry the token', () => {
    const publicRoutes = ALL_ROUTES.filter((r) => r.access === 'public').map(routeKeyOf);
    for (const route of ALL_ROUTES.filter((r) => r.access === 'public')) {
      expect(PUBLIC_ALLOW_LIST.includes(routeKeyOf(route)) || isPageAssetRoute(route), routeKeyOf(route)).toBe(true);
    }
    expect(publicRoutes).toContain('GET /health');
    for (const route of ALL_ROUTES) {
      if (route.path.startsWith('/questionnaires/') || route.path.startsWith('/q/')) expect(route.access, routeKeyOf(route)).toBe('token');
    }
  });

  it('agrees, route for route, with the rules written apart from it (test/security/role-rules.ts)', () => {
    expect(ruleProblems(ALL_ROUTES)).toEqual([]);
  });

  it('notices a widened rule, a route without a rule and a rule without a route (the check itself can fail)', () => {
    const widened = ALL_ROUTES.map((r) => (routeKeyOf(r) === 'PUT /inspections/{id}/conclusions/{criterionId}' ? { ...r, access: ROLES } : r));
    expect(ruleProblems(widened)).toEqual([expect.stringContaining('PUT /inspections/{id}/conclusions/{criterionId}: the route table says')]);
    const narrowed = ALL_ROUTES.map((r) => (routeKeyOf(r) === 'POST /inspections/{id}/aggregate' ? { ...r, access: ['admin'] } : r));
    expect(ruleProblems(narrowed)).toHaveLength(1);
    const opened = ALL_ROUTES.map((r) => (routeKeyOf(r) === 'GET /reports/{token}' ? { ...r, access: 'public' } : r));
    expect(ruleProblems(opened)).toHaveLength(1);
    const added = [...ALL_ROUTES, { method: 'DELETE', path: '/inspections/{id}/cases', access: ['admin'] }];
    expect(ruleProblems(added)).toEqual([expect.stringContaining('DELETE /inspections/{id}/cases: no row')]);
    const renamed = ALL_ROUTES.filter((r) => routeKeyOf(r) !== 'DELETE /inspections/{id}/responses');
    expect(ruleProblems(renamed)).toEqual([expect.stringContaining('DELETE /inspections/{id}/responses: a rule with no route')]);
    expect(ruleProblems(ALL_ROUTES, { ...ROLE_RULES, 'PUT /inspections/{id}/conclusions/{criterionId}': ROLES })).toHaveLength(1);
  });
});

const roleRoutes = ALL_ROUTES.filter((r) => Array.isArray(r.access));
const openRoutes = ALL_ROUTES.filter((r) => !Array.isArray(r.access));

describe.each(roleRoutes.map((r) => [routeKeyOf(r), r] as const))('%s', (_key, route) => {
  const allowed = route.access as readonly Role[];

  it.each(BAD_CREDENTIALS)('answers 401 problem+json for %s', async (_name, make) => {
    const res = await send(route, await make());
    expectProblem(res, 401);
    expect(res.json.type).toBe('urn:omi:problem:unauthenticated');
  });

  it.each(ROLES.map((r) => [r] as const))('as %s: 403 when not allowed, served when allowed', async (role) => {
    const sample = sampleRequest(route, await worldFor(route));
    const res = await rawRequest(baseUrl(), sample.path, {
      method: sample.method,
      headers: { ...sample.headers, authorization: `Bearer ${await tokenFor(role)}` },
      body: sample.body,
    });
    if (allowed.includes(role)) {
      expect([401, 403], `${role} is allowed: ${res.text.slice(0, 300)}`).not.toContain(res.status);
      expectSafeError(res, route, role);
      // For the routes whose valid request we know, "served" means it worked.
      if (sample.known) expect(res.status, `${role}: ${res.text.slice(0, 300)}`).toBeLessThan(400);
    } else {
      expectProblem(res, 403);
      expect(res.json.type).toBe('urn:omi:problem:forbidden');
    }
  });

  it('answers 403 for a signed-in user with no known role, and serves a user holding several', async () => {
    // Cognito group names cannot hold whitespace, but may hold commas and brackets.
    const none = await send(route, {
      authorization: `Bearer ${await signed({ 'cognito:groups': ['visitor', 'Admin', 'ADMIN', 'readers,admin', '[staff]', 'inspector]'] })}`,
    });
    expectProblem(none, 403);
    const asString = await send(route, { authorization: `Bearer ${await signed({ 'cognito:groups': 'visitor' })}` });
    expectProblem(asString, 403);
    const empty = await send(route, { authorization: `Bearer ${await signed({ 'cognito:groups': [] })}` });
    expectProblem(empty, 403);
    const others = ROLES.filter((r) => !allowed.includes(r));
    const mixed = await send(route, { authorization: `Bearer ${await tokenFor(...others, allowed[0]!)}` });
    expect([401, 403]).not.toContain(mixed.status);
    expectSafeError(mixed, route, 'several roles');
  });
});

describe.each(openRoutes.map((r) => [routeKeyOf(r), r] as const))('%s (%s access)', (_key, route) => {
  it.each([['no credentials', async () => ({})] as const, ...BAD_CREDENTIALS.slice(1, 4), ...BAD_CREDENTIALS.slice(6, 8)])(
    'is served with %s: never 401/403, never 5xx',
    async (_name, make) => {
      const res = await send(route, await make());
      expect([401, 403], res.text.slice(0, 300)).not.toContain(res.status);
      expectSafeError(res, route, _name);
      if (route.method === 'GET') expect(res.status, res.text.slice(0, 300)).toBeLessThan(400);
    },
  );

  it('is served to a signed-in user too (a bearer token neither helps nor hurts)', async () => {
    const res = await send(route, { authorization: `Bearer ${await tokenFor('admin')}` });
    expect([401, 403]).not.toContain(res.status);
    expectSafeError(res, route, 'admin bearer');
  });
});

describe('token routes', () => {
  const tokenRoutes = openRoutes.filter((r) => r.access === 'token');
  it.each(tokenRoutes.map((r) => [routeKeyOf(r), r] as const))(
    '%s: an unknown or malformed token is a 404, never a 401/403 or 5xx',
    async (_k, route) => {
      for (const bad of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', 'x'.repeat(200)]) {
        const sample = sampleRequest(route, world, bad);
        const res = await rawRequest(baseUrl(), sample.path, { method: sample.method, headers: sample.headers, body: sample.body });
        expectSafeError(res, route, bad);
        expect(res.status, `${bad}: ${res.text.slice(0, 200)}`).toBe(404);
      }
    },
  );
});

/**
 * In AWS the JWT authorizer stops unsigned requests before a Lambda runs; the handlers check
 * roles themselves too, so a route deployed without its authorizer still refuses.
 */
describe('handlers refuse on their own (defence in depth, as Lambda runs them)', () => {
  beforeAll(() => useTestTable());
  const context = { awsRequestId: 'direct', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

  function event(route: RouteSpec, claims: Record<string, string> | undefined): APIGatewayProxyEventV2 {
    const sample = sampleRequest(route, world, 'AAAAAAAAAAAAAAAAAAAAAA');
    const values = paramValues(route, world, 'AAAAAAAAAAAAAAAAAAAAAA');
    const params = Object.fromEntries(pathParamsOf(route).map(({ name }) => [name, values[name] ?? 'x1']));
    return {
      version: '2.0',
      routeKey: routeKeyOf(route),
      rawPath: sample.path,
      rawQueryString: '',
      headers: { ...sample.headers },
      requestContext: {
        accountId: '000000000000',
        apiId: 'direct',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: { method: route.method, path: sample.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'direct' },
        requestId: 'direct',
        routeKey: routeKeyOf(route),
        stage: '$default',
        time: '',
        timeEpoch: Date.now(),
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      } as APIGatewayProxyEventV2['requestContext'],
      ...(Object.keys(params).length ? { pathParameters: params } : {}),
      ...(sample.body ? { body: sample.body } : {}),
      isBase64Encoded: false,
    };
  }

  it.each(roleRoutes.map((r) => [routeKeyOf(r), r] as const))('%s: 401 without claims, 403 with a role it does not allow', async (_k, route) => {
    const { handler } = (await import(/* @vite-ignore */ new URL(`../../functions/${route.fn}.ts`, import.meta.url).href)) as {
      handler: (e: APIGatewayProxyEventV2, c: Context) => Promise<any>;
    };
    const noClaims = await handler(event(route, undefined), context);
    expect(noClaims.statusCode).toBe(401);
    expect(noClaims.headers['content-type']).toMatch(/^application\/problem\+json/);
    const denied = ROLES.filter((r) => !(route.access as readonly Role[]).includes(r));
    for (const role of denied) {
      const res = await handler(event(route, { sub: 'direct', 'cognito:groups': `[${role}]` }), context);
      expect(res.statusCode, role).toBe(403);
    }
    const blankSub = await handler(event(route, { sub: '', 'cognito:groups': `[${(route.access as Role[]).join(' ')}]` }), context);
    expect(blankSub.statusCode).toBe(401);
  });
});

afterAll(() => {
  // Nothing to close: the server is the run's (test/global-setup.ts).
});
