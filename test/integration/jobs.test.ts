/**
 * Long work is a job (contract, "An inspection's life cycle"), through the local server: a
 * release of an inspection of more than INLINE_LIMIT cases answers 202 with
 * `Location: /jobs/{jobId}`; GET /jobs/{jobId} says running, then done with the release, to the
 * person who started it and to admins only; a retry with the same Idempotency-Key gets the same
 * job; a refusal still comes at once; the workbench's release form goes to the job's page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INLINE_LIMIT } from '#core/timeouts';
import { call, expectProblem } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { casesCsv, csrfOf, form, page, signIn } from '#support/workbench';

async function untilFinished(location: string, as: 'admin' | 'inspector' = 'admin'): Promise<any> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const job = await call(location, { as });
    expect(job.status).toBe(200);
    if (job.json.status !== 'running') return job.json;
    if (Date.now() > deadline) throw new Error(`job ${location} still running after 90 s: ${job.json.doing}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** More cases than a request may release: each written alone, so nothing here depends on the import's own job. */
async function largeInspection(area: string): Promise<string> {
  const id = await createInspection(area);
  const types = ['licence', 'community', 'custody'] as const;
  const refs = Array.from({ length: INLINE_LIMIT + 1 }, (_, i) => i);
  for (let i = 0; i < refs.length; i += 20) {
    await Promise.all(
      refs.slice(i, i + 20).map(async (n) => {
        const res = await call(`/inspections/${id}/cases/J-${String(n).padStart(3, '0')}`, {
          method: 'PUT',
          as: 'inspector',
          json: makeCase(types[n % 3]!, n + 1),
        });
        expect(res.status).toBeLessThan(300);
      }),
    );
  }
  return id;
}

