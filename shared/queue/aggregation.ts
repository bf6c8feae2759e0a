/**
 * The aggregation's work queue (SQS): the scheduled dispatcher puts one message per stale
 * inspection; the worker function takes them through its event source mapping, a capped
 * number at a time. The queue's address comes from AGGREGATION_QUEUE_URL (the CDK app sets
 * it; locally infra/local/queues.ts serves the same SQS API), so nothing here knows where it runs.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { traced } from '#core/sdk-trace';

export interface AggregationUnit {
  inspectionId: string;
  /** The marker as the dispatcher read it: the worker clears it only if it is still this one. */
  changedAt: string;
}

let client: SQSClient | undefined;

function queueUrl(): string {
  const url = process.env.AGGREGATION_QUEUE_URL;
  if (!url) throw new Error('AGGREGATION_QUEUE_URL is not set');
  return url;
}

/** Sends units ten to a call (SQS's limit); throws if any is refused, so the dispatch is retried. */
export async function sendAggregationUnits(units: readonly AggregationUnit[]): Promise<void> {
  client ??= traced(new SQSClient({}));
  const QueueUrl = queueUrl();
  for (let i = 0; i < units.length; i += 10) {
    const batch = units.slice(i, i + 10);
    const out = await client.send(
      new SendMessageBatchCommand({ QueueUrl, Entries: batch.map((unit, n) => ({ Id: String(n), MessageBody: JSON.stringify(unit) })) }),
    );
    if (out.Failed?.length) throw new Error(`${out.Failed.length} aggregation units were refused by the queue`);
  }
}

/** A message body back into a unit; undefined for anything else (a poison message is dropped, not retried for ever). */
export function parseAggregationUnit(body: string): AggregationUnit | undefined {
  try {
    const unit = JSON.parse(body) as Partial<AggregationUnit>;
    if (typeof unit.inspectionId === 'string' && typeof unit.changedAt === 'string')
      return { inspectionId: unit.inspectionId, changedAt: unit.changedAt };
  } catch {
    // not JSON
  }
  return undefined;
}
