/**
 * Helpers for the security and reliability suites (issue 7): requests built FROM the route
 * table (so a route added later is covered without touching the tests), a raw HTTP client
 * that sends paths exactly as written (fetch would normalise `../`), a client for a
 * separately started server, and direct table reads.
 */
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect, inject } from 'vitest';
import { keys } from '#store/keys';
import { signLocalToken } from '#infra/local/jwt';
import { ROLES, type Role } from '#core/roles';
import { routes, routeKeyOf, type RouteSpec } from '#shared/routes';
import { isAsked } from '#questionnaires/routing';
import type { Answers, QuestionnaireDefinition } from '#schemas/questionnaire';
import { call, send, type CallOptions, type CallResult } from './api';
import { makeCase } from './fixtures';

/**
 * The JSON API and the respondents' token routes. The workbench's pages (`auth: 'session'`)
 * take a cookie, not a bearer token, and answer people with redirects and HTML pages; their
 * own matrix, generated from the same table, is in test/integration/workbench.test.ts, and
 * test/security/page-roles.test.ts checks them against rules written apart from the table.
 */
export const ALL_ROUTES: readonly RouteSpec[] = (routes as readonly RouteSpec[]).filter((r) => r.auth !== 'session');
export { ROLES, routeKeyOf };

/** Routes that need no credentials at all. Anything else 'public' is a mistake: see roles.test.ts. */
// The statements every respondent page links to (contract: "/accessibility and /privacy (public, ?lang=cy)").
export const PUBLIC_ALLOW_LIST = ['GET /health', 'GET /openapi.json', 'GET /robots.txt', 'GET /favicon.ico', 'GET /accessibility', 'GET /privacy'];
/** GOV.UK Frontend's files under /assets/, and a page's own static file at the root (e.g. /report.css). */
export const isPageAssetRoute = (route: { method: string; path: string }) =>
  route.method === 'GET' && (route.path.startsWith('/assets/') || /^\/[\w-]+\.(css|js|mjs|ico|png|svg|woff2?)$/.test(route.path));

/** What is wrong with a route's role rule; empty when it is sound. */
export function accessProblems(route: { method: string; path: string; access?: unknown }): string[] {
  const key = `${route.method} ${route.path}`;
  const access = route.access;
  if (access === 'token') {
    return /\{token\}/.test(route.path) ? [] : [`${key}: 'token' access but no {token} in the path, so it would be open to anyone`];
  }
  if (access === 'public') {
    return PUBLIC_ALLOW_LIST.includes(key) || isPageAssetRoute(route as RouteSpec)
      ? []
      : [`${key}: 'public' is only for ${PUBLIC_ALLOW_LIST.join(', ')} and page assets`];
  }
  if (!Array.isArray(access)) return [`${key}: no role rule (access is ${JSON.stringify(access)})`];
  if (access.length === 0) return [`${key}: an empty role list (nobody, or everybody, depending on who reads it)`];
  const unknown = access.filter((r) => !(ROLES as readonly unknown[]).includes(r));
  return unknown.length ? [`${key}: unknown roles ${unknown.join(', ')}`] : [];
}

export const pathParamsOf = (route: RouteSpec): { name: string; greedy: boolean }[] =>
  [...route.path.matchAll(/\{(\w+)(\+?)\}/g)].map((m) => ({ name: m[1]!, greedy: m[2] === '+' }));

/**
 * Fills a route's path. Values are used exactly as given (already encoded), so hostile tests
 * can send `%00` or `..` as they mean them; `encode` encodes plain values.
 */
