/**
 * Sessions on the server (issue 25), through the real local server and the local OpenID
 * Connect provider: a signed-out or revoked cookie is worthless at once, an admin ends a
 * person's sessions, duplicate or foreign cookies count for nothing, the sign-in's state and
 * code work once, and roles are refreshed from the provider. The table is read directly only
 * to look (and, for expiry and refresh, to move a session's clock), never to decide a result.
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { csrfOf, form, page } from '#support/workbench';
import { CookieJar, follow, hop, reachLoginForm, signInOverHttp, signOutOverHttp, type SignedIn } from '#support/sign-in';

const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
);
afterAll(() => db.destroy());

/** The session item's key, spelled here from the contract of keys.ts (`SESSION#<sha256 of the id>`), not imported. */
const keyOf = (cookie: string) => ({ pk: `SESSION#${createHash('sha256').update(cookie.split('=')[1]!).digest('base64url')}`, sk: 'SESSION' });
const item = async (cookie: string) =>
  (await db.send(new GetCommand({ TableName: inject('tableName'), Key: keyOf(cookie), ConsistentRead: true }))).Item;

const toSignIn = (res: { status: number; headers: Headers }) =>
  (res.status === 302 || res.status === 303) && (res.headers.get('location') ?? '').startsWith('/sign-in');

async function areas(): Promise<string[]> {
  const res = await call('/inspections', { as: 'admin' });
  return res.json.inspections.map((i: { area: string }) => i.area);
}

describe('signing out', () => {
  it('deletes the session at once: the old cookie, replayed, is sent to sign in, and its form changes nothing', async () => {
    const signedIn = await signInOverHttp('admin');
    const home = await page('/', { cookie: signedIn.cookie });
    expect(home.status).toBe(200);
    const csrf = csrfOf(home.text);
    expect(await item(signedIn.cookie)).toBeDefined();

    const hops = await signOutOverHttp(signedIn);
    expect(hops[0]!.status).toBe(303);
    expect(hops[0]!.setCookie[0]).toMatch(/^omi_session=; .*Max-Age=0/);
    expect(await item(signedIn.cookie)).toBeUndefined();

    for (const path of ['/workbench/inspections/new', '/workbench/sessions'])
      expect(toSignIn(await page(path, { cookie: signedIn.cookie })), path).toBe(true);
    const area = 'Replayed after sign-out';
    const replayed = await page('/workbench/inspections/new', {
      cookie: signedIn.cookie,
      ...form({ csrf, area, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' }),
    });
    expect(toSignIn(replayed)).toBe(true);
    expect(await areas()).not.toContain(area);
    // Signed out: the start page, not the inspections.
    expect((await page('/', { cookie: signedIn.cookie })).text).toMatch(/href="\/sign-in"[^>]*>\s*Sign in/);
  });

  it("then ends the provider's session too: signing in again asks for the password", async () => {
    const signedIn = await signInOverHttp('staff');
    // Still signed in at the provider: a second sign-in goes straight through, no form.
    const again = await follow(signedIn.jar, `${baseUrl()}/sign-in`, (h) => h.url.startsWith(`${baseUrl()}/auth/callback`));
    expect(again.at(-1)!.url).toContain('/auth/callback');
    const hops = await signOutOverHttp(signedIn);
    const logout = new URL(hops[0]!.location!);
    expect(logout.origin).toBe(inject('identityProvider'));
    expect(logout.pathname).toBe('/logout');
    expect(hops.at(-1)!.url).toBe(`${baseUrl()}/`);
    const { hops: toForm } = await reachLoginForm(signedIn.jar, baseUrl());
    expect(toForm.at(-1)!.text).toContain('name="password"');
  });
});

describe("an admin ends a person's sessions", () => {
  let admin: SignedIn;
  beforeAll(async () => {
    admin = await signInOverHttp('admin');
  });

  it('lists who is signed in by name, and after "End sessions" every cookie of theirs is sent to sign in', async () => {
    // A person of this file's own (global-setup.ts): the demo inspector's sessions belong to other files too.
    const [first, second] = [await signInOverHttp('revokee'), await signInOverHttp('revokee')];
    const list = await page('/workbench/sessions', { cookie: admin.cookie });
    expect(list.status).toBe(200);
    expect(list.text).toContain('Test revokee');
    expect(list.text).toContain('Alex Admin');
    // Names only: no session id or its hash on the page.
    expect(list.text).not.toContain(keyOf(first.cookie).pk.slice('SESSION#'.length));

    const end = await page('/workbench/sessions/end', { cookie: admin.cookie, ...form({ csrf: csrfOf(list.text), sub: 'local-revokee' }) });
    expect(end.status).toBe(303);
    expect(end.headers.get('location')).toMatch(/^\/workbench\/sessions\?ended=\d+$/);
    for (const s of [first, second]) {
      expect((await page('/', { cookie: s.cookie })).text).not.toContain('Sign out');
      expect(toSignIn(await page('/workbench/inspections/new', { cookie: s.cookie }))).toBe(true);
      expect(await item(s.cookie)).toBeUndefined();
    }
    // The admin's own session is untouched.
    expect((await page('/workbench/sessions', { cookie: admin.cookie })).status).toBe(200);
  });

  it('ends no one for any sub that is no signed-in person: empty, Unicode, controls, thousands of characters (never a 500)', async () => {
    const bystander = await signInOverHttp('revokee');
    const list = await page('/workbench/sessions', { cookie: admin.cookie });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', minLength: 257, maxLength: 3000 })),
        async (sub) => {
          fc.pre(!['local-admin', 'local-revokee'].includes(sub));
          const end = await page('/workbench/sessions/end', { cookie: admin.cookie, ...form({ csrf: csrfOf(list.text), sub }) });
          expect(end.status).toBe(303);
          expect(end.headers.get('location')).toBe('/workbench/sessions?ended=0');
        },
      ),
      { numRuns: 25 },
    );
    for (const s of [admin, bystander]) expect((await page('/', { cookie: s.cookie })).text).toContain('Sign out');
  });

  it('is for admins only, and needs the CSRF token', async () => {
    const staff = await signInOverHttp('staff');
    expect((await page('/workbench/sessions', { cookie: staff.cookie })).status).toBe(403);
    const list = await page('/workbench/sessions', { cookie: admin.cookie });
    const staffPage = await page('/', { cookie: staff.cookie });
    const refused = await page('/workbench/sessions/end', { cookie: staff.cookie, ...form({ csrf: csrfOf(staffPage.text), sub: 'local-admin' }) });
    expect(refused.status).toBe(403);
    const noToken = await page('/workbench/sessions/end', { cookie: admin.cookie, ...form({ sub: 'local-staff' }) });
    expect(noToken.status).toBe(403);
    expect((await page('/', { cookie: staff.cookie })).text).toContain('Sign out');
    expect(list.status).toBe(200);
  });
});

