/**
 * The local stand-in for Lambda's DynamoDB event source mapping: reads DynamoDB Local's
 * stream of the table the way the mapping reads DynamoDB Streams, and hands the very
 * handler the CDK app deploys the same event.
 *
 * - Shards: listed with DescribeStream (paged); a child shard is read only once its parent
 *   is finished, so records of one item stay in order.
 * - Iterators: TRIM_HORIZON for a shard never read, AFTER_SEQUENCE_NUMBER of the checkpoint
 *   otherwise; an expired iterator is renewed from the checkpoint.
 * - Batches of at most `batchSize` records (GetRecords' Limit), one batch per shard at a time.
 * - Errors: the batch is retried; a failing batch of more than one record is halved and each
 *   half retried (bisect on error); a single record still failing after `maxRetries` goes to
 *   the dead-letter file (the on-failure destination) and the shard moves on.
 * - Checkpoint: the last sequence number handled per shard, written (atomically: a temp file
 *   renamed) after every batch, so a restart, even after kill -9, resumes after it. A batch
 *   that was handled but not checkpointed is handed over again: at least once, as in AWS.
 */
import { readFileSync, renameSync, writeFileSync, appendFileSync } from 'node:fs';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export interface StreamRunnerOptions {
  endpoint: string;
  tableName: string;
  invoke: (event: DynamoDBStreamEvent) => Promise<unknown>;
  /** Where the checkpoint is kept; none: in memory (an in-memory table is gone after a restart anyway). */
  checkpointFile?: string;
  /** Where records that kept failing are written, one JSON line each (the mapping's on-failure destination). */
  deadLetterFile?: string;
  batchSize?: number;
  pollMs?: number;
  maxRetries?: number;
  region?: string;
  /** Waits this long before handing each batch over (a slow consumer, for tests). */
  delayMs?: number;
}

type Checkpoints = Record<string, { after?: string; done?: boolean }>;

export interface StreamRunner {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been handed over (for tests and benchmarks). */
  drained(timeoutMs?: number): Promise<void>;
  readonly deadLetters: number;
}

