/**
 * The workbench's OpenID Connect client, one code path locally and in AWS (issue 25): the
 * authorization code grant with PKCE, ID tokens verified by aws-jwt-verify's JwtRsaVerifier
 * (any issuer's JWKS), refresh with the provider's refresh token, and logout at the provider.
 *
 * In AWS the provider is Cognito; locally `npm start` runs an `oidc-provider` on its own
 * loopback origin (infra/local/oidc-provider.ts) that serves Cognito's paths (/oauth2/authorize,
 * /oauth2/token, /logout, and the JWKS under the issuer), so only the addresses differ:
 *
 *   OMI_OIDC_ISSUER     the `iss` of its ID tokens (Cognito: https://cognito-idp.<region>.amazonaws.com/<pool>)
 *   OMI_OIDC_DOMAIN     where its login, token and logout endpoints are (Cognito: the pool's domain)
 *   OMI_OIDC_CLIENT_ID  our (public) client; PKCE protects the code instead of a secret
 *   OMI_CALLBACK_URL    our /auth/callback, from the stage's public address
 *   OMI_SIGN_OUT_URL    where the provider's logout sends the browser back to
 */
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { parseGroups } from './auth';
import type { Role } from '#core/roles';

export interface OidcConfig {
  issuer: string;
  domain: string;
  clientId: string;
  callbackUrl: string;
  signOutUrl: string;
}

export function oidcConfig(): OidcConfig | undefined {
  const env = process.env;
  const issuer = env.OMI_OIDC_ISSUER?.replace(/\/+$/, '');
  const domain = env.OMI_OIDC_DOMAIN?.replace(/\/+$/, '');
  const clientId = env.OMI_OIDC_CLIENT_ID;
  const callbackUrl = env.OMI_CALLBACK_URL;
  if (!issuer || !domain || !clientId || !callbackUrl) return undefined;
  return { issuer, domain, clientId, callbackUrl, signOutUrl: env.OMI_SIGN_OUT_URL || new URL('/', callbackUrl).toString() };
}

export function requiredOidcConfig(): OidcConfig {
  const config = oidcConfig();
  if (!config) throw new Error('Sign-in is not configured: set OMI_OIDC_ISSUER, OMI_OIDC_DOMAIN, OMI_OIDC_CLIENT_ID and OMI_CALLBACK_URL');
  return config;
}

export const authorizeUrl = (config: OidcConfig) => `${config.domain}/oauth2/authorize`;

/** Cognito's logout, which the local provider serves too: it ends the provider's session, then returns to us. */
export const logoutUrl = (config: OidcConfig) =>
  `${config.domain}/logout?client_id=${encodeURIComponent(config.clientId)}&logout_uri=${encodeURIComponent(config.signOutUrl)}`;

export interface IdClaims {
  sub: string;
  roles: Role[];
  displayName: string;
  nonce?: string;
}

export interface Tokens {
  idToken: string;
  refreshToken?: string;
}

/** What the token endpoint said: tokens, a refusal (the grant is dead), or no answer (try later). */
export type TokenResult = { ok: true; tokens: Tokens } | { ok: false; refused: boolean; status: number };

async function tokenRequest(config: OidcConfig, fields: Record<string, string>): Promise<TokenResult> {
  const res = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...fields }),
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined);
  if (!res) return { ok: false, refused: false, status: 0 };
  // 400/401 are the provider's word that the code or refresh token is no good (invalid_grant).
  if (!res.ok) return { ok: false, refused: res.status === 400 || res.status === 401, status: res.status };
  const body = (await res.json().catch(() => ({}))) as { id_token?: unknown; refresh_token?: unknown };
  if (typeof body.id_token !== 'string') return { ok: false, refused: false, status: res.status };
  return { ok: true, tokens: { idToken: body.id_token, ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}) } };
}

export const exchangeCode = (config: OidcConfig, code: string, codeVerifier: string) =>
  tokenRequest(config, { grant_type: 'authorization_code', code, redirect_uri: config.callbackUrl, code_verifier: codeVerifier });

export const refreshTokens = (config: OidcConfig, refreshToken: string) =>
  tokenRequest(config, { grant_type: 'refresh_token', refresh_token: refreshToken });

// aws-jwt-verify's own fetcher speaks https only; the local provider is plain http on loopback.
const fetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const res = await fetch(uri, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
    return res.arrayBuffer();
  },
};

let verifier: { key: string; verify: (token: string) => Promise<Record<string, unknown>> } | undefined;

function verifierFor(config: OidcConfig) {
  const key = `${config.issuer} ${config.clientId}`;
  if (verifier?.key !== key) {
    const rsa = JwtRsaVerifier.create(
      {
        issuer: config.issuer,
        audience: config.clientId,
        jwksUri: `${config.issuer}/.well-known/jwks.json`,
        // Cognito marks its tokens; an access token (token_use "access") must never sign anyone in.
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== undefined && payload.token_use !== 'id') throw new Error('not an ID token');
        },
      },
      { jwksCache: new SimpleJwksCache({ fetcher }) },
    );
    verifier = { key, verify: async (token) => (await rsa.verify(token)) as Record<string, unknown> };
  }
  return verifier;
}

/**
 * What pages call a person: the ID token's `name`, else its `email`, else nothing (never the
 * account id: a page then says the person's role, shared/core/roles.ts).
 */
export function displayNameOf(claims: Record<string, unknown>): string {
  const name = [claims.name, claims.email].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return (name ?? '').trim().slice(0, 200);
}

/** The ID token's person, or undefined when it is not a valid token of our provider for us. */
export async function verifyIdToken(config: OidcConfig, idToken: string): Promise<IdClaims | undefined> {
  const claims = await verifierFor(config)
    .verify(idToken)
    .catch(() => undefined);
  if (!claims || typeof claims.sub !== 'string' || !claims.sub) return undefined;
  return {
    sub: claims.sub,
    roles: parseGroups(claims['cognito:groups'] as string[] | undefined),
    displayName: displayNameOf(claims),
    ...(typeof claims.nonce === 'string' ? { nonce: claims.nonce } : {}),
  };
}
