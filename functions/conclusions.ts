import { criteriaOfInspection } from '../shared/domain/criteria-of';
import { requireInspection } from '../shared/domain/inspections';
import { NotFound } from '../shared/http/errors';
import { httpHandler, json } from '../shared/http/handler';
import type { Conclusion } from '../shared/schemas/inspection';
import { putConclusion } from '../shared/store/grades';
import { markStale } from '../shared/store/inspections';

export const handler = httpHandler('PUT /inspections/{id}/conclusions/{criterionId}', async ({ body, params, user }) => {
  const inspection = await requireInspection(params.id!);
  const criterion = criteriaOfInspection(inspection).find((c) => c.section !== 4 && c.id === params.criterionId);
  if (!criterion) throw new NotFound(`No scored criterion ${String(params.criterionId).slice(0, 20)}: conclusions are for 1.1 to 3.2.`);
  const input = body as Conclusion;
  const outcome = await putConclusion(inspection.inspectionId, {
    criterionId: criterion.id,
    band: input.band,
    ...(input.text ? { text: input.text } : {}),
    updatedAt: new Date().toISOString(),
    updatedBy: user!.sub,
  });
  await markStale(inspection.inspectionId);
  return json(outcome === 'created' ? 201 : 200, { inspectionId: inspection.inspectionId, criterionId: criterion.id, ...input });
});
