/** The inspectors' own words on an inspection: leadership grades (4.1-4.6) and conclusions (1.1-3.2). */
import type { PutLeadership } from '#schemas/inspection';
import { openFence, putFenced } from './fence';
import { keys } from './keys';
import { queryAll } from './paging';

/** Puts an item whole while the inspection is open (fence.ts), saying whether it replaced one. */
function putReplacing(inspectionId: string, item: Record<string, unknown>): Promise<'created' | 'replaced'> {
  return putFenced(openFence(inspectionId), item);
}

async function listPrefix(inspectionId: string, prefix: string): Promise<Record<string, unknown>[]> {
  return queryAll(keys.partitionOf(inspectionId), prefix);
}

export interface StoredGrade extends PutLeadership {
  criterionId: string;
  updatedAt: string;
  updatedBy: string;
}

export function putGrade(inspectionId: string, criterionId: string, grade: PutLeadership, user: string): Promise<'created' | 'replaced'> {
  return putReplacing(inspectionId, {
    ...keys.grade(inspectionId, criterionId),
    entity: 'grade',
    criterionId,
    ...grade,
    updatedAt: new Date().toISOString(),
    updatedBy: user,
  });
}

export async function listGrades(inspectionId: string): Promise<StoredGrade[]> {
  return (await listPrefix(inspectionId, keys.gradePrefix)).map((item) => {
    const { criterionId, grade, strengths, improvements, updatedAt, updatedBy } = item as unknown as StoredGrade;
    return { criterionId, grade, strengths, improvements, updatedAt, updatedBy };
  });
}

export interface StoredConclusion {
  criterionId: string;
  band: 'good' | 'priority' | 'urgent-priority';
  text?: string;
  textCy?: string;
  updatedAt: string;
  updatedBy: string;
}

/** The lead inspector's recorded conclusion on a scored criterion: the word the report uses. */
export function putConclusion(inspectionId: string, conclusion: StoredConclusion): Promise<'created' | 'replaced'> {
  return putReplacing(inspectionId, { ...keys.conclusion(inspectionId, conclusion.criterionId), entity: 'conclusion', ...conclusion });
}

export async function listConclusions(inspectionId: string): Promise<StoredConclusion[]> {
  return (await listPrefix(inspectionId, keys.conclusionPrefix)).map((item) => {
    const { criterionId, band, text, textCy, updatedAt, updatedBy } = item as unknown as StoredConclusion;
    return { criterionId, band, ...(text ? { text } : {}), ...(textCy ? { textCy } : {}), updatedAt, updatedBy };
  });
}