describe('long work is a job', () => {
  let id: string;
  beforeAll(async () => {
    id = await largeInspection('Jobshire');
  }, 240_000);

  it('a release of a large inspection answers 202, and the job finishes with the release', async () => {
    const headers = { 'idempotency-key': `job-release-${id}` };
    const accepted = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' }, headers });
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location')!;
    expect(location).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    expect(accepted.json).toEqual({ jobId: location.slice('/jobs/'.length), status: 'running', location });

    // The same request again: the same job, never a second release.
    const retried = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' }, headers });
    expect(retried.status).toBe(202);
    expect(retried.json.jobId).toBe(accepted.json.jobId);

    // Any signed-in role may follow it (as any may read the inspection's releases); a job id nobody has is a 404.
    expect((await call(location, { as: 'staff' })).json).not.toHaveProperty('startedBy');
    expectProblem(await call('/jobs/00000000-0000-0000-0000-000000000000', { as: 'admin' }), 404);
    expectProblem(await call('/jobs/not-a-job', { as: 'admin' }), 404);
    expect((await call(location, { as: null })).status).toBe(401);

    const job = await untilFinished(location);
    expect(job).toMatchObject({ jobId: accepted.json.jobId, kind: 'release', inspectionId: id, status: 'done' });
    expect(job.doing).toContain('Made the factual accuracy release');
    const releases = (await call(`/inspections/${id}/releases`, { as: 'staff' })).json.releases;
    expect(releases).toEqual([job.result]);
    expect(job.result.kind).toBe('factual-accuracy');
    const report = await call(`/inspections/${id}/releases/${job.result.releaseId}/report`, { as: 'staff' });
    expect(report.status).toBe(200);
    expect(report.text).toContain('Jobshire');
  }, 180_000);

  it('a refusal still comes at once; a final release as a job closes the inspection, all of it in the release', async () => {
    // Not confirmed and not ready: 409 not-ready now, no job.
    const refused = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } });
    expectProblem(refused, 409);
    expect(refused.json.type).toBe('urn:omi:problem:not-ready');

    const accepted = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Jobshire' } });
    expect(accepted.status).toBe(202);
    // While it is being made, or once made: no reopen slips in between, and no second final.
    const reopen = await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' });
    expect(reopen.status).toBe(409);
    const job = await untilFinished(accepted.headers.get('location')!);
    expect(job.status).toBe('done');
    const inspection = (await call(`/inspections/${id}`, { as: 'admin' })).json;
    expect(inspection).toMatchObject({ status: 'closed', stage: 'published' });
    const summary = JSON.parse((await call(`/inspections/${id}/releases/${job.result.releaseId}/summary`, { as: 'admin' })).text);
    expect(summary.sample.cases + (summary.sample.unfinished ?? 0)).toBe(INLINE_LIMIT + 1);
    const late = await call(`/inspections/${id}/cases/J-LATE`, { method: 'PUT', as: 'inspector', json: makeCase('community', 7) });
    expectProblem(late, 409);
    expect(late.json.type).toBe('urn:omi:problem:inspection-closed');
    // Reopened, so the next suite's inspection is not held.
    expect((await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' })).status).toBe(200);
  }, 180_000);

  it("the workbench's release form goes to the job's page, which says what it is doing", async () => {
    const { cookie } = await signIn('admin');
    const shown = await page(`/workbench/inspections/${id}/releases`, { cookie });
    const made = await page(`/workbench/inspections/${id}/releases`, { cookie, ...form({ csrf: csrfOf(shown.text), kind: 'factual-accuracy' }) });
    expect(made.status).toBe(303);
    const where = made.headers.get('location')!;
    expect(where).toMatch(/^\/workbench\/jobs\/[0-9a-f-]{36}$/);
    const status = await page(where, { cookie });
    expect(status.status).toBe(200);
    expect(status.headers.get('cache-control')).toContain('no-store');
    expect(status.text).toContain('Making a release');
    expect(status.text).toMatch(/In progress|Finished/);
    await untilFinished(`/jobs/${where.split('/').pop()}`);
    const finished = await page(where, { cookie });
    expect(finished.text).toContain('Finished');
    expect(finished.text).toContain(`href="/workbench/inspections/${id}/releases"`);
    // A job nobody has is the pages' 404, not a raw problem.
    const missing = await page('/workbench/jobs/00000000-0000-0000-0000-000000000000', { cookie });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
  }, 180_000);

  it('a batch of more invitations than a request may issue is a job; its links are downloaded from the batch', async () => {
    const small = await createInspection('Invitashire');
    const body = { audience: 'offender', language: 'en', count: INLINE_LIMIT + 50 };
    const headers = { 'idempotency-key': `job-invitations-${small}` };
    const accepted = await call(`/inspections/${small}/invitations`, { as: 'admin', json: body, headers });
    expect(accepted.status).toBe(202);
    expect((await call(`/inspections/${small}/invitations`, { as: 'admin', json: body, headers })).json.jobId).toBe(accepted.json.jobId);
    const job = await untilFinished(accepted.headers.get('location')!);
    expect(job).toMatchObject({
      kind: 'invitations',
      status: 'done',
      result: { count: INLINE_LIMIT + 50, download: `/inspections/${small}/invitations/${job.result.batchId}.csv` },
    });
    const csv = await call(job.result.download, { as: 'admin' });
    expect(csv.status).toBe(200);
    const rows = csv.text.trim().split(/\r?\n/);
    expect(rows).toHaveLength(INLINE_LIMIT + 51);
    const url = rows[1]!.split(',').find((cell) => cell.includes('/q/'))!;
    expect((await fetch(url.replace(/^.*?\/q\//, `${(await import('#support/api')).baseUrl()}/q/`))).status).toBe(200);
    // One batch, counted once, however often the request came.
    const reminders = await call(`/inspections/${small}/invitations/reminders.csv`, { as: 'admin' });
    expect(reminders.text.trim().split(/\r?\n/)).toHaveLength(INLINE_LIMIT + 51);

    // The page's form: the job's page, then the download from it.
    const { cookie } = await signIn('admin');
    const opened = await page(`/workbench/inspections/${small}/invitations`, { cookie });
    const formToken = /name="formToken" value="([^"]+)"/.exec(opened.text)![1]!;
    const posted = await page(`/workbench/inspections/${small}/invitations`, {
      cookie,
      ...form({ csrf: csrfOf(opened.text), formToken, audience: 'victim', count: String(INLINE_LIMIT + 1), language: 'en', expiresAt: '' }),
    });
    expect(posted.status).toBe(303);
    const where = posted.headers.get('location')!;
    expect(where).toMatch(/^\/workbench\/jobs\//);
    await untilFinished(`/jobs/${where.split('/').pop()}`);
    const done = await page(where, { cookie });
    expect(done.text).toContain('Issuing invitations');
    const download = /href="([^"]+\.csv)">Download the links/.exec(done.text)?.[1];
    expect(download).toBeDefined();
    const file = await page(download!, { cookie });
    expect(file.status).toBe(200);
    expect(file.text.trim().split(/\r?\n/)).toHaveLength(INLINE_LIMIT + 2);
  }, 180_000);

  it('an upload of more rows than a request may write is checked whole at once, then written by a job', async () => {
    const target = await createInspection('Importshire');
    const csv = casesCsv('IM', INLINE_LIMIT + 30);
    // A bad row: refused at once, naming it, and no job.
    const bad = await call(`/inspections/${target}/cases`, {
      as: 'inspector',
      body: casesCsv('IM', INLINE_LIMIT + 30, 40),
      headers: { 'content-type': 'text/csv' },
    });
    expectProblem(bad, 400);
    expect(bad.text).toContain('40');
    const headers = { 'content-type': 'text/csv', 'idempotency-key': `job-import-${target}` };
    const accepted = await call(`/inspections/${target}/cases`, { as: 'inspector', body: csv, headers });
    expect(accepted.status).toBe(202);
    expect((await call(`/inspections/${target}/cases`, { as: 'inspector', body: csv, headers })).json.jobId).toBe(accepted.json.jobId);
    const job = await untilFinished(accepted.headers.get('location')!, 'inspector');
    expect(job).toMatchObject({ kind: 'import', status: 'done', result: { imported: INLINE_LIMIT + 30, created: INLINE_LIMIT + 30, replaced: 0 } });
    let count = 0;
    let cursor: string | undefined;
    do {
      const listed = await call(`/inspections/${target}/cases${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'staff' });
      count += listed.json.cases.length;
      cursor = listed.json.nextCursor;
    } while (cursor);
    expect(count).toBe(INLINE_LIMIT + 30);

    // The page: the same upload again goes to the job's page (the confirmation first: every case is there already).
    const { cookie } = await signIn('inspector');
    const dashboard = await page(`/workbench/inspections/${target}`, { cookie });
    const upload = new FormData();
    upload.set('csrf', csrfOf(dashboard.text));
    upload.set('file', new Blob([csv], { type: 'text/csv' }), 'cases.csv');
    const asked = await page(`/workbench/inspections/${target}/cases`, { cookie, body: upload });
    expect(asked.status).toBe(409);
    const confirmation = /name="confirmation" value="([^"]+)"/.exec(asked.text)![1]!;
    const replace = await page(`/workbench/inspections/${target}/cases/replace`, {
      cookie,
      ...form({ csrf: csrfOf(asked.text), confirmation, csv }),
    });
    expect(replace.status).toBe(303);
    const where = replace.headers.get('location')!;
    expect(where).toMatch(/^\/workbench\/jobs\//);
    const done = await untilFinished(`/jobs/${where.split('/').pop()}`, 'inspector');
    expect(done.result).toMatchObject({ imported: INLINE_LIMIT + 30, replaced: INLINE_LIMIT + 30 });
    const shown = await page(where, { cookie });
    expect(shown.text).toContain('Importing cases');
    expect(shown.text).toContain(`Imported ${INLINE_LIMIT + 30} cases`);
  }, 240_000);
});
