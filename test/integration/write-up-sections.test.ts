/**
 * Writing together (issue 27): the write-up saved section by section through the local
 * server. Two people saving different sections with the versions they read both land; the
 * same section saved twice on one version lands once, and the second gets 409 naming who
 * saved, with their text and the text sent; the whole-document PUT keeps its contract (its
 * ETag moves with every section save); a write-up stored before sections still reads and
 * saves; a closed inspection refuses section saves; a release freezes the whole document.
 */
import { gzipSync } from 'node:zlib';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { bank, createInspection, makeCase, makeRelease } from '#support/fixtures';
import { tableAt } from '#support/hostile';

type Who = 'inspector' | 'admin';
const sections = (id: string) => call(`/inspections/${id}/write-up/sections`, { as: 'staff' });
const versionOf = async (id: string, sectionId: string): Promise<number> =>
  ((await sections(id)).json.sections as { sectionId: string; version: number }[]).find((s) => s.sectionId === sectionId)!.version;
const saveSection = (id: string, sectionId: string, expectedVersion: number, content: unknown, as: Who = 'inspector') =>
  call(`/inspections/${id}/write-up/sections/${sectionId}`, { method: 'PUT', as, json: { expectedVersion, content } });
const findings = (word: string) => ({
  strengths: [`${word}: plans were reviewed on time.`],
  improvements: [`${word}: risk was not always reassessed.`],
});

describe('the write-up, section by section', () => {
  let id: string;
  beforeAll(async () => {
    id = await createInspection('Sections');
  });

  it('lists every section with version 0 before anything is saved', async () => {
    const listed = await sections(id);
    expect(listed.status, listed.text).toBe(200);
    const ids = (listed.json.sections as { sectionId: string }[]).map((s) => s.sectionId);
    expect(ids.slice(0, 3)).toEqual(['summary', 'criterion-1.1', 'criterion-1.2']);
    expect(ids).toEqual(expect.arrayContaining(['recommendations', 'good-practice', 'settings', 'foreword', 'next-steps', 'criterion-4.6']));
    expect(listed.json.sections.every((s: { version: number }) => s.version === 0)).toBe(true);
    expect(listed.json.etag).toBe(listed.headers.get('etag'));
  });

  it("lands two people's saves of different criteria made on the versions they read", async () => {
    // Both read version 0 of their criterion; the second save comes after the first landed.
    const first = await saveSection(id, 'criterion-1.1', 0, findings('Inspector'), 'inspector');
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ sectionId: 'criterion-1.1', version: 1, updatedBy: 'test-inspector', content: findings('Inspector') });
    const second = await saveSection(id, 'criterion-2.1', 0, findings('Admin'), 'admin');
    expect(second.status, second.text).toBe(200);
    const whole = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(whole.criteria).toEqual({ '1.1': findings('Inspector'), '2.1': findings('Admin') });
  });

  it('refuses the same section saved on an old version: 409 naming who saved, with their text and yours, and nothing lost', async () => {
    const before = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).text;
    const late = await saveSection(id, 'criterion-1.1', 0, findings('Late'), 'admin');
    const problem = expectProblem(late, 409) as ReturnType<typeof expectProblem> & {
      sectionId: string;
      current: { version: number };
      yours: unknown;
    };
    expect(problem.type).toBe('urn:omi:problem:section-changed');
    expect(problem.detail).toContain('test-inspector');
    expect(problem.detail).toMatch(/\d{4}-\d\d-\d\dT/);
    expect(problem.sectionId).toBe('criterion-1.1');
    expect(problem.current).toMatchObject({ version: 1, updatedBy: 'test-inspector', content: findings('Inspector') });
    expect(problem.yours).toEqual(findings('Late'));
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).text).toBe(before);
    // Keeping yours: sent again on the version now stored, it lands.
    const kept = await saveSection(id, 'criterion-1.1', problem.current.version, findings('Late'), 'admin');
    expect(kept.status, kept.text).toBe(200);
    expect(kept.json).toMatchObject({ version: 2, updatedBy: 'test-admin', content: findings('Late') });
  });

  it('takes the same words saved on an old version as no conflict at all', async () => {
    const same = await saveSection(id, 'criterion-1.1', 1, findings('Late'), 'inspector');
    expect(same.status, same.text).toBe(200);
    expect(same.json.version).toBe(2);
  });

  it('keeps the whole-document PUT: its ETag moves with every section save, and it bumps only the sections it changes', async () => {
    const read = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    const etag = read.headers.get('etag')!;
    expect((await saveSection(id, 'summary', 0, [{ section: '1', text: 'Sentence planning was good.' }])).status).toBe(200);
    expectProblem(await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', headers: { 'if-match': etag }, json: read.json }), 412);
    const now = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    const v21 = await versionOf(id, 'criterion-2.1');
    const body = { ...now.json, criteria: { ...now.json.criteria, '1.1': findings('Whole') } };
    const put = await call(`/inspections/${id}/write-up`, {
      method: 'PUT',
      as: 'inspector',
      headers: { 'if-match': now.headers.get('etag')! },
      json: body,
    });
    expect(put.status, put.text).toBe(200);
    expect(await versionOf(id, 'criterion-1.1')).toBe(3);
    // Somebody with 2.1 open can still save it: the whole PUT left it as it was.
    expect(await versionOf(id, 'criterion-2.1')).toBe(v21);
    expect((await saveSection(id, 'criterion-2.1', v21, findings('Still mine'), 'admin')).status).toBe(200);
  });

  it('names every problem where it is in the content sent, and knows only the sections a write-up has', async () => {
    const bad = expectProblem(await saveSection(id, 'criterion-1.2', 0, { strengths: [''], improvements: 'none' }), 400);
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['content.strengths.0', 'content.improvements']));
    const wrongQuestion = expectProblem(
      await saveSection(id, 'criterion-1.2', 0, { strengths: [{ text: 'All.', drafted: { question: '2.1.1', percent: 100 } }], improvements: [] }),
      400,
    );
    expect(wrongQuestion.errors[0]?.path).toBe('content.strengths.0.drafted.question');
    expectProblem(await saveSection(id, 'criterion-9.9', 0, findings('x')), 404);
    expectProblem(await call(`/inspections/${id}/write-up/sections/summary`, { method: 'PUT', as: 'inspector', json: { content: [] } }), 400);
    const forgotten = expectProblem(
      await call(`/inspections/${id}/write-up/sections/criterion-1.1`, { method: 'PUT', as: 'inspector', json: { expectedVersion: 3 } }),
      400,
    );
    expect(forgotten.errors).toEqual([{ path: 'content', message: 'Send the section as it should be (null takes an optional part out)' }]);
    expectProblem(await saveSection(id, 'summary', 0, [], 'staff' as Who), 403);
  });

  it('lands exactly one of many saves of one section on one version, and every save of different sections', async () => {
    const same = await Promise.all(
      Array.from({ length: 8 }, (_, i) => saveSection(id, 'criterion-3.1', 0, findings(`Racer ${i}`), i % 2 ? 'admin' : 'inspector')),
    );
    expect(same.filter((r) => r.status === 200)).toHaveLength(1);
    expect(same.filter((r) => r.status === 409)).toHaveLength(7);
    const winner = same.find((r) => r.status === 200)!.json.content;
    const different = ['1.3', '1.4', '2.2', '2.3', '2.4', '2.5', '2.6', '3.2'];
    const all = await Promise.all(
      different.map((c, i) => saveSection(id, `criterion-${c}`, 0, findings(`Writer ${c}`), i % 2 ? 'admin' : 'inspector')),
    );
    expect(all.map((r) => r.status)).toEqual(different.map(() => 200));
    const whole = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(whole.criteria['3.1']).toEqual(winner);
    for (const c of different) expect(whole.criteria[c]).toEqual(findings(`Writer ${c}`));
  });
});

