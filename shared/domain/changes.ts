/**
 * The one place the "an input changed" invariant lives. Request paths only write: the
 * table's stream carries every write to the stale-marking consumer (functions/mark-stale.ts),
 * which marks each changed inspection once per batch, off the request path. A marker is
 * taken only after the snapshot that read past it is written, and only if it is unchanged
 * (shared/domain/summary.ts), so no change is ever missed, whatever crashes where.
 */
import { randomUUID } from 'node:crypto';
import { markStale } from '#store/inspections';
import { inspectionChangedBy, type ChangedItem } from '#store/inputs';

/**
 * Marks stale every inspection a batch of changes touched: one blind put per inspection,
 * whatever the batch's size. Returns the inspections marked.
 */
export async function markChanged(items: readonly ChangedItem[]): Promise<string[]> {
  const changed = new Set<string>();
  for (const item of items) {
    const id = inspectionChangedBy(item);
    if (id !== undefined) changed.add(id);
  }
  // Unique per mark, so an aggregation can tell "the marker I read" from a later one.
  const changedAt = `${new Date().toISOString()}#${randomUUID().slice(0, 8)}`;
  await Promise.all([...changed].map((id) => markStale(id, changedAt)));
  return [...changed];
}
