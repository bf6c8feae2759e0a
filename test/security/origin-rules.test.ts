/**
 * A form from another site, as a rule over arbitrary origins (issue 32): every Origin that is
 * not exactly ours, however close to it (ours with a longer host, a port, a path, user info,
 * another scheme, `null`), is refused on a signed-in form with a valid CSRF token, and gets
 * no form stash when the session has ended. Our own origin, the oracle, is the test server's
 * address, not the code under test.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

let ours: string;
let base: string;

beforeAll(async () => {
  ours = new URL(baseUrl()).origin;
  base = `/workbench/inspections/${await createInspection('Origin rules')}`;
});

const FIELDWORK = {
  'fieldworkStart-day': '5',
  'fieldworkStart-month': '11',
  'fieldworkStart-year': '2007',
  'fieldworkEnd-day': '9',
  'fieldworkEnd-month': '11',
  'fieldworkEnd-year': '2007',
};

/** Origins a browser could send that are not ours: near misses first, then anything URL-shaped. */
const foreignOrigin = () =>
  fc
    .oneof(
      fc.stringMatching(/^[\x21-\x7e]{1,24}$/).map((tail) => `${ours}${tail}`),
      fc.constantFrom('.evil.example', ':1', '/', '@evil.example', '.').map((tail) => `${ours}${tail}`),
      fc.constant(ours.replace(/^http:/, 'https:')),
      fc.constant('null'),
      fc.webUrl().map((u) => new URL(u).origin),
    )
    .filter((origin) => origin !== ours);

describe('a form sent from another origin', () => {
  it('is refused with 403 on a signed-in form, whatever the origin, and nothing is made', async () => {
    const me = await signIn('admin');
    const csrf = csrfOf((await page('/workbench/inspections/new', { cookie: me.cookie })).text);
    let n = 0;
    const made: string[] = [];
    await fc.assert(
      fc.asyncProperty(foreignOrigin(), async (origin) => {
        const area = `Origin rule ${++n} ${Date.now()}`;
        const sent = form({ csrf, area, ...FIELDWORK });
        const res = await page('/workbench/inspections/new', { cookie: me.cookie, ...sent, headers: { ...sent.headers, origin } });
        if (res.status !== 403) made.push(area);
        expect(res.status, origin).toBe(403);
      }),
      { numRuns: 30 },
    );
    const areas = (await call('/inspections', { as: 'admin' })).json.inspections.map((i: { area: string }) => i.area);
    expect(areas.filter((a: string) => made.includes(a))).toEqual([]);
    // The same form from our own origin is taken: the refusals above were the origin's alone.
    const own = form({ csrf, area: `Origin rule own ${Date.now()}`, ...FIELDWORK });
    expect((await page('/workbench/inspections/new', { cookie: me.cookie, ...own, headers: { ...own.headers, origin: ours } })).status).toBe(303);
  });

  it('gets no form stash after the session ended, whatever the origin', async () => {
    const me = await signIn('inspector');
    const shown = await page(`${base}/cases/new?caseType=community`, { cookie: me.cookie });
    const hidden = Object.fromEntries([...shown.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
    expect(hidden.owner).toBeDefined();
    // The same post from our own page is kept: the rule below is about the origin alone.
    const own = form({ ...hidden, caseRef: 'OR-1', caseType: 'community' });
    const kept = await page(`${base}/cases/new`, { ...own, headers: { ...own.headers, origin: ours } });
    expect(kept.headers.get('set-cookie') ?? '').toMatch(/^omi_form=./);
    await fc.assert(
      fc.asyncProperty(foreignOrigin(), async (origin) => {
        const sent = form({ ...hidden, caseRef: 'OR-2', caseType: 'community' });
        const res = await page(`${base}/cases/new`, { ...sent, headers: { ...sent.headers, origin } });
        expect(res.headers.get('set-cookie') ?? '', origin).not.toMatch(/omi_form=./);
      }),
      { numRuns: 30 },
    );
  });
});
