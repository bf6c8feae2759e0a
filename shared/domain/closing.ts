/**
 * A final release closes an inspection: what was published must stay what the figures say.
 * Every write to a closed inspection's inputs is refused here, in one place, until an admin
 * reopens it. Two kinds of write stay open on purpose:
 *   - erasing the respondents' answers (DELETE .../responses): a data subject's request is a
 *     legal duty that a publication does not suspend, and it changes no published figure
 *     (the live summary keeps its figures; releases keep their frozen bytes);
 *   - report links and recomputing the summary: they read the inputs, they do not change them.
 */
import { InspectionClosed } from '../core/errors';
import type { Inspection } from '../schemas/inspection';
import { requireInspection } from './inspections';

export function isClosed(inspection: Pick<Inspection, 'status'>): boolean {
  return inspection.status === 'closed';
}

export function assertOpen(inspection: Pick<Inspection, 'inspectionId' | 'status'>): void {
  if (isClosed(inspection)) {
    throw new InspectionClosed(
      `Inspection ${inspection.inspectionId} is closed: its final report has been released. An admin can reopen it (POST /inspections/${inspection.inspectionId}/reopen).`,
    );
  }
}

/** For every write to an inspection's inputs: cases, grades, conclusions, write-up, evidence, invitations, paper returns. */
export async function requireOpenInspection(inspectionId: string): Promise<Inspection> {
  const inspection = await requireInspection(inspectionId);
  assertOpen(inspection);
  return inspection;
}
