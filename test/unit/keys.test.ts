/**
 * The key provider (shared/http/keys.ts) and the rotation steps (infra/ops/rotate-keys.ts):
 * through the local keys file, and through the real Secrets Manager client against a stand-in
 * that keeps versions and staging labels as Secrets Manager documents (PutSecretValue moves
 * AWSCURRENT and AWSPREVIOUS; a missing label is ResourceNotFoundException).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as health } from '#functions/health';
import { initFile, keyMadeAt, retireFile, retireSecret, rotateFile, rotateSecret } from '#infra/ops/rotate-keys';
import { currentSigningKey, forgetKeys, invitationKeys, KEY_ARN_ENV, originSecrets, verificationKeys } from '#http/keys';
import { ORIGIN_VERIFY_HEADER } from '#http/origin-verify';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const context = { getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const dir = mkdtempSync(join(tmpdir(), 'omi-keys-'));
const saved = { ...process.env };

function healthWith(value?: string) {
  const headers: Record<string, string> = value === undefined ? {} : { [ORIGIN_VERIFY_HEADER]: value };
  const event = {
    version: '2.0',
    routeKey: 'GET /health',
    rawPath: '/health',
    rawQueryString: '',
    headers,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'unit',
      http: { method: 'GET', path: '/health', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: '' },
      routeKey: 'GET /health',
      stage: '$default',
    },
  } as unknown as APIGatewayProxyEventV2;
  return (health as Handler)(event, context).then((r) => r.statusCode);
}

const fileRing = (file: string, name: 'session' | 'origin') =>
  JSON.parse(readFileSync(file, 'utf8'))[name] as { AWSCURRENT: { kid: string; key: string }; AWSPREVIOUS?: { kid: string; key: string } };

afterEach(() => {
  process.env = { ...saved };
  forgetKeys();
  vi.useRealTimers();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local keys file', () => {
  it("origin: rotate, both values pass; retire, the old one is refused (the runbook's steps)", async () => {
    const file = join(dir, `${randomUUID()}.json`);
    initFile(file, ['session', 'origin']);
    Object.assign(process.env, { OMI_KEYS_FILE: file, OMI_KEYS_CACHE_S: '0' });
    const old = fileRing(file, 'origin').AWSCURRENT.key;
    expect(await healthWith(old)).toBe(200);
    expect(await healthWith()).toBe(403);
    expect(await healthWith('guess')).toBe(403);

    rotateFile(file, 'origin');
    const fresh = fileRing(file, 'origin').AWSCURRENT.key;
    // The overlap: CloudFront may still send the old value, or already the new one.
    expect(await healthWith(old)).toBe(200);
    expect(await healthWith(fresh)).toBe(200);
    // A second rotation inside the overlap would drop a value still in use.
    expect(() => rotateFile(file, 'origin')).toThrow(/retire it first/);

    retireFile(file, 'origin');
    expect(await healthWith(old)).toBe(403);
    expect(await healthWith(fresh)).toBe(200);
  });

  it('session: signs with the current key, checks with current and previous, each known by its kid', async () => {
    const file = join(dir, `${randomUUID()}.json`);
    initFile(file);
    Object.assign(process.env, { OMI_KEYS_FILE: file, OMI_KEYS_CACHE_S: '0' });
    const first = await currentSigningKey();
    expect(first.kid).toBe(fileRing(file, 'session').AWSCURRENT.kid);
    rotateFile(file, 'session');
    const second = await currentSigningKey();
    expect(second.kid).not.toBe(first.kid);
    expect((await verificationKeys()).map((k) => k.kid)).toEqual([second.kid, first.kid]);
    retireFile(file, 'session');
    expect((await verificationKeys()).map((k) => k.kid)).toEqual([second.kid]);
    // No origin key in this file: nothing to check (a function not behind the edge).
    expect(await originSecrets()).toEqual([]);
  });

  it('a rotation reaches a running function within the cache time, and not before (no deploy, no restart)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const file = join(dir, `${randomUUID()}.json`);
    initFile(file);
    Object.assign(process.env, { OMI_KEYS_FILE: file, OMI_KEYS_CACHE_S: '300' });
    const before = await currentSigningKey();
    rotateFile(file, 'session');
    vi.advanceTimersByTime(299_000);
    expect((await currentSigningKey()).kid).toBe(before.kid);
    vi.advanceTimersByTime(2_000);
    expect((await currentSigningKey()).kid).not.toBe(before.kid);
  });

  it('refuses a short session key and a malformed kid rather than sign with them', async () => {
    Object.assign(process.env, { OMI_SESSION_SECRET: 'short' });
    await expect(currentSigningKey()).rejects.toThrow(/at least 32/);
    forgetKeys();
    const file = join(dir, `${randomUUID()}.json`);
    writeFileSync(file, JSON.stringify({ session: { AWSCURRENT: { kid: 'a.b', key: 'x'.repeat(40) } } }));
    Object.assign(process.env, { OMI_KEYS_FILE: file });
    await expect(currentSigningKey()).rejects.toThrow(/kid/);
  });
});

/** Secrets Manager's JSON protocol for the four calls used, with versions and staging labels. */
function secretsManagerStandIn() {
  const versions = new Map<string, { value: string; stages: string[] }>();
  const calls: string[] = [];
  let failing = false;
  const notFound = (res: import('node:http').ServerResponse, message: string) => {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message }));
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const action = String(req.headers['x-amz-target']).split('.')[1]!;
      const input = JSON.parse(body) as Record<string, string>;
      calls.push(`${action}${input.VersionStage ? ` ${input.VersionStage}` : ''}`);
      if (failing) {
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
        return res.end(JSON.stringify({ __type: 'InternalServiceError', message: 'down' }));
      }
      const reply = (out: unknown) => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(out));
      };
      if (action === 'GetSecretValue') {
        const found = [...versions].find(([, v]) => v.stages.includes(input.VersionStage ?? 'AWSCURRENT'));
        if (!found) return notFound(res, `no version labelled ${input.VersionStage}`);
        return reply({ ARN: input.SecretId, VersionId: found[0], SecretString: found[1].value, VersionStages: found[1].stages });
      }
      if (action === 'PutSecretValue') {
        for (const v of versions.values()) v.stages = v.stages.filter((s) => s !== 'AWSPREVIOUS');
        for (const v of versions.values())
          if (v.stages.includes('AWSCURRENT')) v.stages = [...v.stages.filter((s) => s !== 'AWSCURRENT'), 'AWSPREVIOUS'];
        const id = randomUUID();
        versions.set(id, { value: input.SecretString!, stages: ['AWSCURRENT'] });
        return reply({ VersionId: id });
      }
      if (action === 'DescribeSecret') return reply({ VersionIdsToStages: Object.fromEntries([...versions].map(([id, v]) => [id, v.stages])) });
      if (action === 'UpdateSecretVersionStage') {
        const v = versions.get(input.RemoveFromVersionId!);
        if (v) v.stages = v.stages.filter((s) => s !== input.VersionStage);
        return reply({});
      }
      res.writeHead(400);
      res.end('{}');
    });
  });
  return {
    server,
    calls,
    setFailing: (value: boolean) => (failing = value),
    seed: (value: string) => {
      versions.clear();
      versions.set(randomUUID(), { value, stages: ['AWSCURRENT'] });
    },
  };
}

