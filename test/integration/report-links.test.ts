/**
 * Issue 18, extras: report links can be listed and withdrawn through the JSON API (a withdrawn
 * link answers 410), and nothing a link reaches names the inspector who recorded a conclusion.
 * Issue 24: a link opens the latest release by default (409 with none yet); a link to the live
 * draft is an admin's, says "Draft, not published" on its page and files, and lasts 7 days at most.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { createInspection, makeCase, makeRelease } from '#support/fixtures';

let id = '';
beforeAll(async () => {
  id = await createInspection('Links');
  const put = await call(`/inspections/${id}/conclusions/1.1`, {
    method: 'PUT',
    as: 'inspector',
    json: { band: 'priority', text: 'Plans were mostly clear.' },
  });
  expect(put.status).toBeLessThan(300);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
});

/** A link to the live draft (these tests read what the live report shows a link holder). */
async function newLink() {
  const res = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
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
    expect(list.json.links).toEqual(
      expect.arrayContaining([
        { id: a.id, createdAt: expect.any(String), expiresAt: expect.any(String), revoked: false, draft: true },
        { id: b.id, createdAt: expect.any(String), expiresAt: expect.any(String), revoked: false, draft: true },
      ]),
    );
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

describe('report links open releases (issue 24)', () => {
  const tokenOf = (url: string) => /\/reports\/([^/?#]+)/.exec(url)![1]!;

  it('with no release yet, a link is refused with a clear 409; staff cannot make a link to the draft', async () => {
    const none = await createInspection('Links, no release');
    expect((await call(`/inspections/${none}/cases/N-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
    const refused = expectProblem(await call(`/inspections/${none}/report-links`, { method: 'POST', as: 'staff' }), 409);
    expect(refused.detail).toMatch(/No release has been made yet/);
    expectProblem(await call(`/inspections/${none}/report-links`, { method: 'POST', as: 'staff', json: { draft: true } }), 403);
    expectProblem(await call(`/inspections/${none}/report-links`, { method: 'POST', as: 'inspector', json: { draft: true } }), 403);
    expectProblem(await call(`/inspections/${none}/report-links`, { method: 'POST', as: 'admin', json: { draft: 'yes' } }), 400);
    expect((await call(`/inspections/${none}/report-links`, { as: 'staff' })).json.links).toEqual([]);
  });

  it('opens the latest release by default: its frozen bytes, never the live draft', async () => {
    const rel = await createInspection('Links, released');
    expect((await call(`/inspections/${rel}/cases/L-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 2) })).status).toBe(201);
    await makeRelease(rel);
    const latest = await makeRelease(rel);
    const made = await call(`/inspections/${rel}/report-links`, { method: 'POST', as: 'staff' });
    expect(made.status, made.text).toBe(201);
    expect(made.json.releaseId).toBe(latest);
    expect(made.json.draft).toBeUndefined();
    const token = tokenOf(made.json.url);
    // A change after the release does not reach the link.
    expect((await call(`/inspections/${rel}/cases/L-2`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 3) })).status).toBe(201);
    expect((await call(`/inspections/${rel}/aggregate`, { method: 'POST', as: 'staff' })).json.sample.cases).toBe(2);
    const frozen = await call(`/inspections/${rel}/releases/${latest}/summary`, { as: 'staff' });
    const opened = await call(`/reports/${token}/summary.json`);
    expect(opened.text).toBe(frozen.text);
    expect(opened.json.sample.cases).toBe(1);
    const html = await call(`/reports/${token}`);
    expect(html.status).toBe(200);
    expect(html.text).not.toContain('Draft, not published');
    const listed = (await call(`/inspections/${rel}/report-links`, { as: 'staff' })).json.links;
    expect(listed).toEqual([{ id: made.json.id, createdAt: expect.any(String), expiresAt: expect.any(String), revoked: false, releaseId: latest }]);
  });

  it('a link to the live draft (admin only) says "Draft, not published" on its page, JSON and CSV, and lasts 7 days at most', async () => {
    const draft = await call(`/inspections/${id}/report-links?expiresInHours=168`, { method: 'POST', as: 'admin', json: { draft: true } });
    expect(draft.status, draft.text).toBe(201);
    expect(draft.json.draft).toBe(true);
    expect(draft.json.releaseId).toBeUndefined();
    expect(Date.parse(draft.json.expiresAt) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expectProblem(await call(`/inspections/${id}/report-links?expiresInHours=169`, { method: 'POST', as: 'admin', json: { draft: true } }), 400);
    const token = tokenOf(draft.json.url);
    const html = await call(`/reports/${token}`);
    expect(html.status).toBe(200);
    expect(html.text).toMatch(/<title>Draft, not published: /);
    expect(html.text).toContain('govuk-notification-banner__title" id="draft-title">Draft, not published<');
    expect((await call(`/reports/${token}?lang=cy`)).text).toContain('Drafft, heb ei gyhoeddi');
    expect((await call(`/reports/${token}/summary.json`)).json.notice).toBe('Draft, not published');
    expect((await call(`/reports/${token}/summary.csv`)).text).toContain('notice,"Draft, not published"');
    const listed = (await call(`/inspections/${id}/report-links`, { as: 'staff' })).json.links.find((l: { id: string }) => l.id === draft.json.id);
    expect(listed.draft).toBe(true);
  });
});
