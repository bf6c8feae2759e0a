/**
 * What `rohTablesInternal` keeps out of the published report it keeps out of every published
 * file (issue 26, finding 2), through the real local server: a report link's summary.json and
 * summary.csv, and a release's frozen JSON and CSV, carry none of the Risk of Harm questions'
 * counts (Table 2's question table); staff still get them; and saving the write-up page keeps
 * the setting, or changes it when its box is changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rohQuestions } from '#bank/index';
import { call } from '#support/api';
import { bank, createInspection, makeCase, makeRelease } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

let id: string;
const rohIds = rohQuestions(bank()).map((q) => q.id);
const others = bank()
  .questions.filter((q) => !rohIds.includes(q.id))
  .map((q) => q.id);

async function setInternal(value: boolean | undefined) {
  const read = await call(`/inspections/${id}/write-up`, { as: 'admin' });
  const { rohTablesInternal: _was, ...rest } = read.json.writeUp ?? read.json;
  const body = value === undefined ? rest : { ...rest, rohTablesInternal: value };
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'admin',
    headers: { 'if-match': read.headers.get('etag')! },
    json: body,
  });
  expect(put.status, put.text).toBe(200);
}

const questionIdsOfJson = (summary: { questions: { id: string }[] }) => summary.questions.map((q) => q.id);
const questionIdsOfCsv = (csv: string) => [...csv.matchAll(/^question,([\d.]+),/gm)].map((m) => m[1]!);

beforeAll(async () => {
  expect(rohIds.length).toBeGreaterThan(10);
  id = await createInspection('RoH internal');
  for (const [i, type] of (['licence', 'community', 'custody'] as const).entries()) {
    expect(
      (await call(`/inspections/${id}/cases/R-00${i + 1}`, { method: 'PUT', as: 'inspector', json: makeCase(type, i + 1) })).status,
    ).toBeLessThan(300);
  }
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
}, 120_000);

describe('rohTablesInternal', () => {
  it('keeps the Risk of Harm questions out of a report link’s JSON and CSV, and nothing else', async () => {
    await setInternal(true);
    const link = (await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } })).json.url as string;
    const path = new URL(link).pathname;
    const json = (await call(`${path}/summary.json`)).json;
    const csv = (await call(`${path}/summary.csv`)).text;
    for (const ids of [questionIdsOfJson(json), questionIdsOfCsv(csv)]) {
      expect(ids.filter((q) => rohIds.includes(q))).toEqual([]);
      expect(ids).toEqual(expect.arrayContaining(others));
    }
    // Staff still see them.
    const staff = (await call(`/inspections/${id}/summary`, { as: 'staff' })).json;
    expect(questionIdsOfJson(staff)).toEqual(expect.arrayContaining(rohIds));
    // Unset again, the link's files carry them.
    await setInternal(false);
    expect(questionIdsOfJson((await call(`${path}/summary.json`)).json)).toEqual(expect.arrayContaining(rohIds));
  });

  it('keeps them out of a release’s frozen JSON and CSV, on the API, the workbench and a link to the release', async () => {
    await setInternal(true);
    const releaseId = await makeRelease(id);
    const base = `/inspections/${id}/releases/${releaseId}`;
    const json = (await call(`${base}/summary`, { as: 'staff' })).json;
    const csv = (await call(`${base}/summary?format=csv`, { as: 'staff' })).text;
    const { cookie } = await signIn('staff');
    const pageJson = JSON.parse((await page(`/workbench${base}/summary.json`, { cookie })).text);
    const pageCsv = (await page(`/workbench${base}/summary.csv`, { cookie })).text;
    const link = (await call(`/inspections/${id}/report-links?releaseId=${releaseId}`, { method: 'POST', as: 'staff' })).json.url as string;
    const linkJson = (await call(`${new URL(link).pathname}/summary.json`)).json;
    for (const ids of [
      questionIdsOfJson(json),
      questionIdsOfCsv(csv),
      questionIdsOfJson(pageJson),
      questionIdsOfCsv(pageCsv),
      questionIdsOfJson(linkJson),
    ]) {
      expect(ids.filter((q) => rohIds.includes(q))).toEqual([]);
      expect(ids).toEqual(expect.arrayContaining(others));
    }
  });

  it('survives a save of the write-up page, and the page’s box sets and clears it', async () => {
    await setInternal(true);
    const { cookie } = await signIn('inspector');
    const shown = await page(`/workbench/inspections/${id}/write-up`, { cookie });
    expect(shown.text).toMatch(/name="rohTablesInternal" type="checkbox" value="yes" checked/);
    const etag = /name="etag" value="([^"]+)"/.exec(shown.text)![1]!;
    // What a browser sends for the form as shown: the box ticked.
    const saved = await page(`/workbench/inspections/${id}/write-up`, {
      cookie,
      ...form({ csrf: csrfOf(shown.text), etag: etag.replace(/&quot;/g, '"'), rohTablesInternal: 'yes' }),
    });
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
    expect((await call(`/inspections/${id}/write-up`, { as: 'admin' })).json.rohTablesInternal).toBe(true);
    // Unticked: a browser sends nothing for the box.
    const again = await page(`/workbench/inspections/${id}/write-up`, { cookie });
    const etag2 = /name="etag" value="([^"]+)"/.exec(again.text)![1]!.replace(/&quot;/g, '"');
    expect((await page(`/workbench/inspections/${id}/write-up`, { cookie, ...form({ csrf: csrfOf(again.text), etag: etag2 }) })).status).toBe(303);
    expect((await call(`/inspections/${id}/write-up`, { as: 'admin' })).json.rohTablesInternal).toBe(false);
  });
});
