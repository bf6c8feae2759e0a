/**
 * Rules through the local server that mutants surviving the sampled Stryker run showed
 * untested (bench/RESULTS.md lists each survivor and its verdict).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_BANK_VERSION, getBank } from '#bank/index';
import { baseUrl, call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { page, signIn } from '#support/workbench';

describe('the breakdowns page', () => {
  let id: string;
  let staff: string;
  beforeAll(async () => {
    id = await createInspection('Survivor rules');
    for (let i = 1; i <= 6; i++)
      expect((await call(`/inspections/${id}/cases/S-${i}`, { method: 'PUT', as: 'inspector', json: makeCase('community', i) })).status).toBe(201);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    staff = (await signIn('staff')).cookie;
  });

  it("lists in its diversity table every question of criterion 2.7, in the bank's order, and no other", async () => {
    const shown = await page(`/workbench/inspections/${id}/breakdowns`, { cookie: staff });
    expect(shown.status).toBe(200);
    const diversity = shown.text.slice(shown.text.indexOf('id="diversity"'), shown.text.indexOf('>Gender<'));
    const rows = [...diversity.matchAll(/<tr[^>]*>\s*<t[hd][^>]*>([\d.]+) /g)].map((m) => m[1]);
    const expected = getBank(CURRENT_BANK_VERSION)!
      .questions.filter((q) => q.criterion === '2.7')
      .map((q) => q.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
  });
});

describe('signing in again after a post without a session', () => {
  it('returns to the page a post came from only when that page is on this site', async () => {
    const origin = new URL(baseUrl()).origin;
    const path = '/workbench/inspections/none/meetings/m1';
    // An off-site page whose address, cut at this site's origin's length, would read as a path here.
    const offSite = 'https://x.example'.padEnd(origin.length, 'x');
    expect(offSite).toHaveLength(origin.length);
    for (const [referer, location] of [
      [`${origin}/workbench`, `/sign-in?returnTo=${encodeURIComponent('/workbench')}`],
      [`${offSite}/workbench`, '/sign-in'],
    ] as const) {
      const res = await page(path, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain', origin, referer } });
      expect(res.status, referer).toBe(303);
      expect(res.headers.get('location'), referer).toBe(location);
    }
  });
});

describe('a refusal', () => {
  it('names each problem with its path (empty for the whole body) and what is wrong, for every kind of refusal of a body', async () => {
    const refusals = [
      { status: 415, body: '{}', headers: { 'content-type': 'text/plain' } },
      { status: 400, body: '{"area":', headers: { 'content-type': 'application/json' } },
      { status: 400, body: '{"area":7}', headers: { 'content-type': 'application/json' } },
    ];
    for (const { status, ...options } of refusals) {
      const res = await call('/inspections', { method: 'POST', as: 'admin', ...options });
      expect(res.status, options.body).toBe(status);
      expect(res.json.errors.length, options.body).toBeGreaterThan(0);
      for (const e of res.json.errors) {
        // '' names the whole body.
        expect(typeof e.path, JSON.stringify(e)).toBe('string');
        expect(typeof e.message === 'string' && e.message.length > 0, JSON.stringify(e)).toBe(true);
      }
    }
  });
});
