import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from './client';

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Writes any number of puts and deletes, 25 to a BatchWrite (DynamoDB's limit), retrying
 * what DynamoDB hands back unprocessed with a growing pause.
 */
export async function writeAll(requests: readonly WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed batch writes');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as unknown as WriteRequest[];
    }
  }
}
