/**
 * Summary use cases: the last computed summary (computed on the spot for a new inspection),
 * a recompute now, the CSV download, and the scheduled run over every changed inspection.
 */
import { NotFound } from '../core/errors';
import { log, safeErrorFields } from '../core/log';
import { listStale, markStale, takeStale } from '../store/inspections';
import type { Summary } from '../schemas/summary';
import { computeSummary } from './aggregate';
import { requireInspection } from './inspections';
import { bankOf } from './bank-of';
import { summaryToCsv } from './summary-csv';
import { currentSummary } from './summary-read';

export async function latestSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  // The first read of a new inspection computes it rather than answering "not yet".
  return currentSummary(id);
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

/** The criterion whose questions make the diversity view (the Kent report's 2.7). */
export const DIVERSITY_CRITERION = '2.7';

/** The breakdowns page: the last summary, and the questions of the diversity criterion in bank order. */
export async function breakdownsView(inspectionId: string): Promise<{ summary: Summary; diversityQuestions: { id: string; text: string }[] }> {
  const inspection = await requireInspection(inspectionId);
  const summary = await currentSummary(inspection.inspectionId);
  const diversityQuestions = bankOf(inspection)
    .questions.filter((q) => q.criterion === DIVERSITY_CRITERION)
    .map((q) => ({ id: q.id, text: q.text }));
  return { summary, diversityQuestions };
}
