/**
 * Stale markers are never lost, over any interleaving of writes, the stream's deliveries, and
 * aggregation workers that read, compute, publish, clear and crash at any point (two workers,
 * as two queue deliveries of one inspection can run at once). The markers are the real ones
 * (markChanged as the stream consumer calls it, listStale, clearStale against DynamoDB Local);
 * the inputs and the snapshot are modelled as version numbers, with the snapshot's
 * later-start-wins rule of putSummarySnapshot.
 *
 * The property, checked once every write is delivered and the workers have stopped: either a
 * marker waits for the inspection (the next dispatch recomputes it), or the published
 * snapshot read the latest inputs.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestTable } from '#support/direct';

useTestTable();
const { markChanged } = await import('#domain/changes');
const { clearStale, listStale } = await import('#store/inspections');
const { keys } = await import('#store/keys');

type Op = { kind: 'write' } | { kind: 'deliver' } | { kind: 'step' | 'crash'; worker: 0 | 1 };

// Weighted so that a worker often gets all four of its steps done between other events.
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'write' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'deliver' as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('step' as const), worker: fc.constantFrom(0 as const, 1 as const) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('crash' as const), worker: fc.constantFrom(0 as const, 1 as const) }), weight: 1 },
);

interface Worker {
  stage: 'idle' | 'read-marker' | 'computed' | 'published';
  marker?: { inspectionId: string; changedAt: string };
  startedAt?: number;
  readVersion?: number;
}

async function markerOf(inspectionId: string) {
  return (await listStale()).find((m) => m.inspectionId === inspectionId);
}

describe('stale markers', () => {
  it('are never lost, whatever the interleaving of writes, deliveries, aggregations and crashes', { timeout: 240_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 24 }), async (ops) => {
        runs++;
        const inspectionId = `prop-${randomUUID()}`;
        let inputs = 0; // the inspection's inputs, as a version
        let delivered = 0; // how many writes the stream has handed to the consumer
        let snapshot = { version: 0, startedAt: -1 };
        let clock = 0;
        const workers: Worker[] = [{ stage: 'idle' }, { stage: 'idle' }];
        const deliver = async () => {
          if (delivered === inputs) return;
          delivered = inputs;
          await markChanged([{ pk: keys.partitionOf(inspectionId), sk: `${keys.casePrefix}A-1` }]);
        };

        for (const o of ops) {
          if (o.kind === 'write') inputs++;
          else if (o.kind === 'deliver') await deliver();
          else if (o.kind === 'crash') workers[o.worker] = { stage: 'idle' };
          else {
            const w = workers[o.worker]!;
            // aggregateStale, a step at a time: the dispatcher's read of the marker, the
            // computation (reads the inputs), the conditional snapshot put, then clearStale.
            if (w.stage === 'idle') {
              const marker = await markerOf(inspectionId);
              if (marker) Object.assign(w, { stage: 'read-marker', marker });
            } else if (w.stage === 'read-marker') {
              Object.assign(w, { stage: 'computed', startedAt: ++clock, readVersion: inputs });
            } else if (w.stage === 'computed') {
              if (w.startedAt! >= snapshot.startedAt) snapshot = { version: w.readVersion!, startedAt: w.startedAt! };
              w.stage = 'published';
            } else {
              await clearStale(w.marker!);
              workers[o.worker] = { stage: 'idle' };
            }
          }
        }
        // Quiescence: every write reaches the consumer; the workers stop where they are.
        await deliver();
        const waiting = await markerOf(inspectionId);
        if (!waiting) expect(snapshot.version, `ops ${JSON.stringify(ops)}`).toBe(inputs);
        if (waiting) await clearStale(waiting);
      }),
      {
        numRuns: 300,
        // The interleaving that loses a change if a marker were cleared without checking it: a write lands while a worker computes.
        examples: [
          [
            [
              { kind: 'write' },
              { kind: 'deliver' },
              { kind: 'step', worker: 0 },
              { kind: 'step', worker: 0 },
              { kind: 'write' },
              { kind: 'deliver' },
              { kind: 'step', worker: 0 },
              { kind: 'step', worker: 0 },
            ],
          ],
        ],
      },
    );
    expect(runs).toBeGreaterThanOrEqual(300);
  });
});
