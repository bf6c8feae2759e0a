/**
 * The improvement plan annex as a report link shows it (issue 29), through the local server:
 * a final release's link says plainly that no plan has come until an annex is frozen, then its
 * contents link to the annex page, in English and Welsh, printing the recommendations, the
 * area's actions, owners, due dates and states as frozen, and nothing not meant for the public
 * (progress notes, ids, people's accounts). The release's own route keeps its bytes.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';

const word = (stem: string) => `${stem}${randomBytes(4).toString('hex')}`;
const progressNote = word('Progressnote');
const recommendations = [
  { text: 'Sentence plans are specific and reviewed.', textCy: 'Mae cynlluniau dedfrydu yn benodol ac yn cael eu hadolygu.', criteria: ['1.5'] },
  { text: 'Risk of Harm screenings are accurate.', criteria: ['1.2'] },
];

let id: string;
let releaseId: string;
let publishedAt: string;
let token: string;
let recIds: string[];

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
/** A page as anyone holding the link opens it: no bearer token. */
const get = (path: string) => call(path);

beforeAll(async () => {
  id = await createInspection('Annex area');
  for (const [i, type] of (['community', 'licence'] as const).entries()) {
    expect((await call(`/inspections/${id}/cases/A-${i + 1}`, { method: 'PUT', as: 'inspector', json: makeCase(type, i + 1) })).status).toBe(201);
  }
  const read = await call(`/inspections/${id}/write-up`, { as: 'staff' });
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': read.headers.get('etag')! },
    json: { summary: [], criteria: {}, recommendations, goodPractice: [] },
  });
  expect(put.status, put.text).toBe(200);
  recIds = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.recommendations.map((r: { id: string }) => r.id);
  const release = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Annex area' } });
  expect(release.status, release.text).toBe(201);
  ({ releaseId, createdAt: publishedAt } = release.json);
  const link = await call(`/inspections/${id}/report-links?releaseId=${releaseId}`, { method: 'POST', as: 'staff' });
  expect(link.status, link.text).toBe(201);
  token = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
}, 120_000);

