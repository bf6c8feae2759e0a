/**
 * The table's stream consumer (an event source mapping in AWS; locally infra/local/streams.ts
 * reads DynamoDB Local's stream the same way): marks stale the inspections a batch of writes
 * touched. Throwing fails the batch, which the mapping retries (halving it on error) and at
 * last hands to its dead-letter queue: a marker is a blind put, so a retry is harmless.
 */
import { withInvocation } from '#core/invocation';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { markChanged } from '#domain/changes';

export const handler = withInvocation(async (event: DynamoDBStreamEvent, _context: Context): Promise<{ marked: number }> => {
  const items = event.Records.flatMap((r) => {
    const pk = r.dynamodb?.Keys?.pk?.S;
    const sk = r.dynamodb?.Keys?.sk?.S;
    if (!pk || !sk) return [];
    const newEntity = r.dynamodb?.NewImage?.entity?.S;
    return [{ pk, sk, ...(newEntity ? { newEntity } : {}) }];
  });
  const marked = await markChanged(items);
  return { marked: marked.length };
});
