/**
 * Closing an inspection's questionnaire links (after its final release) and reopening them.
 * Every unsent link's slot is stamped `closedAt`: the send's one conditional write refuses a
 * stamped slot, and the pages show it as expired (410), so the send path reads nothing to
 * hold the rule. Call closing after the inspection's own status is written (issuing new links
 * already refuses a closed inspection), and reopening before it is cleared. While the
 * stamping runs, a link not yet stamped can still take a send; once it returns, none can.
 */
import { stampSlotsClosed } from '../store/responses';

export function closeInspectionLinks(inspectionId: string, closedAt = new Date().toISOString()): Promise<number> {
  return stampSlotsClosed(inspectionId, closedAt);
}

export function reopenInspectionLinks(inspectionId: string): Promise<number> {
  return stampSlotsClosed(inspectionId, undefined);
}
