import { requireInspection } from '../shared/domain/inspections';
import { issueInvitations } from '../shared/domain/issue-invitations';
import { invitationsCsv, publicOrigin, wantsCsv } from '../shared/domain/invitation-tokens';
import { httpHandler, json } from '../shared/http/handler';
import type { CreateInvitations } from '../shared/schemas/invitation';

export const handler = httpHandler('POST /inspections/{id}/invitations', async ({ body, params, query, user, event }) => {
  const inspection = await requireInspection(params.id!);
  const input = body as CreateInvitations;
  const origin = publicOrigin(event.headers ?? {}, event.requestContext?.domainName);
  const { batch, invitations } = await issueInvitations(inspection, input, user!.sub, origin);
  const location = `/inspections/${inspection.inspectionId}`;

  if (wantsCsv(query.format, event.headers?.accept)) {
    return {
      status: 201,
      body: invitationsCsv(batch, invitations),
      contentType: 'text/csv; charset=utf-8',
      headers: {
        'content-disposition': `attachment; filename="${inspection.inspectionId}-${batch.audience}-${batch.language}-${batch.batchId}.csv"`,
        location,
      },
    };
  }
  return json(
    201,
    {
      inspectionId: inspection.inspectionId,
      batchId: batch.batchId,
      audience: batch.audience,
      language: batch.language,
      questionnaireVersion: batch.questionnaireVersion,
      ...(batch.expiresAt ? { expiresAt: batch.expiresAt } : {}),
      invitations,
    },
    { location },
  );
});
