/**
 * The jobs' queue (SQS): a route that hands long work over puts the job's id here; the jobs
 * worker takes it through its event source mapping. The address comes from JOBS_QUEUE_URL
 * (the CDK app sets it on each sender; locally infra/local/queues.ts serves the same API).
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { traced } from '#core/sdk-trace';

let client: SQSClient | undefined;

export async function sendJob(jobId: string): Promise<void> {
  const QueueUrl = process.env.JOBS_QUEUE_URL;
  if (!QueueUrl) throw new Error('JOBS_QUEUE_URL is not set');
  client ??= traced(new SQSClient({}));
  await client.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ jobId }) }));
}

/** A message body back into a job's id; undefined for anything else (dropped, not retried for ever). */
export function parseJobMessage(body: string): string | undefined {
  try {
    const { jobId } = JSON.parse(body) as { jobId?: unknown };
    if (typeof jobId === 'string' && /^[0-9a-f-]{36}$/.test(jobId)) return jobId;
  } catch {
    // not JSON
  }
  return undefined;
}
