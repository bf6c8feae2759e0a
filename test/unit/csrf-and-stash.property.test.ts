/**
 * The CSRF token and the form stash as rules over arbitrary input (issue 32): a token is
 * accepted for the session it was made for and for nothing else, whatever string is sent; a
 * stashed form comes back whole (but its old CSRF token), to its owner, at its path, before it
 * expires, once; and anything that is not a form it can keep is not kept. The oracles are the
 * sessions and forms the test makes, never the code's own output compared with itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initFile } from '#infra/ops/rotate-keys';

// session.ts loads the session store, whose client wants a table name (never used here).
process.env.TABLE_NAME ??= 'unit-no-table';
const { ownerField, stashCookieFor, takeStash, STASH_SECONDS } = await import('#http/form-stash');
const { csrfToken, csrfTokenMatches } = await import('#http/session');
const { forgetKeys, verificationKeys } = await import('#http/keys');
type Session = import('#http/session').Session;

const dir = mkdtempSync(join(tmpdir(), 'omi-csrf-stash-'));
const saved = { ...process.env };
beforeAll(async () => {
  const file = join(dir, 'keys.json');
  initFile(file);
  Object.assign(process.env, { OMI_KEYS_FILE: file, OMI_KEYS_CACHE_S: '0' });
  forgetKeys();
  await verificationKeys();
});
afterAll(() => {
  process.env = { ...saved };
  forgetKeys();
  rmSync(dir, { recursive: true, force: true });
});

const sessionOf = (sub: string, sid: string): Session => ({ sub, sid, roles: ['inspector'], displayName: 'Someone' });
const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 });
const anyText = fc.string({ unit: 'binary', maxLength: 200 });

describe('the CSRF token', () => {
  it("is accepted for its own session, and refused for another session's, whatever the ids", () => {
    fc.assert(
      fc.property(id, id, id, (sub, sid, otherSid) => {
        fc.pre(sid !== otherSid);
        const mine = sessionOf(sub, sid);
        expect(csrfTokenMatches(mine, csrfToken(mine))).toBe(true);
        expect(csrfTokenMatches(mine, csrfToken(sessionOf(sub, otherSid)))).toBe(false);
      }),
    );
  });

  it('refuses any other string: arbitrary text, nothing, or the real token cut, lengthened or with one character changed', () => {
    const mine = sessionOf('local-inspector', 'sid-of-this-session');
    const token = csrfToken(mine);
    const altered = fc.oneof(
      anyText,
      fc.constantFrom('', '.', token.split('.')[0]!, `${token.split('.')[0]}.`, `.${token.split('.')[1]}`),
      fc.nat({ max: token.length - 1 }).map((n) => token.slice(0, n)),
      anyText.filter((s) => s.length > 0).map((s) => token + s),
      fc.tuple(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'AZaz09-_.=')).map(([at, c]) => token.slice(0, at) + c + token.slice(at + 1)),
    );
    fc.assert(
      fc.property(altered, (sent) => {
        fc.pre(sent !== token);
        expect(csrfTokenMatches(mine, sent)).toBe(false);
      }),
    );
    expect(csrfTokenMatches(mine, null)).toBe(false);
    expect(csrfTokenMatches(mine, undefined)).toBe(false);
  });
});

const PATH = '/workbench/inspections/abc/cases/new';
const post = (body: string, contentType = 'application/x-www-form-urlencoded'): APIGatewayProxyEventV2 =>
  ({ rawPath: PATH, headers: { 'content-type': contentType }, isBase64Encoded: false, body }) as unknown as APIGatewayProxyEventV2;
const withCookie = (setCookie: string): APIGatewayProxyEventV2 =>
  ({ rawPath: PATH, headers: {}, cookies: [setCookie.split(';')[0]!] }) as unknown as APIGatewayProxyEventV2;
/** A fresh claim store: the first claim of an id wins, as the conditional write does. */
function claims() {
  const seen = new Set<string>();
  return async (stashId: string) => !seen.has(stashId) && !!seen.add(stashId);
}
const fieldName = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).filter((n) => n !== 'owner' && n !== 'csrf');
const fields = fc.dictionary(fieldName, fc.string({ unit: 'grapheme', maxLength: 80 }), { maxKeys: 8 });

