/**
 * The AWS sign-in (functions/sign-in.ts) invoked as Lambda would invoke it, configured as the
 * CDK stack configures it. Cognito itself is not reachable from here: these check our half of
 * the code + PKCE flow (what goes to Cognito, what comes back) and the cookies.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';

const DOMAIN = 'https://omi-test.auth.eu-west-2.amazoncognito.com';
const CALLBACK = 'https://workbench.example/auth/callback';
const context = { awsRequestId: 'unit', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
type Handler = (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>;
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    OMI_SESSION_SECRET: 'unit-test-session-secret-of-at-least-32-chars',
    OMI_SECURE_COOKIES: '1',
    OMI_OIDC_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abcdefghi',
    OMI_OIDC_DOMAIN: DOMAIN,
    OMI_OIDC_CLIENT_ID: 'client123',
    // Never reached here: every refusal below comes before the table (the state is spent only after it matches).
    TABLE_NAME: 'unit-no-table',
    OMI_CALLBACK_URL: CALLBACK,
    OMI_SIGN_OUT_URL: 'https://workbench.example/',
    LOG_LEVEL: 'error',
  });
  handler = ((await import('#functions/sign-in')) as { handler: Handler }).handler;
});

function event(
  method: string,
  path: string,
  routeKey: string,
  options: { query?: Record<string, string>; cookies?: string[]; body?: string } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    ...(options.cookies ? { cookies: options.cookies } : {}),
    headers: {
      host: 'workbench.example',
      'x-forwarded-proto': 'https',
      ...(options.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    requestContext: {
      requestId: 'unit',
      domainName: 'workbench.example',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' },
      routeKey,
      stage: '$default',
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

describe('GET /sign-in in AWS', () => {
  it("redirects to Cognito's authorize endpoint with the code grant, S256 PKCE and a state, kept in a Secure HttpOnly cookie for the callback only", async () => {
    const res = await handler(event('GET', '/sign-in', 'GET /sign-in', { query: { returnTo: '/workbench/inspections/x' } }), context);
    expect(res.statusCode).toBe(303);
    const url = new URL(res.headers!.location as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${DOMAIN}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: CALLBACK,
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const cookie = res.cookies![0]!;
    expect(cookie).toMatch(/^omi_oauth=[^;]+; Path=\/auth\/callback; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/);
    // The verifier in the cookie is the one the challenge was made from.
    const payload = JSON.parse(Buffer.from(cookie.split('=')[1]!.split(';')[0]!.split('.')[1]!, 'base64url').toString());
    expect(createHash('sha256').update(payload.codeVerifier).digest('base64url')).toBe(url.searchParams.get('code_challenge'));
    expect(payload.state).toBe(url.searchParams.get('state'));
    expect(payload.nonce).toBe(url.searchParams.get('nonce'));
    expect(payload.returnTo).toBe('/workbench/inspections/x');
  });

  it('refuses a callback without the cookie, with another state, or with a forged cookie: 400 page, no session', async () => {
    const start = await handler(event('GET', '/sign-in', 'GET /sign-in'), context);
    const oauth = start.cookies![0]!.split(';')[0]!;
    const state = new URL(start.headers!.location as string).searchParams.get('state')!;
    const forged = `omi_oauth=${oauth.split('=')[1]!.replace(/\.[^.]+$/, '.AAAA')}`;
    for (const [cookies, s] of [
      [[], state],
      [[oauth], 'other-state'],
      [[forged], state],
      [[oauth, oauth], state],
    ] as const) {
      const res = await handler(
        event('GET', '/auth/callback', 'GET /auth/callback', { query: { code: 'c', state: s }, cookies: [...cookies] }),
        context,
      );
      expect(res.statusCode).toBe(400);
      expect(res.headers!['content-type']).toMatch(/^text\/html/);
      expect(res.cookies ?? []).toEqual([]);
    }
  });
});
