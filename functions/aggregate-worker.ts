/**
 * The aggregation worker, fed by the aggregation queue (an SQS event source mapping with a
 * concurrency cap; locally infra/local/queues.ts): recomputes each stale inspection of its
 * batch and reports the ones that failed, so only those are retried.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { aggregateUnits } from '../shared/domain/summary';

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const { failed } = await aggregateUnits(event.Records.map((r) => ({ id: r.messageId, body: r.body })));
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}
