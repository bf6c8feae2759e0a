/**
 * The inspectors' own words on an inspection, one use case for both kinds: a leadership
 * grade (criteria 4.1-4.6) and the lead inspector's conclusion on a scored criterion (1.1-3.2).
 */
import { NotFound } from '#core/errors';
import type { User } from '#core/roles';
import type { Criterion } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';
import type { Conclusion, PutLeadership } from '#schemas/inspection';
import { listConclusions, listGrades, putConclusion, putGrade, type StoredConclusion, type StoredGrade } from '#store/grades';
import { criteriaOfInspection } from './criteria-of';
import { requireInspection } from './inspections';
import { requireOpenInspection } from './closing';

export type GradeInput = { kind: 'leadership'; value: PutLeadership } | { kind: 'conclusion'; value: Conclusion };

const WHICH = {
  leadership: { graded: true, hint: 'grade 4.1 to 4.6' },
  conclusion: { graded: false, hint: 'conclusions are for 1.1 to 3.2' },
} as const;

export async function recordGrade(
  inspectionId: string,
  criterionId: string,
  input: GradeInput,
  user: User,
): Promise<{ outcome: 'created' | 'replaced'; inspectionId: string; criterionId: string }> {
  const inspection = await requireOpenInspection(inspectionId);
  const which = WHICH[input.kind];
  const criterion = criteriaOfInspection(inspection).find((c) => (c.section === 4) === which.graded && c.id === criterionId);
  if (!criterion) throw new NotFound(`No ${input.kind === 'leadership' ? 'graded' : 'scored'} criterion ${criterionId.slice(0, 20)}: ${which.hint}.`);
  const id = inspection.inspectionId;
  const outcome = await (input.kind === 'leadership'
    ? putGrade(id, criterion.id, input.value, user.sub)
    : putConclusion(id, {
        criterionId: criterion.id,
        band: input.value.band,
        ...(input.value.text ? { text: input.value.text } : {}),
        ...(input.value.textCy ? { textCy: input.value.textCy } : {}),
        updatedAt: new Date().toISOString(),
        updatedBy: user.sub,
      }));
  return { outcome, inspectionId: id, criterionId: criterion.id };
}

/** Every criterion of the inspection's bank with what has been recorded on it so far. */
export async function gradesOf(
  inspectionId: string,
): Promise<{ inspection: Inspection; criteria: readonly Criterion[]; grades: StoredGrade[]; conclusions: StoredConclusion[] }> {
  const inspection = await requireInspection(inspectionId);
  const [grades, conclusions] = await Promise.all([listGrades(inspection.inspectionId), listConclusions(inspection.inspectionId)]);
  return { inspection, criteria: criteriaOfInspection(inspection), grades, conclusions };
}