export function fillPath(route: RouteSpec, values: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${route.path}`);
    return v;
  });
}

/** Routes whose errors may be HTML pages for a person (the questionnaire pages, the report). */
export function mayAnswerHtml(route: RouteSpec | undefined): boolean {
  if (!route) return false;
  return (
    route.path.startsWith('/q/') ||
    route.path.startsWith('/reports') ||
    /\/report(\.html)?$/.test(route.path) ||
    route.response?.contentType === 'text/html'
  );
}

/**
 * Never a 5xx; an error is problem+json (or, on a page route, an HTML page); never a stack
 * trace. Returns the result for chaining.
 */
export function expectSafeError(res: CallResult, route: RouteSpec | undefined, what: string): CallResult {
  const label = `${what} -> ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, label).toBeLessThan(500);
  expect(res.status, label).toBeGreaterThanOrEqual(200);
  expect(res.text, label).not.toMatch(/\n\s+at [^\n]+\(?[^\n]*:\d+:\d+\)?/);
  if (res.status >= 400) {
    const type = res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      expect(mayAnswerHtml(route), `${label}: HTML error from a non-page route`).toBe(true);
    } else {
      expect(type, label).toMatch(/^application\/problem\+json/);
      const p = res.json;
      expect(p, label).toMatchObject({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) });
      expect(Array.isArray(p.errors), label).toBe(true);
    }
  }
  return res;
}

export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  localAddress?: string;
  timeoutMs?: number;
}

/** One request with the path sent byte for byte as given. */
export function rawRequest(base: string, path: string, options: RawOptions = {}): Promise<CallResult> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    let responded = false;
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path, headers, localAddress: options.localAddress, agent: false },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: h, text, json });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error(`timeout ${path.slice(0, 100)}`)));
    // A server may answer (413) and close before a large body is all sent, as API Gateway does:
    // the client then sees EPIPE on its write, but the answer is there to read.
    req.on('error', (error) => setTimeout(() => (responded ? undefined : reject(error)), 500));
    req.end(options.body);
  });
}

/** A `call` for a server started with startLocalServer: same shape as test/support/api's. */
export function clientFor(base: string, jwtSecret: string) {
  const tokens = new Map<string, Promise<string>>();
  const token = (roles: Role[], sub = `t7-${roles.join('-')}`) => {
    const key = `${sub} ${roles.join(' ')}`;
    let t = tokens.get(key);
    if (!t) tokens.set(key, (t = signLocalToken(jwtSecret, sub, roles)));
    return t;
  };
  async function call(path: string, options: CallOptions = {}): Promise<CallResult> {
    const roles = options.as ? (Array.isArray(options.as) ? options.as : [options.as]) : undefined;
    return send(base + path, options, roles ? `Bearer ${await token(roles)}` : undefined);
  }
  return { call, token };
}

/** The document client for a DynamoDB Local endpoint. */
export function tableAt(endpoint: string, table: string) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 2,
  });
  const db = DynamoDBDocumentClient.from(client);
  return {
    db,
    destroy: () => client.destroy(),
    /** Every item of a partition (optionally under an sk prefix), read consistently. */
    async partition(pk: string, prefix = ''): Promise<Record<string, any>[]> {
      const out: Record<string, any>[] = [];
      let ExclusiveStartKey: Record<string, any> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
            ExpressionAttributeValues: prefix ? { ':pk': pk, ':p': prefix } : { ':pk': pk },
            ConsistentRead: true,
            ExclusiveStartKey,
          }),
        );
        out.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return out;
    },
    /** The whole table (fine in a test, never in the product). */
    async scan(): Promise<Record<string, any>[]> {
      const out: Record<string, any>[] = [];
      let ExclusiveStartKey: Record<string, any> | undefined;
      do {
        const page = await db.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey }));
        out.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return out;
    },
  };
}

/** A complete, valid set of answers; `text` for every text question. */
export function validAnswers(def: QuestionnaireDefinition, text = 'Helpful staff.', pick = 0): Answers {
  // Routing: only the questions these answers ask (a hidden question answered is a 400).
  const answers: Answers = {};
  for (const q of def.questions) {
    if (!isAsked(def, q.id, answers)) continue;
    if (q.type === 'text') answers[q.id] = text;
    else {
      const options = (q.options ?? []).filter((o) => !(q.exclusive ?? []).includes(o.value) || q.type !== 'multi-choice');
      const o = options[pick % options.length]!;
      answers[q.id] = q.type === 'multi-choice' ? [o.value] : o.value;
    }
  }
  return answers;
}

