/** The scheduled aggregation (EventBridge; locally a timer): see aggregateChangedInspections. */
import type { ScheduledEvent } from 'aws-lambda';
import { aggregateChangedInspections } from '../shared/domain/summary';

export async function handler(_event: ScheduledEvent): Promise<{ aggregated: number; failed: number }> {
  return aggregateChangedInspections();
}
