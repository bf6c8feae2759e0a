/**
 * What HTTP does with the session key and the origin value: sign and check with the session
 * ring, compare the origin header. Where keys come from, how they rotate and how long they are
 * cached is shared/core/key-ring.ts, re-exported here for the HTTP layer.
 */
import { KEY_ARN_ENV, keyRing, lastReadKeys, type Key } from '#core/key-ring';

export {
  CURRENT,
  forgetKeys,
  INVITATION_KEY_BYTES,
  invitationKeys,
  KEY_ARN_ENV,
  keyWithKid,
  KID,
  PREVIOUS,
  type Key,
  type KeyName,
  type StoredKey,
  type StoredRing,
} from '#core/key-ring';

/** Signs: the session key's current version. Throws when no session key is configured. */
export async function currentSigningKey(): Promise<Key> {
  return (await verificationKeys())[0]!;
}

/** Checks: the current session key first, then the previous one while it is not retired. */
export async function verificationKeys(): Promise<Key[]> {
  const keys = await keyRing('session');
  if (!keys) throw new Error(`no session key: set ${KEY_ARN_ENV.session} (AWS), OMI_KEYS_FILE or OMI_SESSION_SECRET (locally)`);
  return keys;
}

/**
 * The origin-verify values a request may carry (current, then previous), or none when this
 * function is not behind the edge (locally): then nothing is checked.
 */
export async function originSecrets(): Promise<string[]> {
  const keys = await keyRing('origin');
  return keys ? keys.map((k) => new TextDecoder().decode(k.key)) : [];
}

/**
 * The session ring as last read, for the synchronous callers (CSRF tokens, the stash's owner
 * field) that run after the request's session was checked, which read it fresh enough.
 */
export function loadedVerificationKeys(): Key[] {
  const keys = lastReadKeys('session');
  if (!keys) throw new Error('the session keys are read when the session is checked; none were read yet');
  return keys;
}
