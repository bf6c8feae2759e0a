/**
 * Signing in and out of the workbench with the OpenID Connect provider: Cognito's managed login
 * in AWS, the local oidc-provider on this machine, through the very same code (shared/http/oidc.ts).
 *
 * GET /sign-in sends the browser to the provider with a fresh `state`, `nonce` and PKCE code
 * challenge (RFC 7636), kept for ten minutes in a signed, HttpOnly cookie scoped to the callback.
 * GET /auth/callback checks that cookie's state against the provider's, spends the state (once:
 * a replayed state or code is refused), exchanges the code, verifies the ID token and its nonce,
 * and starts a session on the server (shared/http/session.ts). POST /sign-out deletes the session
 * at once, then sends the browser to the provider's logout. An admin lists who is signed in and
 * ends a person's sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { log } from '#core/log';
import { countMetric, type SignInFailure } from '#core/metrics';
import { html, httpHandler, type HttpReply, type RouteHandler } from '#http/handler';
import { signInRoutes } from '#route-table/sign-in';
import { errorPage, pageOptions, seeOther } from '#http/pages';
import { authorizeUrl, exchangeCode, logoutUrl, oidcConfig, requiredOidcConfig, verifyIdToken } from '#http/oidc';
import { rememberPerson } from '#domain/people';
import {
  clearSessionCookie,
  cookie,
  cookieValue,
  csrfToken,
  currentSigningKey,
  endSession,
  keyForHeader,
  safeReturnTo,
  startSession,
} from '#http/session';
import { endPersonsSessions, spendState, whoIsSignedIn } from '#domain/sessions';
import { sessionsPage, sessionsPageUrl } from '#web/workbench/session-pages';

const OAUTH_COOKIE = 'omi_oauth';
const OAUTH_SECONDS = 600;
const CALLBACK_PATH = '/auth/callback';
const OAUTH_AUDIENCE = 'omi-oauth';

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

const startSignIn: RouteHandler<'GET /sign-in'> = async ({ query }) => {
  const config = requiredOidcConfig();
  const pending: PendingSignIn = { state: random(16), nonce: random(16), codeVerifier: random(32), returnTo: safeReturnTo(query.returnTo) };
  // Signed with the current key, its kid in the header, so a rotation during a sign-in still lets it finish.
  const signing = await currentSigningKey();
  const signed = await new SignJWT({ ...pending })
    .setProtectedHeader({ alg: 'HS256', kid: signing.kid })
    .setAudience(OAUTH_AUDIENCE)
    .setExpirationTime(Math.floor(Date.now() / 1000) + OAUTH_SECONDS)
    .sign(signing.key);
  const authorize = new URL(authorizeUrl(config));
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.callbackUrl,
    scope: 'openid email profile',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: createHash('sha256').update(pending.codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  }))
    authorize.searchParams.set(k, v);
  return seeOther(authorize.toString(), [cookie(OAUTH_COOKIE, signed, { maxAge: OAUTH_SECONDS, path: CALLBACK_PATH })]);
};

/** Nothing is set on a failed sign-in: no session, and the pending one is left to expire. Counted, by reason (the alarm on a spike). */
const failed = (reason: SignInFailure): HttpReply => {
  countMetric('SignInFailures', { reason });
  return html(400, errorPage(400, 'Sign-in failed', 'Signing in did not finish. Start again from the sign-in page.', undefined));
};

async function pendingOf(value: string | undefined): Promise<PendingSignIn | undefined> {
  if (!value || value.length > 4096) return undefined;
  try {
    const { payload } = await jwtVerify(value, keyForHeader, { audience: OAUTH_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp'] });
    const { state, nonce, codeVerifier, returnTo } = payload as Record<string, unknown>;
    if ([state, nonce, codeVerifier, returnTo].every((v) => typeof v === 'string' && v))
      return { state, nonce, codeVerifier, returnTo } as PendingSignIn;
  } catch {
    // forged, expired or malformed: the same refusal as none
  }
  return undefined;
}

const callback: RouteHandler<'GET /auth/callback'> = async ({ query, event, correlationId }) => {
  const config = requiredOidcConfig();
  const pending = await pendingOf(cookieValue(event, OAUTH_COOKIE));
  // Login CSRF: a code and state that this browser's own sign-in did not ask for are refused.
  if (!pending || !query.code || !query.state || query.state !== pending.state) return failed('state-mismatch');
  if (!(await spendState(pending.state, OAUTH_SECONDS))) {
    log('warn', 'sign-in state replayed', { correlationId });
    return failed('state-replayed');
  }
  // The provider down or slow: the person is told to start again, not shown a 500.
  const result = await exchangeCode(config, query.code, pending.codeVerifier);
  if (!result.ok) {
    log('warn', 'token exchange refused', { correlationId, status: result.status });
    return failed('exchange-refused');
  }
  const person = await verifyIdToken(config, result.tokens.idToken);
  if (!person || person.nonce !== pending.nonce) {
    log('warn', 'id token refused', { correlationId });
    return failed('id-token-refused');
  }
  // Whatever session this browser had (or was handed by somebody else) ends: a new sign-in gets a new id.
  await endSession(event);
  const { setCookie } = await startSession(person, result.tokens.refreshToken);
  // Pages name people from the directory: a changed name shows from this sign-in on.
  await rememberPerson(person.sub, person.displayName, person.roles);
  return seeOther(safeReturnTo(pending.returnTo), [setCookie, cookie(OAUTH_COOKIE, '', { maxAge: 0, path: CALLBACK_PATH })]);
};

const signOut: RouteHandler<'POST /sign-out'> = async ({ event }) => {
  await endSession(event);
  const config = oidcConfig();
  return seeOther(config ? logoutUrl(config) : '/', [clearSessionCookie()]);
};

const listSignedIn: RouteHandler<'GET /workbench/sessions'> = async ({ session, query }) => {
  const ended = query.ended !== undefined && /^\d{1,4}$/.test(query.ended) ? Number(query.ended) : undefined;
  return html(200, sessionsPage(session!, csrfToken(session!), await whoIsSignedIn(), ended));
};

const endSessionsOfPerson: RouteHandler<'POST /workbench/sessions/end'> = async ({ body, correlationId }) => {
  const ended = await endPersonsSessions(body.get('sub') ?? '');
  log('info', 'sessions ended by an admin', { correlationId, ended });
  return seeOther(`${sessionsPageUrl}?ended=${ended}`);
};

export const handler = httpHandler(
  signInRoutes,
  {
    'GET /sign-in': startSignIn,
    'GET /auth/callback': callback,
    'POST /sign-out': signOut,
    'GET /workbench/sessions': listSignedIn,
    'POST /workbench/sessions/end': endSessionsOfPerson,
  },
  pageOptions,
);
