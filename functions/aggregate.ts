/**
 * The scheduled aggregation (EventBridge; locally a timer): recomputes only the inspections
 * whose inputs changed since their last snapshot. A failure on one inspection does not stop
 * the others, and leaves its stale marker for the next run; the run then fails as a whole so
 * EventBridge retries and, in the end, the dead-letter queue holds it.
 */
import type { ScheduledEvent } from 'aws-lambda';
import { computeSummary } from '../shared/domain/aggregate';
import { log, safeErrorFields } from '../shared/http/log';
import { clearStale, listStale } from '../shared/store/inspections';

export async function handler(_event: ScheduledEvent): Promise<{ aggregated: number; failed: number }> {
  const stale = await listStale();
  let failed = 0;
  for (const { inspectionId, changedAt } of stale) {
    try {
      const startedAt = Date.now();
      await computeSummary(inspectionId);
      await clearStale(inspectionId, changedAt);
      log('info', 'aggregated', { inspectionId, durationMs: Date.now() - startedAt });
    } catch (error) {
      failed++;
      log('error', 'aggregation failed', { inspectionId, ...safeErrorFields(error) });
    }
  }
  if (failed > 0) throw new Error(`${failed} of ${stale.length} aggregations failed`);
  return { aggregated: stale.length, failed };
}
