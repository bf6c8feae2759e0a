/**
 * Rules of the workbench pages that a sampled mutation run showed untested (bench/RESULTS.md):
 * each is a rule of the page as an inspector or administrator meets it, through the real local
 * server, with what is stored read back through the JSON routes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { bank, createInspection, makeCase, makeRelease } from '#support/fixtures';
import { form, page, signIn } from '#support/workbench';

let id: string;
let area: string;
let admin: string;
const base = () => `/workbench/inspections/${id}`;
const summaryItems = (html: string) => [...html.matchAll(/<li><a href="(#[\w.-]+)">([^<]*)<\/a><\/li>/g)].map((m) => [m[1]!, m[2]!] as const);

/** The hidden fields of a page's form (CSRF, ETag, form token), as a browser sends them back. */
const hiddenOf = (html: string) =>
  Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));

/** A form post of the page's own hidden fields plus `fields`. */
async function postForm(path: string, cookie: string, fields: Record<string, string>) {
  const shown = await page(path, { cookie });
  expect(shown.status, path).toBe(200);
  return page(path, { cookie, ...form({ ...hiddenOf(shown.text), ...fields }) });
}

/** How many inspections the list holds for `name`, over all its pages (other suites add theirs to the same list meanwhile). */
async function inspectionsOfArea(name: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const res = await call(`/inspections${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'admin' });
    count += res.json.inspections.filter((i: { area: string }) => i.area === name).length;
    cursor = res.json.nextCursor;
  } while (cursor);
  return count;
}

beforeAll(async () => {
  id = await createInspection('Survivor rules');
  area = (await call(`/inspections/${id}`, { as: 'admin' })).json.area;
  admin = (await signIn('admin')).cookie;
});

describe('grades and conclusions pages', () => {
  it('a conclusion form with any error saves nothing; a saved one shows in its own row only, and the notice names exactly the criterion saved', async () => {
    const refused = await postForm(`${base()}/grades/2.3`, admin, { band: '', text: 'Plans were late.' });
    expect(refused.status).toBe(400);
    expect(summaryItems(refused.text).map((i) => i[0])).toEqual(['#band']);
    expect((await page(`${base()}/grades`, { cookie: admin })).text).not.toMatch(
      /2\.3[^<]*<\/a><\/th><td class="govuk-table__cell">(Good|Priority|Urgent)/,
    );

    const saved = await postForm(`${base()}/grades/2.3`, admin, { band: 'priority', text: 'Plans were late.' });
    expect(saved.status).toBe(303);
    const list = await page(saved.headers.get('location')!, { cookie: admin });
    expect([...list.text.matchAll(/([\d.]+) saved/g)].map((m) => m[1])).toEqual(['2.3']);
    expect(list.text).toMatch(/2\.3[^<]*<\/a><\/th><td class="govuk-table__cell">Priority/);
    // Every other scored criterion's row says nothing is recorded: a row shows its own conclusion, no other's.
    const others = [...list.text.matchAll(/>([123]\.\d+)[^<]*<\/a><\/th><td class="govuk-table__cell">([^<]*)</g)].filter((m) => m[1] !== '2.3');
    expect(others.length).toBeGreaterThan(5);
    for (const m of others) expect(m[2], m[1]).not.toMatch(/Good|Priority/);
  });
});

describe('the not-ready message', () => {
  it('names at most ten of a kind, and its "and N more" counts exactly the ones not named', async () => {
    const releases = await page(`${base()}/releases`, { cookie: admin });
    expect(releases.status).toBe(200);
    const m = /(\d+) criteria have no conclusion recorded: ([^<]*?) and (\d+) more\./.exec(releases.text);
    expect(m, 'a fresh inspection misses more than ten conclusions').not.toBeNull();
    const named = m![2]!.split(', ');
    expect(new Set(named).size).toBe(10);
    expect(Number(m![3])).toBe(Number(m![1]) - named.length);
  });
});

describe('the interviews page', () => {
  it('says how many interviews were uploaded only when the address carries a count, and echoes nothing else', async () => {
    expect((await page(`${base()}/interviews?uploaded=3`, { cookie: admin })).text).toContain('3 interviews uploaded');
    expect((await page(`${base()}/interviews?uploaded=1`, { cookie: admin })).text).toContain('1 interview uploaded');
    for (const odd of ['3x', '12345', '-1', '3%0A'])
      expect((await page(`${base()}/interviews?uploaded=${odd}`, { cookie: admin })).text, odd).not.toMatch(/interviews? uploaded/);
  });
});

describe('a new inspection that overlaps one of the same area', () => {
  it('is refused with a GOV.UK error naming the overlap, and nothing is created', async () => {
    const res = await postForm('/workbench/inspections/new', admin, {
      area,
      'fieldworkStart-day': '6',
      'fieldworkStart-month': '11',
      'fieldworkStart-year': '2007',
      'fieldworkEnd-day': '8',
      'fieldworkEnd-month': '11',
      'fieldworkEnd-year': '2007',
    });
    expect(res.status).toBe(409);
    expect(summaryItems(res.text)).toEqual([['#fieldworkStart', `${area} already has an inspection whose fieldwork overlaps these dates`]]);
    expect(await inspectionsOfArea(area)).toBe(1);
  });
});

describe('erasing and deleting', () => {
  it('erases nothing while the confirmation box is empty, and asks for the area’s name', async () => {
    const res = await postForm(`${base()}/erase`, admin, { confirmArea: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`Type the area’s name, ${area}, to confirm`);
  });

  it('deletes no inspection that has a release, even when the page was opened before it: 409 saying why', async () => {
    const other = await createInspection('Survivor rules released');
    const otherArea = (await call(`/inspections/${other}`, { as: 'admin' })).json.area;
    expect((await call(`/inspections/${other}/cases/C-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status).toBe(
      201,
    );
    const opened = await page(`/workbench/inspections/${other}/delete`, { cookie: admin });
    await makeRelease(other);
    const res = await page(`/workbench/inspections/${other}/delete`, {
      cookie: admin,
      ...form({ ...hiddenOf(opened.text), confirmArea: otherArea }),
    });
    expect(res.status).toBe(409);
    expect(res.text).toContain('govuk-error-summary');
    expect((await call(`/inspections/${other}`, { as: 'admin' })).status).toBe(200);
  });
});

