/**
 * Releases and closing through the local server: a release's report (English and Welsh), JSON
 * and CSV stay byte for byte the same after the cases, grades and write-up change; a final
 * release closes the inspection, so every write route answers 409 inspection-closed and the
 * questionnaire links 410, until an admin reopens it; report links can open a release.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { routes, type RouteSpec } from '#shared/routes';
import { call, expectProblem } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { sampleRequest, tableAt, validAnswers, type World } from '#support/hostile';
import { csrfOf, form, page, signIn } from '#support/workbench';

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

/** Each case item, earlier version and second marking of the inspection with its TTL (undefined when it has none). */
async function caseExpiries(id: string): Promise<(number | undefined)[]> {
  const items = [
    ...(await table.partition(`INSP#${id}`, 'CASE#')),
    ...(await table.partition(`INSP#${id}`, 'CASEHIST#')),
    ...(await table.partition(`INSP#${id}`, 'SECMARK#')),
  ];
  return items.map((i) => i.expiresAtEpoch as number | undefined);
}

const frozen = async (id: string, releaseId: string) => {
  const base = `/inspections/${id}/releases/${releaseId}`;
  const [en, cy, json, csv] = await Promise.all([
    call(`${base}/report`, { as: 'staff' }),
    call(`${base}/report?lang=cy`, { as: 'inspector' }),
    call(`${base}/summary`, { as: 'staff' }),
    call(`${base}/summary?format=csv`, { as: 'admin' }),
  ]);
  for (const r of [en, cy, json, csv]) expect(r.status, r.text.slice(0, 300)).toBe(200);
  expect(en.headers.get('content-type')).toMatch(/^text\/html/);
  expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  return { en: en.text, cy: cy.text, json: json.text, csv: csv.text };
};

async function currentEtag(id: string): Promise<string> {
  return (await call(`/inspections/${id}/write-up`, { as: 'staff' })).headers.get('etag')!;
}

async function writeUp(id: string, text: string) {
  const res = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': await currentEtag(id) },
    json: { summary: [{ section: '1', text }], criteria: { '1.1': { strengths: [text], improvements: [] } }, recommendations: [], goodPractice: [] },
  });
  return res;
}

