/**
 * Summary use cases: the last computed summary (computed on the spot for a new inspection),
 * a recompute now, the CSV download, and the scheduled run over every changed inspection.
 */
import { NotFound } from '../core/errors';
import { log, safeErrorFields } from '../core/log';
import { listStale, markStale, takeStale } from '../store/inspections';
import { getSummarySnapshot } from '../store/summaries';
import { computeSummary, type Summary } from './aggregate';
import { requireInspection } from './inspections';
import { summaryToCsv } from './summary-csv';

export async function latestSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  // The first read of a new inspection computes it rather than answering "not yet".
  return (await getSummarySnapshot<Summary>(id)) ?? (await computeSummary(id));
}

export async function recomputeSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return computeSummary(id);
}

export function summaryDownload(summary: Summary): { filename: string; csv: string } {
  return { filename: `${summary.inspectionId}-summary.csv`, csv: summaryToCsv(summary) };
}

/**
 * Recomputes every inspection whose inputs changed since its last snapshot. A failure on one
 * does not stop the others, and puts its marker back for the next run; the run then fails as
 * a whole so EventBridge retries it and, in the end, the dead-letter queue holds it.
 */
export async function aggregateChangedInspections(): Promise<{ aggregated: number; failed: number }> {
  const stale = await listStale();
  let failed = 0;
  for (const inspectionId of stale) {
    await takeStale(inspectionId);
    try {
      const startedAt = Date.now();
      await computeSummary(inspectionId);
      log('info', 'aggregated', { inspectionId, durationMs: Date.now() - startedAt });
    } catch (error) {
      // An inspection that no longer exists has nothing to recompute, now or later.
      if (error instanceof NotFound) continue;
      failed++;
      await markStale(inspectionId).catch(() => undefined);
      log('error', 'aggregation failed', { inspectionId, ...safeErrorFields(error) });
    }
  }
  if (failed > 0) throw new Error(`${failed} of ${stale.length} aggregations failed`);
  return { aggregated: stale.length, failed };
}
