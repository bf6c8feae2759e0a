/** functions/aggregate.ts: run on a schedule, no routes; what it may do to the table. */
import { scheduledFunction } from './spec';

export const aggregateFunction = scheduledFunction({
  fn: 'aggregate',
  everySeconds: 60,
  summary: 'Hand each inspection whose inputs changed to the aggregation queue',
  // listStale, claimDispatch (UpdateItem); then the queue (aggregate-worker). fieldworkWindows: the listing's index.
  data: { actions: ['Query', 'UpdateItem'], index: true },
  sendsTo: ['aggregation'],
});