describe('forged, replayed, expired and doubled session cookies', () => {
  it('a made-up, altered, expired or foreign-named cookie is signed out (never a 500), and changes nothing', async () => {
    const signedIn = await signInOverHttp('admin');
    const id = signedIn.cookie.split('=')[1]!;
    const expired = await signInOverHttp('admin');
    await db.send(
      new UpdateCommand({
        TableName: inject('tableName'),
        Key: keyOf(expired.cookie),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': '2000-01-01T00:00:00.000Z' },
      }),
    );
    const cookies = [
      `omi_session=${'A'.repeat(43)}`,
      `omi_session=${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`,
      `omi_session=${id}x`,
      'omi_session=',
      `omi_session=${'%'.repeat(5000)}`,
      expired.cookie,
      `__Host-omi_session=${id}`,
      `omi_session_old=${id}`,
    ];
    for (const cookie of cookies) {
      const res = await page('/workbench/inspections/new', { cookie });
      expect(toSignIn(res), cookie.slice(0, 60)).toBe(true);
      const post = await page('/workbench/inspections/new', {
        cookie,
        ...form({ csrf: 'x', area: 'Forged cookie', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' }),
      });
      expect(post.status, cookie.slice(0, 60)).toBeLessThan(500);
    }
    expect(await areas()).not.toContain('Forged cookie');
    // The good one still works: nothing above touched it.
    expect((await page('/workbench/inspections/new', { cookie: signedIn.cookie })).status).toBe(200);
  });

  it('two session cookies count as none, whichever comes first: a planted one cannot fix a session', async () => {
    const victim = await signInOverHttp('admin');
    const attacker = await signInOverHttp('staff');
    for (const cookie of [
      `${victim.cookie}; ${attacker.cookie}`,
      `${attacker.cookie}; ${victim.cookie}`,
      `${victim.cookie}; ${victim.cookie}`,
      `${victim.cookie}; omi_session=garbage`,
    ]) {
      expect(toSignIn(await page('/workbench/inspections/new', { cookie })), cookie.slice(0, 40)).toBe(true);
    }
  });
});

describe('the sign-in callback (login CSRF)', () => {
  /** A sign-in stopped just before the callback: the browser's jar and the callback URL the provider sent it to. */
  async function upToCallback(): Promise<{ jar: CookieJar; callback: string }> {
    const jar = new CookieJar();
    const { action } = await reachLoginForm(jar, baseUrl());
    const posted = await hop(jar, action, { form: { username: 'inspector', password: inject('demoPassword') } });
    // Stop at the provider's redirect to our callback: the browser has not gone there yet.
    const hops = await follow(jar, new URL(posted.location!, action).toString(), (h) => (h.location ?? '').startsWith(`${baseUrl()}/auth/callback`));
    const callback = hops.at(-1)!.location!;
    expect(callback).toContain('/auth/callback');
    return { jar, callback };
  }

  it("refuses a callback without the provider's state, with another state, or without this browser's sign-in: 400, nothing set", async () => {
    const { jar, callback } = await upToCallback();
    const url = new URL(callback);
    const noState = new URL(callback);
    noState.searchParams.delete('state');
    const otherState = new URL(callback);
    otherState.searchParams.set('state', 'x'.repeat(22));
    for (const [label, target, cookie] of [
      ['no state', noState.toString(), jar.header(callback)],
      ['another state', otherState.toString(), jar.header(callback)],
      ["another browser's code (the attacker's own, pushed on a victim)", url.toString(), ''],
    ] as const) {
      const res = await fetch(target, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
      expect(res.status, label).toBe(400);
      expect(res.headers.getSetCookie(), label).toEqual([]);
    }
    // The refusals spent nothing: the real one still signs in.
    const ok = await hop(jar, callback);
    expect(ok.status).toBe(303);
    expect(ok.setCookie.some((c) => c.startsWith('omi_session=') && !c.startsWith('omi_session=;'))).toBe(true);
  });

  it('keeps the spent state under its hash only, for the sign-in window and no longer (its TTL)', async () => {
    const { jar, callback } = await upToCallback();
    const state = new URL(callback).searchParams.get('state')!;
    const before = Math.floor(Date.now() / 1000);
    expect((await hop(jar, callback)).status).toBe(303);
    const after = Math.ceil(Date.now() / 1000);
    const key = (id: string) => ({ pk: `SIGNIN#${id}`, sk: 'SIGNIN' });
    const read = async (id: string) => (await db.send(new GetCommand({ TableName: inject('tableName'), Key: key(id), ConsistentRead: true }))).Item;
    expect(await read(state)).toBeUndefined();
    const spent = await read(createHash('sha256').update(state).digest('base64url'));
    // The window: the sign-in's own cookie lives 10 minutes (functions/sign-in.ts), as does a replay's chance.
    expect(spent?.expiresAtEpoch).toBeGreaterThan(after);
    expect(spent?.expiresAtEpoch).toBeLessThanOrEqual(before + 600 + 1);
  });

  it('refuses the same state and code a second time: 400, nothing set, even with the cookie that started it', async () => {
    const { jar, callback } = await upToCallback();
    const cookie = jar.header(callback);
    const first = await fetch(callback, { headers: { cookie }, redirect: 'manual' });
    expect(first.status).toBe(303);
    const second = await fetch(callback, { headers: { cookie }, redirect: 'manual' });
    expect(second.status).toBe(400);
    expect(second.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a replayed state even with a fresh code made for it: the state is spent at its first use', async () => {
    const { jar, callback } = await upToCallback();
    const cookie = jar.header(callback);
    expect((await fetch(callback, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
    // Somebody holding a copy of that sign-in's cookie has its state, nonce and code verifier;
    // the provider still knows the browser, so a new authorization with them gives a fresh code.
    const oauth = /omi_oauth=([^;]+)/.exec(cookie)![1]!;
    const pending = JSON.parse(Buffer.from(oauth.split('.')[1]!, 'base64url').toString('utf8')) as {
      state: string;
      nonce: string;
      codeVerifier: string;
    };
    const authorize = new URL(`${inject('identityProvider')}/oauth2/authorize`);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: 'omi-workbench-local',
      redirect_uri: `${baseUrl()}/auth/callback`,
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: createHash('sha256').update(pending.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    }))
      authorize.searchParams.set(k, v);
    const hops = await follow(jar, authorize.toString(), (h) => (h.location ?? '').startsWith(`${baseUrl()}/auth/callback`));
    const fresh = hops.at(-1)!.location!;
    expect(new URL(fresh).searchParams.get('state')).toBe(pending.state);
    expect(new URL(fresh).searchParams.get('code')).not.toBe(new URL(callback).searchParams.get('code'));
    const replay = await fetch(fresh, { headers: { cookie }, redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(replay.headers.getSetCookie()).toEqual([]);
  });

  it('goes back only to a path on this site, for any returnTo: Unicode, controls, tabs', async () => {
    for (const returnTo of [
      '/workbench/ü?q=日本',
      '/\u2028/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      `/${'é'.repeat(500)}`,
      `/${'x'.repeat(2500)}`,
      '\u0000/x',
    ]) {
      const { location } = await signInOverHttp('staff', { returnTo });
      expect(location, JSON.stringify(returnTo)).toMatch(/^\/[\x21-\x7e]*$/);
      expect(new URL(location!, 'https://service.example/').origin, JSON.stringify(returnTo)).toBe('https://service.example');
    }
  });
});

describe('roles follow the provider', () => {
  const due = (cookie: string) =>
    db.send(
      new UpdateCommand({
        TableName: inject('tableName'),
        Key: keyOf(cookie),
        UpdateExpression: 'SET refreshAfter = :now',
        ExpressionAttributeValues: { ':now': 0 },
      }),
    );

  it('a session due for its check is refreshed with the refresh token, and stays', async () => {
    const signedIn = await signInOverHttp('inspector');
    expect((await item(signedIn.cookie))!.refreshToken).not.toMatch(/^[\w-]+$/);
    await due(signedIn.cookie);
    expect((await page('/workbench/inspections/new', { cookie: signedIn.cookie })).status).toBe(403);
    const after = await item(signedIn.cookie);
    expect(after!.refreshAfter).toBeGreaterThan(Date.now());
    expect(after!.roles).toEqual(['inspector']);
  });

  it('requests racing at the check time refresh once: the provider, which rotates refresh tokens, never sees one used twice', async () => {
    const signedIn = await signInOverHttp('inspector');
    for (let round = 0; round < 3; round++) {
      await due(signedIn.cookie);
      const pages = await Promise.all(Array.from({ length: 6 }, () => page('/', { cookie: signedIn.cookie })));
      for (const p of pages) expect(p.text, `round ${round}`).toContain('Sign out');
    }
    // Still signed in, and its grant still alive at the provider: one more refresh goes through.
    await due(signedIn.cookie);
    expect((await page('/', { cookie: signedIn.cookie })).text).toContain('Sign out');
    expect((await item(signedIn.cookie))!.refreshAfter).toBeGreaterThan(Date.now());
  });

  it('a refresh the provider refuses (its grant ended at its logout) ends the session', async () => {
    const signedIn = await signInOverHttp('refused');
    // The provider's logout alone (the service not told): it revokes the grant, so the refresh token dies.
    const logout = await follow(
      signedIn.jar,
      `${inject('identityProvider')}/logout?client_id=omi-workbench-local&logout_uri=${encodeURIComponent(`${baseUrl()}/`)}`,
    );
    const confirm = logout.at(-1)!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)![1]!;
    await hop(signedIn.jar, `${inject('identityProvider')}/session/end/confirm`, { form: { xsrf, logout: 'yes' } });
    expect((await page('/workbench/sessions', { cookie: signedIn.cookie })).status).toBe(200);
    await due(signedIn.cookie);
    expect(toSignIn(await page('/workbench/sessions', { cookie: signedIn.cookie }))).toBe(true);
    expect(await item(signedIn.cookie)).toBeUndefined();
  });

  it('a session record gone from the table is signed out', async () => {
    const signedIn = await signInOverHttp('staff');
    await db.send(new DeleteCommand({ TableName: inject('tableName'), Key: keyOf(signedIn.cookie) }));
    expect(toSignIn(await page('/workbench/inspections/new', { cookie: signedIn.cookie }))).toBe(true);
  });
});
