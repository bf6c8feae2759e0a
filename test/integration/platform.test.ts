import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { inject } from 'vitest';
import { call, expectProblem } from '#support/api';

const secret = () => new TextEncoder().encode(inject('jwtSecret'));

async function token(claims: Record<string, unknown>, options: { secret?: Uint8Array; issuer?: string; exp?: number } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(options.issuer ?? 'omi-local')
    .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(options.secret ?? secret());
}

describe('the local server', () => {
  it('answers /health without a token, with security headers', async () => {
    const res = await call('/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses /question-bank without a token (401 problem+json) and serves it with one', async () => {
    expectProblem(await call('/question-bank'), 401);
    const ok = await call('/question-bank', { as: 'staff' });
    expect(ok.status).toBe(200);
    expect(ok.json.version).toBe('omi-2008.1');
    expect(ok.json.criteria.length).toBe(20);
  });

  it('answers 404 for an unknown question bank version', async () => {
    const res = expectProblem(await call('/question-bank?version=nope-1', { as: 'inspector' }), 404);
    expect(res.detail).toContain('nope-1');
  });

  it.each([
    ['another secret', () => token({ 'cognito:groups': ['admin'] }, { secret: new TextEncoder().encode('x'.repeat(40)) })],
    ['another issuer', () => token({ 'cognito:groups': ['admin'] }, { issuer: 'evil' })],
    ['an expired token', () => token({ 'cognito:groups': ['admin'] }, { exp: Math.floor(Date.now() / 1000) - 60 })],
    [
      'alg none',
      async () => {
        const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', iss: 'omi-local', 'cognito:groups': ['admin'], exp: 9999999999 })}.`;
      },
    ],
    ['a malformed token', async () => 'not-a-jwt'],
  ])('answers 401 for %s', async (_name, make) => {
    const res = await call('/question-bank', { headers: { authorization: `Bearer ${await make()}` } });
    expectProblem(res, 401);
  });

  it('answers 401 for a tampered payload', async () => {
    const good = await token({ 'cognito:groups': ['staff'] });
    const [h, , s] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'x', iss: 'omi-local', 'cognito:groups': ['admin'], exp: 9999999999 })).toString('base64url');
    expectProblem(await call('/question-bank', { headers: { authorization: `Bearer ${h}.${forged}.${s}` } }), 401);
  });

  it('answers 403 when the token carries no known role', async () => {
    const res = await call('/question-bank', { headers: { authorization: `Bearer ${await token({ 'cognito:groups': ['visitor'] })}` } });
    expectProblem(res, 403);
  });

  it('answers 404 problem+json for an unknown path and 405 for a wrong method', async () => {
    expectProblem(await call('/nothing/here'), 404);
    const res = expectProblem(await call('/health', { method: 'DELETE' }), 405);
    expect(res.status).toBe(405);
  });

  it('serves an OpenAPI 3.1 document covering every route', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const { deployedRoutes } = await import('#shared/routes');
    const { inJsonApi, openApiPath } = await import('#http/openapi');
    // The JSON API only: the pages are HTML for people (test/unit/openapi.test.ts holds the rest).
    for (const route of deployedRoutes().filter(inJsonApi)) {
      expect(res.json.paths[openApiPath(route.path)]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
  });
});