describe('Secrets Manager (the real client, a stand-in service)', () => {
  const standIn = secretsManagerStandIn();
  const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:omi-session-abc';
  let endpoint: string;
  beforeAll(async () => {
    await new Promise<void>((res) => standIn.server.listen(0, '127.0.0.1', res));
    endpoint = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((res) => standIn.server.close(() => res())));

  const useStandIn = (name: keyof typeof KEY_ARN_ENV = 'session') =>
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      [KEY_ARN_ENV[name]]: ARN,
      OMI_KEYS_CACHE_S: '0',
    });

  it('reads AWSCURRENT and AWSPREVIOUS; rotate and retire move the labels; a failed refresh keeps the keys it had', async () => {
    useStandIn();
    standIn.seed(JSON.stringify({ kid: 'k0', key: 'k'.repeat(64) }));
    expect((await verificationKeys()).map((k) => k.kid)).toEqual(['k0']);
    expect(standIn.calls).toEqual(expect.arrayContaining(['GetSecretValue AWSCURRENT', 'GetSecretValue AWSPREVIOUS']));

    await expect(rotateSecret(ARN, false, 'invitation')).rejects.toThrow(/does not hold the invitation key/);
    const fresh = await rotateSecret(ARN);
    expect((await currentSigningKey()).kid).toBe(fresh.kid);
    expect((await verificationKeys()).map((k) => k.kid)).toEqual([fresh.kid, 'k0']);
    await expect(rotateSecret(ARN)).rejects.toThrow(/retire it first/);

    await retireSecret(ARN);
    expect((await verificationKeys()).map((k) => k.kid)).toEqual([fresh.kid]);

    standIn.setFailing(true);
    try {
      expect((await verificationKeys()).map((k) => k.kid)).toEqual([fresh.kid]);
      forgetKeys();
      // With nothing read yet, there is nothing to serve with: refused, not signed with nothing.
      await expect(verificationKeys()).rejects.toThrow();
    } finally {
      standIn.setFailing(false);
    }
  });

  it("the invitation key: 32 bytes from the generated value, rotated with its kid, its previous version kept for the batches' 7 days", async () => {
    useStandIn('invitation');
    // As the stack generates it: 43 letters and digits, base64url of 32 bytes.
    standIn.seed(JSON.stringify({ kid: 'k0', key: 'Ab3'.repeat(14) + 'x' }));
    expect((await invitationKeys())!.map((k) => [k.kid, k.key.length])).toEqual([['k0', 32]]);

    // The wrong key's name for this secret is refused before anything is written.
    await expect(rotateSecret(ARN, false, 'session')).rejects.toThrow(/does not hold the session key/);
    const fresh = await rotateSecret(ARN, false, 'invitation');
    expect((await invitationKeys())!.map((k) => [k.kid, k.key.length])).toEqual([
      [fresh.kid, 32],
      ['k0', 32],
    ]);
    const rotatedAt = keyMadeAt(fresh.kid)!.getTime();
    await expect(retireSecret(ARN, 'invitation', { now: new Date(rotatedAt + 6 * 86_400_000) })).rejects.toThrow(/downloaded again until/);
    expect((await invitationKeys())!.map((k) => k.kid)).toEqual([fresh.kid, 'k0']);
    await retireSecret(ARN, 'invitation', { now: new Date(rotatedAt + 8 * 86_400_000) });
    expect((await invitationKeys())!.map((k) => k.kid)).toEqual([fresh.kid]);
  });
});
