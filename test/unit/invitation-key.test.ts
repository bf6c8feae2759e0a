/**
 * Rotating the invitation key (infra/ops/rotate-keys.ts, docs/runbook.md "Rotate the keys")
 * through the local keys file: a fresh key is AES-256's 32 bytes, and its previous version is
 * not retired while a batch it sealed may still be downloaded again (7 days after the rotation,
 * and an hour for the functions' cache), unless forced. The Secrets Manager path is in keys.test.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INVITATION_WINDOW_DAYS, initFile, keyMadeAt, newKey, retireFile, rotateFile } from '#infra/ops/rotate-keys';

const dir = mkdtempSync(join(tmpdir(), 'omi-invitation-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const ring = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')).invitation as { AWSCURRENT: { kid: string; key: string }; AWSPREVIOUS?: { kid: string; key: string } };
function rotatedFile(): { file: string; first: string; second: string; rotatedAt: number } {
  const file = join(dir, `${randomUUID()}.json`);
  initFile(file, ['session', 'invitation']);
  const first = ring(file).AWSCURRENT.kid;
  const second = rotateFile(file, 'invitation').kid;
  return { file, first, second, rotatedAt: keyMadeAt(second)!.getTime() };
}

describe('the invitation key in the local keys file', () => {
  it('is 32 random bytes, base64url, with a kid that says when it was made', () => {
    const made = new Date('2026-12-07T12:34:56Z');
    const key = newKey(made, 'invitation');
    expect(Buffer.from(key.key, 'base64url')).toHaveLength(32);
    expect(key.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyMadeAt(key.kid)?.toISOString()).toBe('2026-12-07T12:34:00.000Z');
    expect(keyMadeAt('k0')).toBeUndefined();
  });

  it('rotate keeps the previous key; retire is refused for 7 days and an hour after the rotation, and the file is left as it was', () => {
    const { file, first, second, rotatedAt } = rotatedFile();
    expect(ring(file).AWSPREVIOUS?.kid).toBe(first);
    const before = readFileSync(file, 'utf8');
    for (const after of [0, DAY, 7 * DAY, 7 * DAY + 59 * 60_000]) {
      expect(() => retireFile(file, 'invitation', { now: new Date(rotatedAt + after) }), `${after} ms after`).toThrow(
        /downloaded again until .*--force/,
      );
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(retireFile(file, 'invitation', { now: new Date(rotatedAt + 7 * DAY + 61 * 60_000) })).toBe(first);
    expect(ring(file)).toEqual({ AWSCURRENT: expect.objectContaining({ kid: second }) });
  });

  it('--force retires at once (a leaked key), and nothing to retire is no refusal', () => {
    const { file, first } = rotatedFile();
    expect(retireFile(file, 'invitation', { force: true })).toBe(first);
    expect(retireFile(file, 'invitation')).toBeUndefined();
  });

  it('a current key whose kid does not say when it was made (not made by rotate) is not retired without --force', () => {
    const file = join(dir, `${randomUUID()}.json`);
    const key = () => randomBytes(32).toString('base64url');
    writeFileSync(file, JSON.stringify({ invitation: { AWSCURRENT: { kid: 'handmade', key: key() }, AWSPREVIOUS: { kid: 'k0', key: key() } } }));
    expect(() => retireFile(file, 'invitation', { now: new Date(Date.now() + 30 * DAY) })).toThrow(/cannot tell when/);
    expect(retireFile(file, 'invitation', { force: true })).toBe('k0');
  });

  it("the session key is not held back by the invitations' window", () => {
    const file = join(dir, `${randomUUID()}.json`);
    initFile(file, ['session', 'invitation']);
    const first = ring(file).AWSCURRENT.kid;
    rotateFile(file, 'session');
    expect(retireFile(file, 'session')).toBeDefined();
    expect(ring(file).AWSCURRENT.kid).toBe(first);
  });

  it('holds back for as long as issue-invitations.ts lets a batch be downloaded again', async () => {
    process.env.TABLE_NAME ??= 'unit-test-table';
    const { RECOVERABLE_DAYS } = await import('#domain/issue-invitations');
    expect(INVITATION_WINDOW_DAYS).toBe(RECOVERABLE_DAYS);
  });
});
