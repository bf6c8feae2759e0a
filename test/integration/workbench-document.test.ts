/**
 * The report's front and back matter in the browser alone (issue 27, "done when"), through the
 * local server: each part a form of its own, saved on the version shown, read back by the JSON
 * API and printed in the report; two people writing different parts both land; the same part
 * saved by somebody since is refused naming them, keeping what was typed; plain-words errors;
 * Welsh kept where the English did not change; staff read text; closed means read only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection, makeCase, makeRelease } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

let id: string;
let inspector: string;
let admin: string;
let staff: string;
const url = () => `/workbench/inspections/${id}/write-up/document`;
const versionOf = (html: string, section: string) =>
  new RegExp(`name="section" value="${section}">\\s*<input type="hidden" name="expectedVersion" value="(\\d+)"`).exec(html)![1]!;

async function save(cookie: string, section: string, fields: Record<string, string>, opened?: string) {
  const shown = opened ?? (await page(url(), { cookie })).text;
  return page(url(), { cookie, ...form({ csrf: csrfOf(shown), section, expectedVersion: versionOf(shown, section), ...fields }) });
}

beforeAll(async () => {
  id = await createInspection('Front matter');
  expect((await call(`/inspections/${id}/cases/FM-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
  [inspector, admin, staff] = (await Promise.all([signIn('inspector'), signIn('admin'), signIn('staff')])).map((s) => s.cookie) as [
    string,
    string,
    string,
  ];
});

describe("the report's front and back matter", () => {
  it('saves each part from its own form, as the JSON API and the report then read it', async () => {
    const shown = await page(url(), { cookie: inspector });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toContain('no-store');
    for (const part of ['Cover', 'Foreword', 'Acknowledgements', 'The inspection team', 'Abbreviations', 'Next steps'])
      expect(shown.text).toContain(`>${part}</h2>`);
    const cover = await save(inspector, 'cover', { publicationMonth: '2008-02', inspectionDates: 'Fieldwork: 5-9 November 2007' }, shown.text);
    expect(cover.status).toBe(303);
    expect(cover.headers.get('location')).toBe(`${url()}?saved=cover#cover`);
    expect(
      (await save(inspector, 'foreword', { paragraphs: 'The first paragraph.\n\nThe second paragraph.', signedBy: 'A Chief Inspector' })).status,
    ).toBe(303);
    expect((await save(inspector, 'acknowledgements', { paragraphs: 'We thank the staff of the area.' })).status).toBe(303);
    expect((await save(inspector, 'inspection-team', { team: 'HM Inspectors: Ann One, Bob Two\nSupport: Cat Three' })).status).toBe(303);
    expect((await save(inspector, 'abbreviations', { abbreviations: 'OM: Offender manager\nRoH: Risk of Harm' })).status).toBe(303);
    expect((await save(admin, 'next-steps', { decision: 'no-further-inspection', text: 'No further inspection is needed.' })).status).toBe(303);

    const writeUp = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(writeUp.cover).toEqual({ publicationMonth: '2008-02', inspectionDates: { text: 'Fieldwork: 5-9 November 2007' } });
    expect(writeUp.foreword).toEqual({
      paragraphs: [{ text: 'The first paragraph.' }, { text: 'The second paragraph.' }],
      signedBy: { text: 'A Chief Inspector' },
    });
    expect(writeUp.acknowledgements).toEqual([{ text: 'We thank the staff of the area.' }]);
    expect(writeUp.inspectionTeam).toEqual([
      { role: { text: 'HM Inspectors' }, names: 'Ann One, Bob Two' },
      { role: { text: 'Support' }, names: 'Cat Three' },
    ]);
    expect(writeUp.abbreviations).toEqual([
      { term: 'OM', meaning: { text: 'Offender manager' } },
      { term: 'RoH', meaning: { text: 'Risk of Harm' } },
    ]);
    expect(writeUp.nextSteps).toEqual({ decision: 'no-further-inspection', text: { text: 'No further inspection is needed.' } });

    // The report prints them.
    const releaseId = await makeRelease(id);
    const report = await call(`/inspections/${id}/releases/${releaseId}/report`, { as: 'staff' });
    for (const words of ['The second paragraph.', 'We thank the staff of the area.', 'Ann One, Bob Two', 'Offender manager', 'February 2008'])
      expect(report.text).toContain(words);

    // The saved part says who saved it, by name.
    const after = await page(`${url()}?saved=cover`, { cookie: inspector });
    expect(after.text).toContain('Cover saved');
    expect(after.text).toMatch(/Last saved by Alex Admin on/);
  });

  it('lets two people write different parts at once; the same part saved since is refused, naming who, keeping what was typed', async () => {
    const mine = (await page(url(), { cookie: inspector })).text;
    const theirs = (await page(url(), { cookie: admin })).text;
    expect((await save(admin, 'acknowledgements', { paragraphs: 'Thanks from the admin.' }, theirs)).status).toBe(303);
    // A different part, opened before the admin's save: lands.
    expect(
      (await save(inspector, 'abbreviations', { abbreviations: 'OM: Offender manager\nPPO: Prolific and other priority offender' }, mine)).status,
    ).toBe(303);
    // The same part, opened before it: refused, nothing overwritten.
    const refused = await save(inspector, 'acknowledgements', { paragraphs: 'Thanks from the inspector.' }, mine);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Alex Admin saved this part');
    expect(refused.text).toContain('Thanks from the inspector.');
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.acknowledgements).toEqual([{ text: 'Thanks from the admin.' }]);
    // Saved again from the refusal: it now names the version it saw, and replaces theirs.
    const again = await save(inspector, 'acknowledgements', { paragraphs: 'Thanks from the inspector.' }, refused.text);
    expect(again.status).toBe(303);
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.acknowledgements).toEqual([{ text: 'Thanks from the inspector.' }]);
  });

  it('refuses bad input in plain words, naming the field, and stores nothing', async () => {
    const before = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    const month = await save(inspector, 'cover', { publicationMonth: 'February', inspectionDates: 'x' });
    expect(month.status).toBe(400);
    expect(month.text).toContain('href="#cover-publicationMonth"');
    expect(month.text).toContain('Enter the month of publication as a year and month, for example 2008-02');
    expect(month.text).toContain('value="February"');
    const team = await save(inspector, 'inspection-team', { team: 'Nobody in particular' });
    expect(team.status).toBe(400);
    expect(team.text).toContain('Line 1: write the role, a colon, then the names');
    const decision = await save(inspector, 'next-steps', { decision: 'maybe', text: 'x' });
    expect(decision.status).toBe(400);
    expect(decision.text).toContain('Choose the decision on further inspection');
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json).toEqual(before);
  });

  it('keeps the Welsh of what the page did not change, and drops it from what it did', async () => {
    const current = await call(`/inspections/${id}/write-up/sections`, { as: 'staff' });
    const foreword = current.json.sections.find((s: { sectionId: string }) => s.sectionId === 'foreword');
    const put = await call(`/inspections/${id}/write-up/sections/foreword`, {
      method: 'PUT',
      as: 'inspector',
      json: {
        expectedVersion: foreword.version,
        content: {
          paragraphs: [
            { text: 'Kept.', textCy: 'Cadwyd.' },
            { text: 'Changed.', textCy: 'Newidiwyd.' },
          ],
        },
      },
    });
    expect(put.status).toBe(200);
    expect((await save(inspector, 'foreword', { paragraphs: 'Kept.\n\nChanged by the page.', signedBy: '' })).status).toBe(303);
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.foreword).toEqual({
      paragraphs: [{ text: 'Kept.', textCy: 'Cadwyd.' }, { text: 'Changed by the page.' }],
    });
  });

  it('shows staff text, not a form; refuses their post; a closed inspection is read only', async () => {
    const shown = await page(url(), { cookie: staff });
    expect(shown.status).toBe(200);
    expect(shown.text).not.toContain('name="section"');
    expect(shown.text).toContain('govuk-summary-list');
    expect((await page(url(), { cookie: staff, ...form({ csrf: csrfOf(shown.text), section: 'cover', expectedVersion: '0' }) })).status).toBe(403);
    const opened = (await page(url(), { cookie: inspector })).text;
    const area = (await call(`/inspections/${id}`, { as: 'admin' })).json.area as string;
    expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: area } })).status).toBe(201);
    const closed = await page(url(), { cookie: inspector });
    expect(closed.text).not.toContain('name="section"');
    expect(closed.text).toContain('This inspection is closed');
    const late = await save(inspector, 'acknowledgements', { paragraphs: 'Too late.' }, opened);
    expect(late.status).toBe(409);
    expect(late.text).toContain('Too late.');
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.acknowledgements).toEqual([{ text: 'Thanks from the inspector.' }]);
    expect((await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' })).status).toBe(200);
  });
});
