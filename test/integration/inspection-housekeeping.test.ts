/**
 * Small things of issue 27, point 8, through the real local server: a duplicate inspection
 * (same area, overlapping fieldwork) refused on the page and as a 409 problem, also when
 * several are created at once; an admin deletes an inspection with no release (every item of
 * its partitions gone, read straight from DynamoDB Local), refused once it has a release; the
 * findings page's checkboxes each with their own accessible name; grades read as text.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoCasesCsv } from '#infra/local/demo-data';
import { keys } from '#store/keys';
import { call } from '#support/api';
import { bank, createInspection, kentSample, makeCase, makeRelease } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { csrfOf, form, page, signIn } from '#support/workbench';

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
let admin: string;
let staff: string;
let inspector: string;
const unique = (what: string) => `${what} ${randomUUID().slice(0, 6)}`;
const create = (area: string, fieldworkStart: string, fieldworkEnd: string) =>
  call('/inspections?overlap=refuse', { as: 'admin', json: { area, fieldworkStart, fieldworkEnd } });
const listedAreas = async () => {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await call(`/inspections${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'staff' });
    out.push(...res.json.inspections.map((i: { area: string }) => i.area));
    cursor = res.json.nextCursor;
  } while (cursor);
  return out;
};
/** Every item stored under an inspection: its own partition and its link slots' partitions. */
const itemsOf = async (id: string) => (await Promise.all([keys.partitionOf(id), ...keys.slotPartitions(id)].map((pk) => table.partition(pk)))).flat();

beforeAll(async () => {
  [admin, staff, inspector] = await Promise.all([signIn('admin'), signIn('staff'), signIn('inspector')]).then((s) => s.map((x) => x.cookie));
});

afterAll(() => table.destroy());

describe('a duplicate inspection', () => {
  it('is refused on the JSON route as a 409 problem naming and linking the existing one; other weeks are fine', async () => {
    const area = unique('Duplicate');
    const first = await create(area, '2007-11-05', '2007-11-09');
    expect(first.status).toBe(201);
    const existing = first.json.inspectionId as string;
    // The same area, written differently, a week that overlaps by two days.
    const again = await create(`  ${area.toUpperCase()} `, '2007-11-08', '2007-11-14');
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.json.type).toBe('urn:omi:problem:duplicate-inspection');
    expect(again.json.detail).toContain(existing);
    expect(again.json.errors[0].message).toContain(existing);
    expect(again.headers.get('link')).toBe(`</inspections/${existing}>; rel="related"`);
    expect((await listedAreas()).filter((a) => a.trim().toLowerCase() === area.toLowerCase())).toHaveLength(1);
    // Touching on neither side: another inspection of the same area.
    expect((await create(area, '2007-11-10', '2007-11-16')).status).toBe(201);
    expect((await create(area, '2007-10-29', '2007-11-04')).status).toBe(201);
    expect((await create(area, '2007-11-04', '2007-11-05')).status).toBe(409);
  });

  it('counts an inspection made before areas had their list (found through the list of inspections)', async () => {
    const area = unique('Older');
    const inspectionId = `older-${randomUUID().slice(0, 8)}`;
    const createdAt = new Date().toISOString();
    // As the store wrote inspections before this rule: the item and its place in the list, no area list.
    await table.db.send(
      new PutCommand({
        TableName: inject('tableName'),
        Item: {
          ...keys.inspection(inspectionId),
          ...keys.inspectionListing(inspectionId, createdAt),
          entity: 'inspection',
          inspectionId,
          area,
          fieldworkStart: '2007-11-05',
          fieldworkEnd: '2007-11-09',
          questionBankVersion: 'omi-2008.1',
          status: 'open',
          stage: 'fieldwork',
          version: 1,
          createdAt,
          createdBy: 'test-admin',
          writers: {},
        },
      }),
    );
    const again = await create(area, '2007-11-09', '2007-11-12');
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain(inspectionId);
    // The area's list now holds it: a second try is refused the same way, and other weeks land.
    expect((await create(area.toLowerCase(), '2007-11-01', '2007-11-06')).status).toBe(409);
    expect((await create(area, '2007-11-12', '2007-11-16')).status).toBe(201);
    expect((await create(area, '2007-11-06', '2007-11-06')).status).toBe(409);
  });

  it('lets exactly one of several simultaneous creations through', async () => {
    const area = unique('Race');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => create(area, `2007-11-0${1 + (i % 3)}`, '2007-11-09')));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await listedAreas()).filter((a) => a === area)).toHaveLength(1);
  });

  it('is refused on the page with the dates kept and a link to the existing inspection', async () => {
    const area = unique('Page duplicate');
    const existing = (await create(area, '2007-11-05', '2007-11-09')).json.inspectionId as string;
    const shown = await page('/workbench/inspections/new', { cookie: admin });
    const fields = {
      csrf: csrfOf(shown.text),
      area,
      'fieldworkStart-day': '7',
      'fieldworkStart-month': '11',
      'fieldworkStart-year': '2007',
      'fieldworkEnd-day': '12',
      'fieldworkEnd-month': '11',
      'fieldworkEnd-year': '2007',
    };
    const res = await page('/workbench/inspections/new', { cookie: admin, ...form(fields) });
    expect(res.status).toBe(409);
    expect(res.text).toContain('There is a problem');
    expect(res.text).toContain('href="#fieldworkStart"');
    expect(res.text).toContain(`href="/workbench/inspections/${existing}">Go to that inspection</a>`);
    expect(res.text).toContain('5 November 2007 to 9 November 2007');
    expect(res.text).toContain('name="fieldworkEnd-day" type="text" inputmode="numeric" value="12"');
  });
});

