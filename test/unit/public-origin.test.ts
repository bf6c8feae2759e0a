/**
 * Links handed to respondents and report readers (functions/invitations.ts, functions/report.ts)
 * take their origin from publicOrigin. With PUBLIC_BASE_URL set, as the CDK app sets it, a
 * forged Host or X-Forwarded-Proto cannot move them to another site.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { publicOrigin } from '#http/request';

function event(headers: Record<string, string>, domainName = 'abc123.execute-api.eu-west-2.amazonaws.com'): APIGatewayProxyEventV2 {
  return { headers, requestContext: { domainName } } as unknown as APIGatewayProxyEventV2;
}

afterEach(() => {
  delete process.env.PUBLIC_BASE_URL;
});

describe('publicOrigin', () => {
  it('follows the Host header when PUBLIC_BASE_URL is not set (npm start)', () => {
    expect(publicOrigin(event({ host: 'localhost:3000' }))).toBe('http://localhost:3000');
    expect(publicOrigin(event({ host: 'evil.example' }))).toBe('https://evil.example');
  });

  it('ignores a forged Host, X-Forwarded-Proto and domain name when PUBLIC_BASE_URL is set', () => {
    process.env.PUBLIC_BASE_URL = 'https://feedback.justiceinspectorates.example/';
    const forged: Record<string, string>[] = [{ host: 'evil.example' }, { host: 'evil.example', 'x-forwarded-proto': 'http' }, {}];
    for (const headers of forged) {
      expect(publicOrigin(event(headers, 'evil.example'))).toBe('https://feedback.justiceinspectorates.example');
    }
  });

  it('refuses a PUBLIC_BASE_URL that is not an https URL (plain http only on loopback)', () => {
    process.env.PUBLIC_BASE_URL = 'feedback.example';
    expect(() => publicOrigin(event({ host: 'x.example' }))).toThrow(/not a URL/);
    process.env.PUBLIC_BASE_URL = 'http://feedback.example';
    expect(() => publicOrigin(event({ host: 'x.example' }))).toThrow(/https/);
    process.env.PUBLIC_BASE_URL = 'http://localhost:3000';
    expect(publicOrigin(event({ host: 'evil.example' }))).toBe('http://localhost:3000');
  });

  it('is where both link-issuing handlers get their origin', () => {
    for (const fn of ['invitations', 'report']) {
      const code = readFileSync(new URL(`../../functions/${fn}.ts`, import.meta.url), 'utf8');
      expect(code, fn).toMatch(/publicOrigin\(event\)/);
      expect(code, fn).not.toMatch(/headers\.host|headers\['host'\]|domainName/);
    }
  });
});
