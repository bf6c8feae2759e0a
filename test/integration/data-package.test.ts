/**
 * The analyst's export of a release (issue 28, item 11), through the real local server: a
 * Frictionless datapackage.json whose every column matches the CSV beside it and whose allowed
 * values hold every cell; pseudonyms stable within a release, new in the next, never the
 * inspectorate's references; the release's cases, not the live ones; free text only when asked,
 * and only for admins and staff; every role against both routes.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { getQuestionnaire } from '#questionnaires/index';
import type { Audience } from '#schemas/questionnaire';
import { baseUrl, call, expectProblem } from '#support/api';
import { bank, createInspection, makeCase, makeRelease } from '#support/fixtures';
import { tableAt, validAnswers } from '#support/hostile';
import { CASES, putSubGroupCases, Q } from '#support/sub-group-cases';
import { page, signIn } from '#support/workbench';

let id: string;
let releaseId: string;
let secondReleaseId: string;
const COMMENT = 'The probation officer listened to me: comment 7f3a.';
const descriptorPath = (rid = releaseId, query = '') => `/inspections/${id}/releases/${rid}/data-package${query}`;

interface Field {
  name: string;
  type: 'string' | 'integer';
  description: string;
  constraints: { required?: boolean; unique?: boolean; enum?: (string | number)[] };
}
interface Resource {
  name: string;
  path: string;
  schema: { fields: Field[]; missingValues: string[]; primaryKey?: string };
}

/** A resource's CSV, fetched from its path resolved against the descriptor's own address, as a Frictionless client does. */
async function fetchResource(resource: Resource, rid = releaseId, as: 'admin' | 'inspector' | 'staff' = 'staff') {
  const url = new URL(resource.path, `${baseUrl()}${descriptorPath(rid)}`);
  const res = await call(url.pathname, { as });
  expect(res.status, `${resource.path}: ${res.text.slice(0, 200)}`).toBe(200);
  return { text: res.text, rows: parse(res.text) as string[][] };
}

async function respond(audience: Audience, pick: number): Promise<void> {
  const invited = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience, language: pick % 2 ? 'cy' : 'en', count: 1 } });
  expect(invited.status, invited.text).toBe(201);
  const token = new URL(invited.json.invitations[0].url).pathname.split('/').pop();
  const res = await call(`/questionnaires/${token}/responses`, { json: { answers: validAnswers(getQuestionnaire(audience, 'en'), COMMENT, pick) } });
  expect(res.status, res.text).toBe(201);
}

