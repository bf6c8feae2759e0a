/**
 * Hostile input (issue 7, part 2), on every route of the table that takes a body, a path
 * parameter or a query, through the real local server: never a 5xx, errors always
 * problem+json (HTML pages may answer HTML), never a stack trace, and nothing stored.
 * Then property-based fuzzing (fast-check) of every route that takes JSON, a form or CSV.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '#infra/local/jwt';
import { ROLES } from '#core/roles';
import type { RouteSpec } from '#shared/routes';
import { TABLE } from '#store/table';
import { baseUrl, call } from '#support/api';
import { createInspection, makeCase, makeRelease } from '#support/fixtures';
import { slotOf } from '#support/slots';
import {
  ALL_ROUTES,
  expectSafeError,
  fillPath,
  paramValues,
  pathParamsOf,
  pool,
  rawRequest,
  routeKeyOf,
  prepareMeetingAndPlan,
  sampleRequest,
  tableAt,
  type World,
} from '#support/hostile';
import type { CallResult } from '#support/api';

/** Every request here is signed by this one user, so anything it managed to store can be found. */
const SUB = `hostile-${randomUUID().slice(0, 8)}`;
let bearer = '';
const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

let requestsTried = 0;
async function send(path: string, options: { method: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<CallResult> {
  requestsTried++;
  return rawRequest(baseUrl(), path, {
    method: options.method,
    headers: { authorization: `Bearer ${bearer}`, ...(options.headers ?? {}) },
    body: options.body,
  });
}

/** The main world (nothing may be stored in it) and a second one for inputs that may be accepted. */
const world: World = { inspectionId: '', caseRef: 'H-001', nextToken: () => '', definition: undefined as never };
const spare: World = { inspectionId: '', caseRef: 'S-001', nextToken: () => '', definition: undefined as never };
let hostileTokens: string[] = [];

async function makeWorld(w: World, area: string, count: number): Promise<string[]> {
  w.inspectionId = await createInspection(area);
  const put = await call(`/inspections/${w.inspectionId}/cases/${w.caseRef}`, { method: 'PUT', as: 'inspector', json: makeCase('community', 5) });
  expect(put.status).toBe(201);
  await call(`/inspections/${w.inspectionId}/leadership/4.1`, { method: 'PUT', as: 'inspector', json: { grade: 'well-met' } });
  const inv = await call(`/inspections/${w.inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count } });
  expect(inv.status).toBe(201);
  const tokens: string[] = inv.json.invitations.map((i: { token: string }) => i.token);
  w.batchId = inv.json.batchId;
  const def = await call(`/questionnaires/${tokens[0]}`);
  w.definition = def.json;
  expect((await call(`/inspections/${w.inspectionId}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
  if (ALL_ROUTES.some((r) => r.path.includes('{releaseId}'))) w.releaseId = await makeRelease(w.inspectionId);
  let reportToken = 'AAAAAAAAAAAAAAAAAAAAAA';
  if (ALL_ROUTES.some((r) => routeKeyOf(r) === 'POST /inspections/{id}/report-links')) {
    const link = await call(`/inspections/${w.inspectionId}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
    reportToken = /\/reports\/([^/?#]+)/.exec(link.json?.url ?? '')?.[1] ?? reportToken;
  }
  let n = 0;
  w.nextToken = (route) => (route.path.startsWith('/reports/') ? reportToken : tokens[n++ % tokens.length]!);
  return tokens;
}

/** The stored state hostile requests must not change: the world's partition (bar the summary) and its invitations. */
async function storedState(): Promise<string> {
  // Not the summary, nor the paper-reference brake's own count of one person's misses: counting the guesses is its job.
  const items = (await table.partition(`INSP#${world.inspectionId}`)).filter((i) => i.sk !== 'SUMMARY' && !String(i.sk).startsWith('REFMISS#'));
  const invitations = await Promise.all(hostileTokens.map((t) => slotOf(t)));
  return JSON.stringify({ items, invitations });
}
let before = '';

beforeAll(async () => {
  bearer = await signLocalToken(inject('jwtSecret'), SUB, [...ROLES]);
  hostileTokens = await makeWorld(world, 'Hostile', 3);
  await makeWorld(spare, 'Hostile spare', 100);
  await prepareMeetingAndPlan(spare);
  before = await storedState();
  // A final release (for the improvement plan's routes) recomputes a summary: more than a minute on a loaded machine.
}, 150_000);

const bodyRoutes = ALL_ROUTES.filter((r) => r.body);
const jsonRoutes = ALL_ROUTES.filter((r) => r.body?.kind === 'json');
const paramRoutes = ALL_ROUTES.filter((r) => pathParamsOf(r).length > 0);
const queryRoutes = ALL_ROUTES.filter((r) => r.query);
const key = routeKeyOf;

/** The route's path for the world, with the questionnaire question (if any) a required closed one. */
function pathFor(route: RouteSpec, w: World, overrides: Record<string, string> = {}): string {
  const values = paramValues(route, w);
  const required = w.definition.questions.find((q) => !q.optional && q.type !== 'text');
  if (required) values.questionId = required.id;
  const filled: Record<string, string> = {};
  for (const { name, greedy } of pathParamsOf(route))
    filled[name] = overrides[name] ?? (greedy ? values[name]! : encodeURIComponent(values[name] ?? 'x1'));
  return fillPath(route, filled);
}

/** Every string value (not key) of a JSON text made long: twice the route's limit in all, 300,000 characters each at most. */
function hugeStrings(json: string, limit: number): string {
  const value = /"((?:[^"\\]|\\.)*)"(?!\s*:)/g;
  const count = (json.match(value) ?? []).length || 1;
  const each = Math.min(300_000, Math.ceil((2 * limit) / count) + 1);
  return json.replace(value, () => `"${'x'.repeat(each)}"`);
}

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + 'null' + '}'.repeat(n);
const SEVEN_MB = 7 * 1024 * 1024;
const POLLUTION = {
  polluted: 'yes',
  area: 'Polluted',
  grade: 'well-met',
  band: 'good',
  answers: {},
  profile: { caseType: 'community' },
  audience: 'victim',
  language: 'en',
  count: 1,
  caseType: 'community',
};

interface Hostile {
  name: string;
  body: string | Buffer;
  contentType?: string | null;
  /** The exact status the contract asks for, when there is one. */
  status?: number;
}

const isOptionalBody = (route: RouteSpec) => route.body?.kind === 'json' && (route.body as { optional?: boolean }).optional === true;

function hostileBodies(route: RouteSpec): Hostile[] {
  const kind = route.body!.kind;
  const ct = kind === 'json' ? 'application/json' : kind === 'csv' ? 'text/csv' : 'application/x-www-form-urlencoded';
  const sample = sampleRequest(route, world, 'AAAAAAAAAAAAAAAAAAAAAA').body ?? '';
  const limit = route.maxBodyBytes ?? 256 * 1024;
  const common: Hostile[] = [
    {
      name: '7 MB body',
      body: kind === 'json' ? JSON.stringify({ x: 'a'.repeat(SEVEN_MB) }) : 'a'.repeat(SEVEN_MB),
      status: SEVEN_MB > limit ? 413 : undefined,
    },
    // The gateway's own 10 MB ceiling: once per kind of body is enough (it is checked before any handler runs).
    ...(bodyRoutes.find((r) => r.body!.kind === kind) === route
      ? [{ name: '11 MB body (over the gateway limit)', body: Buffer.alloc(11 * 1024 * 1024, 0x61), status: 413 }]
      : []),
    { name: 'invalid UTF-8 bytes', body: Buffer.from([0xff, 0xfe, 0x7b, 0xc0, 0xaf, 0x7d]) },
    { name: 'a NUL byte', body: '\u0000' },
  ];
  for (const wrong of [
    null,
    'application/json',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'text/html',
    'application/json-patch+json',
    'application/x-www-form-urlencoded',
    'text/csv',
  ]) {
    if (wrong === ct) continue;
    common.push({ name: `content-type ${wrong ?? '(none)'}`, body: sample || '{}', contentType: wrong, status: 415 });
  }
  if (kind === 'json') {
    const valid = JSON.parse(sample || '{}') as Record<string, unknown>;
    const firstKey = Object.keys(valid)[0] ?? 'answers';
    return [
      ...common,
      ...['{', '{"a":', '{a:1}', "{'a':1}", '[1,]', '{"a":1}}', 'nul', 'NaN', '\uFEFF{}', '{"a":1,"a":', '"', '{"a":"\\x"}'].map((b) => ({
        name: `malformed ${JSON.stringify(b)}`,
        body: b,
        status: 400,
      })),
      { name: 'empty body', body: '', status: 400 },
      // `{}` is a whole request where the body is optional (a report link to the latest release): it is no hostile body there.
      ...['null', '[]', '[1,2,3]', '42', '-1e999', '"string"', 'true', ...(isOptionalBody(route) ? [] : ['{}'])].map((b) => ({
        name: `body ${b}`,
        body: b,
        status: b === '{}' ? undefined : 400,
      })),
      { name: 'an array 20,000 deep', body: deepArray(20_000), status: 400 },
      { name: 'an object 20,000 deep', body: deepObject(20_000), status: 400 },
      { name: `20,000 deep inside "${firstKey}"`, body: `{"${firstKey}":${deepArray(20_000)}}`, status: 400 },
      { name: '20,000 deep inside an answer', body: `{"answers":{"${world.definition.questions[0]!.id}":${deepArray(20_000)}}}`, status: 400 },
      { name: '__proto__ at the top', body: `{"__proto__":${JSON.stringify(POLLUTION)}}`, status: 400 },
      { name: '__proto__ beside a valid body', body: `{"__proto__":${JSON.stringify(POLLUTION)},${sample.slice(1)}`, status: 400 },
      {
        name: 'escaped \\u005f\\u005fproto\\u005f\\u005f',
        body: `{"\\u005f\\u005fproto\\u005f\\u005f":${JSON.stringify(POLLUTION)},${sample.slice(1)}`,
        status: 400,
      },
      { name: '__proto__ inside every object', body: sample.replace(/\{(?=")/g, `{"__proto__":${JSON.stringify(POLLUTION)},`), status: 400 },
      ...(sample.indexOf('{"', 1) > 0
        ? [
            {
              name: '__proto__ inside nested objects only (records drop it silently)',
              body: sample.replace(/(?<!^)\{(?=")/g, `{"__proto__":${JSON.stringify(POLLUTION)},`),
              status: 400,
            },
          ]
        : []),
      ...Object.entries(valid)
        .filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v))
        .map(([k, v]) => ({
          name: `__proto__ inside "${k}" only`,
          body: JSON.stringify({ ...valid, [k]: { ...(v as object), ['__proto__' as string]: 'yes' } }),
          status: 400,
        })),
      { name: '__proto__ as an answer key', body: `{"answers":{"__proto__":"yes"}}`, status: 400 },
      { name: 'constructor.prototype at the top', body: `{"constructor":{"prototype":${JSON.stringify(POLLUTION)}},${sample.slice(1)}`, status: 400 },
      {
        name: 'constructor.prototype inside every object',
        body: sample.replace(/\{(?=")/g, `{"constructor":{"prototype":${JSON.stringify(POLLUTION)}},`),
        status: 400,
      },
      { name: 'prototype key', body: `{"prototype":${JSON.stringify(POLLUTION)},${sample.slice(1)}`, status: 400 },
      ...[hugeStrings(sample, limit)].map((b) => ({
        name: 'every string huge (twice the route limit in all)',
        body: b,
        status: b.length > limit ? 413 : undefined,
      })),
    ];
  }
  if (kind === 'csv') {
    return [
      ...common,
      { name: 'empty body', body: '', status: 400 },
      { name: 'an unclosed quote', body: 'caseRef,caseType\r\n"A-1,community\r\n', status: 400 },
      { name: 'a header only', body: 'caseRef,caseType\r\n', status: 400 },
      { name: '__proto__ columns', body: `caseRef,caseType,__proto__,constructor\r\nP-1,community,yes,yes\r\n`, status: 400 },
      { name: 'formula injection in caseRef', body: `caseRef,caseType\r\n"=HYPERLINK(""http://x"",""1"")",community\r\n`, status: 400 },
      { name: 'a NUL in a cell', body: `caseRef,caseType\r\nN-1\u0000,community\r\n`, status: 400 },
      { name: '1,001 rows', body: 'caseRef,caseType\r\n' + Array.from({ length: 1001 }, (_, i) => `M-${i},community`).join('\r\n'), status: 400 },
      { name: 'a row of 10,000 columns', body: 'caseRef,caseType\r\n' + Array(10_000).fill('x1').join(','), status: 400 },
      { name: 'JSON instead of CSV', body: JSON.stringify(makeCase('community', 1)), status: 400 },
    ];
  }
  // form
  return [
    ...common,
    { name: 'empty body', body: '' },
    ...[
      '%',
      '%E0%A4%A',
      'a=%ZZ',
      '=&=&=',
      '&&&',
      '__proto__[polluted]=yes',
      '__proto__=x&constructor[prototype][polluted]=yes',
      'action=save&action=continue',
      'a'.repeat(60_000),
    ].map((b) => ({ name: `form ${b.slice(0, 40)}`, body: b })),
    { name: 'a form larger than the respondent limit', body: `x=${'a'.repeat(limit + 10)}`, status: 413 },
  ];
}

const HOSTILE_PARAMS = [
  '%00',
  'a%00b',
  '%2F',
  'a%2Fb',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..%5C..%5Cwindows',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '%C0%AF',
  '%F0%9F%98%80',
  '%F0%9F%92%A9%E2%80%AE',
  'x'.repeat(2000),
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%0D%0ASet-Cookie:%20x=1',
  '%E2%80%AE%E2%81%A6',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'CASE%23X',
  'INSP%23x%23SUMMARY',
  '%20',
  '*',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '%7B%7D',
  "'%20OR%20'1'='1",
];
const DOT_PARAMS = ['..', '.', '%2e%2e', '%2E'];
const LEAKS = [/"name":\s*"omi-collector"/, /root:x:0:0/, /"compilerOptions"/, /BEGIN [A-Z ]*PRIVATE KEY/];

const failuresOf = async (cases: { what: string; run: () => Promise<void> }[], concurrency = 4) => {
  const failures: string[] = [];
  await pool(cases, concurrency, async (c) => {
    try {
      await c.run();
    } catch (error) {
      failures.push(`${c.what}: ${(error as Error).message.split('\n')[0]!.slice(0, 400)}`);
    }
  });
  return failures;
};

describe('hostile bodies', () => {
  it.each(bodyRoutes.map((r) => [key(r), r] as const))(
    '%s: every hostile body is refused with the right problem, never a 5xx',
    async (_k, route) => {
      const path = pathFor(route, world);
      const failures = await failuresOf(
        hostileBodies(route).map((h) => ({
          what: h.name,
          run: async () => {
            const headers: Record<string, string> = {};
            const ct =
              h.contentType === undefined
                ? route.body!.kind === 'json'
                  ? 'application/json'
                  : route.body!.kind === 'csv'
                    ? 'text/csv'
                    : 'application/x-www-form-urlencoded'
                : h.contentType;
            if (ct) headers['content-type'] = ct;
            const res = await send(path, { method: route.method, headers, body: h.body });
            expectSafeError(res, route, h.name);
            // A body over the route's limit is a 413 before anything looks inside it.
            const status = h.status === 400 && Buffer.byteLength(h.body) > (route.maxBodyBytes ?? 256 * 1024) ? 413 : h.status;
            if (status) expect(res.status, res.text.slice(0, 200)).toBe(status);
          },
        })),
        3,
      );
      expect(failures).toEqual([]);
    },
    120_000,
  );
});

describe('hostile path parameters', () => {
  it.each(paramRoutes.map((r) => [key(r), r] as const))(
    '%s: dot segments, NUL, encoded slashes, emoji, 2,000 characters: never a 5xx, never served',
    async (_k, route) => {
      const sample = sampleRequest(route, world, 'AAAAAAAAAAAAAAAAAAAAAA');
      const cases: { what: string; run: () => Promise<void> }[] = [];
      for (const { name, greedy } of pathParamsOf(route)) {
        const values = [
          ...HOSTILE_PARAMS,
          ...DOT_PARAMS,
          ...(greedy
            ? [
                '../../package.json',
                'fonts/../../../../package.json',
                'images/%2e%2e/%2e%2e/%2e%2e/package.json',
                '..%2F..%2F..%2Fpackage.json',
                'css/govuk-frontend.min.css%00.png',
                '/etc/passwd',
                '%2Fetc%2Fpasswd',
              ]
            : []),
        ];
        for (const value of values) {
          cases.push({
            what: `{${name}} = ${value.slice(0, 60)}`,
            run: async () => {
              const res = await send(pathFor(route, world, { [name]: value }), { method: route.method, headers: sample.headers, body: sample.body });
              expectSafeError(res, route, value.slice(0, 60));
              for (const leak of LEAKS) expect(res.text).not.toMatch(leak);
              // '..' and '.' are resolved by the URL parser before routing, as any gateway would: the result is another path, still never served from the disk.
              const dotty = DOT_PARAMS.includes(value) || /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(value);
              if (!dotty) expect(res.status, res.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
              expect(res.headers.get('set-cookie')).toBeNull();
            },
          });
        }
      }
      expect(await failuresOf(cases)).toEqual([]);
    },
    120_000,
  );

  it('never serves a file outside the assets through traversal of the whole path', async () => {
    const paths = [
      '/assets/../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/fonts/..%2F..%2F..%2F..%2Fpackage.json',
      '//etc/passwd',
      '/assets//etc/passwd',
      '/assets/..\\..\\package.json',
      '/inspections/../../../etc/passwd',
      '/q/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
    ];
    const failures = await failuresOf(
      paths.map((p) => ({
        what: p,
        run: async () => {
          const res = await send(p, { method: 'GET' });
          expect(res.status).toBeLessThan(500);
          for (const leak of LEAKS) expect(res.text).not.toMatch(leak);
          if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^(application\/problem\+json|text\/html)/);
        },
      })),
    );
    expect(failures).toEqual([]);
  });
});

describe('hostile queries', () => {
  it.each(queryRoutes.map((r) => [key(r), r] as const))(
    '%s: hostile and forged query values are a 400 at worst',
    async (_k, route) => {
      // The spare world: an unknown query key beside a valid request is ignored, and the request may then store.
      const sample = sampleRequest(route, spare);
      const shape = ((route.query as unknown as { def?: { shape?: Record<string, unknown> }; shape?: Record<string, unknown> }).def?.shape ??
        {}) as Record<string, unknown>;
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const pk = `INSP#${spare.inspectionId}`;
      const forged = [
        b64({ pk, sk: 'ZZZZ' }),
        b64({ pk, sk: 'TOKEN' }),
        b64({ pk, sk: 'CASE#', extra: 'x' }),
        b64({ pk }),
        b64({ pk: 'INSP#someone-else', sk: 'CASE#A-1' }),
        b64({ [TABLE.gsi1.partitionKey]: 'INSPECTIONS', [TABLE.gsi1.sortKey]: 'zzzz', pk: 'STALE', sk: 'x' }),
        b64({ [TABLE.gsi1.partitionKey]: 'INSPECTIONS', [TABLE.gsi1.sortKey]: '0', pk, sk: 'INSPECTION', x: 'y' }),
        b64({ [TABLE.gsi1.partitionKey]: 'INSPECTIONS' }),
        b64(['pk']),
        b64('pk'),
        b64({ pk: { S: 'x' } }),
      ];
      const values = ['', '%00', 'x'.repeat(2000), '__proto__', '%F0%9F%98%80', '..%2F..', 'csv&format=json', ...forged];
      const cases: { what: string; run: () => Promise<void> }[] = [];
      for (const name of [...Object.keys(shape), '__proto__', 'constructor']) {
        for (const value of values) {
          cases.push({
            what: `?${name}=${value.slice(0, 60)}`,
            run: async () => {
              const res = await send(`${pathFor(route, spare)}?${name}=${value}`, {
                method: route.method,
                headers: sample.headers,
                body: sample.body,
              });
              expectSafeError(res, route, `?${name}=${value.slice(0, 40)}`);
            },
          });
        }
      }
      expect(await failuresOf(cases)).toEqual([]);
    },
    60_000,
  );
});

describe('control and bidirectional characters in strings', () => {
  const NASTY = [
    '\u0000',
    'a\u0007b',
    '\u001b[31mred\u001b[0m',
    'abc\u202Edcba',
    '\u2066isolate\u2069',
    '\uFEFFbom',
    'zero\u200Bwidth',
    'line\r\nbreak',
    '\ud800lone',
    'tab\there',
    '\u0085next',
    '=HYPERLINK("http://x","y")',
    '<script>alert(1)</script>',
    '\u{1F4A9}',
  ];
  it.each(jsonRoutes.map((r) => [key(r), r] as const))(
    '%s: accepted as text or refused as a problem, never a 5xx; anything accepted reads back whole',
    async (_k, route) => {
      const failures = await failuresOf(
        NASTY.map((nasty) => ({
          what: JSON.stringify(nasty),
          run: async () => {
            const sample = sampleRequest(route, spare);
            // Every string value of the valid body (not keys) becomes the nasty string.
            const body = JSON.stringify(JSON.parse(sample.body ?? '{}'), (_k2, v) => (typeof v === 'string' && _k2 !== '' ? `${v}${nasty}` : v));
            const res = await send(pathFor(route, spare), { method: route.method, headers: sample.headers, body });
            expectSafeError(res, route, JSON.stringify(nasty));
          },
        })),
        2,
      );
      expect(failures).toEqual([]);
    },
    60_000,
  );

  it('keeps accepted free text exactly as sent (trimmed), whatever its characters', async () => {
    const failures: string[] = [];
    for (const nasty of NASTY.filter((n) => !/[\ud800-\udfff]/.test(n.replace(/\u{1F4A9}/u, '')))) {
      const strength = `Clear ${nasty} plans`;
      const res = await send(`/inspections/${spare.inspectionId}/leadership/4.2`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grade: 'not-met', strengths: [strength] }),
      });
      if (res.status >= 400) {
        expectSafeError(res, undefined, JSON.stringify(nasty));
        continue;
      }
      const summary = await call(`/inspections/${spare.inspectionId}/aggregate`, { method: 'POST', as: 'staff' });
      const got = summary.json.leadership.find((l: { id: string }) => l.id === '4.2').strengths[0];
      if (got !== strength.trim()) failures.push(`${JSON.stringify(nasty)} came back as ${JSON.stringify(got)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('leaves every read of the spare inspection working (summary, CSV, report)', async () => {
    expect((await call(`/inspections/${spare.inspectionId}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    for (const route of ALL_ROUTES.filter((r) => r.method === 'GET' && r.path.startsWith('/inspections/{id}'))) {
      const res = await send(pathFor(route, spare), { method: 'GET' });
      expectSafeError(res, route, key(route));
      expect(res.status, `${key(route)}: ${res.text.slice(0, 200)}`).toBeLessThan(400);
    }
  });
});

describe('afterwards', () => {
  it('stored nothing: the hostile inspection and its invitations are exactly as before, and the hostile user wrote nothing anywhere', async () => {
    const after = await storedState();
    if (after !== before) {
      const a = JSON.parse(before) as { items: unknown[]; invitations: unknown[] };
      const b = JSON.parse(after) as { items: unknown[]; invitations: unknown[] };
      const keysOf = (items: unknown[]) => items.map((i) => String((i as { sk: string }).sk));
      expect(keysOf(b.items), 'the hostile inspection gained or lost an item').toEqual(keysOf(a.items));
      expect(b.items, 'the hostile inspection changed').toEqual(a.items);
      expect(b.invitations, 'its invitations changed').toEqual(a.invitations);
    }
    expect(after).toBe(before);
    const items = await table.scan();
    // The spare inspection takes the inputs that may be accepted (control characters, unknown query keys).
    // So do the inspections a valid POST /inspections makes when its hostile query is one it may ignore (an unknown key beside a valid request):
    // the sample's area, and nothing else.
    const madeBySample = (i: Record<string, unknown>) => i.entity === 'inspection' && typeof i.area === 'string' && i.area.startsWith('Roles ');
    const written = items.filter((i) => !JSON.stringify(i).includes(spare.inspectionId) && JSON.stringify(i).includes(SUB) && !madeBySample(i));
    expect(
      items.some((i) => JSON.stringify(i).includes(spare.inspectionId) && JSON.stringify(i).includes(SUB)),
      'the search can find what the hostile user wrote',
    ).toBe(true);
    expect(written.map((i) => `${i.pk} ${i.sk}`)).toEqual([]);
  });

  it('polluted nothing: a body missing its required fields is still refused field by field on every JSON route', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const route of jsonRoutes) {
      const expected = z.safeParse((route.body as { schema: z.ZodMiniType }).schema, {});
      if (expected.success) continue;
      const wanted = [...new Set(expected.error.issues.map((i) => i.path.join('.')))].sort();
      const res = await send(pathFor(route, world), { method: route.method, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, key(route)).toBe(400);
      const got = [...new Set((res.json.errors as { path: string }[]).map((e) => e.path))].sort();
      expect(got, key(route)).toEqual(wanted);
    }
    // The pages' and the API's own answers to an empty object stay the same too.
    const inspection = await send('/inspections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(inspection.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['area', 'fieldworkEnd', 'fieldworkStart']);
  });
});

describe('property-based fuzzing through the local server', () => {
  const RUNS = 30;
  const fuzzWorld: World = { inspectionId: '', caseRef: 'F-001', nextToken: () => '', definition: undefined as never };
  beforeAll(async () => {
    await makeWorld(fuzzWorld, 'Fuzz', 200);
  }, 60_000);

  const never5xx = async (route: RouteSpec, path: string, headers: Record<string, string>, body: string | undefined, what: () => string) => {
    const res = await send(path, { method: route.method, headers, body });
    if (res.status >= 500 || (res.status >= 400 && !/^(application\/problem\+json|text\/html)/.test(res.headers.get('content-type') ?? ''))) {
      throw new Error(`${key(route)} ${path.slice(0, 120)} ${what().slice(0, 300)} -> ${res.status} ${res.text.slice(0, 300)}`);
    }
    expectSafeError(res, route, what());
  };

  it.each(jsonRoutes.map((r) => [key(r), r] as const))(
    '%s: arbitrary JSON bodies never cause a 5xx',
    async (_k, route) => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
          const body = JSON.stringify(value);
          await never5xx(route, pathFor(route, fuzzWorld), { 'content-type': 'application/json' }, body, () => body);
        }),
        { numRuns: RUNS },
      );
    },
    60_000,
  );

  it.each(jsonRoutes.map((r) => [key(r), r] as const))(
    '%s: valid bodies with fields replaced, dropped or added never cause a 5xx',
    async (_k, route) => {
      const valid = JSON.parse(sampleRequest(route, fuzzWorld).body ?? '{}') as Record<string, unknown>;
      const fields = Object.keys(valid);
      const mutated = fc.record({
        replace: fc.dictionary(fc.constantFrom(...(fields.length ? fields : ['x'])), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 3 }),
        drop: fc.subarray(fields),
        add: fc.dictionary(fc.string({ maxLength: 70 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 2 }),
        nested: fc.option(fc.tuple(fc.string({ maxLength: 70 }), fc.jsonValue({ maxDepth: 3 }))),
      });
      await fc.assert(
        fc.asyncProperty(mutated, async ({ replace, drop, add, nested }) => {
          const body: Record<string, unknown> = structuredClone(valid);
          for (const f of drop) delete body[f];
          Object.assign(body, replace, add);
          // One level down too: an answer or profile field with an odd key or value.
          if (nested)
            for (const v of Object.values(body))
              if (v && typeof v === 'object' && !Array.isArray(v)) (v as Record<string, unknown>)[nested[0]] = nested[1];
          const text = JSON.stringify(body);
          await never5xx(route, pathFor(route, fuzzWorld), { 'content-type': 'application/json' }, text, () => text);
        }),
        { numRuns: RUNS },
      );
    },
    60_000,
  );

  it.each(ALL_ROUTES.filter((r) => r.body?.kind === 'form').map((r) => [key(r), r] as const))(
    '%s: arbitrary forms never cause a 5xx',
    async (_k, route) => {
      const q = fuzzWorld.definition.questions;
      const field = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('action', ...q.map((x) => x.id)));
      const value = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('save', 'continue', ...q.flatMap((x) => (x.options ?? []).map((o) => o.value))),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 8 }), fc.constantFrom(...q.map((x) => x.id)), async (pairs, questionId) => {
          const body = new URLSearchParams(pairs).toString();
          const path = pathFor(route, fuzzWorld, { questionId, token: fuzzWorld.nextToken(route) });
          await never5xx(route, path, { 'content-type': 'application/x-www-form-urlencoded' }, body, () => body);
        }),
        { numRuns: RUNS },
      );
    },
    60_000,
  );

  it.each(ALL_ROUTES.filter((r) => r.body?.kind === 'csv').map((r) => [key(r), r] as const))(
    '%s: arbitrary CSV never causes a 5xx',
    async (_k, route) => {
      const cell = fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('yes', 'no', 'na', 'community', 'licence', '1.1.1', 'caseRef', 'caseType', '"', ',', '\r\n', 'F-1'),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), async (rows) => {
          const body = rows.map((r) => r.join(',')).join('\r\n');
          await never5xx(route, pathFor(route, fuzzWorld), { 'content-type': 'text/csv' }, body, () => body);
        }),
        { numRuns: RUNS },
      );
    },
    60_000,
  );

  it.each(paramRoutes.map((r) => [key(r), r] as const))(
    '%s: arbitrary path parameters never cause a 5xx',
    async (_k, route) => {
      const params = pathParamsOf(route);
      const sample = sampleRequest(route, fuzzWorld);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...params.map((p) => p.name)),
          fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 80 })),
          async (name, value) => {
            const path = pathFor(route, fuzzWorld, { [name]: encodeURIComponent(value).replace(/\./g, '%2E') });
            await never5xx(route, path, sample.headers, sample.body, () => JSON.stringify(value));
          },
        ),
        { numRuns: 15 },
      );
    },
    60_000,
  );
});

afterAll(() => {
  console.log(`hostile.test.ts: ${requestsTried} hostile and fuzzed requests`);
});