describe('the improvement plan page', () => {
  it('says the plan is published only after a publish, and saved after a save', async () => {
    expect((await page(`${base()}/improvement-plan?published=1`, { cookie: admin })).text).toContain('The plan is published with the final release.');
    const saved = (await page(`${base()}/improvement-plan?saved=1`, { cookie: admin })).text;
    expect(saved).toContain('The plan is saved.');
    expect(saved).not.toContain('The plan is published');
  });
});

describe('the findings form', () => {
  it('names the draft an empty ticked finding belongs to, by its question, and saves nothing', async () => {
    const before = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).text;
    const res = await postForm(`${base()}/findings/1.3`, admin, {
      'dq-0': '1.3.2',
      'dp-0': '40',
      'dk-0': 'strength',
      'use-0': 'yes',
      'text-d-0': ' ',
    });
    expect(res.status).toBe(400);
    expect(summaryItems(res.text)).toContainEqual(['#text-d-0', 'Enter the words of the finding drafted from question 1.3.2, or untick it']);
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).text).toBe(before);
  });
});

describe('a form sent after the inspection closed', () => {
  it('is refused with 409 and the reason on the page, on the findings and the area forms alike', async () => {
    const closed = await createInspection('Survivor rules closed');
    const closedArea = (await call(`/inspections/${closed}`, { as: 'admin' })).json.area;
    expect((await call(`/inspections/${closed}/cases/C-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status).toBe(
      201,
    );
    const findings = await page(`/workbench/inspections/${closed}/findings/1.3`, { cookie: admin });
    const areaForm = await page(`/workbench/inspections/${closed}/area`, { cookie: admin });
    const released = await call(`/inspections/${closed}/releases`, { as: 'admin', json: { kind: 'final', confirm: closedArea } });
    expect(released.status, released.text).toBe(201);
    const late = await page(`/workbench/inspections/${closed}/findings/1.3`, { cookie: admin, ...form(hiddenOf(findings.text)) });
    expect(late.status).toBe(409);
    expect(late.text).toContain('govuk-error-summary');
    expect(late.text).toMatch(/closed/i);
    const lateArea = await page(`/workbench/inspections/${closed}/area`, {
      cookie: admin,
      ...form({ ...hiddenOf(areaForm.text), caseload: '5559' }),
    });
    expect(lateArea.status).toBe(409);
    expect(summaryItems(lateArea.text).map((i) => i[0])).toEqual(['#caseload']);
    expect(lateArea.text).toContain('This inspection is closed');
  });
});

describe('a report link’s pages', () => {
  it('answer a link that does not exist in the language asked for', async () => {
    const welsh = await page('/reports/no-such-link-0000000000000000/improvement-plan?lang=cy');
    const english = await page('/reports/no-such-link-0000000000000000/improvement-plan');
    expect(welsh.status).toBe(404);
    expect(english.status).toBe(404);
    expect(welsh.text).toMatch(/<html lang="cy"/);
    expect(english.text).toMatch(/<html lang="en"/);
  });
});
