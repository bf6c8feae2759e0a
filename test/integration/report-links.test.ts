/**
 * Issue 18, extras: report links can be listed and withdrawn through the JSON API (a withdrawn
 * link answers 410), and nothing a link reaches names the inspector who recorded a conclusion.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '../support/api';
import { createInspection } from '../support/fixtures';

let id = '';
beforeAll(async () => {
  id = await createInspection('Links');
  const put = await call(`/inspections/${id}/conclusions/1.1`, { method: 'PUT', as: 'inspector', json: { band: 'priority', text: 'Plans were mostly clear.' } });
  expect(put.status).toBeLessThan(300);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
});

async function newLink() {
  const res = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'staff' });
  expect(res.status).toBe(201);
  return { id: res.json.id as string, token: /\/reports\/([^/?#]+)/.exec(res.json.url)![1]! };
}

describe('report links', () => {
  it('never show who recorded a conclusion', async () => {
    const signedIn = await call(`/inspections/${id}/summary`, { as: 'staff' });
    const recordedBy = signedIn.json.criteria.find((c: { id: string }) => c.id === '1.1').conclusion.recordedBy;
    expect(recordedBy).toBeTruthy();
    const { token } = await newLink();
    for (const path of [`/reports/${token}`, `/reports/${token}/summary.json`, `/reports/${token}/summary.csv`]) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(recordedBy);
      expect(res.text, path).not.toContain('recordedBy');
    }
    const json = (await call(`/reports/${token}/summary.json`)).json;
    expect(json.criteria.find((c: { id: string }) => c.id === '1.1').conclusion.band).toBe('priority');
  });

  it('are listed without their tokens and can be withdrawn (then 410)', async () => {
    const a = await newLink();
    const b = await newLink();
    const list = await call(`/inspections/${id}/report-links`, { as: 'staff' });
    expect(list.status).toBe(200);
    expect(list.json.links).toEqual(expect.arrayContaining([
      { id: a.id, createdAt: expect.any(String), expiresAt: expect.any(String), revoked: false },
      { id: b.id, createdAt: expect.any(String), expiresAt: expect.any(String), revoked: false },
    ]));
    expect(list.text).not.toContain(a.token);
    expect(list.text).not.toMatch(/tokenHash|url/);

    const revoked = await call(`/inspections/${id}/report-links/${a.id}`, { method: 'DELETE', as: 'inspector' });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toEqual({ inspectionId: id, id: a.id, revoked: true });

    const page = await call(`/reports/${a.token}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain('This report link has been withdrawn');
    expectProblem(await call(`/reports/${a.token}/summary.json`), 410);
    expectProblem(await call(`/reports/${a.token}/summary.csv`), 410);
    expect((await call(`/reports/${b.token}`)).status).toBe(200);

    const after = await call(`/inspections/${id}/report-links`, { as: 'admin' });
    expect(after.json.links.find((l: { id: string }) => l.id === a.id).revoked).toBe(true);
    expect(after.json.links.find((l: { id: string }) => l.id === b.id).revoked).toBe(false);
  });

  it('answer 404 for a link id the inspection does not have', async () => {
    expectProblem(await call(`/inspections/${id}/report-links/${crypto.randomUUID()}`, { method: 'DELETE', as: 'staff' }), 404);
    expectProblem(await call(`/inspections/${id}/report-links/not-an-id`, { method: 'DELETE', as: 'staff' }), 404);
    const other = await createInspection('Other links');
    const mine = await newLink();
    expectProblem(await call(`/inspections/${other}/report-links/${mine.id}`, { method: 'DELETE', as: 'staff' }), 404);
    expect((await call(`/reports/${mine.token}`)).status).toBe(200);
  });
});
