/**
 * The jobs worker, fed by the jobs queue (an SQS event source mapping; locally
 * infra/local/queues.ts): does each job a route handed over (shared/domain/jobs.ts). A refusal
 * finishes the job as failed with the problem the route would have answered; a crash is left
 * to the queue's next delivery, and the last delivery takes the work back before failing it.
 */
import { withInvocation } from '#core/invocation';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { runJob } from '#domain/jobs';
import { releaseJob } from '#domain/releases';
import { invitationsJob } from '#domain/issue-invitations';
import { importJob } from '#domain/case-imports';
import { toProblem } from '#http/problem';
import { renderRelease } from '#http/report-replies';
import { JOBS_MAX_RECEIVE_COUNT } from '#core/timeouts';
import { parseJobMessage } from '#queue/jobs';

const runners = { release: releaseJob(renderRelease), invitations: invitationsJob, import: importJob };

export const handler = withInvocation(async (event: SQSEvent, _context: Context): Promise<SQSBatchResponse> => {
  const failed: string[] = [];
  for (const record of event.Records) {
    const jobId = parseJobMessage(record.body);
    if (!jobId) continue;
    const lastDelivery = Number(record.attributes?.ApproximateReceiveCount ?? 1) >= JOBS_MAX_RECEIVE_COUNT;
    try {
      await runJob(
        jobId,
        runners,
        (error) => {
          const { correlationId: _c, ...problem } = toProblem(error, record.messageId).problem;
          return problem;
        },
        lastDelivery,
      );
    } catch {
      failed.push(record.messageId);
    }
  }
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
});
