/**
 * The workbench's session (issue 25): the cookie holds only a random id; the record on the
 * server (shared/store/sessions.ts) says who it is and in which roles. Every page request
 * reads it (one strongly consistent Get), so signing out, or an admin ending somebody's
 * sessions, takes effect on the very next request. The OAuth callback (functions/sign-in.ts)
 * starts one after the provider's ID token has been verified, locally and in AWS alike.
 *
 * Roles follow the provider within minutes: every ROLE_CHECK_SECONDS the next request
 * refreshes the session with the provider's refresh token and takes the groups of the new ID
 * token; a refused refresh (person disabled, signed out everywhere, token revoked) ends the session.
 *
 * The CSRF token is an HMAC of the session's id hash under the key: nothing to store,
 * different for every session, and useless without the cookie it belongs to.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isRole, type User } from '#core/roles';
import { log } from '#core/log';
import { deleteSession, getSession, putSession, refreshSession, type SessionRecord } from '#store/sessions';
import { oidcConfig, refreshTokens, verifyIdToken, type IdClaims } from './oidc';
import { secureCookies, sessionCookieName } from './session-cookie';
import { currentSigningKey, keyWithKid, loadedVerificationKeys, verificationKeys, type Key } from './keys';

export { sessionCookieName };

/** The ceiling: a working day, then sign in again. */
export const SESSION_SECONDS = 12 * 3600;
/** How stale the roles may be: a person taken out of a group loses that role within this. */
export const ROLE_CHECK_SECONDS = 5 * 60;
/** The provider did not answer a refresh: the roles stand this much longer before the next try. */
const RETRY_REFRESH_SECONDS = 60;

export interface Session extends User {
  /** The hash of the session's id: its key on the server, and what the CSRF token is derived from. */
  sid: string;
  displayName: string;
}

/**
 * The pages' keys come from the key provider (keys.ts: Secrets Manager in AWS, a file or the
 * environment locally), each with its `kid`: the CSRF tokens, the sign-in's state cookie, the
 * refresh tokens at rest and the form stash are made with the current key and checked with any
 * key still accepted, so a rotation signs nobody out. `sessionFromEvent` loads them for the
 * request; the synchronous readers below run after it.
 */
export { currentSigningKey, keyWithKid, verificationKeys };

/** For jose: the accepted key named by a token's `kid` (a token without one matches none). */
export const keyForHeader = async (header: { kid?: string }) => {
  const key = keyWithKid(await verificationKeys(), header.kid);
  if (!key) throw new Error('unknown or retired key');
  return key.key;
};

/** 256 random bits, base64url: 43 characters exactly. Anything else is not worth a read. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Starts a session for a person whose ID token has been verified; the Set-Cookie line and the session. */
export async function startSession(
  person: IdClaims,
  refreshToken: string | undefined,
  now = Date.now(),
): Promise<{ setCookie: string; session: Session }> {
  // The refresh token is sealed, and the first page's forms signed, with the keys as they are now.
  await verificationKeys();
  const id = randomBytes(32).toString('base64url');
  const sid = hashOf(id);
  await putSession(sid, {
    sub: person.sub,
    roles: [...person.roles],
    displayName: person.displayName,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + SESSION_SECONDS * 1000).toISOString(),
    refreshAfter: now + ROLE_CHECK_SECONDS * 1000,
    ...(refreshToken ? { refreshToken: sealRefreshToken(refreshToken) } : {}),
  });
  return {
    setCookie: cookie(sessionCookieName(), id, { maxAge: SESSION_SECONDS }),
    session: { sub: person.sub, roles: [...person.roles], sid, displayName: person.displayName },
  };
}

/** The live session the request's cookie names, or undefined: none, two, malformed, unknown, ended or expired. */
export async function sessionFromEvent(event: APIGatewayProxyEventV2): Promise<Session | undefined> {
  // Loaded (or read from the cache) for the whole request: the CSRF check and the page's forms need them.
  await verificationKeys();
  const id = cookieValue(event, sessionCookieName());
  if (!id || !SESSION_ID.test(id)) return undefined;
  const sid = hashOf(id);
  const record = await getSession(sid);
  if (!record) return undefined;
  const roles = Date.now() >= record.refreshAfter ? await checkRoles(sid, record) : record.roles;
  if (!roles) return undefined;
  return { sub: record.sub, roles: roles.filter(isRole), sid, displayName: record.displayName };
}

/**
 * The roles as the provider says now, from a refresh; undefined when the provider refused
 * (the session is then deleted). If the provider does not answer, the roles stand a minute more.
 *
 * One request refreshes, the others go on with the roles they read: the refresh is first
 * claimed by a conditional write of the next check time. Two refreshes with one refresh
 * token would look like a stolen token to a provider that rotates them (oidc-provider does),
 * which then revokes the grant and so ends the session.
 */
