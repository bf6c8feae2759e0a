import { computeSummary } from '../shared/domain/aggregate';
import { currentSummary } from '../shared/domain/summary-read';
import { requireInspection } from '../shared/domain/inspections';
import { summaryToCsv } from '../shared/domain/summary-csv';
import { httpHandler, json } from '../shared/http/handler';

export const handler = httpHandler(['GET /inspections/{id}/summary', 'POST /inspections/{id}/aggregate'], async ({ route, params, query }) => {
  const { inspectionId } = await requireInspection(params.id!);
  if (route.method === 'POST') return json(200, await computeSummary(inspectionId));
  // The first read of a new inspection computes it rather than answering "not yet".
  const summary = await currentSummary(inspectionId);
  if (query.format === 'csv') {
    return {
      status: 200,
      body: summaryToCsv(summary),
      contentType: 'text/csv; charset=utf-8',
      headers: { 'content-disposition': `attachment; filename="${inspectionId}-summary.csv"` },
    };
  }
  return json(200, summary);
});
