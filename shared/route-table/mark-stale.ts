/** functions/mark-stale.ts: fed by the table's stream, off the request path; what it may do to the table. */
import { streamFunction } from './spec';

export const markStaleFunction = streamFunction({
  fn: 'mark-stale',
  batchSize: 100,
  summary: 'Mark stale the inspections whose inputs a batch of writes changed',
  // markStale: one blind put per inspection per batch.
  data: { actions: ['PutItem'] },
});
