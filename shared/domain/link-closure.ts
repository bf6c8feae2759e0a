/**
 * Closing an inspection's questionnaire links (by its final release) and reopening them.
 * Every unsent link's slot is stamped `closedAt`: the send's one conditional write refuses a
 * stamped slot, and the pages show it as expired (410), so the send path reads nothing to
 * hold the rule. A final release stamps them after its close and before it reads the
 * responses: a send that lands before the stamp is in the release; after it, none lands. A
 * reopening takes the stamps off before the status says open. Both run under the
 * transition's fence (shared/store/fence.ts): one that lost the inspection stamps nothing.
 */
import type { Fence } from '#store/fence';
import { stampSlotsClosed } from '#store/responses';

export function closeInspectionLinks(inspectionId: string, closedAt: string, fence: Fence): Promise<number> {
  return stampSlotsClosed(inspectionId, closedAt, fence);
}

export function reopenInspectionLinks(inspectionId: string, fence: Fence): Promise<number> {
  return stampSlotsClosed(inspectionId, undefined, fence);
}
