/**
 * Issue 18, item 7: every answer of every route of the table carries the security headers,
 * errors included (middy runs error middlewares in reverse order of registration, so the
 * headers were once added before the problem+json response existed). For each route: its
 * success, and every error status we can provoke from outside (401, 403, 404, 413, 415, 400).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '#core/roles';
import type { RouteSpec } from '#shared/routes';
import { baseUrl, tokenFor, type CallResult } from '#support/api';
import { call } from '#support/api';
import { createInspection, makeCase, makeRelease } from '#support/fixtures';
import {
  ALL_ROUTES,
  fillPath,
  paramValues,
  pathParamsOf,
  prepareMeetingAndPlan,
  rawRequest,
  routeKeyOf,
  ROLES,
  sampleRequest,
  tableAt,
  validAnswers,
  type World,
} from '#support/hostile';
import { keys } from '#store/keys';

const world: World = { inspectionId: '', caseRef: 'EH-001', nextToken: () => '', definition: undefined as never };
const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

beforeAll(async () => {
  world.inspectionId = await createInspection('Headers');
  expect(
    (await call(`/inspections/${world.inspectionId}/cases/${world.caseRef}`, { method: 'PUT', as: 'inspector', json: makeCase('community', 5) }))
      .status,
  ).toBe(201);
  // A finished case no route's sample request replaces: the releases need one to release.
  expect(
    (await call(`/inspections/${world.inspectionId}/cases/EH-KEPT-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 6) })).status,
  ).toBe(201);
  const inv = await call(`/inspections/${world.inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 40 } });
  expect(inv.status).toBe(201);
  const tokens: string[] = inv.json.invitations.map((i: { token: string }) => i.token);
  world.batchId = inv.json.batchId;
  world.definition = (await call(`/questionnaires/${tokens[0]}`)).json;
  expect((await call(`/inspections/${world.inspectionId}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
  world.releaseId = await makeRelease(world.inspectionId);
  await prepareMeetingAndPlan(world);
  const link = await call(`/inspections/${world.inspectionId}/report-links`, { method: 'POST', as: 'staff' });
  const reportToken = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
  let n = 1;
  world.nextToken = (route) => (route.path.startsWith('/reports/') ? reportToken : tokens[n++]!);
});

const ALWAYS = ['x-content-type-options', 'referrer-policy', 'strict-transport-security', 'x-frame-options'];

function expectHeaders(res: CallResult, what: string) {
  const label = `${what} -> ${res.status}`;
  for (const name of ALWAYS) expect(res.headers.get(name), `${label}: ${name}`).toBeTruthy();
  expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), label).toBe('DENY');
  if (res.status >= 400) expect(res.headers.get('cache-control'), label).toBe('no-store');
}

const roleFor = (route: RouteSpec): Role | undefined => (Array.isArray(route.access) ? (route.access as Role[])[0] : undefined);

async function send(route: RouteSpec, options: { path?: string; role?: Role | null; headers?: Record<string, string>; body?: string }) {
  const sample = sampleRequest(route, world);
  const headers = { ...sample.headers, ...(options.headers ?? {}) };
  const role = options.role === undefined ? roleFor(route) : options.role;
  if (role) headers.authorization = `Bearer ${await tokenFor(role)}`;
  return rawRequest(baseUrl(), options.path ?? sample.path, { method: route.method, headers, body: options.body ?? sample.body });
}

describe('security headers on every status of every route', () => {
  for (const route of ALL_ROUTES) {
    const key = routeKeyOf(route);
    it(key, async () => {
      const statuses = new Set<number>();
      const check = (res: CallResult, what: string) => {
        expectHeaders(res, `${key} ${what}`);
        statuses.add(res.status);
        return res;
      };

      let path: string | undefined;
      if (key === 'POST /q/{token}/check') {
        // Sending needs a complete draft first.
        const token = world.nextToken(route);
        for (const [id, answer] of Object.entries(validAnswers(world.definition))) {
          const form = new URLSearchParams({ action: 'continue' });
          for (const v of Array.isArray(answer) ? answer : [answer as string]) form.append(id, v);
          const saved = await call(`/q/${token}/${id}`, { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
          expect(saved.status, saved.text.slice(0, 200)).toBe(303);
        }
        path = `/q/${token}/check`;
      }
      // An inspection of its own, with no release: deleting the world's would be refused (it has one), and would end the world.
      if (key === 'DELETE /inspections/{id}') path = `/inspections/${await createInspection('Headers delete')}`;
      if (key === 'DELETE /inspections/{id}/report-links/{linkId}') {
        const link = await call(`/inspections/${world.inspectionId}/report-links`, { method: 'POST', as: 'staff' });
        path = `/inspections/${world.inspectionId}/report-links/${link.json.id}`;
      }
      if (key === 'POST /inspections/{id}/invitations/{batchId}/sent') {
        // A batch of its own: the world's stays downloadable for the route that downloads it.
        const inv = await call(`/inspections/${world.inspectionId}/invitations`, {
          as: 'admin',
          json: { audience: 'victim', language: 'en', count: 1 },
        });
        path = `/inspections/${world.inspectionId}/invitations/${inv.json.batchId}/sent`;
      }
      let body: string | undefined;
      if (key === 'PUT /inspections/{id}/cases/{caseRef}/second-marking') {
        // A second marking needs a first one by somebody else (the admin here; the inspector marks second).
        const first = await call(`/inspections/${world.inspectionId}/cases/EH-2M-1`, {
          method: 'PUT',
          as: 'admin',
          json: { profile: { caseType: 'community' }, answers: {} },
        });
        expect(first.status, first.text.slice(0, 200)).toBeLessThan(300);
        path = `/inspections/${world.inspectionId}/cases/EH-2M-1/second-marking`;
        body = JSON.stringify({ answers: {} });
      }
      if (key === 'POST /inspections/{id}/paper-responses') {
        // A paper return needs a reference of an invitation nobody has answered yet.
        const inv = await call(`/inspections/${world.inspectionId}/invitations`, {
          as: 'admin',
          json: { audience: 'victim', language: 'en', count: 1 },
        });
        body = JSON.stringify({ reference: inv.json.invitations[0].reference, answers: validAnswers(world.definition) });
      }
      let headers: Record<string, string> | undefined;
      // Only a closed inspection can be reopened: a final release closes it first.
      if (key === 'POST /inspections/{id}/reopen') await makeRelease(world.inspectionId, 'final');
      // Only an interrupted release can be finished or undone: the state a crash leaves, written into the table.
      if (key === 'POST /inspections/{id}/releases/recover') {
        const transition = {
          id: 'dead',
          kind: 'factual-accuracy',
          releaseId: '20260101T000000000Z-eeeeee',
          startedAt: new Date().toISOString(),
          startedBy: 'test',
          expiresAt: Date.now() - 1,
        };
        await table.db.send(
          new UpdateCommand({
            TableName: inject('tableName'),
            Key: keys.inspection(world.inspectionId),
            UpdateExpression: 'SET #t = :t',
            ExpressionAttributeNames: { '#t': 'transition' },
            ExpressionAttributeValues: { ':t': transition },
          }),
        );
        body = JSON.stringify({ action: 'undo' });
      }
      if (key === 'PUT /inspections/{id}/improvement-plan') {
        // As the write-up: a replacement names the version it replaces.
        const current = await call(`/inspections/${world.published!.inspectionId}/improvement-plan`, { as: 'staff' });
        headers = { 'if-match': current.headers.get('etag')! };
        body = JSON.stringify({ actions: [] });
      }
      if (key === 'PUT /inspections/{id}/write-up') {
        // A replacement names the version it replaces.
        const current = await call(`/inspections/${world.inspectionId}/write-up`, { as: 'staff' });
        headers = { 'if-match': current.headers.get('etag')! };
        body = JSON.stringify({ summary: [], criteria: {}, recommendations: [], goodPractice: [] });
      }
      if (key === 'PUT /inspections/{id}/write-up/sections/{sectionId}') {
        // A section's save names the version of that section it replaces.
        const listed = await call(`/inspections/${world.inspectionId}/write-up/sections`, { as: 'staff' });
        path = `/inspections/${world.inspectionId}/write-up/sections/summary`;
        body = JSON.stringify({ expectedVersion: listed.json.sections[0].version, content: [] });
      }
      const ok = check(await send(route, { path, body, headers }), 'success');
      expect(ok.status, `${key} success: ${ok.text.slice(0, 200)}`).toBeLessThan(400);

      const roles = Array.isArray(route.access) ? (route.access as Role[]) : undefined;
      if (roles) {
        expect(check(await send(route, { role: null }), 'no token').status).toBe(401);
        const other = ROLES.find((r) => !roles.includes(r));
        if (other) expect(check(await send(route, { role: other }), `as ${other}`).status).toBe(403);
      }
      if (route.body) {
        expect(check(await send(route, { headers: { 'content-type': 'text/plain' } }), 'wrong content type').status).toBe(415);
        const limit = route.maxBodyBytes ?? 256 * 1024;
        expect(check(await send(route, { body: 'x'.repeat(limit + 1) }), 'too large').status).toBe(413);
      }
      if (route.body?.kind === 'json')
        expect(check(await send(route, { body: '{', headers: { 'content-type': 'application/json' } }), 'not JSON').status).toBe(400);
      const params = pathParamsOf(route);
      if (params.length) {
        const values = paramValues(route, world, 'AAAAAAAAAAAAAAAAAAAAAA');
        const unknown: Record<string, string> = {};
        for (const { name } of params)
          unknown[name] =
            name === 'path'
              ? 'no/such/file.css'
              : name === 'id'
                ? 'no-such-inspection'
                : name === 'jobId'
                  ? 'no-such-job'
                  : encodeURIComponent(values[name] ?? 'x');
        const res = check(await send(route, { path: fillPath(route, unknown) }), 'unknown id or token');
        expect(res.status, `${key} unknown: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      }
      // The statements refuse a language they are not written in.
      if (route.path === '/accessibility' || route.path === '/privacy')
        expect(check(await send(route, { path: `${route.path}?lang=fr` }), 'unknown language').status).toBe(400);
      if (route.path === '/health' || route.path === '/openapi.json' || route.path === '/report.css') return; // nothing to refuse
      expect(
        [...statuses].some((s) => s >= 400),
        `${key}: no error status provoked`,
      ).toBe(true);
    });
  }
});
