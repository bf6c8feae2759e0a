/**
 * The scheduled run's rules (issue 32), through its use cases in this process against the
 * test run's table and the server's queue:
 *   - a stale inspection handed to the queue is not handed over again by a run within the
 *     queue's visibility timeout (6 minutes: the README's, written here), whatever the clock's
 *     unit; after it, it is;
 *   - the fieldwork heartbeat counts exactly the inspections that are open and in their
 *     fieldwork week on the day, closed ones never.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#store/keys';
import { call } from '#support/api';
import { useTestTable } from '#support/direct';
import { bank, makeCase } from '#support/fixtures';
import { tableAt } from '#support/hostile';

const WINDOW_MS = 6 * 60_000;

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

let dispatch: typeof import('#domain/dispatch');

beforeAll(async () => {
  useTestTable();
  process.env.AGGREGATION_QUEUE_URL = inject('aggregationQueueUrl');
  dispatch = await import('#domain/dispatch');
});

/** A new inspection with fieldwork in the given week (a far year no other suite uses). */
async function inspection(area: string, start: string, end: string): Promise<string> {
  const res = await call('/inspections', { as: 'admin', json: { area, fieldworkStart: start, fieldworkEnd: end } });
  expect(res.status, res.text).toBe(201);
  return res.json.inspectionId;
}

const marker = async (id: string) =>
  (await table.db.send(new GetCommand({ TableName: inject('tableName'), Key: keys.stale(id), ConsistentRead: true }))).Item;

describe('the dispatch', () => {
  it('hands a stale inspection over once within the window, and again after it', async () => {
    // A worker may take the unit and clear the marker between two runs: then that round says nothing, and another inspection tries again.
    let judged = 0;
    for (let round = 1; round <= 5 && judged < 2; round++) {
      const id = await inspection(`Dispatch window ${Date.now()}`, '2007-11-05', '2007-11-09');
      expect(
        (await call(`/inspections/${id}/cases/D-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', round, bank()) })).status,
      ).toBe(201);
      const deadline = Date.now() + 20_000;
      while (!(await marker(id))) {
        if (Date.now() > deadline) throw new Error('the stream did not mark the inspection within 20 s');
        await new Promise((r) => setTimeout(r, 50));
      }
      // The runs' clocks are set in the past, so that the claims they leave on other suites' markers never hold those back.
      const first = Date.now() - 3 * WINDOW_MS;
      await dispatch.dispatchChangedInspections(first);
      await dispatch.dispatchChangedInspections(first + 1_000);
      await dispatch.dispatchChangedInspections(first + WINDOW_MS - 1_000);
      const within = await marker(id);
      if (!within) continue;
      expect(within.dispatchedAt, 'a run within the window sent it again').toBe(first);
      await dispatch.dispatchChangedInspections(first + WINDOW_MS + 1_000);
      const after = await marker(id);
      if (!after) continue;
      expect(after.dispatchedAt, 'a run after the window did not send it again').toBe(first + WINDOW_MS + 1_000);
      judged++;
    }
    expect(judged, 'no round was left undisturbed by the workers').toBeGreaterThan(0);
  });
});

describe('the fieldwork heartbeat', () => {
  it('counts the open inspections in their fieldwork week on the day, and no closed one', async () => {
    const open = await inspection('Heartbeat open', '2093-06-01', '2093-06-05');
    await inspection('Heartbeat later', '2093-06-08', '2093-06-12');
    const closed = await inspection('Heartbeat closed', '2093-06-02', '2093-06-04');
    expect((await call(`/inspections/${closed}/cases/H-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status).toBe(
      201,
    );
    expect((await call(`/inspections/${closed}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Heartbeat closed' } })).status).toBe(201);
    expect(open).toBeDefined();
    const on = (day: string) => dispatch.fieldworkHeartbeat(Date.parse(`${day}T12:00:00Z`));
    expect({
      before: await on('2093-05-31'),
      first: await on('2093-06-01'),
      during: await on('2093-06-03'),
      last: await on('2093-06-05'),
      between: await on('2093-06-06'),
    }).toEqual({
      before: 0,
      first: 1,
      during: 1,
      last: 1,
      between: 0,
    });
  });
});
