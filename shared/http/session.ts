/**
 * The workbench's session: one cookie, signed by us (HS256, jose), the same locally and in
 * AWS. Locally the sign-in stand-in sets it; in AWS the OAuth callback sets it after
 * aws-jwt-verify has checked Cognito's ID token. Only the page routes (`auth: 'session'`)
 * read it; the JSON API never does.
 *
 * The CSRF token is an HMAC of the session's own id under the same secret: nothing to store,
 * different for every session, and useless without the cookie it belongs to.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ROLES, type Role, type User } from '../core/roles';
import { currentSigningKey, keyWithKid, loadedVerificationKeys, verificationKeys } from './keys';

export const SESSION_COOKIE = 'omi_session';
/** The issue's ceiling: a working day, then sign in again. */
export const SESSION_SECONDS = 12 * 3600;
const ISSUER = 'omi-session';
const AUDIENCE = 'omi-workbench';

export interface Session extends User {
  /** The session's id: what the CSRF token is derived from. */
  sid: string;
}

/** For jose: the accepted key named by the token's `kid` (a token without one matches none). */
export const keyForHeader = async (header: { kid?: string }) => {
  const key = keyWithKid(await verificationKeys(), header.kid);
  if (!key) throw new Error('unknown or retired key');
  return key.key;
};

export async function signSession(sub: string, roles: readonly Role[], seconds = SESSION_SECONDS): Promise<{ value: string; session: Session }> {
  const sid = randomBytes(16).toString('base64url');
  const signing = await currentSigningKey();
  const value = await new SignJWT({ roles: [...roles], sid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: signing.kid })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + Math.min(seconds, SESSION_SECONDS))
    .sign(signing.key);
  return { value, session: { sub, roles: [...roles], sid } };
}

/** The session in the request's cookie, or undefined for none, forged, expired or malformed. */
export async function sessionFromEvent(event: APIGatewayProxyEventV2): Promise<Session | undefined> {
  const value = cookieValue(event, SESSION_COOKIE);
  if (!value || value.length > 4096) return undefined;
  try {
    const { payload } = await jwtVerify(value, keyForHeader, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp', 'iat'],
      maxTokenAge: SESSION_SECONDS,
    });
    if (typeof payload.sub !== 'string' || !payload.sub || typeof payload.sid !== 'string' || !Array.isArray(payload.roles)) return undefined;
    const roles = payload.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
    return { sub: payload.sub, roles, sid: payload.sid };
  } catch {
    return undefined;
  }
}

/** A payload 2.0 event keeps cookies apart from the headers, one `name=value` each. */
export function cookieValue(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const all = event.cookies ?? (event.headers?.cookie ? event.headers.cookie.split(/;\s*/) : []);
  for (const cookie of all) {
    const at = cookie.indexOf('=');
    if (at > 0 && cookie.slice(0, at).trim() === name) return cookie.slice(at + 1).trim();
  }
  return undefined;
}

/** Secure only where the service is served over https (AWS sets OMI_SECURE_COOKIES=1); localhost is plain http. */
export function cookie(name: string, value: string, options: { maxAge: number; path?: string }): string {
  const secure = process.env.OMI_SECURE_COOKIES === '1' ? '; Secure' : '';
  return `${name}=${value}; Path=${options.path ?? '/'}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

export const sessionCookie = (value: string) => cookie(SESSION_COOKIE, value, { maxAge: SESSION_SECONDS });
export const clearSessionCookie = () => cookie(SESSION_COOKIE, '', { maxAge: 0 });

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
 * Where to go after signing in: only a path on this site. Anything that a browser could read
 * as another origin (`//evil`, `/\evil`, a scheme) falls back to the home page.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 1000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  // A tab or newline inside a URL is dropped by browsers, so '/\t/evil' would become '//evil'.
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20 || value.charCodeAt(i) === 0x7f) return '/';
  return value;
}
