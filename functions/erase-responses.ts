/**
 * DELETE /inspections/{id}/responses: erases every questionnaire response and draft of an
 * inspection on request (data protection). The summary already computed keeps its figures
 * but loses every comment at once; the inspection is deliberately not marked stale, so the
 * published figures stand until an inspector changes the inspection's cases or grades.
 */
import { requireInspection } from '../shared/domain/inspections';
import { httpHandler, json } from '../shared/http/handler';
import { log } from '../shared/http/log';
import { eraseResponses } from '../shared/store/responses';
import { eraseSummaryComments } from '../shared/domain/summary-read';

export const handler = httpHandler('DELETE /inspections/{id}/responses', async ({ params, user }) => {
  const { inspectionId } = await requireInspection(params.id!);
  const erased = await eraseResponses(inspectionId);
  await eraseSummaryComments(inspectionId);
  log('info', 'responses erased', { inspectionId, erased, by: user!.sub });
  return json(200, { inspectionId, erased });
});
