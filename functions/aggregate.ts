/**
 * The scheduled aggregation (EventBridge; locally a timer): recomputes only the inspections
 * whose inputs changed since their last snapshot. A failure on one inspection does not stop
 * the others, and puts its stale marker back for the next run; the run then fails as a whole so
 * EventBridge retries and, in the end, the dead-letter queue holds it.
 */
import type { ScheduledEvent } from 'aws-lambda';
import { computeSummary } from '../shared/domain/aggregate';
import { NotFound } from '../shared/http/errors';
import { log, safeErrorFields } from '../shared/http/log';
import { listStale, markStale, takeStale } from '../shared/store/inspections';

export async function handler(_event: ScheduledEvent): Promise<{ aggregated: number; failed: number }> {
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
