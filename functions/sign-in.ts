/**
 * Signing in and out in AWS: Cognito's managed login with the authorization code grant and
 * PKCE (RFC 7636). GET /sign-in sends the browser to Cognito with a fresh `state` and code
 * challenge, kept for ten minutes in a signed, HttpOnly cookie scoped to the callback;
 * GET /auth/callback checks the state, exchanges the code at Cognito's token endpoint, has
 * aws-jwt-verify check the ID token (signature against the pool's JWKS, issuer, audience,
 * expiry, token use) and sets our own session cookie, the same one the local stand-in sets.
 * POST /sign-out ends both sessions: ours here, Cognito's at its /logout.
 *
 * Configuration (set by the CDK stack): OMI_COGNITO_DOMAIN (https://<prefix>.auth.<region>.amazoncognito.com),
 * OMI_COGNITO_CLIENT_ID, OMI_COGNITO_USER_POOL_ID, OMI_CALLBACK_URL, OMI_SIGN_OUT_URL.
 * Locally none is set: POST /sign-out just clears the cookie, and GET /sign-in is the stand-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SignJWT, jwtVerify } from 'jose';
import { log } from '../shared/core/log';
import { parseGroups } from '../shared/http/auth';
import { html, httpHandler, type HttpReply, type RouteHandler } from '../shared/http/handler';
import { signInRoutes } from '../shared/route-table/sign-in';
import { errorPage, pageOptions, seeOther } from '../shared/http/pages';
import { clearSessionCookie, cookie, cookieValue, keyForHeader, safeReturnTo, sessionCookie, signSession } from '../shared/http/session';
import { currentSigningKey } from '../shared/http/keys';

const OAUTH_COOKIE = 'omi_oauth';
const OAUTH_SECONDS = 600;
const CALLBACK_PATH = '/auth/callback';

function config() {
  const env = process.env;
  const domain = env.OMI_COGNITO_DOMAIN?.replace(/\/+$/, '');
  const clientId = env.OMI_COGNITO_CLIENT_ID;
  const userPoolId = env.OMI_COGNITO_USER_POOL_ID;
  const callbackUrl = env.OMI_CALLBACK_URL;
  if (!domain || !clientId || !userPoolId || !callbackUrl) return undefined;
  return { domain, clientId, userPoolId, callbackUrl, signOutUrl: env.OMI_SIGN_OUT_URL };
}

let verifier: ReturnType<typeof CognitoJwtVerifier.create<{ userPoolId: string; tokenUse: 'id'; clientId: string }>> | undefined;

const base64url = (b: Buffer) => b.toString('base64url');

const signOut: RouteHandler<'POST /sign-out'> = async () => {
  const cfg = config();
  const cookies = [clearSessionCookie()];
  if (!cfg?.signOutUrl) return seeOther('/', cookies);
  return seeOther(`${cfg.domain}/logout?client_id=${encodeURIComponent(cfg.clientId)}&logout_uri=${encodeURIComponent(cfg.signOutUrl)}`, cookies);
};

function required() {
  const cfg = config();
  if (!cfg) throw new Error('Cognito sign-in is not configured');
  return cfg;
}

const startSignIn: RouteHandler<'GET /sign-in'> = async ({ query }) => {
  const cfg = required();
  const state = base64url(randomBytes(16));
  const codeVerifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(codeVerifier).digest());
  const signing = await currentSigningKey();
  const pending = await new SignJWT({ state, codeVerifier, returnTo: safeReturnTo(query.returnTo) })
    .setProtectedHeader({ alg: 'HS256', kid: signing.kid })
    .setAudience('omi-oauth')
    .setExpirationTime(Math.floor(Date.now() / 1000) + OAUTH_SECONDS)
    .sign(signing.key);
  const authorize = new URL(`${cfg.domain}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: cfg.callbackUrl,
    scope: 'openid email',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    authorize.searchParams.set(k, v);
  return seeOther(authorize.toString(), [cookie(OAUTH_COOKIE, pending, { maxAge: OAUTH_SECONDS, path: CALLBACK_PATH })]);
};

const failed = (): HttpReply => html(400, errorPage(400, 'Sign-in failed', 'Signing in did not finish. Start again from the sign-in page.', undefined));

const callback: RouteHandler<'GET /auth/callback'> = async ({ query, event, correlationId }) => {
  const cfg = required();
  let pending: { state: string; codeVerifier: string; returnTo: string };
  try {
    const { payload } = await jwtVerify(cookieValue(event, OAUTH_COOKIE) ?? '', keyForHeader, { audience: 'omi-oauth', algorithms: ['HS256'] });
    pending = payload as unknown as typeof pending;
  } catch {
    return failed();
  }
  if (!query.code || !query.state || query.state !== pending.state) return failed();

  // Cognito down or slow: the person is told to start again, not shown a 500.
  const res = await fetch(`${cfg.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cfg.clientId,
      code: query.code,
      redirect_uri: cfg.callbackUrl,
      code_verifier: pending.codeVerifier,
    }),
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined);
  if (!res?.ok) {
    log('warn', 'token exchange refused', { correlationId, status: res?.status ?? 0 });
    return failed();
  }
  const tokens = (await res.json()) as { id_token?: string };
  verifier ??= CognitoJwtVerifier.create({ userPoolId: cfg.userPoolId, tokenUse: 'id', clientId: cfg.clientId });
  const claims = await verifier.verify(tokens.id_token ?? '').catch(() => undefined);
  if (!claims) {
    log('warn', 'id token refused', { correlationId });
    return failed();
  }
  const { value } = await signSession(claims.sub, parseGroups(claims['cognito:groups'] as string[] | undefined));
  return seeOther(safeReturnTo(pending.returnTo), [sessionCookie(value), cookie(OAUTH_COOKIE, '', { maxAge: 0, path: CALLBACK_PATH })]);
};

export const handler = httpHandler(signInRoutes, { 'GET /sign-in': startSignIn, 'GET /auth/callback': callback, 'POST /sign-out': signOut }, pageOptions);
