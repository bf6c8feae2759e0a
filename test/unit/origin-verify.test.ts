/**
 * A request that skipped CloudFront (and so the WAF) is refused by the one middleware stack,
 * before any handler runs; without the setting (locally) nothing is checked.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as health } from '#functions/health';
import { ORIGIN_VERIFY_ENV, ORIGIN_VERIFY_HEADER } from '#http/origin-verify';
import { forgetKeys } from '#http/keys';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const context = { getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const SECRET = 'a-secret-only-cloudfront-knows-0123456789';

function event(routeKey: string, path: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  const [method] = routeKey.split(' ');
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'unit',
      domainName: 'abc.execute-api.eu-west-2.amazonaws.com',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: '' },
      routeKey,
      stage: '$default',
    },
  } as unknown as APIGatewayProxyEventV2;
}

afterEach(() => {
  delete process.env[ORIGIN_VERIFY_ENV];
  forgetKeys();
});

describe('requests that did not come through the edge', () => {
  it('are refused with a problem, whatever the route, when the secret is set', async () => {
    process.env[ORIGIN_VERIFY_ENV] = SECRET;
    for (const headers of [
      {} as Record<string, string>,
      { [ORIGIN_VERIFY_HEADER]: 'guess' },
      { [ORIGIN_VERIFY_HEADER]: `${SECRET}x` },
      { [ORIGIN_VERIFY_HEADER]: '' },
    ]) {
      const res = await (health as Handler)(event('GET /health', '/health', headers), context);
      expect(res.statusCode).toBe(403);
      expect(String(res.headers?.['content-type'])).toContain('application/problem+json');
      expect(String(res.body)).not.toContain(SECRET);
    }
    // A respondent's token route is refused before its token is even looked up (no table here).
    process.env.TABLE_NAME ??= 'no-table-here';
    const questionnaires = ((await import('#functions/questionnaires')) as { handler: Handler }).handler;
    const send = await questionnaires(
      event('POST /questionnaires/{token}/responses', '/questionnaires/abc/responses', { 'content-type': 'application/json' }),
      context,
    );
    expect(send.statusCode).toBe(403);
  });

  it('pass with the right header, and everything passes when no secret is set (the local server)', async () => {
    process.env[ORIGIN_VERIFY_ENV] = SECRET;
    const through = await (health as Handler)(event('GET /health', '/health', { [ORIGIN_VERIFY_HEADER]: SECRET }), context);
    expect(through.statusCode).toBe(200);
    delete process.env[ORIGIN_VERIFY_ENV];
    forgetKeys();
    const local = await (health as Handler)(event('GET /health', '/health'), context);
    expect(local.statusCode).toBe(200);
  });
});
