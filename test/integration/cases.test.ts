import { describe, expect, it, beforeAll } from 'vitest';
import { call, expectProblem } from '#support/api';
import { bank, casesCsv, createInspection, kentSample, makeCase } from '#support/fixtures';
import { PROFILE_COLUMNS } from '#cases/csv';

const toCsv = casesCsv;

describe('inspections', () => {
  it('creates, reads and lists an inspection pinned to the current bank', async () => {
    // Weeks no other suite uses: Kent's inspection of November 2007 may already exist on the shared server.
    const created = await call('/inspections', { as: 'admin', json: { area: 'Kent', fieldworkStart: '2008-03-03', fieldworkEnd: '2008-03-07' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ area: 'Kent', questionBankVersion: 'omi-2008.1', status: 'open', createdBy: 'test-admin' });
    const id = created.json.inspectionId;
    expect((await call(`/inspections/${id}`, { as: 'staff' })).json).toEqual(created.json);
    const list = await call('/inspections', { as: 'inspector' });
    expect(list.json.inspections.map((i: { inspectionId: string }) => i.inspectionId)).toContain(id);
  });

  it('lists every problem with a bad inspection at once', async () => {
    const res = await call('/inspections', { as: 'admin', json: { area: '', fieldworkStart: '2007-13-45', fieldworkEnd: 'soon', extra: 1 } });
    const problem = expectProblem(res, 400);
    const paths = problem.errors.map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['area', 'fieldworkStart', 'fieldworkEnd', 'extra']));
  });

  it('rejects an end before the start', async () => {
    const res = await call('/inspections', { as: 'admin', json: { area: 'Kent', fieldworkStart: '2007-11-09', fieldworkEnd: '2007-11-05' } });
    expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ path: 'fieldworkEnd' })]);
  });

  it('lets only admins create inspections', async () => {
    expectProblem(
      await call('/inspections', { as: 'inspector', json: { area: 'Kent', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } }),
      403,
    );
    expectProblem(await call('/inspections', { as: 'staff', json: { area: 'Kent', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } }), 403);
  });

  it('answers 404 for an unknown inspection', async () => {
    expectProblem(await call('/inspections/no-such-thing', { as: 'staff' }), 404);
    expectProblem(await call('/inspections/BAD%20ID', { as: 'staff' }), 404);
  });

  it('answers 415 for a body that is not JSON-typed and 413 for one too large', async () => {
    expectProblem(await call('/inspections', { as: 'admin', body: '{}', headers: { 'content-type': 'text/plain' } }), 415);
    expectProblem(
      await call('/inspections', {
        as: 'admin',
        body: JSON.stringify({ area: 'x'.repeat(300_000) }),
        headers: { 'content-type': 'application/json' },
      }),
      413,
    );
    expectProblem(await call('/inspections', { as: 'admin', body: '{"area":', headers: { 'content-type': 'application/json' } }), 400);
  });
});

