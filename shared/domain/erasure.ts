/**
 * Erasing an inspection's questionnaire responses and drafts on request (data protection).
 * The computed summary keeps its figures but loses every comment at once; the inspection is
 * deliberately not marked stale, so the published figures stand until an inspector changes
 * the inspection's cases or grades.
 */
import { log } from '#core/log';
import type { User } from '#core/roles';
import type { Summary } from '#schemas/summary';
import { eraseResponses } from '#store/responses';
import { deleteCommentPages, encodeSnapshot, getSummarySnapshot, putSummarySnapshot } from '#store/summaries';
import { requireInspection } from './inspections';
import { withoutComments } from './summary-free-text';

export async function eraseInspectionResponses(inspectionId: string, user: User): Promise<{ inspectionId: string; erased: number }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const erased = await eraseResponses(id);
  await eraseSummaryComments(id);
  log('info', 'responses erased', { inspectionId: id, erased, by: user.sub });
  return { inspectionId: id, erased };
}

/**
 * After DELETE .../responses: the snapshot keeps its figures and loses every comment. It is
 * written as if computed now, so an aggregation that read the responses before they were
 * erased (an earlier start) can no longer replace it.
 */
export async function eraseSummaryComments(inspectionId: string): Promise<void> {
  const erasedAt = new Date().toISOString();
  const snapshot = await getSummarySnapshot<Summary>(inspectionId);
  if (!snapshot) return;
  await putSummarySnapshot(inspectionId, erasedAt, encodeSnapshot({ ...withoutComments(snapshot, 'erased'), commentPages: 0 }));
  await deleteCommentPages(inspectionId);
}
