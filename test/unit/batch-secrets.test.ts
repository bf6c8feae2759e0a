/**
 * A batch's links from its secret (invitation-tokens.ts) and the secret sealed (batch-secrets.ts):
 * the same secret makes the same links, another secret or index other ones, and a sealed
 * secret opens only under its key and for its own batch; it names its key's kid, so a batch
 * sealed before a rotation opens with the previous key until that key is retired; values
 * sealed before kids (v1) open with OMI_INVITATION_KEY.
 */
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { batchSealer, newBatchSecret, ringSealer } from '#domain/batch-secrets';
import { forgetKeys, type Key } from '#http/keys';
import { batchLinkToken, parseLinkToken } from '#domain/invitation-tokens';

describe('links derived from a batch secret', () => {
  it('are the same links again from the same secret, and well-formed tokens of the inspection', () => {
    const secret = newBatchSecret();
    const links = Array.from({ length: 500 }, (_, i) => batchLinkToken(secret, i, 'kent-2007-abc123', 'en', 'victim-2008.2'));
    expect(Array.from({ length: 500 }, (_, i) => batchLinkToken(Buffer.from(secret), i, 'kent-2007-abc123', 'en', 'victim-2008.2'))).toEqual(links);
    expect(new Set(links).size).toBe(500);
    for (const link of links.slice(0, 20))
      expect(parseLinkToken(link)).toMatchObject({ inspectionId: 'kent-2007-abc123', language: 'en', questionnaireVersion: 'victim-2008.2' });
  });

  it('share nothing between batches', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(999), (a, b, i) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
        expect(batchLinkToken(Buffer.from(a), i, 'x1', 'en', 'victim-2008.2')).not.toBe(
          batchLinkToken(Buffer.from(b), i, 'x1', 'en', 'victim-2008.2'),
        );
      }),
    );
  });
});

const key = (kid: string): Key => ({ kid, key: randomBytes(32) });
const CONTEXT = 'invitation-batch/kent/b1';

describe('a sealed batch secret', () => {
  const k1 = key('k1');
  const sealer = ringSealer([k1]);

  it('opens to the same secret for its own batch, names its key, and never shows the secret in clear', async () => {
    const secret = newBatchSecret();
    const sealed = await sealer.seal(secret, CONTEXT);
    expect(sealed.split('.').slice(0, 2)).toEqual(['v2', 'k1']);
    expect(sealed).not.toContain(secret.toString('base64url'));
    expect(await sealer.open(sealed, CONTEXT)).toEqual(secret);
  });

  it('does not open for another batch, under another key of the same kid, with another kid, or altered', async () => {
    const sealed = await sealer.seal(newBatchSecret(), CONTEXT);
    expect(await sealer.open(sealed, 'invitation-batch/kent/b2')).toBeUndefined();
    expect(await ringSealer([key('k1')]).open(sealed, CONTEXT)).toBeUndefined();
    const k2 = key('k2');
    const parts = sealed.split('.');
    // Naming the other key of the ring does not open it: GCM's tag is bound to the key.
    expect(await ringSealer([k2, k1]).open(['v2', 'k2', ...parts.slice(2)].join('.'), CONTEXT)).toBeUndefined();
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(await sealer.open([...parts.slice(0, 3), body.toString('base64url'), parts[4]].join('.'), CONTEXT)).toBeUndefined();
    expect(await sealer.open('not sealed', CONTEXT)).toBeUndefined();
    expect(await sealer.open(`${sealed}.extra`, CONTEXT)).toBeUndefined();
  });

  it('across a rotation: sealed before it opens with the previous key, sealed after it with the new one; retired, only the new', async () => {
    const k2 = key('k2');
    const before = newBatchSecret();
    const sealedBefore = await ringSealer([k1]).seal(before, CONTEXT);
    const rotated = ringSealer([k2, k1]);
    expect(await rotated.open(sealedBefore, CONTEXT)).toEqual(before);
    const after = newBatchSecret();
    const sealedAfter = await rotated.seal(after, CONTEXT);
    expect(sealedAfter.split('.')[1]).toBe('k2');
    const retired = ringSealer([k2]);
    expect(await retired.open(sealedAfter, CONTEXT)).toEqual(after);
    expect(await retired.open(sealedBefore, CONTEXT)).toBeUndefined();
  });
});

