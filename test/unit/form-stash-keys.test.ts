/**
 * The form stash (a signed-out post kept while its author signs in again) and the CSRF token
 * across a key rotation: made under the old key, they still work during the overlap, and not
 * once the old key is retired. (The session itself is a record on the server, no key's work.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { initFile, retireFile, rotateFile } from '#infra/ops/rotate-keys';
import { forgetKeys, verificationKeys } from '#http/keys';

// session.ts loads the session store, whose client wants a table name (never used here).
process.env.TABLE_NAME ??= 'unit-no-table';
const { ownerField, stashCookieFor, takeStash } = await import('#http/form-stash');
const { csrfToken, csrfTokenMatches } = await import('#http/session');
type Session = import('#http/session').Session;

const dir = mkdtempSync(join(tmpdir(), 'omi-stash-keys-'));
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  forgetKeys();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PATH = '/workbench/inspections/abc/cases/new';
const post = (owner: string): APIGatewayProxyEventV2 =>
  ({
    rawPath: PATH,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    isBase64Encoded: false,
    body: new URLSearchParams({ owner, csrf: 'x', caseRef: 'K-001' }).toString(),
  }) as unknown as APIGatewayProxyEventV2;
const withCookie = (cookie: string): APIGatewayProxyEventV2 =>
  ({ rawPath: PATH, headers: {}, cookies: [cookie] }) as unknown as APIGatewayProxyEventV2;
const me: Session = { sub: 'local-inspector', roles: ['inspector'], sid: 'sid-of-the-session', displayName: 'Inspector' };
const claimed = async () => true;

describe('the form stash and the CSRF token across a rotation', () => {
  it('keep working through the overlap and stop at retirement', async () => {
    const file = join(dir, 'keys.json');
    initFile(file);
    Object.assign(process.env, { OMI_KEYS_FILE: file, OMI_KEYS_CACHE_S: '0' });
    await verificationKeys();
    const owner = ownerField(me);
    const csrf = csrfToken(me);
    const stash = (await stashCookieFor(post(owner), PATH))!.split(';')[0]!;
    expect(stash).toMatch(/^omi_form=/);

    rotateFile(file, 'session');
    await verificationKeys();
    expect(csrfTokenMatches(me, csrf)).toBe(true);
    expect(csrfToken(me).split('.')[0]).not.toBe(csrf.split('.')[0]);
    expect((await takeStash(withCookie(stash), me, PATH, claimed))?.get('caseRef')).toBe('K-001');
    // An owner field from a form opened before the rotation still lets the post be kept.
    expect(await stashCookieFor(post(owner), PATH)).toMatch(/^omi_form=/);
    expect(ownerField(me).split('.')[1]).not.toBe(owner.split('.')[1]);

    retireFile(file, 'session');
    await verificationKeys();
    expect(csrfTokenMatches(me, csrf)).toBe(false);
    expect(await takeStash(withCookie(stash), me, PATH, claimed)).toBeUndefined();
    expect(await stashCookieFor(post(owner), PATH)).toBeUndefined();
  });
});
