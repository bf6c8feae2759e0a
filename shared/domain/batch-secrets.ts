/**
 * The secret of an invitation batch, sealed for the few days its links may be downloaded
 * again. Each link's token is derived from it (invitation-tokens.ts, `batchLinkToken`), so the
 * table never holds a token: only the sealed secret, until the window ends, then only hashes.
 *
 * Sealed with AES-256-GCM under the invitation key (shared/core/key-ring.ts): in AWS a Secrets
 * Manager secret the function reads at run time (OMI_INVITATION_KEY_ARN, never the value in its
 * configuration), locally OMI_KEYS_FILE's `invitation` ring or OMI_INVITATION_KEY (`npm start`
 * keeps one in its data directory). The batch's own name is the associated data, so a sealed
 * secret cannot be moved to another batch.
 *
 * A sealed value names the key's kid (`v2.<kid>.<iv>.<body>.<tag>`): a batch sealed before a
 * rotation opens with the previous key, which the runbook keeps until every batch it sealed is
 * past its 7 days. Values sealed before kids (`v1.<iv>.<body>.<tag>`, only ever made locally)
 * open with OMI_INVITATION_KEY.
 *
 * Why a key in Secrets Manager and not KMS envelope encryption: the same ring, cache, rotation
 * runbook and local keys file as the session and origin keys, the Secrets Manager client already
 * loaded lazily (no KMS client in the bundle, no KMS call per batch), and the local server runs
 * the very code AWS runs. What KMS would add, a key that never leaves it and a CloudTrail entry
 * per decrypt, docs/runbook.md's "Encryption keys" weighs for the whole service.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { invitationKeys, INVITATION_KEY_BYTES, keyWithKid, type Key } from '#core/key-ring';

export interface SecretSealer {
  seal(secret: Buffer, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<Buffer | undefined>;
}

const VERSION = 'v2';
const UNNAMED_KEY_VERSION = 'v1';

/** The key the values sealed before kids were sealed with: only ever the local runner's env. */
function unnamedKey(): Uint8Array | undefined {
  const text = process.env.OMI_INVITATION_KEY?.trim();
  if (!text) return undefined;
  const key = Buffer.from(text, 'base64url');
  return key.length === INVITATION_KEY_BYTES ? key : undefined;
}

/**
 * The sealer this function can use, with the invitation keys as now read, or undefined when it
 * was given no key (its batches are then not recoverable). Throws when the key cannot be read
 * and was never read: the caller fails before writing anything.
 */
export async function batchSealer(): Promise<SecretSealer | undefined> {
  const keys = await invitationKeys();
  return keys?.length ? ringSealer(keys, unnamedKey()) : undefined;
}

function decrypt(key: Uint8Array, context: string, iv: string, body: string, tag: string): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch {
    // A key replaced without a rotation, or a tampered item: not recoverable.
    return undefined;
  }
}

/** Seals with the ring's first (current) key; opens with whichever key the value names, while the ring still holds it. */
export function ringSealer(keys: readonly Key[], unnamed?: Uint8Array): SecretSealer {
  const current = keys[0];
  if (!current) throw new Error('an invitation key ring needs its current key');
  return {
    async seal(secret, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return [VERSION, current.kid, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    async open(sealed, context) {
      const parts = sealed.split('.');
      if (parts[0] === UNNAMED_KEY_VERSION && parts.length === 4) {
        const [, iv, body, tag] = parts as [string, string, string, string];
        return unnamed && iv && body && tag ? decrypt(unnamed, context, iv, body, tag) : undefined;
      }
      if (parts[0] !== VERSION || parts.length !== 5) return undefined;
      const [, kid, iv, body, tag] = parts as [string, string, string, string, string];
      // A retired kid is gone from the ring: its batches are past their window, or the runbook was overridden.
      const key = keyWithKid(keys, kid);
      return key && iv && body && tag ? decrypt(key.key, context, iv, body, tag) : undefined;
    },
  };
}

export function newBatchSecret(): Buffer {
  return randomBytes(32);
}