export async function startStreamRunner(options: StreamRunnerOptions): Promise<StreamRunner> {
  const region = options.region ?? process.env.AWS_REGION ?? 'eu-west-2';
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region, credentials });
  const batchSize = options.batchSize ?? 100;
  // Lambda polls each shard four times a second; more only loads DynamoDB Local (on disk: SQLite).
  const pollMs = options.pollMs ?? 250;
  const maxRetries = options.maxRetries ?? 3;

  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  let checkpoints: Checkpoints = {};
  if (options.checkpointFile) {
    try {
      const saved = JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as { streamArn: string; shards: Checkpoints };
      // A checkpoint of another stream (the table was made again) means nothing here.
      if (saved.streamArn === streamArn) checkpoints = saved.shards;
    } catch {
      // no checkpoint yet: every shard from its start
    }
  }
  const save = () => {
    if (!options.checkpointFile) return;
    const tmp = `${options.checkpointFile}.tmp`;
    writeFileSync(tmp, JSON.stringify({ streamArn, shards: checkpoints }));
    renameSync(tmp, options.checkpointFile);
  };

  const iterators = new Map<string, string>();
  let shards: Shard[] = [];
  let lastListed = 0;
  let stopped = false;
  let deadLetters = 0;
  // When each open shard's latest empty GetRecords was sent: it had caught up with every write before then.
  const caughtUpAt = new Map<string, number>();

  const listShards = async () => {
    const out: Shard[] = [];
    let ExclusiveStartShardId: string | undefined;
    do {
      const page = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId }));
      out.push(...(page.StreamDescription?.Shards ?? []));
      ExclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    shards = out;
    lastListed = Date.now();
  };

  const iteratorFor = async (shardId: string): Promise<string | undefined> => {
    const known = iterators.get(shardId);
    if (known) return known;
    const after = checkpoints[shardId]?.after;
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  };

  const toLambdaRecord = (r: StreamRecord): DynamoDBRecord =>
    ({
      eventID: r.eventID,
      eventName: r.eventName,
      eventVersion: r.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: region,
      eventSourceARN: streamArn,
      dynamodb: {
        ...r.dynamodb,
        ApproximateCreationDateTime: r.dynamodb?.ApproximateCreationDateTime
          ? Math.floor(new Date(r.dynamodb.ApproximateCreationDateTime).getTime() / 1000)
          : undefined,
      },
    }) as DynamoDBRecord;

  /** Hands a batch over, retrying, halving on error; records that keep failing go to the dead-letter file. */
  const deliver = async (records: DynamoDBRecord[]): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
        await options.invoke({ Records: records });
        return;
      } catch (error) {
        if (stopped) throw error;
        if (records.length > 1) {
          const half = Math.ceil(records.length / 2);
          await deliver(records.slice(0, half));
          await deliver(records.slice(half));
          return;
        }
        if (attempt >= maxRetries) {
          deadLetters++;
          if (options.deadLetterFile) {
            appendFileSync(
              options.deadLetterFile,
              `${JSON.stringify({ at: new Date().toISOString(), error: error instanceof Error ? error.name : 'Error', record: records[0]?.dynamodb?.Keys })}\n`,
            );
          }
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
      }
    }
  };

  const getRecords = (ShardIterator: string) => streams.send(new GetRecordsCommand({ ShardIterator, Limit: batchSize }));

  /** Delivers one batch of a shard; how many records it held. */
  const pollShard = async (shard: Shard): Promise<number> => {
    const id = shard.ShardId!;
    const askedAt = Date.now();
    let iterator = await iteratorFor(id);
    if (!iterator) return 0;
    let page: Awaited<ReturnType<typeof getRecords>>;
    try {
      page = await getRecords(iterator);
    } catch (error) {
      if (error instanceof ExpiredIteratorException) {
        iterators.delete(id);
        return 0;
      }
      throw error;
    }
    const records = page.Records ?? [];
    if (records.length > 0) {
      await deliver(records.map(toLambdaRecord));
      checkpoints[id] = { after: records[records.length - 1]!.dynamodb!.SequenceNumber! };
      save();
    }
    iterator = page.NextShardIterator;
    if (iterator) {
      iterators.set(id, iterator);
      if (records.length === 0) caughtUpAt.set(id, askedAt);
    } else {
      iterators.delete(id);
      checkpoints[id] = { ...checkpoints[id], done: true };
      save();
    }
    return records.length;
  };

  const readable = (shard: Shard) => {
    if (checkpoints[shard.ShardId!]?.done) return false;
    const parent = shard.ParentShardId;
    return !parent || !shards.some((s) => s.ShardId === parent) || checkpoints[parent]?.done === true;
  };

  let loop: Promise<void> = Promise.resolve();
  /** How many records this round delivered, over every shard. */
  const tick = async (): Promise<number> => {
    if (Date.now() - lastListed > 5000 || shards.length === 0) await listShards();
    const delivered = await Promise.all(shards.filter(readable).map(pollShard));
    return delivered.reduce((sum, n) => sum + n, 0);
  };
  loop = (async () => {
    while (!stopped) {
      let delivered = 0;
      try {
        delivered = await tick();
      } catch {
        // DynamoDB Local busy or restarting: the next poll tries again, as the mapping would
      }
      // As the mapping does: the base rate applies to a shard with nothing new; while records
      // keep coming, the next batch is read as soon as the last is delivered, so a burst of
      // writes (a test suite, a mail-out) does not build a backlog that takes minutes to read.
      if (delivered === 0) await new Promise((r) => setTimeout(r, pollMs));
    }
  })();

  return {
    get deadLetters() {
      return deadLetters;
    },
    async drained(timeoutMs = 10_000) {
      const since = Date.now();
      const deadline = since + timeoutMs;
      await listShards();
      while (!shards.filter(readable).every((s) => (caughtUpAt.get(s.ShardId!) ?? 0) >= since)) {
        if (Date.now() > deadline) throw new Error('stream not drained in time');
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
    async stop() {
      stopped = true;
      await loop;
      dynamo.destroy();
      streams.destroy();
    },
  };
}
