/**
 * The form stash's cookie after it is given back, at the page level (issue 32: the clearing's
 * attributes and the "is there a stash" check survived mutation testing). The rules:
 *
 * - the page that gives a stash back tells the browser to drop it: `Max-Age=0`, at the same
 *   Path it was set at (a cookie cleared at another path is a second cookie, the stash stays);
 * - a stash that is not for this person or this form is not given back, and nothing is spent:
 *   its own person at its own form still gets it;
 * - a page reached without a stash sets no stash cookie at all (it clears nothing it was not sent).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { form, page, signIn, type PageResult } from '#support/workbench';

const RESTORED = 'You were signed out before this was saved';
let base: string;

beforeAll(async () => {
  const id = await createInspection('Stash clearing');
  base = `/workbench/inspections/${id}`;
  expect((await call(`/inspections/${id}/cases/SC-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBeLessThan(300);
});

/** The stash cookie lines of a reply (the name and its attributes, parsed). */
function stashCookies(res: PageResult): { value: string; attributes: Record<string, string> }[] {
  return res.headers
    .getSetCookie()
    .filter((line) => line.startsWith('omi_form='))
    .map((line) => {
      const [pair, ...rest] = line.split(';');
      const attributes = Object.fromEntries(
        rest.map((a) => {
          const [name, ...value] = a.trim().split('=');
          return [name!.toLowerCase(), value.join('=')];
        }),
      );
      return { value: pair!.slice('omi_form='.length), attributes };
    });
}

/** A form of `path` posted by `cookie`'s person after their session ended: the stash cookie (name=value) and the Path it was set at. */
async function stashAt(path: string, fields: Record<string, string>): Promise<{ stash: string; path: string }> {
  const me = await signIn('inspector');
  const shown = await page(path, { cookie: me.cookie });
  const hidden = Object.fromEntries([...shown.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
  expect(hidden.owner, `no owner field on ${path}`).toBeDefined();
  const action = path.replace(/\?.*$/, '');
  const posted = await page(action, form({ ...hidden, ...fields }));
  expect(posted.status).toBe(303);
  const [set] = stashCookies(posted);
  expect(set, 'the signed-out post was not kept').toBeDefined();
  expect(set!.value).not.toBe('');
  return { stash: `omi_form=${set!.value}`, path: set!.attributes.path! };
}

const FORMS: { name: string; shown: () => string; form: () => string; fields: Record<string, string> }[] = [
  {
    name: 'a new case',
    shown: () => `${base}/cases/new?caseType=community`,
    form: () => `${base}/cases/new`,
    fields: { caseRef: 'SC-NEW', caseType: 'community' },
  },
  { name: 'a saved case', shown: () => `${base}/cases/SC-1`, form: () => `${base}/cases/SC-1`, fields: { caseType: 'community', 'q-1.2.1': 'no' } },
];

describe('the form stash cookie', () => {
  for (const f of FORMS) {
    it(`of ${f.name}: the page giving it back clears it, Max-Age=0 at the Path it was set at`, async () => {
      const { stash, path } = await stashAt(f.shown(), f.fields);
      expect(path).toBe(f.form());
      const again = await signIn('inspector');
      const back = await page(f.shown(), { cookie: `${again.cookie}; ${stash}` });
      expect(back.status).toBe(200);
      expect(back.text).toContain(RESTORED);
      const cleared = stashCookies(back);
      expect(cleared).toHaveLength(1);
      expect(cleared[0]!.value).toBe('');
      expect(cleared[0]!.attributes['max-age']).toBe('0');
      expect(cleared[0]!.attributes.path).toBe(path);
    });

    it(`of ${f.name}: another person's page, or another form's, gives nothing back and spends nothing`, async () => {
      const { stash, path } = await stashAt(f.shown(), f.fields);
      // Somebody else signed in on the same browser: not theirs, so dropped from this browser, at its path.
      const admin = await signIn('admin');
      const other = await page(f.shown(), { cookie: `${admin.cookie}; ${stash}` });
      expect(other.status).toBe(200);
      expect(other.text).not.toContain(RESTORED);
      const dropped = stashCookies(other);
      expect(dropped).toHaveLength(1);
      expect(dropped[0]!.attributes['max-age']).toBe('0');
      expect(dropped[0]!.attributes.path).toBe(path);
      // The same person at another form (a browser would not send it there; a client can): not given back.
      const me = await signIn('inspector');
      const elsewhere = FORMS.find((g) => g !== f)!;
      expect((await page(elsewhere.shown(), { cookie: `${me.cookie}; ${stash}` })).text).not.toContain(RESTORED);
      // Neither visit spent it: at its own form its person still gets it, once.
      const back = await page(f.shown(), { cookie: `${me.cookie}; ${stash}` });
      expect(back.text).toContain(RESTORED);
      expect((await page(f.shown(), { cookie: `${me.cookie}; ${stash}` })).text).not.toContain(RESTORED);
    });
  }

  it('is never set or cleared by a page that was sent no stash', async () => {
    const me = await signIn('inspector');
    for (const path of [...FORMS.map((f) => f.shown()), `${base}/cases/new`, `${base}/cases`, base]) {
      const res = await page(path, { cookie: me.cookie });
      expect(res.status, path).toBe(200);
      expect(stashCookies(res), path).toEqual([]);
    }
  });
});
