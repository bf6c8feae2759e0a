/**
 * The key ring's rules on what it will hold (shared/core/key-ring.ts), for every key in the ring
 * and not only the one that signs: a previous key is still accepted, so a weak previous key is
 * as dangerous as a weak current one. Read from a keys file, as the local runner does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT, forgetKeys, INVITATION_KEY_BYTES, KEY_ARN_ENV, keyRing, PREVIOUS, type StoredRing } from '#core/key-ring';

const dir = mkdtempSync(join(tmpdir(), 'key-ring-'));
const file = join(dir, 'keys.json');
const saved = { ...process.env };

beforeAll(() => {
  for (const arn of Object.values(KEY_ARN_ENV)) delete process.env[arn];
  process.env.OMI_KEYS_FILE = file;
});
afterAll(() => {
  process.env = saved;
  forgetKeys();
  rmSync(dir, { recursive: true, force: true });
});

/** The ring read afresh from this file content, or the error it was refused with. */
async function read(name: 'session' | 'invitation', ring: StoredRing): Promise<{ kids: string[] } | { refused: string }> {
  writeFileSync(file, JSON.stringify({ [name]: ring }));
  forgetKeys();
  try {
    return { kids: ((await keyRing(name)) ?? []).map((k) => k.kid) };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const kid = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
/** One key or two (current, then previous), with distinct kids. */
const ringOf = <T>(secret: fc.Arbitrary<T>) =>
  fc.tuple(kid, secret, fc.option(fc.tuple(kid, secret), { nil: undefined })).filter(([k, , p]) => p === undefined || p[0] !== k);

describe('the key ring', () => {
  it('holds a session ring only when every key in it, current or previous, is at least 32 characters; current first', async () => {
    await fc.assert(
      fc.asyncProperty(
        ringOf(fc.integer({ min: 1, max: 48 }).chain((n) => fc.string({ unit: fc.constantFrom('a', 'B', '7', '-'), minLength: n, maxLength: n }))),
        async ([k, key, previous]) => {
          const ring: StoredRing = { [CURRENT]: { kid: k, key }, ...(previous ? { [PREVIOUS]: { kid: previous[0], key: previous[1] } } : {}) };
          const lengths = [key.length, ...(previous ? [previous[1].length] : [])];
          const result = await read('session', ring);
          if (lengths.every((n) => n >= 32)) expect(result).toEqual({ kids: previous ? [k, previous[0]] : [k] });
          else expect(result).toEqual({ refused: 'the session key must be at least 32 characters' });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('holds an invitation ring only when every key in it is exactly 32 bytes of base64url', async () => {
    await fc.assert(
      fc.asyncProperty(ringOf(fc.integer({ min: 1, max: 40 })), async ([k, bytes, previous]) => {
        const key = (n: number) => Buffer.alloc(n, 7).toString('base64url');
        const ring: StoredRing = {
          [CURRENT]: { kid: k, key: key(bytes) },
          ...(previous ? { [PREVIOUS]: { kid: previous[0], key: key(previous[1]) } } : {}),
        };
        const sizes = [bytes, ...(previous ? [previous[1]] : [])];
        const result = await read('invitation', ring);
        if (sizes.every((n) => n === INVITATION_KEY_BYTES)) expect(result).toEqual({ kids: previous ? [k, previous[0]] : [k] });
        else expect(result).toHaveProperty('refused', expect.stringMatching(/^the invitation key [\w-]+ must be 32 bytes, base64url$/));
      }),
      { numRuns: 60 },
    );
  });
});
