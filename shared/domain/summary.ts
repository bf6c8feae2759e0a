/**
 * Summary use cases: the last computed summary (computed on the spot for a new inspection),
 * a recompute now, the CSV download, and the scheduled run over every changed inspection.
 */
import { NotFound } from '#core/errors';
import { log, safeErrorFields } from '#core/log';
import { clearStale, listStale, staleMarkerOf, type StaleMarker } from '#store/inspections';
import { parseAggregationUnit } from '#queue/aggregation';
import type { Inspection } from '#schemas/inspection';
import type { PublishedSummary, Summary } from '#schemas/summary';
import { computeSummary } from './aggregate';
import { requireInspection } from './inspections';
import { bankOf } from './bank-of';
import { summaryToCsv } from './summary-csv';
import { currentSummary, summaryCommentPage } from './summary-read';

export async function latestSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  // The first read of a new inspection computes it rather than answering "not yet".
  return currentSummary(id);
}

/**
 * The figures as they are now, for a page that says what is done (the dashboard's task list):
 * recomputed on the spot when an input changed since the last snapshot, so a person who has
 * just saved sees it counted rather than a minute-old figure.
 */
export async function summaryAsNow(inspection: Pick<Inspection, 'inspectionId'>): Promise<Summary> {
  const marker = await staleMarkerOf(inspection.inspectionId);
  return marker ? recomputeTaking(inspection.inspectionId, marker) : currentSummary(inspection.inspectionId);
}

/** One page of every comment of the last summary: none is ever left out here. */
export async function summaryComments(inspectionId: string, page: number) {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return summaryCommentPage(id, page);
}

/**
 * A recompute asked for now. It takes the inspection's marker as a worker does (only if
 * unchanged since read before the computation), so the scheduled run does not do it again;
 * a change that lands meanwhile leaves its own marker.
 */
export async function recomputeSummary(inspectionId: string): Promise<Summary> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return recomputeTaking(id, await staleMarkerOf(id));
}

/** Computes the summary of an inspection already read, then takes `marker` (the one read before computing), if any. */
async function recomputeTaking(inspectionId: string, marker: StaleMarker | undefined): Promise<Summary> {
  const summary = await computeSummary(inspectionId);
  if (marker) await clearStale(marker);
  return summary;
}

export function summaryDownload(summary: Summary | PublishedSummary): { filename: string; csv: string } {
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
 * A worker's batch: each unit recomputed on its own; the ones that failed are named, so the
 * queue makes only those visible again (and, after its retries, moves them to its dead-letter
 * queue). Their markers stay, so the next dispatch picks them up too.
 */
export async function aggregateUnits(bodies: readonly { id: string; body: string }[]): Promise<{ failed: string[] }> {
  const failed: string[] = [];
  for (const { id, body } of bodies) {
    const unit = parseAggregationUnit(body);
    if (!unit) continue;
    try {
      await aggregateStale(unit);
    } catch (error) {
      failed.push(id);
      log('error', 'aggregation failed', { inspectionId: unit.inspectionId, ...safeErrorFields(error) });
    }
  }
  return { failed };
}

/**
 * Recomputes every stale inspection in this process, one after another: what the fan-out
 * replaces, kept for the benchmark's serial yardstick.
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
