/**
 * The writer's lease (shared/domain/closing.ts) as a rule held without a clock (issue 32: its
 * expiry `now + WRITER_LEASE_MS` survived mutation testing, since the tests planted leases by
 * hand). A write of many items holds a lease for its whole run, so a final release waits for
 * it; a crashed writer must block nobody for long. So, for any number of writers at once:
 *
 * - while its work runs, each writer's lease is in the table, in the future, and expires no
 *   later than WRITER_LEASE_MS after the writer began (and no earlier than that after it was
 *   asked for): bounded by the times read around the call, not by a timing assertion;
 * - when the work ends, by returning or by throwing, its lease is gone; the others' stay theirs;
 * - on a closed inspection no lease is taken and the work never runs: 409 inspection-closed.
 *
 * Called as the import and the invitations' use cases call it, against the test run's
 * DynamoDB Local; what it wrote is read back from the table.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '#support/direct';
import { call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';

useTestTable();
const { WRITER_LEASE_MS, withWriterLease } = await import('#domain/closing');
const { getInspectionItem } = await import('#store/inspections');
const { InspectionClosed } = await import('#core/errors');

let inspectionId: string;
beforeAll(async () => {
  inspectionId = await createInspection('Lease');
});

const leases = async () => ((await getInspectionItem(inspectionId))?.writers ?? {}) as Record<string, number>;

describe("a writer's lease", () => {
  it('is in the future while its work runs, expires within the lease time, and is gone when the work ends, whichever way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), async (throws) => {
        const before = new Set(Object.keys(await leases()));
        const outcomes = await Promise.allSettled(
          throws.map(async (fails, i) => {
            const asked = Date.now();
            return withWriterLease(inspectionId, async (fence) => {
              const inside = Date.now();
              // The fence its transactions carry names its lease.
              const leaseId = fence.names['#lease']!;
              const expires = (await leases())[leaseId];
              expect(expires, `lease ${leaseId} is not in the table`).toBeDefined();
              expect(expires).toBeGreaterThanOrEqual(asked + WRITER_LEASE_MS);
              expect(expires).toBeLessThanOrEqual(inside + WRITER_LEASE_MS);
              expect(expires).toBeGreaterThan(Date.now());
              if (fails) throw new Error(`writer ${i} failed`);
              return i;
            });
          }),
        );
        outcomes.forEach((o, i) => {
          if (throws[i]) expect(o.status === 'rejected' && (o.reason as Error).message).toBe(`writer ${i} failed`);
          else expect(o).toEqual({ status: 'fulfilled', value: i });
        });
        // Every lease taken here is gone, whether its work returned or threw.
        expect(Object.keys(await leases()).filter((id) => !before.has(id))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('is not taken on a closed inspection, whose write is refused before its work runs', async () => {
    const closed = await createInspection('Lease closed');
    expect((await call(`/inspections/${closed}/cases/L-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBeLessThan(
      300,
    );
    const area = (await call(`/inspections/${closed}`, { as: 'admin' })).json.area as string;
    expect((await call(`/inspections/${closed}/releases`, { as: 'admin', json: { kind: 'final', confirm: area } })).status).toBe(201);
    let ran = false;
    const refused = await withWriterLease(closed, async () => {
      ran = true;
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InspectionClosed);
    expect((refused as Error).message).toMatch(/closed/);
    expect(ran).toBe(false);
    expect(Object.keys(((await getInspectionItem(closed))?.writers ?? {}) as object)).toEqual([]);
  });
});