describe('the improvement plan annex on a report link', () => {
  it('says plainly that no plan has been received until one is frozen, in English and Welsh', async () => {
    const report = await get(`/reports/${token}`);
    expect(report.status).toBe(200);
    const contents = report.text.slice(
      report.text.indexOf('id="contents-heading"'),
      report.text.indexOf('</nav>', report.text.indexOf('id="contents-heading"')),
    );
    expect(contents).toContain('<li id="annex-contents">Annex: no improvement plan received yet</li>');
    expect(contents).not.toContain('/improvement-plan');
    const annex = await get(`/reports/${token}/improvement-plan`);
    expect(annex.status).toBe(200);
    const due = new Date(Date.parse(publishedAt) + 28 * 86_400_000);
    const month = due.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    expect(text(annex.text)).toContain(
      `No improvement plan received yet. It is due by ${due.getUTCDate()} ${month} ${due.getUTCFullYear()}, four weeks after publication.`,
    );
    const welsh = await get(`/reports/${token}/improvement-plan?lang=cy`);
    expect(welsh.text).toMatch(/<html lang="cy"/);
    expect(text(welsh.text)).toContain('Dim cynllun gwella wedi dod i law eto.');
    expect(text((await get(`/reports/${token}?lang=cy`)).text)).toContain('Atodiad: dim cynllun gwella wedi dod i law eto');
  });

  it('links from the contents to the frozen annex: recommendations, actions, owners, due dates and states, and nothing private', async () => {
    const releaseRoute = `/inspections/${id}/releases/${releaseId}/report`;
    const before = await call(releaseRoute, { as: 'staff' });
    const plan = await call(`/inspections/${id}/improvement-plan`, { as: 'staff' });
    const saved = await call(`/inspections/${id}/improvement-plan`, {
      method: 'PUT',
      as: 'staff',
      headers: { 'if-match': plan.headers.get('etag')! },
      json: {
        receivedAt: publishedAt.slice(0, 10),
        actions: [
          {
            recommendation: recIds[0],
            action: 'Audit ten sentence plans a month.',
            owner: 'Head of offender management',
            due: '2008-01-15',
            progress: [{ date: '2008-01-02', text: progressNote }],
            status: 'open',
          },
          {
            recommendation: recIds[0],
            action: 'Train every offender manager in review.',
            owner: 'Training manager',
            due: '2999-12-31',
            status: 'open',
          },
          {
            recommendation: recIds[1],
            action: 'Retrain on the RoH screening.',
            owner: 'Senior probation officer',
            due: '2008-02-01',
            status: 'done',
          },
        ],
      },
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await call(`/inspections/${id}/releases/${releaseId}/improvement-plan`, { method: 'POST', as: 'admin' })).status).toBe(201);

    const report = await get(`/reports/${token}`);
    expect(report.text).toContain(
      `<li id="annex-contents"><a class="govuk-link" href="/reports/${token}/improvement-plan">Annex: the area’s improvement plan</a></li>`,
    );
    expect((await get(`/reports/${token}?lang=cy`)).text).toContain(
      `href="/reports/${token}/improvement-plan?lang=cy">Atodiad: cynllun gwella’r ardal</a>`,
    );

    const annex = await get(`/reports/${token}/improvement-plan`);
    expect(annex.status).toBe(200);
    const page = text(annex.text);
    expect(page).toContain('Annex: improvement plan');
    expect(page).toContain(`Received on ${Number(publishedAt.slice(8, 10))} `);
    for (const r of recommendations) expect(page).toContain(r.text);
    for (const words of [
      'Audit ten sentence plans a month.',
      'Head of offender management',
      '15 January 2008',
      'Train every offender manager in review.',
      '31 December 2999',
      'Retrain on the RoH screening.',
      'Senior probation officer',
      '1 February 2008',
    ]) {
      expect(page).toContain(words);
    }
    // Each action's state as frozen: overdue, open, done.
    expect([...annex.text.matchAll(/<strong class="govuk-tag [^"]+">(Overdue|Open|Done)<\/strong>/g)].map((m) => m[1])).toEqual([
      'Overdue',
      'Open',
      'Done',
    ]);
    // Nothing not meant for publication: progress notes, the plan's and the release's ids, nobody's account.
    for (const secret of [progressNote, ...recIds, releaseId, id, 'local-staff', 'local-admin', '"version"'])
      expect(annex.text, secret).not.toContain(secret);
    expect(annex.text).toContain(`href="/reports/${token}"`);

    const welsh = await get(`/reports/${token}/improvement-plan?lang=cy`);
    expect(welsh.text).toMatch(/<html lang="cy"/);
    expect(text(welsh.text)).toContain('Atodiad: cynllun gwella');
    expect(welsh.text).toContain('<span lang="en">Audit ten sentence plans a month.</span>');
    expect(text(welsh.text)).toContain('15 Ionawr 2008');
    expect(welsh.text).toContain(`href="/reports/${token}?lang=cy"`);

    // Frozen: a later change to the plan leaves the annex page as it was; the release's own route keeps its bytes.
    const current = await call(`/inspections/${id}/improvement-plan`, { as: 'staff' });
    const changed = await call(`/inspections/${id}/improvement-plan`, {
      method: 'PUT',
      as: 'staff',
      headers: { 'if-match': current.headers.get('etag')! },
      json: { receivedAt: publishedAt.slice(0, 10), actions: [] },
    });
    expect(changed.status).toBe(200);
    expect((await get(`/reports/${token}/improvement-plan`)).text).toBe(annex.text);
    const after = await call(releaseRoute, { as: 'staff' });
    expect(after.text).toBe(before.text);
    expect(after.text).not.toMatch(/omi-plan-annex|annex-contents/);
  });

  it('says only that no plan has been received on a link to a factual-accuracy release or to the live draft, whose contents have no annex line', async () => {
    const other = await createInspection('Annex draft');
    expect((await call(`/inspections/${other}/cases/D-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
    const factual = await call(`/inspections/${other}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' } });
    expect(factual.status, factual.text).toBe(201);
    for (const body of [undefined, { draft: true }]) {
      const link = await call(`/inspections/${other}/report-links`, { method: 'POST', as: 'admin', ...(body ? { json: body } : {}) });
      expect(link.status, link.text).toBe(201);
      const t = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
      const annex = await get(`/reports/${t}/improvement-plan`);
      expect(annex.status).toBe(200);
      expect(/<p class="govuk-body" id="no-plan">([^<]*)<\/p>/.exec(annex.text)?.[1]).toBe('No improvement plan received yet.');
      expect((await get(`/reports/${t}`)).text).not.toContain('annex-contents');
    }
    expectProblem(await call(`/inspections/${other}/improvement-plan`, { as: 'staff' }), 409);
  });
});