beforeAll(async () => {
  id = await createInspection('Data package (test)');
  await putSubGroupCases(id);
  await respond('victim', 0);
  await respond('victim', 1);
  await respond('offender', 0);
  await respond('sentencer', 2);
  releaseId = await makeRelease(id);
  // After the release: a case changed and one added. The release's package must not see either.
  const b = bank();
  expect(
    (
      await call(`/inspections/${id}/cases/QB-01`, {
        as: 'inspector',
        method: 'PUT',
        json: { profile: CASES[0]![1], answers: { ...makeCase('community', 900, b).answers, [Q]: 'no' } },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await call(`/inspections/${id}/cases/QB-12`, {
        as: 'inspector',
        method: 'PUT',
        json: { profile: { caseType: 'custody' }, answers: makeCase('custody', 5, b).answers },
      })
    ).status,
  ).toBe(201);
  secondReleaseId = await makeRelease(id);
});

describe("the analyst's data package of a release", () => {
  it('describes every resource, each CSV has exactly its columns, and every cell is an allowed value', async () => {
    const res = await call(descriptorPath(), { as: 'staff' });
    expect(res.status, res.text).toBe(200);
    const pkg = res.json;
    expect(pkg).toMatchObject({ profile: 'tabular-data-package', version: releaseId });
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.resources.map((r: Resource) => r.name)).toEqual(['cases', 'offender-answers', 'victim-answers', 'sentencer-answers']);
    for (const resource of pkg.resources as Resource[]) {
      expect(resource.path).toBe(`data-package/${resource.name}.csv`);
      expect(resource).toMatchObject({ profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' });
      const { rows } = await fetchResource(resource);
      const [header, ...body] = rows;
      const fields = resource.schema.fields;
      expect(header, resource.name).toEqual(fields.map((f) => f.name));
      for (const f of fields) expect(f.description.length, `${resource.name}.${f.name}`).toBeGreaterThan(10);
      for (const [c, f] of fields.entries()) {
        const cells = body.map((row) => row[c]!);
        for (const cell of cells) {
          if (cell === '') {
            expect(f.constraints.required, `${resource.name}.${f.name} is required`).not.toBe(true);
            continue;
          }
          if (f.type === 'integer') expect(cell, `${resource.name}.${f.name}`).toMatch(/^-?\d+$/);
          if (f.constraints.enum)
            expect(f.constraints.enum, `${resource.name}.${f.name}: ${cell}`).toContain(f.type === 'integer' ? Number(cell) : cell);
        }
        if (f.constraints.unique) expect(new Set(cells).size, `${resource.name}.${f.name} unique`).toBe(cells.length);
      }
      if (resource.name === 'victim-answers') expect(body).toHaveLength(2);
      if (resource.name === 'offender-answers') expect(body).toHaveLength(1);
    }
  });

  it("gives the release's finished cases, with every question's judgement, under pseudonyms that are not the references", async () => {
    const pkg = (await call(descriptorPath(), { as: 'inspector' })).json;
    const { text, rows } = await fetchResource(pkg.resources[0], releaseId, 'inspector');
    const [header, ...body] = rows;
    expect(body).toHaveLength(CASES.length);
    for (const ref of [...CASES.map(([r]) => r), 'QB-11', 'QB-12']) expect(text).not.toContain(ref);
    const col = (name: string) => header!.indexOf(name);
    for (const row of body) expect(row[col('case')]).toMatch(/^C-[0-9a-f]{12}$/);
    // The same cases as CASES, by their profile and their answer to Q (the release's: QB-01 still yes).
    const seen = body.map((row) => [row[col('caseType')], row[col('tier')], row[col('transferred')], row[col(Q)]].join('|')).sort();
    const sent = CASES.map(([, p, a]) =>
      [p.caseType, p.tier ?? '', p.transferred === undefined ? '' : p.transferred ? 'yes' : 'no', a].join('|'),
    ).sort();
    expect(seen).toEqual(sent);
    // A question the case type does not take is empty, never na.
    const custodyOnly = bank().questions.find((q) => q.appliesTo.length === 1 && q.appliesTo[0] === 'custody')!;
    for (const row of body.filter((r) => r[col('caseType')] !== 'custody')) expect(row[col(custodyOnly.id)]).toBe('');
  });

  it('is byte for byte the same on every request, and the next release has other pseudonyms and its own cases', async () => {
    const pkg = (await call(descriptorPath(), { as: 'staff' })).json;
    const first = await fetchResource(pkg.resources[0]);
    expect((await fetchResource(pkg.resources[0], releaseId, 'admin')).text).toBe(first.text);
    expect((await call(descriptorPath(), { as: 'admin' })).text).toBe((await call(descriptorPath(), { as: 'staff' })).text);
    const next = await fetchResource(pkg.resources[0], secondReleaseId);
    expect(next.rows).toHaveLength(CASES.length + 2);
    const before = new Set(first.rows.slice(1).map((r) => r[0]));
    for (const row of next.rows.slice(1)) expect(before.has(row[0])).toBe(false);
  });

  it("leaves free text out unless asked; asked, gives it to admins and staff under the answers files' pseudonyms", async () => {
    const plain = (await call(descriptorPath(), { as: 'staff' })).json;
    for (const r of plain.resources as Resource[]) expect((await fetchResource(r)).text).not.toContain('comment 7f3a');
    expect(JSON.stringify(plain)).not.toContain('free-text');
    const withText = await call(descriptorPath(releaseId, '?freeText=include'), { as: 'staff' });
    expect(withText.status, withText.text).toBe(200);
    const freeText = withText.json.resources.find((r: Resource) => r.name === 'free-text');
    expect(freeText.path).toBe('data-package/free-text.csv');
    const { rows } = await fetchResource(freeText, releaseId, 'admin');
    expect(rows[0]).toEqual(['response', 'audience', 'question', 'text']);
    const victims = rows.slice(1).filter((r) => r[1] === 'victim');
    expect(victims.length).toBeGreaterThanOrEqual(2);
    for (const r of rows.slice(1)) expect(r[3]).toBe(COMMENT);
    const victimAnswers = await fetchResource(plain.resources.find((r: Resource) => r.name === 'victim-answers'));
    const answerIds = new Set(victimAnswers.rows.slice(1).map((r) => r[0]));
    for (const r of victims) expect(answerIds.has(r[0])).toBe(true);
    expectProblem(await call(descriptorPath(releaseId, '?freeText=include'), { as: 'inspector' }), 403);
    expectProblem(await call(`${descriptorPath()}/free-text.csv`, { as: 'inspector' }), 403);
  });

  it('answers every role, refuses the signed out, an unknown resource and a bad query', async () => {
    for (const as of ['admin', 'inspector', 'staff'] as const) {
      expect((await call(descriptorPath(), { as })).status, as).toBe(200);
      expect((await call(`${descriptorPath()}/cases.csv`, { as })).status, as).toBe(200);
      expect((await call(`${descriptorPath()}/victim-answers.csv`, { as })).headers.get('content-type'), as).toContain('text/csv');
    }
    expectProblem(await call(descriptorPath()), 401);
    expectProblem(await call(`${descriptorPath()}/cases.csv`), 401);
    expectProblem(await call(`${descriptorPath()}/secrets.csv`, { as: 'staff' }), 404);
    expectProblem(await call(descriptorPath(releaseId, '?freeText=all'), { as: 'staff' }), 400);
    expectProblem(await call(descriptorPath('20260101T000000000Z-000000'), { as: 'staff' }), 404);
  });

  it("drops an erased respondent's words from the free text, and keeps the frozen answers", async () => {
    const before = await call(`${descriptorPath()}/victim-answers.csv`, { as: 'staff' });
    expect((await call(`/inspections/${id}/responses`, { as: 'admin', method: 'DELETE' })).status).toBe(200);
    const text = await call(`${descriptorPath()}/free-text.csv`, { as: 'staff' });
    expect(text.status).toBe(200);
    expect(text.text).not.toContain('comment 7f3a');
    expect((await call(`${descriptorPath()}/victim-answers.csv`, { as: 'staff' })).text).toBe(before.text);
  });

  it('keeps its copy of the cases no longer than the cases: the frozen package carries their retention TTL, the report files none', async () => {
    const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
    const parts = await table.partition(`INSP#${id}`, `RELPART#${releaseId}#`);
    table.destroy();
    const created = Date.parse(
      (await call(`/inspections/${id}/releases`, { as: 'staff' })).json.releases.find((r: { releaseId: string }) => r.releaseId === releaseId)
        .createdAt,
    );
    const analysis = parts.filter((p) => p.sk.startsWith(`RELPART#${releaseId}#analysis#`));
    expect(analysis.length).toBeGreaterThan(0);
    for (const p of analysis) expect(p.expiresAtEpoch).toBeGreaterThan(Math.floor(created / 1000) + 86_400);
    for (const p of parts.filter((x) => !x.sk.includes('#analysis#'))) expect(p.expiresAtEpoch).toBeUndefined();
  });

  it('is on the workbench too, for a browser signed in: linked from the releases page, the same package and the same bytes', async () => {
    const [staff, inspector] = await Promise.all([signIn('staff'), signIn('inspector')]).then((s) => s.map((x) => x.cookie));
    const listing = await page(`/workbench/inspections/${id}/releases`, { cookie: staff });
    const base = `/workbench/inspections/${id}/releases/${releaseId}/data-package`;
    expect(listing.text).toContain(`href="${base}" download="datapackage.json"`);
    const descriptor = await page(base, { cookie: staff });
    expect(descriptor.status).toBe(200);
    const pkg = JSON.parse(descriptor.text);
    expect(pkg).toEqual((await call(descriptorPath(), { as: 'staff' })).json);
    const viaPage = await page(`${base}/${pkg.resources[0].path.split('/').pop()}`, { cookie: inspector });
    expect(viaPage.status).toBe(200);
    expect(viaPage.text).toBe((await call(`${descriptorPath()}/cases.csv`, { as: 'inspector' })).text);
    expect((await page(`${base}/free-text.csv`, { cookie: inspector })).status).toBe(403);
    expect((await page(`${base}?freeText=include`, { cookie: staff })).status).toBe(200);
    expect([302, 303]).toContain((await page(base)).status);
  });
});
