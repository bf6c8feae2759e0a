import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import awsExample from '../events/http-api-v2.json';
import scheduledExample from '../events/eventbridge-scheduled.json';
import { toApiGatewayEvent } from '#infra/local/adapter';
import { scheduledEvent } from '#infra/local/events';
import { matchRoute } from '#infra/local/router';
import { claimsAsApiGateway } from '#infra/local/jwt';
import { parseGroups } from '#http/auth';

/** Sends one raw request to a throwaway server and returns the event our adapter built for it. */
async function eventFor(options: { method: string; path: string; headers: Record<string, string | string[]>; body?: Buffer }) {
  let captured: APIGatewayProxyEventV2 | undefined;
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const lookup = matchRoute(req.method!, new URL(req.url!, 'http://x').pathname);
    if (lookup.kind !== 'match') throw new Error('no match');
    captured = toApiGatewayEvent({
      req,
      body: Buffer.concat(chunks),
      match: lookup.match,
      claims: claimsAsApiGateway({ sub: 'u1', 'cognito:groups': ['admin', 'staff'], exp: 1 }),
      requestId: 'rid',
    });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(options.body);
  });
  server.close();
  return captured!;
}

const MAPS = new Set(['headers', 'claims', 'queryStringParameters', 'pathParameters']);

/** The shape of a value: the same keys (recursively) and the same JSON types; maps by their value type. */
function shape(value: unknown, name = ''): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object') {
    if (MAPS.has(name)) return `map of ${[...new Set(Object.values(value).map((v) => typeof v))].join('|')}`;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k], k)]),
    );
  }
  return typeof value;
}

describe('the local API Gateway adapter', () => {
  it('builds events with the same shape as the documented payload 2.0 example', async () => {
    const event = await eventFor({
      method: 'GET',
      path: '/question-bank?parameter1=value1&parameter1=value2&parameter2=value',
      headers: { Header1: 'value1', Cookie: 'cookie1=a; cookie2=b', 'User-Agent': 'agent' },
    });
    const expected = structuredClone(awsExample) as Record<string, any>;
    // Fields our adapter leaves out when empty, as API Gateway does: no body on a GET, no stage variables.
    delete expected.body;
    delete expected.stageVariables;
    delete expected.pathParameters;
    // A Cognito ID token carries no scope claim, and the authorizer then passes scopes as null.
    expected.requestContext.authorizer.jwt.scopes = null;
    expect(shape(event)).toEqual(shape(expected));
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /question-bank');
    expect(event.requestContext.routeKey).toBe('GET /question-bank');
    expect(event.rawQueryString).toBe('parameter1=value1&parameter1=value2&parameter2=value');
    expect(event.queryStringParameters).toEqual({ parameter1: 'value1,value2', parameter2: 'value' });
    expect(event.cookies).toEqual(['cookie1=a', 'cookie2=b']);
    expect(event.headers.header1).toBe('value1');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  });

  it('joins repeated headers with commas and lower-cases their names', async () => {
    const event = await eventFor({ method: 'GET', path: '/health', headers: { 'X-Multi': ['a', 'b'] } });
    expect(event.headers['x-multi']).toBe('a,b');
  });

  it('passes text bodies as text and binary bodies as base64', async () => {
    const text = await eventFor({
      method: 'POST',
      path: '/inspections',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"a":1}'),
    });
    expect(text.isBase64Encoded).toBe(false);
    expect(text.body).toBe('{"a":1}');
    const bytes = Buffer.from([0, 255, 10, 13]);
    const binary = await eventFor({ method: 'POST', path: '/inspections', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect(binary.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.body!, 'base64')).toEqual(bytes);
  });

  it('flattens array claims the way the JWT authorizer does, and the handlers read both forms', async () => {
    const event = await eventFor({ method: 'GET', path: '/health', headers: {} });
    const claims = (event.requestContext as any).authorizer.jwt.claims;
    expect(claims['cognito:groups']).toBe('[admin staff]');
    expect(claims.exp).toBe('1');
    expect(parseGroups(claims['cognito:groups'])).toEqual(['admin', 'staff']);
    expect(parseGroups(['inspector', 'nobody'])).toEqual(['inspector']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('builds scheduled events with the documented EventBridge shape', () => {
    expect(shape(scheduledEvent('aggregate'))).toEqual(shape(scheduledExample));
  });
});

describe('the local router', () => {
  it('matches literal paths, reports allowed methods, and decodes parameters', () => {
    expect(matchRoute('GET', '/health').kind).toBe('match');
    const wrong = matchRoute('PUT', '/health');
    expect(wrong).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
    expect(matchRoute('GET', '/nope').kind).toBe('not-found');
  });
});