describe('cases', () => {
  let id: string;
  beforeAll(async () => {
    id = await createInspection();
  });

  it('creates (201), replaces (200) and keeps the earlier version with who and when', async () => {
    const first = makeCase('community', 1);
    expect((await call(`/inspections/${id}/cases/C-001`, { method: 'PUT', as: 'inspector', json: first })).status).toBe(201);
    const second = makeCase('community', 2);
    expect((await call(`/inspections/${id}/cases/C-001`, { method: 'PUT', as: 'admin', json: second })).status).toBe(200);
    const read = await call(`/inspections/${id}/cases/C-001`, { as: 'staff' });
    expect(read.status).toBe(200);
    expect(read.json.answers).toEqual(second.answers);
    expect(read.json.version).toBe(2);
    expect(read.json.updatedBy).toBe('test-admin');
    expect(read.json.earlierVersions).toHaveLength(1);
    expect(read.json.earlierVersions[0]).toMatchObject({ version: 1, updatedBy: 'test-inspector', answers: first.answers });
  });

  it('rejects unknown questions, bad answers, inapplicable questions and bad profiles, listing every one, storing nothing', async () => {
    const licenceOnlyNot = bank().questions.filter((q) => !q.appliesTo.includes('licence') && q.id !== '1.1.1')[0]!;
    const res = await call(`/inspections/${id}/cases/C-002`, {
      method: 'PUT',
      as: 'inspector',
      json: { profile: { caseType: 'licence', tier: 9 }, answers: { '9.9.9': 'yes', '1.1.1': 'maybe', [licenceOnlyNot.id]: 'yes' } },
    });
    const paths = expectProblem(res, 400).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['profile.tier', 'answers.1.1.1']));
    const second = await call(`/inspections/${id}/cases/C-002`, {
      method: 'PUT',
      as: 'inspector',
      json: { profile: { caseType: 'licence' }, answers: { '9.9.9': 'yes', [licenceOnlyNot.id]: 'yes' } },
    });
    expect(
      expectProblem(second, 400)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['answers.9.9.9', `answers.${licenceOnlyNot.id}`].sort());
    expectProblem(await call(`/inspections/${id}/cases/C-002`, { as: 'staff' }), 404);
  });

  it('rejects case references that could be names or paths', async () => {
    for (const ref of ['JohnSmith', 'a%2F..%2Fb', '%00', 'x'.repeat(40) + '1']) {
      expectProblem(await call(`/inspections/${id}/cases/${ref}`, { method: 'PUT', as: 'inspector', json: makeCase('community', 3) }), 400);
    }
  });

  it('does not let staff write cases', async () => {
    expectProblem(await call(`/inspections/${id}/cases/C-009`, { method: 'PUT', as: 'staff', json: makeCase('community', 3) }), 403);
  });

  it('imports a 110-case Kent sample by CSV and reads it back in pages', async () => {
    const other = await createInspection('Kent CSV');
    const sample = kentSample();
    const res = await call(`/inspections/${other}/cases`, { as: 'inspector', body: toCsv(sample), headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.json.imported).toBe(110);
    const seen = new Map<string, unknown>();
    let cursor: string | undefined;
    do {
      const page = await call(`/inspections/${other}/cases${cursor ? `?cursor=${cursor}` : ''}`, { as: 'staff' });
      expect(page.status).toBe(200);
      for (const c of page.json.cases) seen.set(c.caseRef, c);
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(110);
    const k7 = sample[6]!;
    expect((seen.get(k7.caseRef) as { answers: unknown }).answers).toEqual(k7.input.answers);
  });

  it('rejects a bad CSV naming every bad row and column, importing nothing', async () => {
    const other = await createInspection('Kent bad CSV');
    const sample = kentSample().slice(0, 5);
    const csv = toCsv(sample).split('\n');
    const header = csv[0]!.split(',');
    const q = header.indexOf('1.1.1');
    const row3 = csv[3]!.split(',');
    row3[q] = 'perhaps';
    csv[3] = row3.join(',');
    csv[4] = csv[4]!.replace(/^K-004/, 'K-001');
    const row5 = csv[5]!.split(',');
    row5[1] = 'prison';
    csv[5] = row5.join(',');
    const res = await call(`/inspections/${other}/cases`, { as: 'inspector', body: csv.join('\n'), headers: { 'content-type': 'text/csv' } });
    const paths = expectProblem(res, 400).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['row 4.1.1.1', 'row 5.caseRef', 'row 6.caseType']));
    const list = await call(`/inspections/${other}/cases`, { as: 'staff' });
    expect(list.json.cases).toEqual([]);
  });

  it('rejects bad profile values (a "maybe" is not a no), naming each row and column, importing nothing', async () => {
    const other = await createInspection('Kent bad profile');
    const body = [
      'caseRef,caseType,tier,ppo,mappaLevel,approvedPremises,statutoryVictimContact',
      'K-1,community,2,yes,1,no,no',
      'K-2,community,2,maybe,1,no,no',
      'K-3,licence,5,no,1,perhaps,no',
      'K-4,custody,2,no,9,no,sometimes',
    ].join('\n');
    const res = await call(`/inspections/${other}/cases`, { as: 'inspector', body, headers: { 'content-type': 'text/csv' } });
    const paths = expectProblem(res, 400).errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['row 3.ppo', 'row 4.approvedPremises', 'row 4.tier', 'row 5.mappaLevel', 'row 5.statutoryVictimContact']);
    expect((await call(`/inspections/${other}/cases`, { as: 'staff' })).json.cases).toEqual([]);
  });

  it('rejects unknown columns, ragged rows and unclosed quotes', async () => {
    const other = await createInspection('Kent ragged');
    const unknown = await call(`/inspections/${other}/cases`, {
      as: 'inspector',
      body: 'caseRef,caseType,colour\nK-1,community,red\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(expectProblem(unknown, 400).errors.map((e) => e.path)).toEqual(['header.colour']);
    const ragged = await call(`/inspections/${other}/cases`, {
      as: 'inspector',
      body: 'caseRef,caseType\nK-1,community,extra\nK-2\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(expectProblem(ragged, 400).errors.map((e) => e.path)).toEqual(['row 2', 'row 3']);
    const quotes = await call(`/inspections/${other}/cases`, {
      as: 'inspector',
      body: 'caseRef,caseType\n"K-1,community\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(expectProblem(quotes, 400).errors[0]!.message).toMatch(/Malformed CSV/);
  });

  it('offers a CSV template with a column per question', async () => {
    const res = await call(`/inspections/${id}/cases-template.csv`, { as: 'inspector' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const header = res.text.trim().split(',');
    expect(header.slice(0, 2)).toEqual(['caseRef', 'caseType']);
    expect(header.length).toBe(1 + PROFILE_COLUMNS.length + bank().questions.length);
  });
});

describe('leadership grades', () => {
  it('grades 4.1-4.6 and rejects anything else', async () => {
    const id = await createInspection();
    const put = await call(`/inspections/${id}/leadership/4.1`, {
      method: 'PUT',
      as: 'inspector',
      json: { grade: 'satisfactorily-met', strengths: ['Clear vision'], improvements: [] },
    });
    expect(put.status).toBe(201);
    expect((await call(`/inspections/${id}/leadership/4.1`, { method: 'PUT', as: 'inspector', json: { grade: 'partly-met' } })).status).toBe(200);
    expectProblem(await call(`/inspections/${id}/leadership/1.1`, { method: 'PUT', as: 'inspector', json: { grade: 'partly-met' } }), 404);
    const bad = await call(`/inspections/${id}/leadership/4.2`, { method: 'PUT', as: 'inspector', json: { grade: 'excellent', strengths: 'x' } });
    expect(
      expectProblem(bad, 400)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['grade', 'strengths']);
    expectProblem(await call(`/inspections/${id}/leadership/4.1`, { method: 'PUT', as: 'staff', json: { grade: 'partly-met' } }), 403);
  });
});
