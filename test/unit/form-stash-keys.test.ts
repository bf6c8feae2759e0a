/**
 * The form stash (a signed-out post kept while its author signs in again) across a key
 * rotation: a stash or an owner field made under the old key still works during the overlap,
 * and not once the old key is retired.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { initFile, retireFile, rotateFile } from '../../infra/ops/rotate-keys';
import { ownerField, stashCookieFor, takeStash } from '../../shared/http/form-stash';
import { forgetKeys } from '../../shared/http/keys';
import { sessionFromEvent, signSession, type Session } from '../../shared/http/session';

const dir = mkdtempSync(join(tmpdir(), 'omi-stash-keys-'));
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  forgetKeys();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PATH = '/workbench/inspections/abc/cases/new';
const post = (owner: string): APIGatewayProxyEventV2 =>
  ({ rawPath: PATH, headers: { 'content-type': 'application/x-www-form-urlencoded' }, isBase64Encoded: false, body: new URLSearchParams({ owner, csrf: 'x', caseRef: 'K-001' }).toString() }) as unknown as APIGatewayProxyEventV2;
const withCookie = (cookie: string): APIGatewayProxyEventV2 => ({ rawPath: PATH, headers: {}, cookies: [cookie] }) as unknown as APIGatewayProxyEventV2;

describe('the form stash and the session across a rotation', () => {
  it('keeps working through the overlap and stops at retirement', async () => {
    const file = join(dir, 'keys.json');
    initFile(file);
    Object.assign(process.env, { OMI_KEYS_FILE: file, OMI_KEYS_CACHE_S: '0' });
    const { value, session } = await signSession('local-inspector', ['inspector']);
    expect(await sessionFromEvent(withCookie(`omi_session=${value}`))).toMatchObject({ sub: 'local-inspector' });
    const owner = ownerField(session);
    const stash = (await stashCookieFor(post(owner)))!.split(';')[0]!;
    expect(stash).toMatch(/^omi_form=/);

    rotateFile(file, 'session');
    const me: Session = (await sessionFromEvent(withCookie(`omi_session=${value}`)))!;
    expect(me).toMatchObject({ sub: 'local-inspector' });
    expect((await takeStash(withCookie(stash), me))?.get('caseRef')).toBe('K-001');
    // An owner field from a form opened before the rotation still lets the post be kept.
    expect(await stashCookieFor(post(owner))).toMatch(/^omi_form=/);
    expect(ownerField(me).split('.')[1]).not.toBe(owner.split('.')[1]);

    retireFile(file, 'session');
    expect(await sessionFromEvent(withCookie(`omi_session=${value}`))).toBeUndefined();
    expect(await takeStash(withCookie(stash), me)).toBeUndefined();
    expect(await stashCookieFor(post(owner))).toBeUndefined();
  });
});
