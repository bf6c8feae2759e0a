/**
 * The keys this service signs, checks and seals with, read at run time, never from a function's
 * configuration (issue 25): the session key (sessions, CSRF tokens, the form stash, the sign-in
 * cookie), the value CloudFront adds to prove a request came through the edge, and the key that
 * seals invitation batches' secrets (shared/domain/batch-secrets.ts; 32 bytes, base64url).
 *
 * Each is a ring of at most two: the current key, which signs, and the previous one, still
 * accepted until an operator retires it, so a rotation signs nobody out. Every key carries a
 * `kid`, written beside whatever it signs, so a check picks its key instead of trying each.
 *
 * Where the keys come from, first match wins:
 * - AWS: the Secrets Manager secret named by OMI_SESSION_KEY_ARN / OMI_ORIGIN_KEY_ARN / OMI_INVITATION_KEY_ARN, its
 *   AWSCURRENT and AWSPREVIOUS versions, each `{"kid","key"}` (see docs/runbook.md, "Rotate").
 * - Locally: OMI_KEYS_FILE, a JSON file shaped like the secrets' labels:
 *   `{ "session": { "AWSCURRENT": {kid,key}, "AWSPREVIOUS"?: {kid,key} }, "origin"?: {...}, "invitation"?: {...} }`;
 *   infra/ops/rotate-keys.ts rotates it exactly as it rotates the secrets.
 * - Otherwise the local runner's env: OMI_SESSION_SECRET, OMI_INVITATION_KEY (and
 *   ORIGIN_VERIFY_SECRET in tests), one key each with kid `env`.
 *
 * Read at most once per OMI_KEYS_CACHE_S (300 s) per function instance: a rotation reaches every
 * function within that time with no deploy. A failed refresh keeps the keys it had.
 *
 * Here in the core, not in shared/http, because the domain seals with one of them too
 * (shared/domain/batch-secrets.ts); what HTTP does with the others is shared/http/keys.ts.
 */
import { traced } from './sdk-trace';
import { readFile } from 'node:fs/promises';

export interface Key {
  kid: string;
  key: Uint8Array;
}

export type KeyName = 'session' | 'origin' | 'invitation';
export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';

/** The stored form of one key, in a secret's version or the local file. */
export interface StoredKey {
  kid: string;
  key: string;
}
export type StoredRing = { [CURRENT]: StoredKey; [PREVIOUS]?: StoredKey };

export const KEY_ARN_ENV: Record<KeyName, string> = {
  session: 'OMI_SESSION_KEY_ARN',
  origin: 'OMI_ORIGIN_KEY_ARN',
  invitation: 'OMI_INVITATION_KEY_ARN',
};
const PLAIN_ENV: Record<KeyName, string> = { session: 'OMI_SESSION_SECRET', origin: 'ORIGIN_VERIFY_SECRET', invitation: 'OMI_INVITATION_KEY' };
/** AES-256 takes exactly 32 bytes: the stored text is their base64url. */
export const INVITATION_KEY_BYTES = 32;
/** HS256 with a short key is guessable: a shorter key is refused rather than used. */
const MIN_SESSION_KEY = 32;

const cacheMs = () => Number(process.env.OMI_KEYS_CACHE_S ?? 300) * 1000;

interface Ring {
  keys: Key[];
  source: string;
}
/** What was read and when; `ring: null` when this function has no such key (nothing to check). */
const rings = new Map<KeyName, { ring: Ring | null; readAt: number }>();
const loading = new Map<KeyName, Promise<Ring | null>>();

/** A `kid` goes into cookies and form fields: letters, digits, `-` and `_` only. */
export const KID = /^[A-Za-z0-9_-]{1,64}$/;

function parseStored(value: unknown, where: string): Key {
  const stored = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<StoredKey> | null;
  if (!stored || typeof stored.kid !== 'string' || !KID.test(stored.kid) || typeof stored.key !== 'string' || !stored.key) {
    throw new Error(`${where} is not a {"kid","key"} key`);
  }
  return { kid: stored.kid, key: new TextEncoder().encode(stored.key) };
}

let secretsClient: { send(command: unknown): Promise<{ SecretString?: string }> } | undefined;