describe('a write-up stored before sections existed', () => {
  it('still reads, saves a section over it, and takes a whole PUT on its old ETag', async () => {
    const id = await createInspection('Legacy write-up');
    const legacy = {
      summary: [{ section: '2', text: 'Interventions were delivered well.' }],
      criteria: { '1.1': findings('Legacy'), '2.2': findings('Legacy') },
      recommendations: [{ text: 'Review plans on time.', criteria: ['1.1'] }],
      goodPractice: [],
      rohTablesInternal: true,
    };
    const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
    await table.db.send(
      new PutCommand({
        TableName: inject('tableName'),
        Item: {
          pk: `INSP#${id}`,
          sk: 'WRITEUP',
          entity: 'write-up',
          version: 4,
          body: gzipSync(JSON.stringify(legacy)),
          updatedAt: '2026-01-01T00:00:00.000Z',
          updatedBy: 'old',
        },
      }),
    );
    const read = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    expect(read.headers.get('etag')).toBe('"wu-4"');
    expect(read.json).toMatchObject({ ...legacy, recommendations: [{ ...legacy.recommendations[0], id: expect.stringMatching(/^rec-/) }] });
    expect(await versionOf(id, 'criterion-1.1')).toBe(0);
    expect((await saveSection(id, 'criterion-1.1', 0, findings('New'))).status).toBe(200);
    const after = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    expect(after.headers.get('etag')).toBe('"wu-5"');
    expect(after.json.criteria).toEqual({ '1.1': findings('New'), '2.2': findings('Legacy') });
    expect(after.json.summary).toEqual(legacy.summary);
    expect(after.json.rohTablesInternal).toBe(true);
    const put = await call(`/inspections/${id}/write-up`, {
      method: 'PUT',
      as: 'admin',
      headers: { 'if-match': '"wu-5"' },
      json: { ...after.json, summary: [] },
    });
    expect(put.status, put.text).toBe(200);
    const last = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(last.summary).toEqual([]);
    expect(last.criteria['2.2']).toEqual(findings('Legacy'));
  });
});

describe('section saves and releases', () => {
  it('freezes every section in a release, and refuses a section save once a final release has closed the inspection', async () => {
    const id = await createInspection('Sections released');
    expect(
      (await call(`/inspections/${id}/cases/S-001`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status,
    ).toBeLessThan(300);
    expect((await saveSection(id, 'criterion-1.1', 0, findings('Frozen one'), 'inspector')).status).toBe(200);
    expect((await saveSection(id, 'criterion-2.1', 0, findings('Frozen two'), 'admin')).status).toBe(200);
    const releaseId = await makeRelease(id, 'final');
    const report = await call(`/inspections/${id}/releases/${releaseId}/report`, { as: 'staff' });
    expect(report.text).toContain('Frozen one: plans were reviewed on time.');
    expect(report.text).toContain('Frozen two: risk was not always reassessed.');
    const closed = expectProblem(await saveSection(id, 'criterion-1.1', 1, findings('After the close')), 409);
    expect(closed.type).toBe('urn:omi:problem:inspection-closed');
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.criteria['1.1']).toEqual(findings('Frozen one'));
  });
});
