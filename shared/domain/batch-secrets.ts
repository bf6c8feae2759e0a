/**
 * The secret of an invitation batch, sealed for the few days its links may be downloaded
 * again. Each link's token is derived from it (invitation-tokens.ts, `batchLinkToken`), so the
 * table never holds a token: only the sealed secret, until the window ends, then only hashes.
 *
 * Sealed here with AES-256-GCM under a key the function is given (OMI_INVITATION_KEY, 32 bytes
 * base64url; `npm start` keeps one in its data directory), the batch's own name as associated
 * data so a sealed secret cannot be moved to another batch. In AWS the same interface is meant
 * for KMS envelope encryption (GenerateDataKey per batch with the batch as encryption context,
 * the data key's ciphertext stored beside the sealed secret, Decrypt to download again, the
 * function granted only those two on one key); until then a function without the key issues
 * batches that cannot be downloaded again (410), as before.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretSealer {
  seal(secret: Buffer, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<Buffer | undefined>;
}

const VERSION = 'v1';

function keyFromEnv(): Buffer | undefined {
  const text = process.env.OMI_INVITATION_KEY?.trim();
  if (!text) return undefined;
  const key = Buffer.from(text, 'base64url');
  if (key.length !== 32) throw new Error('OMI_INVITATION_KEY must be 32 bytes, base64url');
  return key;
}

/** The sealer this function can use, or undefined when it was given no key (batches are then not recoverable). */
export function batchSealer(): SecretSealer | undefined {
  const key = keyFromEnv();
  return key ? aesGcmSealer(key) : undefined;
}

export function aesGcmSealer(key: Buffer): SecretSealer {
  return {
    async seal(secret, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    async open(sealed, context) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !iv || !body || !tag) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
      } catch {
        // Another key (a data directory's key replaced) or a tampered item: not recoverable.
        return undefined;
      }
    },
  };
}

export function newBatchSecret(): Buffer {
  return randomBytes(32);
}
