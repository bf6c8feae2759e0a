/**
 * Which writes to the table change an inspection's summary: read off the table's stream
 * (keys and the new image) by the stale-marking consumer. The summary snapshot, markers,
 * audit copies, report links and the brute-force counters are not inputs (a snapshot write
 * that marked its own inspection stale would recompute it for ever), nor the inspection's own
 * item (below); an invitation slot is
 * one only once it holds a response, so a respondent's drafts cost no aggregation.
 */
import { keys } from './keys';

const INPUT_PREFIXES = [
  keys.casePrefix,
  keys.gradePrefix,
  keys.conclusionPrefix,
  keys.invitationBatchPrefix,
  keys.secondMarkingPrefix,
  keys.interviewPrefix,
  keys.meetingPrefix,
] as const;
// Not the inspection's own item: the figures read only what it is given at creation (area, dates,
// bank), and every later write to it is life-cycle state (status, stage, leases, transitions),
// which would otherwise mark its figures stale on every release and upload.
const INPUT_ITEMS = new Set([keys.performanceFigures('x').sk, keys.areaContext('x').sk]);

export interface ChangedItem {
  pk: string;
  sk: string;
  /** The item after the change; absent for a removal, or when the stream carries keys only. */
  newEntity?: string;
}

/** The inspection whose summary this change can alter, or undefined. */
export function inspectionChangedBy(item: ChangedItem): string | undefined {
  const inspectionId = keys.inspectionIdOf(item.pk);
  if (inspectionId === undefined) return undefined;
  if (item.sk.startsWith(keys.slotPrefix)) return item.newEntity === 'response' ? inspectionId : undefined;
  if (INPUT_ITEMS.has(item.sk)) return inspectionId;
  return INPUT_PREFIXES.some((p) => item.sk.startsWith(p)) ? inspectionId : undefined;
}
