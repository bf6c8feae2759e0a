/**
 * Long work is a job (contract, "An inspection's life cycle"). A route whose work may outlast
 * its function's timeout checks what it can at once (a refusal is still its own 4xx), then
 * hands the work over: a job item (status `running`), and the job's id on the jobs queue. It
 * answers 202 with `Location: /jobs/{jobId}`. The jobs worker, with the background timeout,
 * does the work and finishes the job once: `done` with the result the route would have given,
 * or `failed` with the problem it would have answered.
 *
 * All or nothing: each kind's work is written to be complete or absent (a release undoes itself
 * when it fails; one that dies is taken again by the next delivery, whose steps are each safe
 * to run again). A job whose every delivery died is failed by the last one, after its own
 * clean-up, so nobody waits on it for ever.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, NotFound } from '#core/errors';
import type { User } from '#core/roles';
export { INLINE_LIMIT } from '#core/timeouts';
import type { Job, JobAccepted, JobKind } from '#schemas/job';
import { JOB_ID } from '#schemas/job';
import { finishJob, getJob, putJob, setJobDoing, type StoredJob } from '#store/jobs';
import { sendJob } from '#queue/jobs';

const KEEP_S = 7 * 24 * 3600;

export const jobLocation = (jobId: string) => `/jobs/${jobId}`;

/**
 * Writes the job, then `stage` (what the job needs beyond its payload, kept as long as the job),
 * then hands it to the worker. A job that could not be handed over is failed at once, so nobody
 * waits on it, and the error is the route's.
 */
export async function startJob(
  kind: JobKind,
  inspectionId: string,
  user: User,
  doing: string,
  payload: Record<string, unknown>,
  stage?: (jobId: string, ttlEpoch: number) => Promise<void>,
): Promise<JobAccepted> {
  const jobId = randomUUID();
  const ttl = Math.floor(Date.now() / 1000) + KEEP_S;
  await putJob({ jobId, kind, inspectionId, startedBy: user.sub, startedAt: new Date().toISOString(), doing, payload }, ttl);
  try {
    await stage?.(jobId, ttl);
    await sendJob(jobId);
  } catch (error) {
    const words = 'The work could not be handed over: nothing was done. Try again.';
    await finishJob(jobId, {
      status: 'failed',
      problem: { type: 'urn:omi:problem:internal', title: 'Internal error', status: 500, detail: words, errors: [] },
      doing: words,
    }).catch(() => undefined);
    throw error;
  }
  return { jobId, status: 'running', location: jobLocation(jobId) };
}

const publicView = ({ startedBy: _by, payload: _payload, ...job }: StoredJob): Job => job;

/**
 * A job, to anyone signed in: it says what long work on an inspection did (a release's id), which
 * every signed-in role may read already; who started it and what it was given stay inside.
 */
export async function jobFor(jobId: string): Promise<Job> {
  const job = JOB_ID.test(jobId) ? await getJob(jobId) : undefined;
  if (!job) throw new NotFound(`No job ${jobId}.`);
  return publicView(job);
}

export interface JobRunner {
  /** Does the work; safe to run again after a run that died. Says what it does through `doing`. */
  run(job: StoredJob, doing: (words: string) => Promise<void>): Promise<{ result: unknown; doing: string }>;
  /** After the last delivery died: makes the work absent (or leaves it for an admin's recovery) and says so. */
  abandon(job: StoredJob): Promise<string>;
}

export type ProblemOf = (error: DomainError) => NonNullable<Job['problem']>;

/**
 * One delivery of a job's message. A refusal (a DomainError) fails the job with its problem;
 * anything else is thrown, so the queue delivers it again, until `lastDelivery`, which abandons it.
 */
export async function runJob(jobId: string, runners: Record<JobKind, JobRunner>, problemOf: ProblemOf, lastDelivery: boolean): Promise<void> {
  const job = await getJob(jobId);
  // Finished already (a duplicate delivery) or gone (its TTL): nothing to do.
  if (job?.status !== 'running') return;
  const runner = runners[job.kind];
  try {
    const { result, doing } = await runner.run(job, (words) => setJobDoing(jobId, words));
    await finishJob(jobId, { status: 'done', result, doing });
  } catch (error) {
    if (error instanceof DomainError) {
      await finishJob(jobId, { status: 'failed', problem: problemOf(error), doing: error.message });
      return;
    }
    if (!lastDelivery) throw error;
    const doing = await runner.abandon(job);
    await finishJob(jobId, {
      status: 'failed',
      problem: { type: 'urn:omi:problem:internal', title: 'Internal error', status: 500, detail: doing, errors: [] },
      doing,
    });
  }
}
