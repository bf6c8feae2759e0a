import { criteriaOfInspection } from '../shared/domain/criteria-of';
import { requireInspection } from '../shared/domain/inspections';
import { NotFound } from '../shared/http/errors';
import { httpHandler, json } from '../shared/http/handler';
import type { PutLeadership } from '../shared/schemas/inspection';
import { putGrade } from '../shared/store/grades';
import { markStale } from '../shared/store/inspections';

export const handler = httpHandler('PUT /inspections/{id}/leadership/{criterionId}', async ({ body, params, user }) => {
  const inspection = await requireInspection(params.id!);
  const criterion = criteriaOfInspection(inspection).find((c) => c.section === 4 && c.id === params.criterionId);
  if (!criterion) throw new NotFound(`No graded criterion ${String(params.criterionId).slice(0, 20)}: grade 4.1 to 4.6.`);
  const outcome = await putGrade(inspection.inspectionId, criterion.id, body as PutLeadership, user!.sub);
  await markStale(inspection.inspectionId);
  return json(outcome === 'created' ? 201 : 200, { inspectionId: inspection.inspectionId, criterionId: criterion.id, ...(body as PutLeadership) });
});
