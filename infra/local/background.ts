/**
 * The work that happens off the request path, as AWS wires it: the queues with their
 * consumers (SQS and its event source mapping) and the table's stream feeding its functions.
 * Shared by `npm start` (main.ts) and the mutation runs, which host the handlers in the test
 * worker itself (test/mutate/in-process-server.ts).
 */
import { join } from 'node:path';
import { queueConsumers, streamConsumers } from '#shared/routes';
import { startLocalQueues } from './queues';
import { startStreamRunner } from './streams';
import { lambdaContext } from './server';

export interface BackgroundOptions {
  dynamoEndpoint: string;
  tableName: string;
  /** Where dead letters and stream checkpoints are kept; none: in memory. */
  dataDir?: string;
  load: (fn: string) => Promise<unknown>;
}

/** Starts the queues and stream runners, points the senders at the queues (as in AWS, through the env), and returns their stoppers. */
export async function startBackground(options: BackgroundOptions): Promise<(() => Promise<void>)[]> {
  const env = process.env;
  const { dataDir } = options;
  const invoker = (fn: string) => async (event: unknown) => {
    const handler = (await options.load(fn)) as (e: unknown, c: unknown) => Promise<unknown>;
    return handler(event, lambdaContext(fn, crypto.randomUUID()));
  };
  const stoppers: (() => Promise<void>)[] = [];
  const queues = await startLocalQueues(
    queueConsumers.map((q) => ({
      name: `omi-${q.queue}`,
      batchSize: q.batchSize,
      maxConcurrency: q.maxConcurrency,
      visibilityTimeoutSeconds: env.OMI_QUEUE_VISIBILITY_S ? Number(env.OMI_QUEUE_VISIBILITY_S) : q.visibilityTimeoutSeconds,
      maxReceiveCount: q.maxReceiveCount,
      invoke: invoker(q.fn) as never,
      ...(dataDir ? { deadLetterFile: join(dataDir, `queue-${q.queue}.dead-letters.jsonl`) } : {}),
    })),
  );
  stoppers.push(() => queues.stop());
  for (const q of queueConsumers) env[q.env] = queues.urls[`omi-${q.queue}`];
  // The SDK's own variable, as for DynamoDB: the client's endpoint is then the queue URL's host.
  env.AWS_ENDPOINT_URL_SQS = queues.endpoint;
  if (env.OMI_QUEUE_VISIBILITY_S) env.AGGREGATION_DISPATCH_WINDOW_S = env.OMI_QUEUE_VISIBILITY_S;
  // The table's stream -> functions/<fn>.ts, as Lambda's event source mapping does it.
  for (const consumer of streamConsumers) {
    const runner = await startStreamRunner({
      endpoint: options.dynamoEndpoint,
      tableName: options.tableName,
      batchSize: env.OMI_STREAM_BATCH_SIZE ? Number(env.OMI_STREAM_BATCH_SIZE) : consumer.batchSize,
      // A slow consumer, for the crash tests: a kill then lands between reading a batch and its checkpoint.
      ...(env.OMI_STREAM_DELAY_MS ? { delayMs: Number(env.OMI_STREAM_DELAY_MS) } : {}),
      ...(dataDir
        ? {
            checkpointFile: join(dataDir, `stream-${consumer.fn}.checkpoint.json`),
            deadLetterFile: join(dataDir, `stream-${consumer.fn}.dead-letters.jsonl`),
          }
        : {}),
      invoke: invoker(consumer.fn),
    });
    stoppers.push(() => runner.stop());
  }
  return stoppers;
}
