/**
 * A form posted by somebody whose session ended (issue 12): rather than lose what they typed,
 * the post is kept in a short-lived cookie while they sign in again, and the form's page puts
 * it back. The rules that make that safe:
 * - never in a URL: the stash is an HttpOnly cookie scoped to the form's own path;
 * - unreadable and unforgeable: encrypted and authenticated (A256GCM under a key derived from
 *   the current session key, its kid in the header), so nobody on the machine can read the answers from the cookie jar;
 * - tied to the person: the form carries `owner`, the signed-in person's id with our HMAC;
 *   the stash is kept only when that verifies, and given back only to the same person;
 * - short-lived: 30 minutes, and cleared the moment it is given back;
 * - given back once: each stash has an id, claimed when it is given back (one conditional
 *   write), so a copy of the cookie restores nothing the second time;
 * - scoped to the form's path as the route builds it from its decoded, re-encoded parameters,
 *   never the path as the request spelled it (a `;` there would add attributes to the cookie).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CompactEncrypt, compactDecrypt } from 'jose';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { cookie, cookieValue, type Session } from './session';
import { currentSigningKey, keyWithKid, loadedVerificationKeys, verificationKeys, type Key } from './keys';

export const STASH_COOKIE = 'omi_form';
export const STASH_SECONDS = 30 * 60;
/** Browsers keep cookies up to about 4 KB; a stash that would not fit is not kept. */
const MAX_COOKIE_VALUE = 3800;

const stashKey = (key: Key) => createHash('sha256').update('form-stash:').update(key.key).digest();
const ownerMac = (key: Key, sub: string) => createHmac('sha256', key.key).update(`owner:${sub}`).digest('base64url');

/** The hidden `owner` field of a form that may be stashed: `<sub>.<kid>.<HMAC>`. */
export function ownerField(session: Session): string {
  const key = loadedVerificationKeys()[0]!;
  return `${Buffer.from(session.sub).toString('base64url')}.${key.kid}.${ownerMac(key, session.sub)}`;
}

async function ownerOf(value: string | null): Promise<string | undefined> {
  const [who, kid, mac] = (value ?? '').split('.');
  const key = keyWithKid(await verificationKeys(), kid);
  if (!who || !mac || !key) return undefined;
  const sub = Buffer.from(who, 'base64url').toString('utf8');
  const want = Buffer.from(ownerMac(key, sub));
  const got = Buffer.from(mac);
  return got.length === want.length && timingSafeEqual(got, want) ? sub : undefined;
}

/**
 * The path a form's stash is scoped to: the route's path with its parameters encoded, so
 * nothing from the request but the parameters' values, each a single encoded segment.
 */
export function stashPath(routePath: string, params: Readonly<Record<string, string | undefined>>): string {
  return routePath.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** The Set-Cookie line keeping this signed-out post (to the form at `path`), or undefined when it cannot be kept. */
export async function stashCookieFor(event: APIGatewayProxyEventV2, path: string): Promise<string | undefined> {
  const type = (event.headers?.['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (raw.length > 64 * 1024) return undefined;
  const form = new URLSearchParams(raw);
  const sub = await ownerOf(form.get('owner'));
  if (!sub) return undefined;
  // The old CSRF token is worthless after signing in again; the new page brings its own.
  form.delete('csrf');
  const id = randomBytes(16).toString('base64url');
  const payload = JSON.stringify({ id, sub, path, exp: Date.now() + STASH_SECONDS * 1000, form: form.toString() });
  const signing = await currentSigningKey();
  const value = await new CompactEncrypt(deflateRawSync(payload))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: signing.kid })
    .encrypt(stashKey(signing));
  if (value.length > MAX_COOKIE_VALUE) return undefined;
  return cookie(STASH_COOKIE, value, { maxAge: STASH_SECONDS, path });
}

/**
 * The form this person posted to `path` while signed out, if it is theirs, fresh, and not
 * given back before: `claimOnce` (a conditional write, shared/store/form-stash.ts) says so.
 */
export async function takeStash(
  event: APIGatewayProxyEventV2,
  session: Session,
  path: string,
  claimOnce: (stashId: string, expiresAtMs: number) => Promise<boolean>,
): Promise<URLSearchParams | undefined> {
  const value = cookieValue(event, STASH_COOKIE);
  if (!value || value.length > 4096) return undefined;
  let stash: { id?: string; sub: string; path: string; exp: number; form: string };
  try {
    const keys = await verificationKeys();
    const keyFor = (header: { kid?: string }) => {
      const key = keyWithKid(keys, header.kid);
      if (!key) throw new Error('unknown or retired key');
      return stashKey(key);
    };
    const { plaintext } = await compactDecrypt(value, keyFor, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    stash = JSON.parse(inflateRawSync(plaintext, { maxOutputLength: 256 * 1024 }).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof stash.id !== 'string' || stash.sub !== session.sub || stash.path !== path || !(stash.exp > Date.now())) return undefined;
  if (!(await claimOnce(stash.id, stash.exp))) return undefined;
  return new URLSearchParams(stash.form);
}

/** Sent with the page that gives the stash back (or finds it useless): it is used once. */
export const clearStashCookie = (path: string) => cookie(STASH_COOKIE, '', { maxAge: 0, path });

export const hasStash = (event: APIGatewayProxyEventV2) => cookieValue(event, STASH_COOKIE) !== undefined;
