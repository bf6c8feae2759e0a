/**
 * The workbench's paper returns through the real local server, signed in: the reference,
 * the answers form of the invitation's version (routing hints included), the error summary
 * for bad answers, the return counted once (the link then refused), and the reminders
 * download for admins only.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

let inspectionId: string;
let inspector: string;
let admin: string;
beforeAll(async () => {
  inspectionId = await createInspection('Kent');
  inspector = (await signIn('inspector')).cookie;
  admin = (await signIn('admin')).cookie;
});

async function invite(count: number): Promise<{ token: string; reference: string; invitationId: string }[]> {
  const res = await call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'cy', count } });
  return res.json.invitations;
}

const base = () => `/workbench/inspections/${inspectionId}/paper-returns`;

describe('the paper returns pages', () => {
  it('find the invitation by its reference, take its answers, count it once, and refuse its link afterwards', async () => {
    const [inv] = await invite(1);
    const start = await page(base(), { cookie: inspector });
    expect(start.status).toBe(200);
    expect(start.text).toContain('Enter a paper return');
    expect(start.text).not.toContain('Download reminders');
    const csrf = csrfOf(start.text);

    const empty = await page(base(), { cookie: inspector, ...form({ csrf, reference: '' }) });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('govuk-error-summary');
    expect(empty.text).toContain('href="#reference"');
    const unknown = await page(base(), { cookie: inspector, ...form({ csrf, reference: 'ZZZZ2222' }) });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('There is no invitation with this reference');

    // Found by the POST (a GET looks nothing up: issue 26), which shows the answers form at once.
    const answersForm = await page(base(), { cookie: inspector, ...form({ csrf, reference: inv!.reference.toLowerCase() }) });
    expect(answersForm.status).toBe(200);
    expect(answersForm.text).toContain(`name="reference" value="${inv!.reference}"`);
    expect(answersForm.text).toContain('victim-2008.2');
    expect(answersForm.text).toContain('sent in Welsh');
    // In English for the inspector, with the routing spelt out.
    expect(answersForm.text).toContain('Did you agree to have contact with the victim liaison service?');
    expect(answersForm.text).toContain('Only if the answer to');

    // Declined contact but a contact question filled in, and a required one left blank: both named.
    const answers = (fields: Record<string, string>) =>
      page(base(), { cookie: inspector, ...form({ csrf, stage: 'answers', reference: inv!.reference, ...fields }) });
    const bad = await answers({ 'agreed-contact': 'no', safety: 'yes', 'first-time-asked': 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#safety"');
    expect(bad.text).toContain('href="#mappa-aware"');
    expect(bad.text).toMatch(/value="no" checked/);
    expect((await call(`/questionnaires/${inv!.token}`)).status).toBe(200);

    const saved = await answers({ 'agreed-contact': 'no', 'mappa-aware': 'no', 'first-time-asked': 'yes', comments: 'Ar bapur.' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${base()}?entered=${inv!.reference}`);
    expect((await page(saved.headers.get('location')!, { cookie: inspector })).text).toContain(`Paper return ${inv!.reference} entered`);
    expect((await call(`/questionnaires/${inv!.token}`)).status).toBe(409);

    // Counted once: the same reference again is refused, on the reference page and on the form.
    const again = await page(base(), { cookie: inspector, ...form({ csrf, reference: inv!.reference }) });
    expect(again.status).toBe(409);
    expect(again.text).toContain('already been answered');
    expect((await answers({ 'agreed-contact': 'no', 'mappa-aware': 'no', 'first-time-asked': 'yes' })).status).toBe(409);
    // A GET with the reference looks nothing up: it only fills the reference in.
    const filledIn = await page(`${base()}?reference=${inv!.reference}`, { cookie: inspector });
    expect(filledIn.status).toBe(200);
    expect(filledIn.text).toContain(`id="reference" name="reference" type="text" value="${inv!.reference}"`);

    const summary = (await call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'admin' })).json;
    expect(summary.serviceUsers.victim.byChannel.paper).toBe(1);
  });

  it('refuses a POST without the CSRF token, and staff altogether', async () => {
    const [inv] = await invite(1);
    expect((await page(base(), { cookie: inspector, ...form({ reference: inv!.reference }) })).status).toBe(403);
    const staff = (await signIn('staff')).cookie;
    expect((await page(base(), { cookie: staff })).status).toBe(403);
  });

  it('offers admins the reminders download, which lists what is still open', async () => {
    const issued = await invite(2);
    const start = await page(base(), { cookie: admin });
    expect(start.text).toContain('Download reminders (CSV)');
    const csv = await page(`/workbench/inspections/${inspectionId}/reminders.csv`, { cookie: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`${inspectionId}-reminders.csv`);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    for (const i of issued) expect(rows.map((r) => r.reference)).toContain(i.reference);
    expect((await page(`/workbench/inspections/${inspectionId}/reminders.csv`, { cookie: inspector })).status).toBe(403);
  });
});
