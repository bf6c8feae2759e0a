/**
 * The scheduled aggregation (EventBridge; locally a timer): only dispatches, one queue message
 * per stale inspection (dispatchChangedInspections). functions/aggregate-worker.ts does the work.
 */
import type { ScheduledEvent } from 'aws-lambda';
import { dispatchChangedInspections } from '../shared/domain/dispatch';

export async function handler(_event: ScheduledEvent): Promise<{ stale: number; dispatched: number }> {
  return dispatchChangedInspections();
}
