/**
 * The authorizer API Gateway runs before any route without a JWT authorizer
 * (functions/origin-authorizer.ts): it lets through only CloudFront's value, the current one and,
 * during a rotation, the previous one; with no value to compare it lets nothing through.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/origin-authorizer';
import { initFile, retireFile, rotateFile } from '#infra/ops/rotate-keys';
import { forgetKeys } from '#http/keys';
import { ORIGIN_VERIFY_ENV, ORIGIN_VERIFY_HEADER } from '#http/origin-verify';

const dir = mkdtempSync(join(tmpdir(), 'omi-authorizer-'));
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  forgetKeys();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allows(value?: string): Promise<boolean> {
  const headers: Record<string, string> = value === undefined ? {} : { [ORIGIN_VERIFY_HEADER]: value };
  const event = {
    version: '2.0',
    type: 'REQUEST',
    routeKey: 'GET /health',
    rawPath: '/health',
    identitySource: value === undefined ? [] : [value],
    headers,
  } as unknown as APIGatewayRequestAuthorizerEventV2;
  const answer = await handler(event);
  expect(Object.keys(answer)).toEqual(['isAuthorized']);
  return answer.isAuthorized;
}

const originRing = (file: string) => JSON.parse(readFileSync(file, 'utf8')).origin as { AWSCURRENT: { key: string } };

describe('the origin authorizer', () => {
  it("allows CloudFront's value only; no other, none, nor a value with more after it", async () => {
    process.env[ORIGIN_VERIFY_ENV] = 'a-value-only-cloudfront-sends-0123456789';
    expect(await allows('a-value-only-cloudfront-sends-0123456789')).toBe(true);
    for (const wrong of [undefined, '', 'guess', 'a-value-only-cloudfront-sends-0123456789x', 'A-VALUE-ONLY-CLOUDFRONT-SENDS-0123456789']) {
      expect(await allows(wrong), String(wrong)).toBe(false);
    }
  });

  it("allows nothing when it has no value to compare with (unlike the functions' check, which locally lets all through)", async () => {
    delete process.env[ORIGIN_VERIFY_ENV];
    delete process.env.OMI_KEYS_FILE;
    expect(await allows('anything')).toBe(false);
    expect(await allows('')).toBe(false);
  });

  it("follows the runbook's rotation: both values after rotate, only the new one after retire", async () => {
    const file = join(dir, `${randomUUID()}.json`);
    initFile(file, ['session', 'origin']);
    Object.assign(process.env, { OMI_KEYS_FILE: file, OMI_KEYS_CACHE_S: '0' });
    const old = originRing(file).AWSCURRENT.key;
    expect(await allows(old)).toBe(true);
    rotateFile(file, 'origin');
    const fresh = originRing(file).AWSCURRENT.key;
    expect(fresh).not.toBe(old);
    expect([await allows(old), await allows(fresh)]).toEqual([true, true]);
    retireFile(file, 'origin');
    expect([await allows(old), await allows(fresh)]).toEqual([false, true]);
  });
});
