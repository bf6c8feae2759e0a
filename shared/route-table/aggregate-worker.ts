/** functions/aggregate-worker.ts: fed by the aggregation queue; what it may do to the table. */
import { QUEUE_VISIBILITY_TIMEOUT_S } from '#core/timeouts';
import { queueFunction } from './spec';

export const aggregateWorkerFunction = queueFunction({
  fn: 'aggregate-worker',
  queue: 'aggregation',
  env: 'AGGREGATION_QUEUE_URL',
  batchSize: 1,
  maxConcurrency: 5,
  // Six times the worker's timeout; also the dispatcher's window (DISPATCH_WINDOW_MS), given with the queue's URL.
  visibilityTimeoutSeconds: QUEUE_VISIBILITY_TIMEOUT_S,
  maxReceiveCount: 3,
  summary: 'Recompute one stale inspection: read its inputs, write its snapshot and comment pages, then clear its marker if unchanged',
  // computeSummary's reads, putSummarySnapshot, putCommentPages/deleteCommentPages (BatchWriteItem), clearStale (DeleteItem).
  data: { actions: ['GetItem', 'PutItem', 'Query', 'DeleteItem', 'BatchWriteItem'] },
  readsTexts: true,
});
