/**
 * The scheduled aggregation (EventBridge; locally a timer): only dispatches, one queue message
 * per stale inspection (dispatchChangedInspections). functions/aggregate-worker.ts does the work.
 * Each run also writes the fieldwork heartbeat, the responses alarm's sign that fieldwork is on.
 */
import { withInvocation } from '#core/invocation';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { dispatchChangedInspections, fieldworkHeartbeat } from '#domain/dispatch';

export const handler = withInvocation(async (_event: ScheduledEvent, _context: Context): Promise<{ stale: number; dispatched: number }> => {
  // Either failing fails the run, retried as a whole: a dispatch claims each inspection once, and a gauge written twice is the same gauge.
  const [dispatched] = await Promise.all([dispatchChangedInspections(), fieldworkHeartbeat()]);
  return dispatched;
});
