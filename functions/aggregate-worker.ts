/**
 * The aggregation worker, fed by the aggregation queue (an SQS event source mapping with a
 * concurrency cap; locally infra/local/queues.ts): recomputes each stale inspection of its
 * batch and reports the ones that failed, so only those are retried.
 */
import { withInvocation } from '#core/invocation';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { aggregateUnits } from '#domain/summary';

export const handler = withInvocation(async (event: SQSEvent, _context: Context): Promise<SQSBatchResponse> => {
  const { failed } = await aggregateUnits(event.Records.map((r) => ({ id: r.messageId, body: r.body })));
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
});
