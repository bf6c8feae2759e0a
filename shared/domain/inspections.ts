/** Inspection use cases: create, list, read one. */
import { CURRENT_BANK_VERSION } from '../bank/current';
import { NotFound } from '../core/errors';
import type { User } from '../core/roles';
import type { CreateInspection, Inspection } from '../schemas/inspection';
import { createInspection as insertInspection, getInspection, listInspections as queryInspections } from '../store/inspections';

export async function requireInspection(inspectionId: string): Promise<Inspection> {
  const inspection = /^[a-z0-9][a-z0-9-]{0,63}$/.test(inspectionId) ? await getInspection(inspectionId) : undefined;
  if (!inspection) throw new NotFound(`No inspection ${inspectionId.slice(0, 80)}.`);
  return inspection;
}

export function newInspectionId(area: string, fieldworkStart: string): string {
  const slug = area
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'area';
  return `${slug}-${fieldworkStart.slice(0, 4)}-${crypto.randomUUID().slice(0, 6)}`;
}

/** A new inspection, pinned to the current question bank so later banks never change its meaning. */
export async function createInspection(input: CreateInspection, user: User): Promise<Inspection> {
  for (;;) {
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
    // Six random hex digits rarely collide; when they do, draw again.
    if (await insertInspection(inspection)) return inspection;
  }
}

export function listInspections(cursor?: string): Promise<{ inspections: Inspection[]; nextCursor?: string }> {
  return queryInspections(cursor);
}