describe('deleting an inspection', () => {
  it('deletes one with no release and every item of it, freeing its area and weeks; staff and inspectors may not', async () => {
    const area = unique('Mistake');
    const id = (await create(area, '2007-11-05', '2007-11-09')).json.inspectionId as string;
    expect((await call(`/inspections/${id}/cases/D-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
    expect((await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 3 } })).status).toBe(201);
    const link = await call(`/inspections/${id}/report-links`, { as: 'admin', json: { draft: true } });
    expect(link.status).toBe(201);
    const token = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
    expect((await call(`/reports/${token}`)).status).toBe(200);
    const before = await itemsOf(id);
    expect(before.some((i) => String(i.pk).includes('#SLOTS#'))).toBe(true);
    expect(before.length).toBeGreaterThan(5);
    // The link's capability item lives outside the inspection's partitions: its listing names it.
    const capability = keys.reportLink(before.find((i) => String(i.sk).startsWith('REPORTLINK#'))!.tokenHash).pk;
    expect(await table.partition(capability)).toHaveLength(1);

    expect((await call(`/inspections/${id}`, { method: 'DELETE', as: 'inspector' })).status).toBe(403);
    expect((await call(`/inspections/${id}`, { method: 'DELETE', as: 'staff' })).status).toBe(403);
    const deleted = await call(`/inspections/${id}`, { method: 'DELETE', as: 'admin' });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ inspectionId: id, deleted: true });

    expect(await itemsOf(id)).toEqual([]);
    expect(await table.partition(capability)).toEqual([]);
    expect((await call(`/inspections/${id}`, { as: 'admin' })).status).toBe(404);
    expect((await call(`/reports/${token}`)).status).toBe(404);
    expect(await listedAreas()).not.toContain(area);
    expect((await call(`/inspections/${id}`, { method: 'DELETE', as: 'admin' })).status).toBe(404);
    // The same area and weeks can be set up again.
    expect((await create(area, '2007-11-05', '2007-11-09')).status).toBe(201);
  });

  it('refuses one with a release as a 409 problem, deleting nothing', async () => {
    const id = await createInspection(unique('Released'));
    expect((await call(`/inspections/${id}/cases/R-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBe(201);
    await makeRelease(id);
    const before = await itemsOf(id);
    const res = await call(`/inspections/${id}`, { method: 'DELETE', as: 'admin' });
    expect(res.status).toBe(409);
    expect(res.json.type).toBe('urn:omi:problem:inspection-has-releases');
    expect((await itemsOf(id)).length).toBe(before.length);
    expect((await call(`/inspections/${id}`, { as: 'admin' })).status).toBe(200);
  });

  it('on the page: asks for the area’s name, deletes nothing on a wrong one, then deletes; says why one with a release cannot be', async () => {
    const area = unique('Page mistake');
    const id = (await create(area, '2007-11-05', '2007-11-09')).json.inspectionId as string;
    const dashboard = await page(`/workbench/inspections/${id}`, { cookie: admin });
    expect(dashboard.text).toContain(`href="/workbench/inspections/${id}/delete"`);
    expect((await page(`/workbench/inspections/${id}`, { cookie: inspector })).text).not.toContain(`/workbench/inspections/${id}/delete`);
    expect((await page(`/workbench/inspections/${id}/delete`, { cookie: inspector })).status).toBe(403);
    const shown = await page(`/workbench/inspections/${id}/delete`, { cookie: admin });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const csrf = csrfOf(shown.text);
    const wrong = await page(`/workbench/inspections/${id}/delete`, { cookie: admin, ...form({ csrf, confirmArea: area.toLowerCase() }) });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Nothing was deleted');
    expect((await call(`/inspections/${id}`, { as: 'admin' })).status).toBe(200);
    expect((await page(`/workbench/inspections/${id}/delete`, { cookie: admin, ...form({ confirmArea: area }) })).status).toBe(403);
    expect((await call(`/inspections/${id}`, { as: 'admin' })).status).toBe(200);
    const done = await page(`/workbench/inspections/${id}/delete`, { cookie: admin, ...form({ csrf, confirmArea: area }) });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Inspection deleted');
    expect((await call(`/inspections/${id}`, { as: 'admin' })).status).toBe(404);

    const released = await createInspection(unique('Page released'));
    expect((await call(`/inspections/${released}/cases/R-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBe(201);
    await makeRelease(released);
    const refused = await page(`/workbench/inspections/${released}/delete`, { cookie: admin });
    expect(refused.text).toContain('cannot be deleted');
    expect(refused.text).not.toContain('Delete the inspection</button>');
  });
});

describe('read-only views and labels', () => {
  it('gives each "Use in the report" checkbox its own accessible name', async () => {
    const id = await createInspection(unique('Labels'));
    const csv = demoCasesCsv(
      kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
      bank(),
    );
    expect((await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
    const shown = await page(`/workbench/inspections/${id}/findings/1.3`, { cookie: inspector });
    const names = [...shown.text.matchAll(/<label class="govuk-label govuk-checkboxes__label" for="[\w-]+">([\s\S]*?)<\/label>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '').trim(),
    );
    expect(names.length).toBeGreaterThan(2);
    expect(names.every((n) => n.startsWith('Use in the report: ') || n.startsWith('Keep in the report: '))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    // Staff read the findings as text.
    const read = await page(`/workbench/inspections/${id}/findings/1.3`, { cookie: staff });
    expect(read.text).not.toMatch(/<input[^>]+type="checkbox"|<textarea|disabled/);
    expect(read.text).toContain('Not in the report');
  });

  it('shows staff a grade as text, not a greyed-out form', async () => {
    const id = await createInspection(unique('Grades as text'));
    expect(
      (
        await call(`/inspections/${id}/leadership/4.1`, {
          method: 'PUT',
          as: 'inspector',
          json: { grade: 'partly-met', strengths: ['Clear plans'], improvements: ['Slow reviews'] },
        })
      ).status,
    ).toBeLessThan(300);
    const read = await page(`/workbench/inspections/${id}/grades/4.1`, { cookie: staff });
    expect(read.status).toBe(200);
    expect(read.text).not.toMatch(/<input[^>]+type="radio"|<textarea|disabled|readonly/);
    expect(read.text).toMatch(/<dt class="govuk-summary-list__key">Grade<\/dt><dd class="govuk-summary-list__value">Partly met<\/dd>/);
    expect(read.text).toContain('<li><span class="app-letter">(a)</span> Clear plans</li>');
    const write = await page(`/workbench/inspections/${id}/grades/4.1`, { cookie: inspector });
    expect(write.text).toMatch(/type="radio" value="partly-met" checked>/);
  });
});
