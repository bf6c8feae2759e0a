/**
 * Each function declares its table access in its own file (shared/route-table/<fn>.ts, joined in
 * shared/routes.ts); the CDK app grants exactly that. Here the declaration is checked against the code: the store
 * functions each handler's tree-shaken bundle keeps, and the DynamoDB commands those send
 * (test/infra/store-access.ts). An entry that says more than the code needs, or less, fails.
 */
import { describe, expect, it } from 'vitest';
import { allFunctionSpecs, DYNAMO_ACTIONS, type DataAccess } from '#shared/routes';
import { derivedAccess, storeFunctions } from './store-access';

const ROOT = new URL('../../', import.meta.url).pathname;
const declared: [string, DataAccess][] = allFunctionSpecs.map((f) => [f.fn, f.data]);

describe('the table access map', () => {
  const fns = storeFunctions(ROOT);

  it('reads the store: every command the store sends is one the map can name, and none scans', () => {
    const sent = new Set([...fns.values()].flatMap((f) => [...f.direct.actions]));
    expect(sent.size).toBeGreaterThan(4);
    for (const action of sent) expect(DYNAMO_ACTIONS as readonly string[]).toContain(action);
    expect(sent.has('Scan')).toBe(false);
    // Sanity of the reading itself: known facts about the store.
    expect([...fns.get('inspections:listInspections')!.direct.actions]).toEqual(['Query']);
    expect(fns.get('inspections:listInspections')!.direct.index).toBe(true);
    expect(fns.get('inspections:getInspection')!.direct.index).toBe(false);
    expect(fns.get('responses:eraseResponses')!.calls).toEqual(expect.arrayContaining(['responses:slotPages', 'batch:writeAll']));
  });

  it.each(declared)(
    '%s: declared actions and index use are exactly what its code reaches',
    async (fn, data) => {
      const derived = await derivedAccess(ROOT, `${ROOT}functions/${fn}.ts`, fns);
      expect([...data.actions].sort(), `functions/${fn}.ts reaches ${JSON.stringify(derived.via)}`).toEqual([...derived.actions].sort());
      expect(data.index ?? false, `functions/${fn}.ts index`).toBe(derived.index);
    },
    30_000,
  );
});
