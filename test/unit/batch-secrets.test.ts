/**
 * A batch's links from its secret (invitation-tokens.ts) and the secret sealed (batch-secrets.ts):
 * the same secret makes the same links, another secret or index other ones, and a sealed
 * secret opens only under its key and for its own batch.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aesGcmSealer, newBatchSecret } from '../../shared/domain/batch-secrets';
import { batchLinkToken, parseLinkToken } from '../../shared/domain/invitation-tokens';

describe('links derived from a batch secret', () => {
  it('are the same links again from the same secret, and well-formed tokens of the inspection', () => {
    const secret = newBatchSecret();
    const links = Array.from({ length: 500 }, (_, i) => batchLinkToken(secret, i, 'kent-2007-abc123', 'en', 'victim-2008.2'));
    expect(Array.from({ length: 500 }, (_, i) => batchLinkToken(Buffer.from(secret), i, 'kent-2007-abc123', 'en', 'victim-2008.2'))).toEqual(links);
    expect(new Set(links).size).toBe(500);
    for (const link of links.slice(0, 20)) expect(parseLinkToken(link)).toMatchObject({ inspectionId: 'kent-2007-abc123', language: 'en', questionnaireVersion: 'victim-2008.2' });
  });

  it('share nothing between batches', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(999), (a, b, i) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
        expect(batchLinkToken(Buffer.from(a), i, 'x1', 'en', 'victim-2008.2')).not.toBe(batchLinkToken(Buffer.from(b), i, 'x1', 'en', 'victim-2008.2'));
      }),
    );
  });
});

describe('a sealed batch secret', () => {
  const sealer = aesGcmSealer(randomBytes(32));

  it('opens to the same secret for its own batch, and never shows it in clear', async () => {
    const secret = newBatchSecret();
    const sealed = await sealer.seal(secret, 'invitation-batch/kent/b1');
    expect(sealed).not.toContain(secret.toString('base64url'));
    expect(await sealer.open(sealed, 'invitation-batch/kent/b1')).toEqual(secret);
  });

  it('does not open for another batch, under another key, or altered', async () => {
    const sealed = await sealer.seal(newBatchSecret(), 'invitation-batch/kent/b1');
    expect(await sealer.open(sealed, 'invitation-batch/kent/b2')).toBeUndefined();
    expect(await aesGcmSealer(randomBytes(32)).open(sealed, 'invitation-batch/kent/b1')).toBeUndefined();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(await sealer.open([parts[0], parts[1], body.toString('base64url'), parts[3]].join('.'), 'invitation-batch/kent/b1')).toBeUndefined();
    expect(await sealer.open('not sealed', 'invitation-batch/kent/b1')).toBeUndefined();
  });
});
