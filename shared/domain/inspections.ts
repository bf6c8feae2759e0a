/** Inspection use cases: create, list, read one, delete one made by mistake. */
import { CURRENT_BANK_VERSION } from '#bank/current';
import { DuplicateInspection, InspectionHasReleases, NotFound, ReleaseInProgress } from '#core/errors';
import type { User } from '#core/roles';
import type { CreateInspection, Inspection } from '#schemas/inspection';
import { areaFieldwork, createInspectionInArea, removeFromArea } from '#store/area-fieldwork';
import { beginInspectionDeletion, deleteInspectionItems } from '#store/inspection-removal';
import { getInspection, getInspectionItem, listInspections as queryInspections } from '#store/inspections';
import { listReleases } from '#store/releases';

export async function requireInspection(inspectionId: string): Promise<Inspection> {
  const inspection = /^[a-z0-9][a-z0-9-]{0,63}$/.test(inspectionId) ? await getInspection(inspectionId) : undefined;
  if (!inspection) throw new NotFound(`No inspection ${inspectionId.slice(0, 80)}.`);
  return inspection;
}

export function newInspectionId(area: string, fieldworkStart: string): string {
  const slug =
    area
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'area';
  return `${slug}-${fieldworkStart.slice(0, 4)}-${crypto.randomUUID().slice(0, 6)}`;
}

/**
 * A new inspection, pinned to the current question bank so later banks never change its meaning.
 * Refused when the same area (whatever its case or spacing) has an inspection whose fieldwork
 * overlaps: an admin who pressed Create twice, or two admins setting up the same inspection.
 */
/**
 * `refuseOverlap`: refuse (409 duplicate-inspection) an inspection of an area that has one whose
 * fieldwork overlaps. The workbench's form always asks it; the JSON API when the caller does
 * (`?overlap=refuse`), since the contract's `POST /inspections` creates whatever it is given.
 */
export async function createInspection(
  input: CreateInspection,
  user: User,
  options: { refuseOverlap: boolean } = { refuseOverlap: true },
): Promise<Inspection> {
  for (;;) {
    const seen = await areaFieldwork(input.area);
    const clash =
      options.refuseOverlap && seen.inspections.find((i) => i.fieldworkStart <= input.fieldworkEnd && input.fieldworkStart <= i.fieldworkEnd);
    if (clash) {
      throw new DuplicateInspection(
        `${input.area} already has an inspection with fieldwork from ${clash.fieldworkStart} to ${clash.fieldworkEnd}, which overlaps these dates: ${clash.inspectionId}.`,
        clash,
      );
    }
    const inspection: Inspection = {
      inspectionId: newInspectionId(input.area, input.fieldworkStart),
      area: input.area,
      fieldworkStart: input.fieldworkStart,
      fieldworkEnd: input.fieldworkEnd,
      questionBankVersion: CURRENT_BANK_VERSION,
      status: 'open',
      stage: 'set-up',
      version: 1,
      createdAt: new Date().toISOString(),
      createdBy: user.sub,
    };
    // An id already taken (six random hex digits rarely collide), or the area's list changed meanwhile: try again.
    if ((await createInspectionInArea(inspection, seen)) === 'created') return inspection;
  }
}

/**
 * Deletes an inspection made by mistake, with everything entered in it, unless it has a
 * release (what was released stays explainable) or one is under way. A deletion interrupted
 * part-way is finished by asking again.
 */
export async function deleteInspection(inspectionId: string): Promise<{ inspectionId: string; area: string; deleted: number }> {
  const item = /^[a-z0-9][a-z0-9-]{0,63}$/.test(inspectionId) ? await getInspectionItem(inspectionId) : undefined;
  if (!item) throw new NotFound(`No inspection ${inspectionId.slice(0, 80)}.`);
  const area = String(item.area);
  if (!item.deletingAt) {
    if (item.transition) throw new ReleaseInProgress('A release or reopening of this inspection is under way: it cannot be deleted.');
    if ((await listReleases(inspectionId)).length > 0) {
      throw new InspectionHasReleases(
        'This inspection has releases, so it cannot be deleted: what was released stays, with the inspection it came from.',
      );
    }
    if (!(await beginInspectionDeletion(inspectionId, typeof item.version === 'number' ? item.version : undefined, new Date().toISOString()))) {
      throw new ReleaseInProgress('The inspection changed while it was being deleted (a release may have been made): look at it again.');
    }
  }
  const deleted = await deleteInspectionItems(inspectionId);
  while (!(await removeFromArea(area, inspectionId, await areaFieldwork(area)))) {
    // Another inspection of the area came or went meanwhile: read its list again.
  }
  return { inspectionId, area, deleted };
}

export function listInspections(cursor?: string): Promise<{ inspections: Inspection[]; nextCursor?: string }> {
  return queryInspections(cursor);
}
