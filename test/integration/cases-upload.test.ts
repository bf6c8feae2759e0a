/**
 * Bulk entry that explains itself (issue 27), through the real local server: the templates per
 * case type, the form's words in a file, problems in words, and an upload over cases already
 * entered listing them and asking first, on the JSON route (`?replace=ask`; replacing stays its
 * default, as the contract's 200 for any good file) and on the workbench (always asks).
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_COLUMNS } from '#cases/csv';
import { call, expectProblem } from '#support/api';
import { bank, createInspection } from '#support/fixtures';
import { casesInFormWords, csrfOf, form, page, replaceForm, signIn, uploadCasesFile } from '#support/workbench';

let admin: string;
let inspector: string;
let staff: string;
const dashboard = (id: string) => `/workbench/inspections/${id}`;

beforeAll(async () => {
  [admin, inspector, staff] = await Promise.all([signIn('admin'), signIn('inspector'), signIn('staff')]).then((s) => s.map((x) => x.cookie));
});

const casesFile = casesInFormWords;

const uploadJson = (id: string, csv: string, query = '') =>
  call(`/inspections/${id}/cases${query}`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } });
const stored = async (id: string, ref: string) =>
  (await call(`/inspections/${id}/cases/${ref}`, { as: 'admin' })).json as {
    version: number;
    updatedBy: string;
    updatedAt: string;
    profile: Record<string, unknown>;
    answers: Record<string, string>;
  };

describe('the templates', () => {
  it('keeps the bare header without a case type, and gives each type its questions with notes rows and an example', async () => {
    const id = await createInspection('Templates');
    const bare = await call(`/inspections/${id}/cases-template.csv`, { as: 'staff' });
    expect(bare.text.trim().split('\n')).toHaveLength(1);
    for (const type of ['community', 'licence', 'custody'] as const) {
      const res = await call(`/inspections/${id}/cases-template.csv?caseType=${type}`, { as: 'staff' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toContain(`cases-template-${type}.csv`);
      const [header, what, allowed, example] = parse(res.text) as string[][];
      expect(header!.slice(1 + PROFILE_COLUMNS.length)).toEqual(
        bank()
          .questions.filter((q) => q.appliesTo.includes(type))
          .map((q) => q.id),
      );
      expect(what![header!.indexOf('tier')]).toBe('Tier');
      expect(allowed![header!.indexOf('assessor')]).toContain('HMI inspector');
      expect(example![0]).toMatch(/^# Example/);
    }
    const refused = await call(`/inspections/${id}/cases-template.csv?caseType=borstal`, { as: 'staff' });
    expect(expectProblem(refused, 400).errors.map((e) => e.path)).toEqual(['query.caseType']);
  });

  it('is linked from the dashboard, one per case type, and downloads with the session', async () => {
    const id = await createInspection('Template links');
    const dash = await page(dashboard(id), { cookie: inspector });
    const links = [...dash.text.matchAll(/href="([^"]*cases-template\.csv\?caseType=(\w+))"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(links.map(([, kind]) => kind)).toEqual(['community', 'licence', 'custody', 'all']);
    for (const [href, kind] of links) {
      const res = await page(href.replaceAll('&amp;', '&'), { cookie: staff });
      expect(res.status).toBe(200);
      expect(res.text).toContain('# Allowed values');
      if (kind === 'all') expect(res.text).toContain('NOT ASKED of');
    }
  });
});

describe('the JSON route', () => {
  it("reads the form's words, and names a bad cell's row and column in words", async () => {
    const id = await createInspection('JSON words');
    const good = await uploadJson(id, casesFile(['W-1', 'W-2']));
    expect(good.status).toBe(200);
    expect((await stored(id, 'W-1')).profile).toMatchObject({ caseType: 'community', tier: 2, assessor: 'hmi' });

    const bad = casesFile(['W-3', 'W-4', 'W-5']).replace(/Tier 2/g, 'Tier 9');
    const problem = expectProblem(await uploadJson(id, bad), 400);
    expect(problem.errors).toEqual([
      {
        path: 'column tier',
        message: expect.stringMatching(/^Column tier \(Tier\): rows 2, 3, 4: not one of the allowed values \("Tier 9"\): use 1, 2, 3 or 4/),
      },
    ]);
  });

  it('replaces cases already entered by default, as the contract has it, and with ?replace=ask lists them and imports nothing', async () => {
    const id = await createInspection('JSON replace');
    expect((await uploadJson(id, casesFile(['R-1']))).status).toBe(200);
    const byHand = await call(`/inspections/${id}/cases/R-2`, {
      method: 'PUT',
      as: 'admin',
      json: { profile: { caseType: 'licence' }, answers: {} },
    });
    expect(byHand.status).toBe(201);

    const asked = expectProblem(await uploadJson(id, casesFile(['R-0', 'R-1', 'R-2']), '?replace=ask'), 409);
    expect(asked.type).toBe('urn:omi:problem:cases-would-be-replaced');
    expect(asked.errors.map((e) => e.path)).toEqual(['row 3.caseRef', 'row 4.caseRef']);
    expect(asked.errors[1]!.message).toMatch(/^Case R-2 \(row 4\) is already entered: version 1, last saved by An inspector at \d{4}-/);
    expect((await call(`/inspections/${id}/cases`, { as: 'admin' })).json.cases.map((c: { caseRef: string }) => c.caseRef).sort()).toEqual([
      'R-1',
      'R-2',
    ]);
    expect((await stored(id, 'R-2')).profile.caseType).toBe('licence');

    expect((await uploadJson(id, casesFile(['R-9']), '?replace=ask')).status).toBe(200);
    const replaced = await uploadJson(id, casesFile(['R-0', 'R-1', 'R-2']));
    expect(replaced.json).toEqual({ imported: 3, created: 1, replaced: 2 });
    expect((await stored(id, 'R-2')).profile.caseType).toBe('community');
  });
});

function confirmationForm(html: string): { action: string; fields: Record<string, string> } {
  const found = replaceForm(html);
  expect(found, 'the confirmation form').toBeDefined();
  return found!;
}

const upload = uploadCasesFile;

describe('the workbench upload over cases already entered', () => {
  it('lists them by reference with who saved each and when, replaces nothing, and replaces them when confirmed without choosing the file again', async () => {
    const id = await createInspection('Upload confirm');
    const csrf = csrfOf((await page(dashboard(id), { cookie: inspector })).text);
    expect((await upload(id, inspector, csrf, casesFile(['C-1']))).status).toBe(303);
    // A case finished by hand on the case form's JSON twin.
    expect(
      (await call(`/inspections/${id}/cases/C-2`, { method: 'PUT', as: 'admin', json: { profile: { caseType: 'custody' }, answers: {} } })).status,
    ).toBe(201);
    const before = await stored(id, 'C-2');

    const asked = await upload(id, inspector, csrf, casesFile(['C-1', 'C-2', 'C-3']));
    expect(asked.status).toBe(409);
    expect(asked.headers.get('cache-control')).toContain('no-store');
    expect(asked.text).toContain('Replace 2 cases already entered?');
    expect(asked.text).toContain('The file has 3 cases: 2 cases to replace and 1 case to create.');
    const rows = [
      ...asked.text.matchAll(
        /<tr class="govuk-table__row"><th[^>]*><a class="govuk-link" href="[^"]+">([^<]+)<\/a><\/th><td[^>]*>(\d+)<\/td><td[^>]*>([^<]+)<\/td><td[^>]*>([^<]+)<\/td>/g,
      ),
    ].map((m) => m.slice(1, 5));
    expect(rows.map(([ref, row, by]) => [ref, row, by])).toEqual([
      // By name (issue 27): a person who signed in by the name they gave; a token user, who never did, by role.
      ['C-1', '2', 'Ines Inspector'],
      ['C-2', '3', 'An inspector'],
    ]);
    expect(rows[1]![3]).toMatch(/^\d{1,2} \w+ \d{4} at \d{2}:\d{2}$/);
    expect(asked.text).toContain('Replace these 2 cases');
    expect(await stored(id, 'C-2')).toEqual(before);
    expect((await call(`/inspections/${id}/cases/C-3`, { as: 'admin' })).status).toBe(404);

    const { action, fields } = confirmationForm(asked.text);
    expect(action).toBe(`${dashboard(id)}/cases/replace`);
    const done = await page(action, { cookie: inspector, ...form(fields) });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toContain('created=1&replaced=2');
    const after = await stored(id, 'C-2');
    expect(after.version).toBe(2);
    expect(after.updatedBy).toBe('local-inspector');
    expect(after.profile.caseType).toBe('community');
  });

  it('asks again when a listed case is saved after the page asked, replacing nothing', async () => {
    const id = await createInspection('Upload confirm stale');
    const csrf = csrfOf((await page(dashboard(id), { cookie: inspector })).text);
    expect(
      (await call(`/inspections/${id}/cases/S-1`, { method: 'PUT', as: 'admin', json: { profile: { caseType: 'licence' }, answers: {} } })).status,
    ).toBe(201);
    const asked = await upload(id, inspector, csrf, casesFile(['S-1', 'S-2']));
    expect(asked.status).toBe(409);
    const { action, fields } = confirmationForm(asked.text);

    // Somebody saves S-1 by hand while the page is open.
    expect(
      (await call(`/inspections/${id}/cases/S-1`, { method: 'PUT', as: 'admin', json: { profile: { caseType: 'custody' }, answers: {} } })).status,
    ).toBe(200);
    const again = await page(action, { cookie: inspector, ...form(fields) });
    expect(again.status).toBe(409);
    expect(again.text).toContain('The cases to replace changed after you were asked');
    expect(again.text).toContain('Replace 1 case already entered?');
    const s1 = await stored(id, 'S-1');
    expect([s1.version, s1.profile.caseType]).toEqual([2, 'custody']);
    expect((await call(`/inspections/${id}/cases/S-2`, { as: 'admin' })).status).toBe(404);

    // A confirmation for another list (or made up) replaces nothing either.
    const forged = await page(action, { cookie: inspector, ...form({ ...fields, confirmation: 'x'.repeat(22) }) });
    expect(forged.status).toBe(409);
    expect((await stored(id, 'S-1')).version).toBe(2);

    const fresh = confirmationForm(again.text);
    const done = await page(fresh.action, { cookie: inspector, ...form(fresh.fields) });
    expect(done.status).toBe(303);
    expect((await stored(id, 'S-1')).version).toBe(3);
  });

  it('refuses the confirmation without the CSRF token, and to staff, replacing nothing', async () => {
    const id = await createInspection('Upload confirm roles');
    const csrf = csrfOf((await page(dashboard(id), { cookie: inspector })).text);
    expect(
      (await call(`/inspections/${id}/cases/T-1`, { method: 'PUT', as: 'admin', json: { profile: { caseType: 'licence' }, answers: {} } })).status,
    ).toBe(201);
    const { action, fields } = confirmationForm((await upload(id, inspector, csrf, casesFile(['T-1']))).text);
    expect((await page(action, { cookie: inspector, ...form({ ...fields, csrf: 'wrong' }) })).status).toBe(403);
    const staffCsrf = csrfOf((await page(dashboard(id), { cookie: staff })).text);
    expect((await page(action, { cookie: staff, ...form({ ...fields, csrf: staffCsrf }) })).status).toBe(403);
    expect((await stored(id, 'T-1')).version).toBe(1);
  });

  it('asks for a file too big to carry back to be chosen again, beside the same confirmation', async () => {
    const id = await createInspection('Upload confirm big');
    const csrf = csrfOf((await page(dashboard(id), { cookie: inspector })).text);
    expect(
      (await call(`/inspections/${id}/cases/L-1`, { method: 'PUT', as: 'admin', json: { profile: { caseType: 'licence' }, answers: {} } })).status,
    ).toBe(201);
    // Spreadsheet blank rows (skipped on reading) take the file past what the page carries.
    const small = casesInFormWords(['L-1', 'L-2']);
    const blank = `${','.repeat(small.split('\n')[0]!.split(',').length - 1)}\n`;
    const big = small + blank.repeat(Math.ceil(1_600_000 / blank.length));
    const asked = await upload(id, inspector, csrf, big);
    expect(asked.status).toBe(409);
    expect(replaceForm(asked.text)).toBeUndefined();
    expect(asked.text).not.toContain('name="csv"');
    expect(asked.text).toMatch(new RegExp(`<form method="post" action="${dashboard(id)}/cases" enctype="multipart/form-data" novalidate>`));
    expect(asked.text).toContain('The file is too big for this page to keep: choose it again to replace the cases listed.');
    const confirmation = /name="confirmation" value="([^"]+)"/.exec(asked.text)![1]!;
    expect((await stored(id, 'L-1')).version).toBe(1);

    const again = new FormData();
    again.set('csrf', csrf);
    again.set('confirmation', confirmation);
    again.set('file', new Blob([big], { type: 'text/csv' }), 'cases.csv');
    const done = await page(`${dashboard(id)}/cases`, { cookie: inspector, body: again });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toContain('created=1&replaced=1');
    expect((await stored(id, 'L-1')).version).toBe(2);
  });

  it('shows bad rows of a carried file in words, importing nothing', async () => {
    const id = await createInspection('Upload confirm bad');
    const csrf = csrfOf((await page(dashboard(id), { cookie: admin })).text);
    const res = await page(`${dashboard(id)}/cases/replace`, {
      cookie: admin,
      ...form({ csrf, csv: 'caseRef,caseType,tier\nB-1,community,Tier 7\n' }),
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('There is a problem');
    expect(res.text).toContain('Row 2, column tier (Tier): not one of the allowed values (&quot;Tier 7&quot;)');
    expect((await call(`/inspections/${id}/cases`, { as: 'admin' })).json.cases).toEqual([]);
  });
});
