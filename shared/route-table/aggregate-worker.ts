/** functions/aggregate-worker.ts: fed by the aggregation queue; what it may do to the table. */
import { queueFunction } from './spec';

export const aggregateWorkerFunction = queueFunction({
  fn: 'aggregate-worker',
  queue: 'aggregation',
  env: 'AGGREGATION_QUEUE_URL',
  batchSize: 1,
  maxConcurrency: 5,
  // Twice the worker's 60 s timeout, and the dispatcher's window (DISPATCH_WINDOW_MS).
  visibilityTimeoutSeconds: 120,
  maxReceiveCount: 3,
  summary: 'Recompute one stale inspection: read its inputs, write its snapshot and comment pages, then clear its marker if unchanged',
  // computeSummary's reads, putSummarySnapshot, putCommentPages/deleteCommentPages (BatchWriteItem), clearStale (DeleteItem).
  data: { actions: ['GetItem', 'PutItem', 'Query', 'DeleteItem', 'BatchWriteItem'] },
  readsTexts: true,
});