describe('the form stash', () => {
  it('gives a form back whole but its CSRF token, to its owner only, at its path only, once', async () => {
    await fc.assert(
      fc.asyncProperty(fields, id, async (posted, stranger) => {
        const me = sessionOf('local-inspector', 'sid-1');
        fc.pre(stranger !== me.sub);
        const body = new URLSearchParams({ ...posted, owner: ownerField(me), csrf: csrfToken(me) }).toString();
        const cookie = await stashCookieFor(post(body), PATH);
        expect(cookie).toMatch(/^omi_form=/);
        const claim = claims();
        expect(await takeStash(withCookie(cookie!), sessionOf(stranger, 'sid-2'), PATH, claim)).toBeUndefined();
        expect(await takeStash(withCookie(cookie!), me, `${PATH}/other`, claim)).toBeUndefined();
        const back = await takeStash(withCookie(cookie!), me, PATH, claim);
        expect(back?.get('csrf')).toBeNull();
        back?.delete('owner');
        expect(Object.fromEntries(back ?? [])).toEqual(posted);
        expect(await takeStash(withCookie(cookie!), me, PATH, claim)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('is gone once its time is up, and given back just before', async () => {
    const me = sessionOf('local-inspector', 'sid-1');
    const cookie = (await stashCookieFor(post(new URLSearchParams({ owner: ownerField(me), caseRef: 'K-9' }).toString()), PATH))!;
    const madeAt = Date.now();
    const at = (msLater: number) => vi.useFakeTimers({ toFake: ['Date'], now: madeAt + msLater });
    try {
      at(STASH_SECONDS * 1000 + 1000);
      expect(await takeStash(withCookie(cookie), me, PATH, claims())).toBeUndefined();
      at(STASH_SECONDS * 1000 - 60_000);
      expect((await takeStash(withCookie(cookie), me, PATH, claims()))?.get('caseRef')).toBe('K-9');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps nothing that is not a form of a signed owner: another body type, a forged or missing owner, or a body past its bound', async () => {
    const me = sessionOf('local-inspector', 'sid-1');
    const owner = ownerField(me);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('application/json', 'multipart/form-data; boundary=x', 'text/plain', ''), fields, async (type, posted) => {
        expect(await stashCookieFor(post(new URLSearchParams({ ...posted, owner }).toString(), type), PATH)).toBeUndefined();
      }),
      { numRuns: 20 },
    );
    await fc.assert(
      fc.asyncProperty(anyText, async (forged) => {
        fc.pre(forged !== owner);
        expect(await stashCookieFor(post(new URLSearchParams({ owner: forged, caseRef: 'K-1' }).toString()), PATH)).toBeUndefined();
      }),
      { numRuns: 60 },
    );
    // A well-formed owner field whose person was swapped: the key is known, the MAC is someone else's.
    await fc.assert(
      fc.asyncProperty(id, id, async (victim, forger) => {
        fc.pre(victim !== forger);
        const [, kid, mac] = ownerField(sessionOf(forger, 'sid-f')).split('.');
        const swapped = `${Buffer.from(victim).toString('base64url')}.${kid}.${mac}`;
        expect(await stashCookieFor(post(new URLSearchParams({ owner: swapped, caseRef: 'K-1' }).toString()), PATH)).toBeUndefined();
      }),
      { numRuns: 30 },
    );
    // A browser's charset parameter changes nothing; and no stash cookie is longer than a browser keeps (4 KB), whatever the form.
    expect(
      await stashCookieFor(post(new URLSearchParams({ owner, caseRef: 'K-1' }).toString(), 'Application/x-www-form-urlencoded; charset=UTF-8'), PATH),
    ).toMatch(/^omi_form=/);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1000, maxLength: 8000 }), async (note) => {
        const cookie = await stashCookieFor(post(new URLSearchParams({ owner, note }).toString()), PATH);
        if (cookie !== undefined) expect(cookie.split(';')[0]!.length).toBeLessThanOrEqual(4096);
      }),
      { numRuns: 20 },
    );
    // Past 64 KB a post is not kept (the cookie could never hold it); a form that fits is.
    expect(await stashCookieFor(post(new URLSearchParams({ owner, note: 'x'.repeat(64 * 1024) }).toString()), PATH)).toBeUndefined();
    expect(await stashCookieFor(post(new URLSearchParams({ owner, note: 'x'.repeat(2000) }).toString()), PATH)).toMatch(/^omi_form=/);
  });
});