async function checkRoles(sid: string, record: SessionRecord): Promise<readonly string[] | undefined> {
  const config = oidcConfig();
  const refreshToken = record.refreshToken ? openRefreshToken(record.refreshToken) : undefined;
  if (!config || !refreshToken) {
    await deleteSession(sid);
    return undefined;
  }
  const claimed = Date.now() + ROLE_CHECK_SECONDS * 1000;
  if (!(await refreshSession(sid, record.refreshAfter, { roles: record.roles, refreshAfter: claimed }))) return record.roles;
  const result = await refreshTokens(config, refreshToken);
  if (!result.ok && !result.refused) {
    log('warn', 'session refresh: provider did not answer', { status: result.status });
    await refreshSession(sid, claimed, { roles: record.roles, refreshAfter: Date.now() + RETRY_REFRESH_SECONDS * 1000 });
    return record.roles;
  }
  const person = result.ok ? await verifyIdToken(config, result.tokens.idToken) : undefined;
  if (!result.ok || !person || person.sub !== record.sub) {
    log('info', 'session refresh refused: session ended', { status: result.ok ? 200 : result.status });
    await deleteSession(sid);
    return undefined;
  }
  const next = result.tokens.refreshToken ? { refreshToken: sealRefreshToken(result.tokens.refreshToken) } : {};
  // Lost to a sign-out meanwhile: nothing is written, and the next request finds no session.
  await refreshSession(sid, claimed, { roles: [...person.roles], refreshAfter: Date.now() + ROLE_CHECK_SECONDS * 1000, ...next });
  return person.roles;
}

/** Ends the session the request's cookie names (sign-out); nothing happens for none. */
export async function endSession(event: APIGatewayProxyEventV2): Promise<void> {
  const id = cookieValue(event, sessionCookieName());
  if (id && SESSION_ID.test(id)) await deleteSession(hashOf(id));
}

export const clearSessionCookie = () => cookie(sessionCookieName(), '', { maxAge: 0 });

const refreshKey = (key: Key) => createHash('sha256').update('refresh-token:').update(key.key).digest();

/** A refresh token at rest: `<kid>.<iv>.<tag>.<sealed>`, AES-256-GCM under a key derived from the pages' current key. */
function sealRefreshToken(token: string): string {
  const key = loadedVerificationKeys()[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', refreshKey(key), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [key.kid, ...[iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url'))].join('.');
}

function openRefreshToken(value: string): string | undefined {
  try {
    const [kid, ...parts] = value.split('.');
    const key = keyWithKid(loadedVerificationKeys(), kid);
    if (!key) return undefined;
    const [iv, tag, sealed] = parts.map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', refreshKey(key), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The value of the one cookie called `name`. Sent twice (a cookie planted for a subdomain or
 * a path beside ours), it counts as absent: neither may be trusted to be the one we set.
 */
export function cookieValue(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const all = event.cookies ?? (event.headers?.cookie ? event.headers.cookie.split(/;\s*/) : []);
  let found: string | undefined;
  for (const cookie of all) {
    const at = cookie.indexOf('=');
    if (at > 0 && cookie.slice(0, at).trim() === name) {
      if (found !== undefined) return undefined;
      found = cookie.slice(at + 1).trim();
    }
  }
  return found;
}

/** Secure only where the service is served over https (AWS sets OMI_SECURE_COOKIES=1); localhost is plain http. */
export function cookie(name: string, value: string, options: { maxAge: number; path?: string }): string {
  const secure = secureCookies() ? '; Secure' : '';
  return `${name}=${value}; Path=${options.path ?? '/'}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** `<kid>.<HMAC of the session id>`: the kid says which key to check it with after a rotation. */
export function csrfToken(session: Session): string {
  const { kid, key } = loadedVerificationKeys()[0]!;
  return `${kid}.${csrfMac(key, session)}`;
}

const csrfMac = (key: Uint8Array, session: Session) => createHmac('sha256', key).update(`csrf:${session.sid}`).digest('base64url');

export function csrfTokenMatches(session: Session, sent: string | null | undefined): boolean {
  if (!sent) return false;
  const [kid, mac] = sent.split('.');
  const key = keyWithKid(loadedVerificationKeys(), kid);
  if (!key || !mac) return false;
  const want = Buffer.from(csrfMac(key.key, session));
  const got = Buffer.from(mac);
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * Where to go after signing in: only a path on this site, fit for a Location header. Anything
 * a browser could read as another origin (`//evil`, `/\evil`, a scheme, `/\t/evil`, which a
 * browser reads as `//evil` since it drops tabs and newlines) falls back to the home page;
 * characters beyond printable ASCII are percent-encoded (a header carries no others).
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > MAX_RETURN_TO || !wellFormed(value)) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return '/';
  }
  const encoded = value.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
  // It rides in the sign-in's cookie, which a browser keeps only under about 4 KB.
  return encoded.length > MAX_RETURN_TO ? '/' : encoded;
}

const MAX_RETURN_TO = 2000;

/** No lone surrogate: such a string has no UTF-8 form, so no URL either. */
function wellFormed(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}
