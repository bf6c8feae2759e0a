/**
 * The scheduled aggregation's use case, apart from the summary's (shared/domain/summary.ts):
 * the dispatcher's bundle then carries neither the bank nor the questionnaires.
 */
import { log } from '#core/log';
import { writeHeartbeat } from '#core/metrics';
import { QUEUE_VISIBILITY_TIMEOUT_S } from '#core/timeouts';
import { claimDispatch, fieldworkWindows, listStale } from '#store/inspections';
import { sendAggregationUnits, type AggregationUnit } from '#queue/aggregation';

/**
 * The scheduled run: hands one unit of work per stale inspection to the queue, and no more.
 * Workers (functions/aggregate-worker.ts) recompute them in parallel, a capped number at a
 * time. A unit already handed over within the window is not sent again (a slow worker does
 * not pile up duplicates); one lost on the way is sent again after it.
 */
export async function dispatchChangedInspections(now = Date.now()): Promise<{ stale: number; dispatched: number }> {
  const stale = await listStale();
  const units: AggregationUnit[] = [];
  for (const marker of stale) if (await claimDispatch(marker, now, DISPATCH_WINDOW_MS)) units.push(marker);
  await sendAggregationUnits(units);
  log('info', 'aggregation dispatched', { stale: stale.length, dispatched: units.length });
  return { stale: stale.length, dispatched: units.length };
}

/** How long a handed-over unit is left to its worker before it is sent again: the queue's visibility timeout (set beside the queue's URL). */
const DISPATCH_WINDOW_MS = Number(process.env.AGGREGATION_DISPATCH_WINDOW_S ?? QUEUE_VISIBILITY_TIMEOUT_S) * 1000;

/**
 * The heartbeat of the alarm on responses that stop arriving (infra/stacks/business-alarms.ts):
 * each run says how many inspections are in their fieldwork week (and not closed), so the alarm
 * can tell "no responses while fieldwork is open" from "no responses because nothing is on".
 */
export async function fieldworkHeartbeat(now = Date.now()): Promise<number> {
  const today = new Date(now).toISOString().slice(0, 10);
  const open = (await fieldworkWindows()).filter((w) => w.status !== 'closed' && w.fieldworkStart <= today && today <= w.fieldworkEnd).length;
  writeHeartbeat(open);
  return open;
}
