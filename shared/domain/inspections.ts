/** Inspection use cases shared by several functions. */
import { NotFound } from '../http/errors';
import type { Inspection } from '../schemas/inspection';
import { getInspection } from '../store/inspections';

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
