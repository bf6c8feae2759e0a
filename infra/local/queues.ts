/**
 * The local stand-in for SQS and its Lambda event source mapping, for the queues of
 * `queueConsumers` (shared/routes.ts).
 *
 * - The queue: an HTTP endpoint speaking SQS's JSON protocol for what our senders use
 *   (SendMessage, SendMessageBatch), so the functions send through the real SDK client to
 *   AGGREGATION_QUEUE_URL exactly as in AWS (MD5 of each body included: the SDK checks it).
 * - The mapping: polls the queue, hands the consumer batches of `batchSize`, at most
 *   `maxConcurrency` batches at once; a received message is invisible for the visibility
 *   timeout; a success deletes the batch but for the `batchItemFailures` it names; a throw
 *   fails the whole batch; a failed message comes back after its visibility timeout; one
 *   received more than `maxReceiveCount` times moves to the dead-letter queue (a file).
 * - The queue lives in memory: a restart loses what was queued, which the dispatcher's
 *   window repairs (the stale markers are the durable state; see dispatchChangedInspections).
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

interface Message {
  messageId: string;
  body: string;
  sentAt: number;
  receiveCount: number;
  visibleAt: number;
}

export interface LocalQueueSpec {
  name: string;
  batchSize: number;
  maxConcurrency: number;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
  invoke: (event: SQSEvent) => Promise<SQSBatchResponse | undefined | unknown>;
  deadLetterFile?: string;
}

export interface LocalQueues {
  /** The stand-in's base URL (AWS_ENDPOINT_URL_SQS). */
  endpoint: string;
  urls: Record<string, string>;
  /** Messages waiting or in flight, per queue (for tests and benchmarks). */
  depth(name: string): number;
  deadLetters(name: string): number;
  /** Resolves when every queue is empty and no batch is in flight. */
  drained(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

export async function startLocalQueues(specs: readonly LocalQueueSpec[], options: { pollMs?: number; region?: string } = {}): Promise<LocalQueues> {
  const pollMs = options.pollMs ?? 50;
  const region = options.region ?? 'eu-west-2';
  const queues = new Map(specs.map((spec) => [spec.name, { spec, messages: [] as Message[], inFlight: 0, dead: 0 }]));

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(body));
    };
    try {
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        QueueUrl?: string;
        MessageBody?: string;
        Entries?: { Id: string; MessageBody: string }[];
      };
      const name =
        String(input.QueueUrl ?? '')
          .split('/')
          .pop() ?? '';
      const queue = queues.get(name);
      if (!queue) return reply(400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: `no queue ${name}` });
      const enqueue = (body: string) => {
        const messageId = randomUUID();
        queue.messages.push({ messageId, body, sentAt: Date.now(), receiveCount: 0, visibleAt: 0 });
        return { MessageId: messageId, MD5OfMessageBody: md5(body) };
      };
      if (target === 'AmazonSQS.SendMessageBatch') {
        const entries = input.Entries ?? [];
        if (entries.length === 0 || entries.length > 10)
          return reply(400, { __type: 'com.amazonaws.sqs#TooManyEntriesInBatchRequest', message: 'one to ten entries' });
        return reply(200, { Successful: entries.map((e) => ({ Id: e.Id, ...enqueue(e.MessageBody) })), Failed: [] });
      }
      if (target === 'AmazonSQS.SendMessage') return reply(200, enqueue(String(input.MessageBody ?? '')));
      return reply(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `${target} is not served locally` });
    } catch {
      return reply(400, { __type: 'com.amazonaws.sqs#InvalidParameterValue', message: 'bad request' });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const urls = Object.fromEntries(specs.map((s) => [s.name, `http://127.0.0.1:${port}/000000000000/${s.name}`]));

  let stopped = false;
  const running = new Set<Promise<void>>();

  const deliver = async (queue: NonNullable<ReturnType<typeof queues.get>>, batch: Message[]) => {
    const { spec } = queue;
    const event: SQSEvent = {
      Records: batch.map((m) => ({
        messageId: m.messageId,
        receiptHandle: `${m.messageId}#${m.receiveCount}`,
        body: m.body,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(m.sentAt),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: md5(m.body),
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${region}:000000000000:${spec.name}`,
        awsRegion: region,
      })),
    };
    let failed: Set<string>;
    try {
      const out = (await spec.invoke(event)) as SQSBatchResponse | undefined;
      failed = new Set((out?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(batch.map((m) => m.messageId));
    }
    // Succeeded: deleted. Failed: left invisible until their timeout, then received again.
    queue.messages = queue.messages.filter((m) => !batch.includes(m) || failed.has(m.messageId));
  };

  const poll = () => {
    const now = Date.now();
    for (const queue of queues.values()) {
      const { spec } = queue;
      while (queue.inFlight < spec.maxConcurrency) {
        const visible = queue.messages.filter((m) => m.visibleAt <= now);
        for (const m of visible.filter((x) => x.receiveCount >= spec.maxReceiveCount)) {
          // Received too often: to the dead-letter queue, as a redrive policy does.
          queue.messages.splice(queue.messages.indexOf(m), 1);
          queue.dead++;
          if (spec.deadLetterFile)
            appendFileSync(spec.deadLetterFile, `${JSON.stringify({ at: new Date().toISOString(), messageId: m.messageId, body: m.body })}\n`);
        }
        const batch = visible.filter((x) => x.receiveCount < spec.maxReceiveCount).slice(0, spec.batchSize);
        if (batch.length === 0) break;
        for (const m of batch) {
          m.receiveCount++;
          m.visibleAt = now + spec.visibilityTimeoutSeconds * 1000;
        }
        queue.inFlight++;
        const work = deliver(queue, batch).finally(() => {
          queue.inFlight--;
          running.delete(work);
        });
        running.add(work);
      }
    }
  };
  const timer = setInterval(() => {
    if (!stopped) poll();
  }, pollMs);
  timer.unref();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    urls,
    depth: (name) => queues.get(name)?.messages.length ?? 0,
    deadLetters: (name) => queues.get(name)?.dead ?? 0,
    async drained(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while ([...queues.values()].some((q) => q.messages.length > 0 || q.inFlight > 0)) {
        if (Date.now() > deadline) throw new Error('queues not drained in time');
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...running]);
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