/** Everything a request to any route of the table needs: ids that exist, a token that works. */
export interface World {
  inspectionId: string;
  caseRef: string;
  /**
   * A token for this route: a fresh, unused questionnaire token, or a report link's for
   * /reports/. A route with a new kind of token in its path needs teaching here.
   */
  nextToken: (route: RouteSpec) => string;
  definition: QuestionnaireDefinition;
  /** A release of the inspection, for the routes that open one. */
  releaseId?: string;
  /** A batch of invitations of the inspection, for downloading its links again. */
  batchId?: string;
  /** A finished job about the inspection, for GET /jobs/{jobId}. */
  jobId?: string;
  /** A meeting of the inspection, for the routes that open one. */
  meetingId?: string;
  /** An inspection with a final release and its plan annex: the improvement plan's routes answer a final release. */
  published?: { inspectionId: string; releaseId: string };
}

/**
 * What the meetings' and the improvement plan's routes need to be served (issue 29): a
 * meeting in the world's inspection, and another inspection published (a case, a final
 * release, its plan annex), which the world's own must not be: a final release closes it.
 */
export async function prepareMeetingAndPlan(world: World): Promise<void> {
  const meeting = { kind: 'interview', audience: 'victim', people: 1, date: '2007-11-07', criteria: ['2.3'], findings: ['Satisfied.'], quotes: [] };
  const put = await call(`/inspections/${world.inspectionId}/meetings/x1`, { method: 'PUT', as: 'inspector', json: meeting });
  expect(put.status, put.text.slice(0, 200)).toBeLessThan(300);
  world.meetingId = 'x1';
  // Three suites make one each on the shared server: an area has one inspection for the same weeks, so each its own name.
  const area = `Published ${randomUUID().slice(0, 6)}`;
  const made = await call('/inspections', { as: 'admin', json: { area, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } });
  const inspectionId = made.json.inspectionId as string;
  expect((await call(`/inspections/${inspectionId}/cases/P-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
  const release = await call(`/inspections/${inspectionId}/releases`, { as: 'admin', json: { kind: 'final', confirm: area } });
  expect(release.status, release.text.slice(0, 200)).toBe(201);
  const releaseId = release.json.releaseId as string;
  expect((await call(`/inspections/${inspectionId}/releases/${releaseId}/improvement-plan`, { method: 'POST', as: 'admin' })).status).toBe(201);
  world.published = { inspectionId, releaseId };
  // A job as the worker leaves it (a real one needs an inspection of hundreds of cases: test/integration/jobs.test.ts makes those).
  const jobId = randomUUID();
  const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
  await table.db.send(
    new PutCommand({
      TableName: inject('tableName'),
      Item: {
        ...keys.job(jobId),
        entity: 'job',
        jobId,
        kind: 'release',
        inspectionId,
        status: 'done',
        doing: 'Made the final release.',
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
        startedBy: 'test-admin',
        payload: {},
        result: { releaseId, kind: 'final', createdAt: new Date().toISOString() },
      },
    }),
  );
  table.destroy();
  world.jobId = jobId;
}

export interface SampleRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** True when the table's own engineers' sample is known to succeed for an allowed caller. */
  known: boolean;
}

/** A sensible value for each path parameter name; unknown names get a harmless placeholder. */
export function paramValues(route: RouteSpec, world: World, token?: string): Record<string, string> {
  const textQuestion = world.definition.questions.find((q) => q.type === 'text') ?? world.definition.questions[0]!;
  if (token === undefined && pathParamsOf(route).some((p) => p.name === 'token')) token = world.nextToken(route);
  const published = route.path.includes('/improvement-plan') ? world.published : undefined;
  return {
    id: published?.inspectionId ?? world.inspectionId,
    inspectionId: world.inspectionId,
    caseRef: world.caseRef,
    criterionId: route.path.includes('/leadership/') ? '4.1' : '1.1',
    token: token ?? 'AAAAAAAAAAAAAAAAAAAAAA',
    questionId: textQuestion.id,
    path: 'css/govuk-frontend.min.css',
    releaseId: published?.releaseId ?? world.releaseId ?? '20260101T000000000Z-000000',
    meetingId: world.meetingId ?? 'x1',
    resource: 'cases.csv',
    jobId: world.jobId ?? '00000000-0000-0000-0000-000000000000',
    batchFile: `${world.batchId ?? 'no-such-batch'}.csv`,
    // Never the world's batch: marking it sent would end its downloads for the routes after.
    batchId: 'no-such-batch',
  };
}

/** A well-formed request for a route (valid body where the route is one we know). */
export function sampleRequest(route: RouteSpec, world: World, token?: string): SampleRequest {
  const values = paramValues(route, world, token);
  const filled: Record<string, string> = {};
  for (const { name, greedy } of pathParamsOf(route)) filled[name] = greedy ? (values[name] ?? 'x1') : encodeURIComponent(values[name] ?? 'x1');
  const path = fillPath(route, filled);
  const key = routeKeyOf(route);
  const textQuestion = world.definition.questions.find((q) => q.type === 'text') ?? world.definition.questions[0]!;
  const json = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
  const bodies: Record<string, { headers: Record<string, string>; body?: string }> = {
    // Each its own area: one area has one inspection for the same weeks of fieldwork.
    'POST /inspections': json({ area: `Roles ${randomUUID().slice(0, 6)}`, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' }),
    'PUT /inspections/{id}/cases/{caseRef}': json(makeCase('community', 3)),
    'POST /inspections/{id}/cases': { headers: { 'content-type': 'text/csv' }, body: `caseRef,caseType,1.1.1\r\n${world.caseRef},community,yes\r\n` },
    'PUT /inspections/{id}/leadership/{criterionId}': json({ grade: 'partly-met', strengths: ['Clear plans'], improvements: [] }),
    'PUT /inspections/{id}/interviews/{caseRef}': json({ answers: { 'om.informed': 'yes', 'om.role': 'no' } }),
    'PUT /inspections/{id}/performance-figures': {
      headers: { 'content-type': 'text/csv' },
      body: 'measure,target,area,national,period\r\nVictim contact,85%,98%,93%,2007 Q2\r\n',
    },
    'PUT /inspections/{id}/context': json({ caseload: 100, byGender: { male: 90, female: 10 } }),
    'PUT /inspections/{id}/conclusions/{criterionId}': json({ band: 'priority', text: 'Plans were mostly clear.' }),
    'PUT /inspections/{id}/meetings/{meetingId}': json({
      kind: 'group',
      audience: 'offender',
      people: 3,
      date: '2007-11-06',
      criteria: ['2.3'],
      findings: ['They spoke well of their offender managers.'],
      quotes: [],
    }),
    'POST /inspections/{id}/releases': json({ kind: 'factual-accuracy' }),
    'POST /inspections/{id}/invitations': json({ audience: 'victim', language: 'en', count: 1 }),
    'POST /questionnaires/{token}/responses': json({ answers: validAnswers(world.definition) }),
    'POST /inspections/{id}/report-links': { headers: {} },
    'POST /q/{token}': { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=continue' },
    'POST /q/{token}/{questionId}': {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [textQuestion.id]: 'Fine.', action: 'continue' }).toString(),
    },
    'POST /q/{token}/check': { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=send' },
  };
  const known = key in bodies || (!route.body && route.method === 'GET');
  let spec = bodies[key];
  if (!spec && route.body) {
    spec =
      route.body.kind === 'json'
        ? json({})
        : route.body.kind === 'csv'
          ? { headers: { 'content-type': 'text/csv' }, body: 'caseRef\r\n' }
          : { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=continue' };
  }
  return { path, method: route.method, headers: spec?.headers ?? {}, body: spec?.body, known };
}

/** Runs `fn` over `items`, `limit` at a time, keeping order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
