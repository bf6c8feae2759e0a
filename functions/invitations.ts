import { NotFound } from '#core/errors';
import { once } from '#domain/idempotency';
import { invitationsCsv } from '#domain/invitation-tokens';
import { issueOrHandOver, markBatchSent, reissuedBatch, type IssuedBatch } from '#domain/issue-invitations';
import type { JobAccepted } from '#schemas/job';
import { reminders } from '#domain/reminders';
import { download, httpHandler, json, type RouteHandler } from '#http/handler';
import { idempotentRequest } from '#http/idempotency';
import { invitationsRoutes } from '#route-table/invitations';
import { publicOrigin, wantsCsv } from '#http/request';

const csvName = (batch: IssuedBatch['batch']) => `${batch.inspectionId}-${batch.audience}-${batch.language}-${batch.batchId}.csv`;

const postInvitations: RouteHandler<'POST /inspections/{id}/invitations'> = async (request) => {
  const { body, params, query, user, event } = request;
  const origin = publicOrigin(event);
  let issued: IssuedBatch | undefined;
  // Only the batch's id is kept as the answer: a retry's links are made again from its sealed secret.
  const { answer } = await once<{ batchId: string; job?: undefined } | { job: JobAccepted; batchId?: undefined }>(
    idempotentRequest(request),
    async () => {
      const outcome = await issueOrHandOver(params.id, body, user, origin);
      if (outcome.job) return { job: outcome.job };
      issued = outcome.issued;
      return { batchId: issued.batch.batchId };
    },
  );
  // Too many links to issue within the request: the job's result names the batch to download.
  if (answer.job) return json(202, answer.job, { location: answer.job.location });
  const { batch, invitations } = issued ?? (await reissuedBatch(params.id, answer.batchId, origin));
  const location = `/inspections/${batch.inspectionId}`;
  if (wantsCsv(query.format, event.headers?.accept))
    return download(invitationsCsv(batch, invitations), csvName(batch), undefined, 201, { location });
  return json(
    201,
    {
      inspectionId: batch.inspectionId,
      batchId: batch.batchId,
      audience: batch.audience,
      language: batch.language,
      questionnaireVersion: batch.questionnaireVersion,
      ...(batch.expiresAt ? { expiresAt: batch.expiresAt } : {}),
      invitations,
    },
    { location },
  );
};

const getReminders: RouteHandler<'GET /inspections/{id}/invitations/reminders.csv'> = async ({ params }) =>
  download(await reminders(params.id), `${params.id}-reminders.csv`);

const BATCH_FILE = /^([A-Za-z0-9-]{1,64})\.csv$/;

const getBatchAgain: RouteHandler<'GET /inspections/{id}/invitations/{batchFile}'> = async ({ params, event }) => {
  const batchId = BATCH_FILE.exec(params.batchFile)?.[1];
  if (!batchId) throw new NotFound('Nothing is served at this address: a batch is downloaded as <batchId>.csv.');
  const { batch, invitations } = await reissuedBatch(params.id, batchId, publicOrigin(event));
  return download(invitationsCsv(batch, invitations), csvName(batch), undefined, 200, { 'cache-control': 'no-store' });
};

const postBatchSent: RouteHandler<'POST /inspections/{id}/invitations/{batchId}/sent'> = async ({ params, user }) =>
  json(200, await markBatchSent(params.id, params.batchId, user));

export const handler = httpHandler(invitationsRoutes, {
  'POST /inspections/{id}/invitations': postInvitations,
  'GET /inspections/{id}/invitations/reminders.csv': getReminders,
  'GET /inspections/{id}/invitations/{batchFile}': getBatchAgain,
  'POST /inspections/{id}/invitations/{batchId}/sent': postBatchSent,
});
