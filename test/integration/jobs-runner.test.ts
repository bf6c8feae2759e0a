/**
 * The jobs' rules that no request can show (shared/domain/jobs.ts), run against the test run's
 * DynamoDB Local: a refusal fails the job with its problem; a crash is thrown for the queue to
 * deliver again, and the last delivery takes the work back and fails the job; a job finished
 * already is not run again by a second delivery.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '#support/direct';

let jobs: typeof import('#domain/jobs');
let store: typeof import('#store/jobs');
let errors: typeof import('#core/errors');

beforeAll(async () => {
  useTestTable();
  jobs = await import('#domain/jobs');
  store = await import('#store/jobs');
  errors = await import('#core/errors');
});

async function aJob(): Promise<string> {
  const jobId = randomUUID();
  await store.putJob(
    {
      jobId,
      kind: 'release',
      inspectionId: 'jobs-runner',
      startedBy: 'someone',
      startedAt: new Date().toISOString(),
      doing: 'Waiting.',
      payload: {},
    },
    Math.floor(Date.now() / 1000) + 600,
  );
  return jobId;
}

const problemOf = (error: InstanceType<typeof errors.DomainError>) => ({
  type: `urn:omi:problem:${error.slug}`,
  title: 'Conflict',
  status: error.status,
  detail: error.message,
  errors: error.errors,
});

describe('a job run by the worker', () => {
  it('finishes done with its result and what it did, once', async () => {
    const jobId = await aJob();
    let runs = 0;
    const runner = {
      run: async (_job: unknown, doing: (w: string) => Promise<void>) => (
        runs++, await doing('Halfway.'), { result: { releaseId: 'r1' }, doing: 'Made it.' }
      ),
      abandon: async () => 'never',
    };
    await jobs.runJob(jobId, { release: runner, invitations: runner, import: runner }, problemOf, false);
    await jobs.runJob(jobId, { release: runner, invitations: runner, import: runner }, problemOf, false);
    expect(runs).toBe(1);
    const job = await jobs.jobFor(jobId);
    expect(job).toMatchObject({ status: 'done', result: { releaseId: 'r1' }, doing: 'Made it.' });
    expect(job.finishedAt).toBeTruthy();
    expect(job).not.toHaveProperty('payload');
    expect(job).not.toHaveProperty('startedBy');
  });

  it('a refusal fails it with the problem the route would have answered', async () => {
    const jobId = await aJob();
    const runner = { run: async () => Promise.reject(new errors.Conflict('Inspection x has no cases yet.')), abandon: async () => 'never' };
    await jobs.runJob(jobId, { release: runner, invitations: runner, import: runner }, problemOf, false);
    const job = await jobs.jobFor(jobId);
    expect(job).toMatchObject({
      status: 'failed',
      problem: { status: 409, type: 'urn:omi:problem:conflict', detail: 'Inspection x has no cases yet.' },
    });
  });

  it('a crash is left to the next delivery; the last one takes the work back and fails the job', async () => {
    const jobId = await aJob();
    let abandoned = 0;
    const runner = {
      run: async () => Promise.reject(new Error('the function died')),
      abandon: async () => (abandoned++, 'Undone: nothing was released.'),
    };
    await expect(jobs.runJob(jobId, { release: runner, invitations: runner, import: runner }, problemOf, false)).rejects.toThrow('the function died');
    expect((await jobs.jobFor(jobId)).status).toBe('running');
    expect(abandoned).toBe(0);
    await jobs.runJob(jobId, { release: runner, invitations: runner, import: runner }, problemOf, true);
    expect(abandoned).toBe(1);
    expect(await jobs.jobFor(jobId)).toMatchObject({ status: 'failed', doing: 'Undone: nothing was released.', problem: { status: 500 } });
  });

  it('a job nobody has is not found', async () => {
    await expect(jobs.jobFor(randomUUID())).rejects.toBeInstanceOf(errors.NotFound);
    await expect(jobs.jobFor('not-a-job')).rejects.toBeInstanceOf(errors.NotFound);
  });

  it('an import job that could not finish takes back exactly its own writes: all or nothing', async () => {
    const { createInspection, makeCase } = await import('#support/fixtures');
    const { call } = await import('#support/api');
    const { importJob } = await import('#domain/case-imports');
    const id = await createInspection('Undo imports');
    const handFirst = makeCase('community', 1);
    const handLater = makeCase('licence', 2);
    expect((await call(`/inspections/${id}/cases/PRE-1`, { method: 'PUT', as: 'inspector', json: handFirst })).status).toBe(201);
    expect((await call(`/inspections/${id}/cases/PRE-2`, { method: 'PUT', as: 'inspector', json: handFirst })).status).toBe(201);
    const jobId = randomUUID();
    const rows = [
      { caseRef: 'PRE-1', input: makeCase('custody', 3) },
      { caseRef: 'PRE-2', input: makeCase('custody', 4) },
      { caseRef: 'NEW-1', input: makeCase('custody', 5) },
    ];
    await store.putJob(
      {
        jobId,
        kind: 'import',
        inspectionId: id,
        startedBy: 'test',
        startedAt: new Date().toISOString(),
        doing: 'Waiting.',
        payload: { userSub: 'test-importer', rows: rows.length },
      },
      Math.floor(Date.now() / 1000) + 600,
    );
    await store.putJobParts(jobId, [rows], Math.floor(Date.now() / 1000) + 600);
    const job = (await store.getJob(jobId))!;
    // Run twice, as a second delivery after a crash would: the same rows again.
    await importJob.run(job, async () => undefined);
    await importJob.run(job, async () => undefined);
    // Somebody saves PRE-2 by hand after the job wrote it: theirs to keep.
    expect((await call(`/inspections/${id}/cases/PRE-2`, { method: 'PUT', as: 'inspector', json: handLater })).status).toBeLessThan(300);

    await importJob.abandon(job);
    const pre1 = (await call(`/inspections/${id}/cases/PRE-1`, { as: 'inspector' })).json;
    expect(pre1.profile).toEqual(handFirst.profile);
    expect(pre1.answers).toEqual(handFirst.answers);
    expect(pre1.version).toBe(4);
    const pre2 = (await call(`/inspections/${id}/cases/PRE-2`, { as: 'inspector' })).json;
    expect(pre2.profile).toEqual(handLater.profile);
    expect((await call(`/inspections/${id}/cases/NEW-1`, { as: 'inspector' })).status).toBe(404);
    // Taking back again changes nothing more.
    await importJob.abandon(job);
    expect((await call(`/inspections/${id}/cases/PRE-1`, { as: 'inspector' })).json.version).toBe(4);
  }, 60_000);
});