describe('releases', () => {
  let id: string;
  let factual: string;
  let final: string;
  let token: string;
  let definition: World['definition'];
  beforeAll(async () => {
    id = await createInspection('Releases');
    for (let i = 1; i <= 6; i++)
      expect(
        (await call(`/inspections/${id}/cases/R-${i}`, { method: 'PUT', as: 'inspector', json: makeCase(i % 2 ? 'community' : 'licence', i) }))
          .status,
      ).toBe(201);
    expect((await call(`/inspections/${id}/leadership/4.1`, { method: 'PUT', as: 'inspector', json: { grade: 'partly-met' } })).status).toBe(201);
    expect((await writeUp(id, 'Assessment was timely in most cases.')).status).toBe(200);
    const inv = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 3 } });
    expect(inv.status).toBe(201);
    token = inv.json.invitations[0].token;
    definition = (await call(`/questionnaires/${token}`)).json;
  });

  it('of 5 final releases at once exactly one is made; the others are told the inspection is closed', async () => {
    const racing = await createInspection('Releases race');
    expect((await call(`/inspections/${racing}/cases/X-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call(`/inspections/${racing}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Releases race' } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect(expectProblem(r, 409).type).toBe('urn:omi:problem:inspection-closed');
    expect((await call(`/inspections/${racing}/releases`, { as: 'staff' })).json.releases).toHaveLength(1);
  });

  it('refuses a release of an inspection with no cases, and a kind it does not know, and a non-admin', async () => {
    const empty = await createInspection('Releases empty');
    // Not ready (nothing graded, written or concluded), so confirmed with the area's name: then refused for having no cases.
    const p = expectProblem(await call(`/inspections/${empty}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Releases empty' } }), 409);
    expect(p.detail).toMatch(/no cases/);
    // The refused final left it open.
    expect((await call(`/inspections/${empty}`, { as: 'staff' })).json.status).toBe('open');
    expect((await call(`/inspections/${empty}/releases`, { as: 'staff' })).json.releases).toEqual([]);
    expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'draft' } }), 400);
    expectProblem(await call(`/inspections/${id}/releases`, { as: 'inspector', json: { kind: 'final' } }), 403);
    expectProblem(await call(`/inspections/${id}/releases/20260101T000000000Z-abcdef/summary`, { as: 'staff' }), 404);
    expectProblem(await call(`/inspections/${id}/releases/nonsense/summary`, { as: 'staff' }), 404);
    expect((await call(`/inspections/${id}/releases/nonsense/report`, { as: 'staff' })).status).toBe(404);
  });

  it('freezes a factual-accuracy release: byte for byte the same after cases, grades and the write-up change', async () => {
    const made = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' } });
    expect(made.status, made.text).toBe(201);
    expect(made.json).toEqual({ releaseId: expect.any(String), kind: 'factual-accuracy', createdAt: expect.any(String) });
    factual = made.json.releaseId;
    const before = await frozen(id, factual);
    expect(JSON.parse(before.json).sample.cases).toBe(6);
    expect(before.json).not.toContain('recordedBy');
    expect(before.en).toContain(`/inspections/${id}/releases/${factual}/summary?format=csv`);
    expect(before.en).not.toContain('__omi_release_download__');
    // The inspection stays open after a draft.
    expect((await call(`/inspections/${id}`, { as: 'staff' })).json.status).toBe('open');

    expect((await call(`/inspections/${id}/cases/R-7`, { method: 'PUT', as: 'inspector', json: makeCase('custody', 7) })).status).toBe(201);
    expect((await call(`/inspections/${id}/cases/R-1`, { method: 'PUT', as: 'admin', json: makeCase('licence', 99) })).status).toBe(200);
    expect((await call(`/inspections/${id}/leadership/4.1`, { method: 'PUT', as: 'inspector', json: { grade: 'well-met' } })).status).toBe(200);
    expect((await call(`/inspections/${id}/conclusions/1.1`, { method: 'PUT', as: 'inspector', json: { band: 'good' } })).status).toBe(201);
    expect((await writeUp(id, 'Changed after the release.')).status).toBe(200);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).json.sample.cases).toBe(7);
    // R-7 was first marked by an inspector: an admin marks it a second time (it is case data too).
    const second = await call(`/inspections/${id}/cases/R-7/second-marking`, {
      method: 'PUT',
      as: 'admin',
      json: { answers: makeCase('custody', 70).answers },
    });
    expect(second.status, second.text).toBe(201);

    const after = await frozen(id, factual);
    expect(after).toEqual(before);
    expect(after.en).not.toContain('Changed after the release.');
  });

  it('a final release closes the inspection; a second final is a 409; the list holds both', async () => {
    const made = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Releases' } });
    expect(made.status, made.text).toBe(201);
    final = made.json.releaseId;
    expect((await call(`/inspections/${id}`, { as: 'staff' })).json.status).toBe('closed');
    // Published: every case and earlier version now expires after the retention period (730 days by default).
    const expiries = await caseExpiries(id);
    expect(expiries.length).toBe(9); // 7 cases, R-1's earlier version and R-7's second marking
    const due = Math.floor(Date.parse(made.json.createdAt) / 1000) + 730 * 86_400;
    for (const e of expiries) expect(e).toBe(due);
    const again = expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Releases' } }), 409);
    expect(again.type).toBe('urn:omi:problem:inspection-closed');
    const list = await call(`/inspections/${id}/releases`, { as: 'inspector' });
    expect(list.json.releases.map((r: { releaseId: string; kind: string }) => [r.releaseId, r.kind])).toEqual([
      [factual, 'factual-accuracy'],
      [final, 'final'],
    ]);
    const f = await frozen(id, final);
    expect(JSON.parse(f.json).sample.cases).toBe(7);
  });

  it('a closed inspection refuses every write route of the table with 409 inspection-closed, and its links with 410', async () => {
    const world: World = { inspectionId: id, caseRef: 'R-2', nextToken: () => token, definition };
    // Everything that writes to an inspection's inputs; what stays open is named, with its reason in shared/domain/closing.ts.
    const stayOpen = new Set([
      'DELETE /inspections/{id}/responses',
      'POST /inspections/{id}/report-links',
      'DELETE /inspections/{id}/report-links/{linkId}',
      'POST /inspections/{id}/aggregate',
      'POST /inspections/{id}/releases',
      'POST /inspections/{id}/reopen',
      'POST /inspections/{id}/releases/recover',
      // The improvement plan answers the final release: it is written after the close, and is not an input of the figures.
      'PUT /inspections/{id}/improvement-plan',
      'POST /inspections/{id}/releases/{releaseId}/improvement-plan',
      // Marking a batch of invitations sent deletes its sealed secret: a duty of care that a close does not suspend, and no input.
      'POST /inspections/{id}/invitations/{batchId}/sent',
    ]);
    const writes = (routes as readonly RouteSpec[]).filter(
      (r) => r.auth !== 'session' && r.method !== 'GET' && r.path.startsWith('/inspections/{id}/') && !stayOpen.has(`${r.method} ${r.path}`),
    );
    expect(writes.length).toBeGreaterThanOrEqual(11);
    const bodies: Record<string, unknown> = {
      'PUT /inspections/{id}/write-up': { summary: [], criteria: {}, recommendations: [], goodPractice: [] },
      'PUT /inspections/{id}/write-up/sections/{sectionId}': { expectedVersion: 0, content: [] },
      'POST /inspections/{id}/paper-responses': { reference: 'ABCD2345', answers: {} },
      'PUT /inspections/{id}/cases/{caseRef}/second-marking': { answers: {} },
    };
    for (const route of writes) {
      const key = `${route.method} ${route.path}`;
      const sample = sampleRequest(route, world);
      const body = key in bodies ? JSON.stringify(bodies[key]) : sample.body;
      const res = await call(sample.path, {
        method: route.method,
        as: 'admin',
        body,
        headers: { ...sample.headers, ...(key in bodies ? { 'content-type': 'application/json', 'if-match': '"wu-0"' } : {}) },
      });
      const p = expectProblem(res, 409);
      expect(p.type, key).toBe('urn:omi:problem:inspection-closed');
    }
    // The questionnaire: JSON and pages.
    expectProblem(await call(`/questionnaires/${token}`), 410);
    expectProblem(await call(`/questionnaires/${token}/responses`, { json: { answers: validAnswers(world.definition) } }), 410);
    expect((await call(`/q/${token}`)).status).toBe(410);
    expect((await call(`/q/${token}/check`)).status).toBe(410);
    // Erasure stays open: a legal duty. It changes no release.
    const before = await frozen(id, final);
    expect((await call(`/inspections/${id}/responses`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
    expect(await frozen(id, final)).toEqual(before);
  });

  it('the workbench forms refuse a closed inspection too', async () => {
    const { cookie } = await signIn('admin');
    const grade = await page(`/workbench/inspections/${id}/grades/4.2`, { cookie });
    const res = await page(`/workbench/inspections/${id}/grades/4.2`, {
      cookie,
      ...form({ csrf: csrfOf(grade.text), grade: 'well-met', strengths: '', improvements: '' }),
    });
    // What was typed stays on the page, read only, with the plain reason and who can reopen it.
    expect(res.status).toBe(409);
    expect(res.text).toContain('This inspection is closed: its final report has been released');
    expect(res.text).toContain('An admin can reopen it');
    const upload = new FormData();
    upload.set('csrf', csrfOf(grade.text));
    upload.set('file', new Blob(['caseRef,caseType\r\nW-1,community\r\n'], { type: 'text/csv' }), 'cases.csv');
    expect((await page(`/workbench/inspections/${id}/cases`, { cookie, body: upload })).status).toBe(409);
  });

  it('a report link can open a release: the frozen bytes, in English and Welsh, and its downloads', async () => {
    const made = await call(`/inspections/${id}/report-links?releaseId=${factual}`, { method: 'POST', as: 'staff' });
    expect(made.status, made.text).toBe(201);
    expect(made.json.releaseId).toBe(factual);
    const path = new URL(made.json.url).pathname;
    const f = await frozen(id, factual);
    const en = await call(path);
    expect(en.status).toBe(200);
    expect(en.text).toBe(
      f.en
        .replaceAll(`/inspections/${id}/releases/${factual}/summary?format=csv`, `${path}/summary.csv`)
        .replaceAll(`/inspections/${id}/releases/${factual}/summary`, `${path}/summary.json`),
    );
    expect((await call(`${path}?lang=cy`)).text).toBe((await call(`${path}?lang=cy`)).text);
    expect((await call(`${path}/summary.json`)).text).toBe(f.json);
    expect((await call(`${path}/summary.csv`)).text).toBe(f.csv);
    expect(
      (await call(`/inspections/${id}/report-links`, { as: 'staff' })).json.links.find((l: { id: string }) => l.id === made.json.id).releaseId,
    ).toBe(factual);
    expectProblem(await call(`/inspections/${id}/report-links?releaseId=20260101T000000000Z-abcdef`, { method: 'POST', as: 'staff' }), 404);
  });

  it('an admin reopens it: writes and links work again; reopening an open one is a 409', async () => {
    expectProblem(await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'inspector' }), 403);
    const reopened = await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.json.status).toBe('open');
    expect((await caseExpiries(id)).every((e) => e === undefined)).toBe(true);
    expect((await call(`/inspections/${id}/cases/R-8`, { method: 'PUT', as: 'inspector', json: makeCase('community', 8) })).status).toBe(201);
    expect((await writeUp(id, 'After reopening.')).status).toBe(200);
    expect((await call(`/questionnaires/${token}`)).status).toBe(200);
    const again = expectProblem(await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' }), 409);
    expect(again.detail).toMatch(/not closed/);
    // The final release is still what it was.
    expect(JSON.parse((await frozen(id, final)).json).sample.cases).toBe(7);
  });
});
