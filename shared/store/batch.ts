import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '#shared/concurrency';
import { doc, tableName } from './client';

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Writes any number of puts and deletes, 25 to a BatchWrite (DynamoDB's limit), retrying
 * what DynamoDB hands back unprocessed with a growing pause; `concurrency` BatchWrites at once
 * (one by default: the order of the batches then holds, for the callers that need it).
 */
export async function writeAll(requests: readonly WriteRequest[], concurrency = 1): Promise<void> {
  const chunks = Array.from({ length: Math.ceil(requests.length / 25) }, (_, c) => requests.slice(c * 25, (c + 1) * 25));
  await mapLimit(chunks, concurrency, async (chunk) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed batch writes');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as unknown as WriteRequest[];
    }
  });
}
