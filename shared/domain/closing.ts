/**
 * A final release closes an inspection: what was published must stay what the figures say.
 * Every write to a closed inspection's inputs is refused here, in one place, until an admin
 * reopens it. Two kinds of write stay open on purpose:
 *   - erasing the respondents' answers (DELETE .../responses): a data subject's request is a
 *     legal duty that a publication does not suspend, and it changes no published figure
 *     (the summary keeps its figures; releases keep their frozen bytes);
 *   - report links: reading, not writing.
 */
import { Gone, InspectionClosed } from '../core/errors';
import type { Inspection } from '../schemas/inspection';

export function isClosed(inspection: Pick<Inspection, 'status'>): boolean {
  return inspection.status === 'closed';
}

/** For every write to an inspection's inputs: cases, grades, conclusions, write-up, evidence, invitations, paper returns. */
export function assertOpen(inspection: Pick<Inspection, 'inspectionId' | 'status'>): void {
  if (isClosed(inspection)) {
    throw new InspectionClosed(
      `Inspection ${inspection.inspectionId} is closed: its final report has been released. An admin can reopen it (POST /inspections/${inspection.inspectionId}/reopen).`,
    );
  }
}

/**
 * For a respondent's link (the questionnaire JSON and pages, a send): once the report is
 * final the questionnaire is over. Kept apart from `assertOpen` because the respondent sees
 * 410 (the link has ended), not a conflict they could resolve.
 */
export function assertQuestionnaireOpen(inspection: Pick<Inspection, 'status'> | undefined): void {
  if (inspection && isClosed(inspection)) throw new Gone('This questionnaire has closed: the inspection it was for has finished.');
}
