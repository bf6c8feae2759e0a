import { CURRENT_BANK_VERSION } from '../shared/bank/current';
import { requireInspection, newInspectionId } from '../shared/domain/inspections';
import { httpHandler, json } from '../shared/http/handler';
import type { CreateInspection, Inspection } from '../shared/schemas/inspection';
import { createInspection, listInspections } from '../shared/store/inspections';

export const handler = httpHandler(['POST /inspections', 'GET /inspections', 'GET /inspections/{id}'], async ({ route, body, params, query, user }) => {
  if (route.method === 'POST') {
    const input = body as CreateInspection;
    for (;;) {
      const inspection: Inspection = {
        inspectionId: newInspectionId(input.area, input.fieldworkStart),
        area: input.area,
        fieldworkStart: input.fieldworkStart,
        fieldworkEnd: input.fieldworkEnd,
        questionBankVersion: CURRENT_BANK_VERSION,
        status: 'open',
        createdAt: new Date().toISOString(),
        createdBy: user!.sub,
      };
      if (await createInspection(inspection)) return json(201, inspection, { location: `/inspections/${inspection.inspectionId}` });
    }
  }
  if (params.id) return json(200, await requireInspection(params.id));
  return json(200, await listInspections(query.cursor));
});
