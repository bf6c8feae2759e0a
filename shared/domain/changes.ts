/**
 * The one place the "an input changed" invariant lives: every write to an inspection's
 * inputs (cases, grades, conclusions, responses) goes through `changeInputs`, which marks the
 * inspection stale after the write so the scheduled aggregation recomputes it. The order
 * matters: the aggregation takes a marker before it reads, and a writer marks after it
 * writes, so no change is ever missed.
 */
import { markStale } from '../store/inspections';

export async function changeInputs<T>(inspectionId: string, write: () => Promise<T>): Promise<T> {
  const result = await write();
  await markStale(inspectionId);
  return result;
}

/** For a write that may already have landed (a retried send): make sure the aggregation counts it. */
export function markInputsChanged(inspectionId: string): Promise<void> {
  return markStale(inspectionId);
}
