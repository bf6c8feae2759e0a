/**
 * functions/jobs-worker.ts: fed by the jobs queue, which the functions that hand long work over
 * send to (`sendsTo: ['jobs']`: the routes that may answer 202, `mayBeJob`, and the pages that
 * call the same use cases); what it may do to the table.
 */
import { JOBS_MAX_RECEIVE_COUNT, QUEUE_VISIBILITY_TIMEOUT_S } from '#core/timeouts';
import { queueFunction, DYNAMO_ACTIONS } from './spec';

export const jobsWorkerFunction = queueFunction({
  fn: 'jobs-worker',
  queue: 'jobs',
  env: 'JOBS_QUEUE_URL',
  batchSize: 1,
  maxConcurrency: 2,
  // Six times the worker's timeout: a delivery is taken again only once the last one has surely stopped.
  visibilityTimeoutSeconds: QUEUE_VISIBILITY_TIMEOUT_S,
  maxReceiveCount: JOBS_MAX_RECEIVE_COUNT,
  summary:
    'Do one job handed over by a route that answered 202 (a release of a large inspection, a large batch of invitations, a large CSV upload), all or nothing, and finish it once',
  // getJob, getJobParts, setJobDoing, finishJob; a release's steps (releases.ts runRelease) and its undo; a batch's writes; an import's (putCases).
  data: { actions: DYNAMO_ACTIONS },
  readsTexts: true,
  sealsInvitationBatches: true,
});