/** AWSCURRENT and, when there is one, AWSPREVIOUS. The SDK is loaded only where a secret is read. */
async function fromSecretsManager(arn: string, name: KeyName): Promise<Key[]> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('./secrets-client');
  secretsClient ??= traced(new SecretsManagerClient({})) as never;
  const read = (stage: string) => secretsClient!.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: stage }));
  const [current, previous] = await Promise.allSettled([read(CURRENT), read(PREVIOUS)]);
  if (current.status === 'rejected') throw current.reason;
  const keys = [parseStored(current.value.SecretString, `${name} key ${CURRENT}`)];
  // No AWSPREVIOUS (never rotated, or retired) is the normal case, not an error.
  if (previous.status === 'fulfilled' && previous.value.SecretString) keys.push(parseStored(previous.value.SecretString, `${name} key ${PREVIOUS}`));
  else if (previous.status === 'rejected' && (previous.reason as { name?: string })?.name !== 'ResourceNotFoundException') throw previous.reason;
  return keys;
}

async function fromFile(file: string, name: KeyName): Promise<Key[] | null> {
  const all = JSON.parse(await readFile(file, 'utf8')) as Partial<Record<KeyName, Partial<StoredRing>>>;
  const ring = all[name];
  if (!ring) return null;
  const keys = [parseStored(ring[CURRENT], `${file}: ${name}.${CURRENT}`)];
  if (ring[PREVIOUS]) keys.push(parseStored(ring[PREVIOUS], `${file}: ${name}.${PREVIOUS}`));
  return keys;
}

async function load(name: KeyName): Promise<Ring | null> {
  const env = process.env;
  const arn = env[KEY_ARN_ENV[name]];
  let keys: Key[] | null = null;
  let source = '';
  if (arn) [keys, source] = [await fromSecretsManager(arn, name), 'secretsmanager'];
  else if (env.OMI_KEYS_FILE) [keys, source] = [await fromFile(env.OMI_KEYS_FILE, name), 'file'];
  if (!keys && env[PLAIN_ENV[name]]) [keys, source] = [[{ kid: 'env', key: new TextEncoder().encode(env[PLAIN_ENV[name]]) }], 'env'];
  if (!keys) return null;
  if (name === 'session' && keys.some((k) => k.key.length < MIN_SESSION_KEY))
    throw new Error(`the session key must be at least ${MIN_SESSION_KEY} characters`);
  if (name === 'invitation') keys = keys.map(invitationKeyBytes);
  return { keys, source };
}

function invitationKeyBytes({ kid, key }: Key): Key {
  const bytes = Buffer.from(new TextDecoder().decode(key), 'base64url');
  if (bytes.length !== INVITATION_KEY_BYTES) throw new Error(`the invitation key ${kid} must be ${INVITATION_KEY_BYTES} bytes, base64url`);
  return { kid, key: bytes };
}

/** The ring, read again once the cache time has passed; one read at a time per instance. */
async function ring(name: KeyName): Promise<Ring | null> {
  const cached = rings.get(name);
  if (cached && Date.now() - cached.readAt < cacheMs()) return cached.ring;
  let pending = loading.get(name);
  if (!pending) {
    pending = load(name)
      .then((fresh) => {
        rings.set(name, { ring: fresh, readAt: Date.now() });
        return fresh;
      })
      .catch((error: unknown) => {
        // Keep serving with the keys we had: a Secrets Manager blip must not sign anybody out.
        if (cached?.ring) return cached.ring;
        throw error;
      })
      .finally(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** The keys (current, then previous) of that name, or null when this function was given none. */
export async function keyRing(name: KeyName): Promise<Key[] | null> {
  return (await ring(name))?.keys ?? null;
}

/**
 * The invitation key's ring (current, then previous), 32 bytes each, or null when this function
 * was given none: its batches are then not sealed, so not downloadable again.
 */
export function invitationKeys(): Promise<Key[] | null> {
  return keyRing('invitation');
}

/** The keys of that name as last read, with no read: undefined when none were read yet. */
export function lastReadKeys(name: KeyName): Key[] | undefined {
  return rings.get(name)?.ring?.keys;
}

/** The key with this kid among the ones still accepted, or undefined. */
export function keyWithKid(keys: readonly Key[], kid: unknown): Key | undefined {
  return typeof kid === 'string' ? keys.find((k) => k.kid === kid) : undefined;
}

/** Tests only: forget what was read, as a new instance would. */
export function forgetKeys(): void {
  rings.clear();
}