describe('the sealer a function is given (shared/http/keys.ts)', () => {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'omi-batch-keys-'));
  afterEach(() => {
    process.env = { ...saved };
    forgetKeys();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withEnv = (vars: Record<string, string>) => {
    for (const name of ['OMI_INVITATION_KEY', 'OMI_INVITATION_KEY_ARN', 'OMI_KEYS_FILE']) delete process.env[name];
    Object.assign(process.env, { OMI_KEYS_CACHE_S: '0', ...vars });
  };
  const keysFile = (ring: object) => {
    const file = join(dir, `${randomUUID()}.json`);
    writeFileSync(file, JSON.stringify({ invitation: ring }));
    return file;
  };
  /** The format sealed before kids, written here from its definition rather than by the code under test. */
  const sealV1 = (keyBytes: Buffer, secret: Buffer, context: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyBytes, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(secret), cipher.final()]);
    return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  };

  it('none without a key: batches are then not recoverable', async () => {
    withEnv({});
    expect(await batchSealer()).toBeUndefined();
  });

  it('the env key (kid env), which also opens what was sealed before kids', async () => {
    const envKey = randomBytes(32);
    withEnv({ OMI_INVITATION_KEY: envKey.toString('base64url') });
    const sealer = (await batchSealer())!;
    const secret = newBatchSecret();
    expect((await sealer.seal(secret, CONTEXT)).split('.')[1]).toBe('env');
    expect(await sealer.open(sealV1(envKey, secret, CONTEXT), CONTEXT)).toEqual(secret);
    expect(await sealer.open(sealV1(randomBytes(32), secret, CONTEXT), CONTEXT)).toBeUndefined();
  });

  it("the keys file's invitation ring first, with v1 values still opening with the env key", async () => {
    const envKey = randomBytes(32);
    const current = { kid: 'k20261207T1200-aaaa', key: randomBytes(32).toString('base64url') };
    const previous = { kid: 'k20261201T1200-bbbb', key: randomBytes(32).toString('base64url') };
    withEnv({ OMI_INVITATION_KEY: envKey.toString('base64url'), OMI_KEYS_FILE: keysFile({ AWSCURRENT: current, AWSPREVIOUS: previous }) });
    const sealer = (await batchSealer())!;
    const secret = newBatchSecret();
    const sealed = await sealer.seal(secret, CONTEXT);
    expect(sealed.split('.')[1]).toBe(current.kid);
    expect(await ringSealer([{ kid: current.kid, key: Buffer.from(current.key, 'base64url') }]).open(sealed, CONTEXT)).toEqual(secret);
    const sealedByPrevious = await ringSealer([{ kid: previous.kid, key: Buffer.from(previous.key, 'base64url') }]).seal(secret, CONTEXT);
    expect(await sealer.open(sealedByPrevious, CONTEXT)).toEqual(secret);
    expect(await sealer.open(sealV1(envKey, secret, CONTEXT), CONTEXT)).toEqual(secret);
  });

  it('refuses a key that is not 32 bytes rather than seal with it', async () => {
    withEnv({ OMI_KEYS_FILE: keysFile({ AWSCURRENT: { kid: 'k1', key: randomBytes(48).toString('base64url') } }) });
    await expect(batchSealer()).rejects.toThrow(/32 bytes/);
    forgetKeys();
    withEnv({ OMI_INVITATION_KEY: 'short' });
    await expect(batchSealer()).rejects.toThrow(/32 bytes/);
  });
});
