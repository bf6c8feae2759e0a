/**
 * The retention period for case data after publication: a final release starts it, a reopening
 * stops it (the inspection is being worked on again), and the next final release starts it anew.
 */
import { setCaseRecordsExpiry } from '../store/cases';
import { caseRetentionEpoch } from './retention';

export function startCaseRetention(inspectionId: string, publishedAtMs: number): Promise<number> {
  return setCaseRecordsExpiry(inspectionId, caseRetentionEpoch(publishedAtMs));
}

export function stopCaseRetention(inspectionId: string): Promise<number> {
  return setCaseRecordsExpiry(inspectionId, null);
}
