/**
 * The local OpenID Connect provider that `npm start` runs in place of Cognito (issue 25):
 * panva's certified `oidc-provider`, on its own loopback origin (`http://localhost:<port>`,
 * while the service is `http://127.0.0.1:<port>`: another origin and another cookie jar,
 * as Cognito's domain is), with the demo people admin, inspector and staff, each in the group
 * of that name. Never deployed: nothing under functions/ or shared/ imports it.
 *
 * It answers on Cognito's paths (/oauth2/authorize, /oauth2/token, /logout with `logout_uri`,
 * the JWKS under the issuer) and puts the groups in `cognito:groups`, so the product's sign-in
 * (shared/http/oidc.ts) runs here exactly as in AWS; only the addresses differ.
 */
import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type ProviderContext } from 'oidc-provider';

export const LOCAL_CLIENT_ID = 'omi-workbench-local';
export const DEMO_PEOPLE = ['admin', 'inspector', 'staff'] as const;
export type DemoPerson = (typeof DEMO_PEOPLE)[number];

const PROFILES: Record<DemoPerson, { name: string; email: string }> = {
  admin: { name: 'Alex Admin', email: 'admin@omi.local' },
  inspector: { name: 'Ines Inspector', email: 'inspector@omi.local' },
  staff: { name: 'Sam Staff', email: 'staff@omi.local' },
};

export interface LocalProvider {
  /** The issuer, and the base of the login, token and logout endpoints. */
  issuer: string;
  clientId: string;
  /** Each person's password: the demo people's, and any extra one's. */
  passwords: Record<string, string>;
  stop(): Promise<void>;
}

export interface LocalProviderOptions {
  port?: number;
  /** Every person's password; unset, each gets a random one per start. */
  password?: string;
  /**
   * More people beside the demo ones, `name:group` (OMI_DEMO_EXTRA_PEOPLE): the tests use
   * people of their own where ending "everybody's sessions of one person" must not touch
   * the sessions other test files are using.
   */
  extraPeople?: readonly { name: string; group: DemoPerson }[];
  /** Our /auth/callback and where logout returns to. */
  callbackUrl: string;
  signOutUrl: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function samePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function loginPage(uid: string, username: string, error?: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${error ? 'Error: ' : ''}Sign in: local identity provider</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}label{display:block;font-weight:bold;margin-top:1rem}input{font-size:1.1rem;padding:.3rem;width:100%}button{margin-top:1.5rem;font-size:1.1rem;padding:.4rem 1rem}.local{border:3px solid #d4351c;padding:.5rem 1rem}.error{color:#d4351c;font-weight:bold}</style></head>
<body><main>
<p class="local"><strong>Local identity provider: for this machine only, never deployed.</strong> It stands in for Cognito's managed login.</p>
<h1>Sign in</h1>
${error ? `<p class="error" role="alert" id="login-error">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login" novalidate>
  <label for="username">Username</label>
  <input id="username" name="username" autocomplete="username" value="${esc(username)}"${error ? ' aria-describedby="login-error"' : ''}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password">
  <button type="submit">Sign in</button>
</form>
</main></body></html>`;
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16 * 1024) break;
  }
  return new URLSearchParams(body);
}

export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const people = new Map<string, { group: DemoPerson; name: string; email: string }>([
    ...DEMO_PEOPLE.map((p) => [p, { group: p, ...PROFILES[p] }] as const),
    ...(options.extraPeople ?? []).map((p) => [p.name, { group: p.group, name: `Test ${p.name}`, email: `${p.name}@omi.local` }] as const),
  ]);
  const passwords = Object.fromEntries([...people.keys()].map((p) => [p, options.password || randomBytes(9).toString('base64url')]));
  const server: Server = createServer();
  await new Promise<void>((res) => server.listen(options.port ?? 0, '127.0.0.1', res));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [options.callbackUrl],
        post_logout_redirect_uris: [options.signOutUrl],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      userinfo: '/oauth2/userInfo',
      jwks: '/.well-known/jwks.json',
      end_session: '/session/end',
    },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    claims: { openid: ['sub', 'cognito:groups'], email: ['email'], profile: ['name'] },
    // Like Cognito: the groups, name and email are in the ID token itself.
    conformIdTokenClaims: false,
    // Like Cognito: the code grant always brings a refresh token (the sessions refresh their roles with it).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { RefreshToken: 12 * 3600, IdToken: 3600, AccessToken: 3600, Session: 12 * 3600, Grant: 12 * 3600 },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource } },
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Our own first-party client: no consent screen, as Cognito's managed login has none.
    loadExistingGrant: async (ctx) => {
      const oidc = ctx.oidc;
      const known = oidc.session?.grantIdFor(oidc.client!.clientId);
      const found = known ? await oidc.provider.Grant.find(known) : undefined;
      if (found) return found;
      if (!oidc.session?.accountId) return undefined;
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid email profile offline_access');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      const person = people.get(sub.replace(/^local-/, ''));
      if (!person || !sub.startsWith('local-')) return undefined;
      return { accountId: sub, claims: async () => ({ sub, name: person.name, email: person.email, 'cognito:groups': [person.group] }) };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error: local identity provider</title></head><body><main><h1>Sign-in error</h1><p>${esc(String(out.error ?? ''))}: ${esc(String(out.error_description ?? ''))}</p></main></body></html>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      const login = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
      if (login && req.method === 'GET' && !login[2]) {
        const details = await provider.interactionDetails(req, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loginPage(details.uid, ''));
        return;
      }
      if (login && req.method === 'POST' && login[2]) {
        const details = await provider.interactionDetails(req, res);
        const form = await formOf(req);
        const username = (form.get('username') ?? '').trim();
        const known = people.has(username) ? username : undefined;
        if (!known || !samePassword(form.get('password') ?? '', passwords[known]!)) {
          res
            .writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
            .end(loginPage(details.uid, username, 'Enter a correct username and password'));
          return;
        }
        // The same ids as the local bearer tokens' (`local-<role>`), so a person is one person in both.
        await provider.interactionFinished(req, res, { login: { accountId: `local-${known}` } }, { mergeWithLastSubmission: false });
        return;
      }
      if (url.pathname === '/logout' && req.method === 'GET') {
        // Cognito's logout dialect (`logout_uri`) onto OpenID Connect's end-session endpoint.
        const end = new URL('/session/end', issuer);
        const clientId = url.searchParams.get('client_id');
        const back = url.searchParams.get('logout_uri');
        if (clientId) end.searchParams.set('client_id', clientId);
        if (back) end.searchParams.set('post_logout_redirect_uri', back);
        req.url = end.pathname + end.search;
      }
      callback(req, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`sign-in error: ${error instanceof Error ? error.message : 'unknown'}`);
    });
  });

  return {
    issuer,
    clientId: LOCAL_CLIENT_ID,
    passwords,
    stop: () => new Promise<void>((res) => server.close(() => res())),
  };
}

/**
 * Cognito's /logout asks nothing; this one shows a page with one button, and sends it by
 * itself where scripts run, so the provider's session ends even if the person looks away.
 */
async function logoutSource(ctx: ProviderContext, form: string) {
  const withConsent = form.replace('</form>', '<input type="hidden" name="logout" value="yes"><button type="submit">Sign out</button></form>');
  ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signing out: local identity provider</title></head>
<body><main><p><strong>Local identity provider: for this machine only, never deployed.</strong></p><h1>Signing out</h1>${withConsent}
<script>document.getElementById('op.logoutForm').submit()</script></main></body></html>`;
}
