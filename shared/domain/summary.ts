/**
 * Summary use cases: the last computed summary (computed on the spot for a new inspection),
 * a recompute now, the CSV download, and the scheduled run over every changed inspection.
 */
import { NotFound } from '../core/errors';
import { log, safeErrorFields } from '../core/log';
import { clearStale, listStale, type StaleMarker } from '../store/inspections';
import type { Summary } from '../schemas/summary';
import { computeSummary } from './aggregate';
import { requireInspection } from './inspections';
import { summaryToCsv } from './summary-csv';
import { currentSummary, summaryCommentPage } from './summary-read';

export async function latestSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  // The first read of a new inspection computes it rather than answering "not yet".
  return currentSummary(id);
}

/** One page of every comment of the last summary: none is ever left out here. */
export async function summaryComments(inspectionId: string, page: number) {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return summaryCommentPage(id, page);
}

export async function recomputeSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return computeSummary(id);
}

export function summaryDownload(summary: Summary): { filename: string; csv: string } {
  return { filename: `${summary.inspectionId}-summary.csv`, csv: summaryToCsv(summary) };
}

/**
 * Recomputes one stale inspection and only then takes its marker, if it is still the one
 * read: a change during the computation leaves a newer marker (taken by the next run), and a
 * crash anywhere leaves the marker, so the work is done again, never lost.
 */
export async function aggregateStale(marker: StaleMarker): Promise<'aggregated' | 'gone'> {
  const startedAt = Date.now();
  try {
    await computeSummary(marker.inspectionId);
  } catch (error) {
    // An inspection that no longer exists has nothing to recompute, now or later.
    if (!(error instanceof NotFound)) throw error;
    await clearStale(marker);
    return 'gone';
  }
  const cleared = await clearStale(marker);
  log('info', 'aggregated', { inspectionId: marker.inspectionId, durationMs: Date.now() - startedAt, markerKept: !cleared });
  return 'aggregated';
}

/**
 * Recomputes every inspection whose inputs changed since its last snapshot. A failure on one
 * does not stop the others (its marker stays for the next run); the run then fails as a
 * whole so EventBridge retries it and, in the end, the dead-letter queue holds it.
 */
export async function aggregateChangedInspections(): Promise<{ aggregated: number; failed: number }> {
  const stale = await listStale();
  let failed = 0;
  for (const marker of stale) {
    try {
      await aggregateStale(marker);
    } catch (error) {
      failed++;
      log('error', 'aggregation failed', { inspectionId: marker.inspectionId, ...safeErrorFields(error) });
    }
  }
  if (failed > 0) throw new Error(`${failed} of ${stale.length} aggregations failed`);
  return { aggregated: stale.length, failed };
}
