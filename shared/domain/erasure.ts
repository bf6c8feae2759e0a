/**
 * Erasing an inspection's questionnaire responses and drafts on request (data protection).
 * The computed summary's figures stay; the inspection is deliberately not marked stale, so
 * the published figures stand until an inspector changes the inspection's cases or grades.
 */
import { log } from '../core/log';
import type { User } from '../core/roles';
import { eraseResponses } from '../store/responses';
import { requireInspection } from './inspections';

export async function eraseInspectionResponses(inspectionId: string, user: User): Promise<{ inspectionId: string; erased: number }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const erased = await eraseResponses(id);
  log('info', 'responses erased', { inspectionId: id, erased, by: user.sub });
  return { inspectionId: id, erased };
}
