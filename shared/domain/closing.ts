/**
 * A final release closes an inspection: what was published must stay what the figures say.
 * Every write to a closed inspection's inputs is refused, with 409 inspection-closed, until an
 * admin reopens it; and the refusal is atomic with the close. The check is not a read before
 * the write (a write could land between the two): each write is a transaction fenced on the
 * inspection's item (shared/store/fence.ts), so it lands before the close, and is then in the
 * final release, or not at all.
 *
 *   - A write of one thing (a case, a grade, the write-up, ...) is one fenced transaction
 *     (`openFence`): the store's put functions do it themselves.
 *   - A write of many things (a CSV import, a batch of invitations) holds a writer's lease for
 *     its whole run (`withWriterLease`): a final release waits for it to end, so the whole
 *     import is in the release or none of it is. A lease expires (WRITER_LEASE_MS), so a
 *     crashed writer blocks nobody for long; its later transactions, fenced on the lease, fail.
 *   - Questionnaire sends stay one conditional write on their link: the release stamps every
 *     unsent link closed before it reads the responses (link-closure.ts).
 *
 * Two kinds of write stay open on purpose:
 *   - erasing the respondents' answers (DELETE .../responses): a data subject's request is a
 *     legal duty that a publication does not suspend, and it changes no published figure
 *     (the live summary keeps its figures; releases keep their frozen bytes);
 *   - report links and recomputing the summary: they read the inputs, they do not change them;
 *   - releasing, reopening and an admin's finishing or undoing of one that died half-way
 *     (releases.ts): they are what closes and opens the inspection.
 *
 * For a new kind of input (meetings, ...): its store function writes with
 * `putFenced(openFence(inspectionId), item)` (one item, 'created' | 'replaced'), or
 * `writeFenced(openFence(inspectionId), [[...actions]])` (items that land together), from
 * shared/store/fence.ts; a refusal is InspectionClosed, a 409 inspection-closed, already.
 */
import { randomUUID } from 'node:crypto';
import { InspectionClosed } from '#core/errors';
import type { Inspection, InspectionStage } from '#schemas/inspection';
import { closedMessage, type Fence, writerFence } from '#store/fence';
import { acquireWriterLease, advanceStage, endWriterLease } from '#store/inspections';
import { requireInspection } from './inspections';

/** How long a writer's lease lasts: well beyond any function's timeout (29 s behind the HTTP API). */
export const WRITER_LEASE_MS = 120_000;

export function isClosed(inspection: Pick<Inspection, 'status'>): boolean {
  return inspection.status === 'closed';
}

export function assertOpen(inspection: Pick<Inspection, 'inspectionId' | 'status'>): void {
  if (isClosed(inspection)) throw new InspectionClosed(closedMessage(inspection.inspectionId));
}

/**
 * For every write to an inspection's inputs: cases, grades, conclusions, write-up, evidence,
 * invitations, paper returns. A quick refusal with a plain message before any work is done;
 * the write's own fence is what makes it safe.
 */
export async function requireOpenInspection(inspectionId: string): Promise<Inspection> {
  const inspection = await requireInspection(inspectionId);
  assertOpen(inspection);
  return inspection;
}

/**
 * Runs a write of many items under a writer's lease, handing `work` the fence its
 * transactions must carry. Refused (InspectionClosed) when the inspection is closed or a final
 * release is closing it.
 */
export async function withWriterLease<T>(inspectionId: string, work: (fence: Fence) => Promise<T>): Promise<T> {
  const leaseId = randomUUID();
  const now = Date.now();
  if (!(await acquireWriterLease(inspectionId, leaseId, now + WRITER_LEASE_MS, now))) {
    throw new InspectionClosed(`${closedMessage(inspectionId)} (Or a final release is closing it now.)`);
  }
  try {
    return await work(writerFence(inspectionId, leaseId));
  } finally {
    await endWriterLease(inspectionId, leaseId);
  }
}

/**
 * The stage moves on with the work (contract, "An inspection's life cycle"): set-up ->
 * fieldwork at the first case or invitation, -> drafting at the first save of the write-up.
 * Only when the inspection read before the write was still behind; a race is harmless.
 */
const ADVANCES: Record<'fieldwork' | 'drafting', readonly InspectionStage[]> = {
  fieldwork: ['set-up'],
  drafting: ['set-up', 'fieldwork'],
};

export async function advanceStageAfterWrite(inspection: Pick<Inspection, 'inspectionId' | 'stage'>, to: 'fieldwork' | 'drafting'): Promise<void> {
  if (ADVANCES[to].includes(inspection.stage)) await advanceStage(inspection.inspectionId, ADVANCES[to], to);
}
