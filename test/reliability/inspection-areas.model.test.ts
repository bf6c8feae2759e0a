/**
 * One inspection per area for the same weeks, through creation and deletion (issue 27): a
 * fast-check `commands` model through the real local server. Commands create an inspection of
 * one of two areas (written in different cases and spacings) for a few days of a short run of
 * weeks, sometimes two at once, or delete one, with or without a release. After each, the model
 * (a plain list of what should exist, with the overlap rule written here, apart from the code)
 * must match what the server lists, and every answer must be the one the model predicts:
 *   - a creation lands (201) exactly when nothing of the same area overlaps, else 409
 *     duplicate-inspection naming one that does overlap; of two at once, at most one lands;
 *   - a deletion lands (200) exactly when the inspection has no release, else 409
 *     inspection-has-releases; a deleted one is gone (404) and frees its weeks.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { makeCase, makeRelease } from '#support/fixtures';

interface Made {
  inspectionId: string;
  area: number;
  start: string;
  end: string;
  released: boolean;
}

interface Model {
  made: Made[];
}

interface Real {
  /** Each run its own two areas, so runs never meet. */
  areas: [string, string];
}

const day = (n: number) => new Date(Date.UTC(2007, 10, 1 + n)).toISOString().slice(0, 10);
const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start <= b.end && b.start <= a.end;
/** The same area as the server must see it, written another way. */
const spelling = (area: string, variant: number) => [area, area.toUpperCase(), `  ${area.toLowerCase()} `][variant % 3]!;

async function listed(areas: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await call(`/inspections${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'staff' });
    for (const i of res.json.inspections as { inspectionId: string; area: string }[])
      if (areas.includes(i.area.trim().toLowerCase())) ids.push(i.inspectionId);
    cursor = res.json.nextCursor;
  } while (cursor);
  return ids.sort();
}

async function check(model: Model, real: Real) {
  expect(await listed(real.areas.map((a) => a.toLowerCase()))).toEqual(model.made.map((m) => m.inspectionId).sort());
}

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tries: readonly { area: number; from: number; days: number; variant: number }[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const asked = this.tries.map((t) => ({ ...t, start: day(t.from), end: day(t.from + t.days) }));
    const results = await Promise.all(
      asked.map((t) =>
        call('/inspections?overlap=refuse', {
          as: 'admin',
          json: { area: spelling(real.areas[t.area]!, t.variant), fieldworkStart: t.start, fieldworkEnd: t.end },
        }),
      ),
    );
    const landed: Made[] = [];
    results.forEach((res, i) => {
      const t = asked[i]!;
      const clash = [...model.made, ...landed].filter((m) => m.area === t.area && overlaps(m, t));
      if (res.status === 201) {
        // Landed: nothing of the area overlapped, not even the other of the pair.
        expect(clash, `${t.start}..${t.end} landed over ${clash.map((c) => c.inspectionId)}`).toEqual([]);
        landed.push({ inspectionId: res.json.inspectionId, area: t.area, start: t.start, end: t.end, released: false });
      } else {
        expect(res.status, res.text.slice(0, 300)).toBe(409);
        expect(res.json.type).toBe('urn:omi:problem:duplicate-inspection');
        // Refused: something overlaps, the one named (the other of the pair may be the one that landed first).
        const named = [
          ...model.made,
          ...landed,
          ...results.filter((r) => r.status === 201).map((r) => ({ inspectionId: r.json.inspectionId as string })),
        ].map((m) => m.inspectionId);
        expect(
          named.some((id) => res.json.detail.includes(id)),
          res.json.detail,
        ).toBe(true);
      }
    });
    // A refusal with nothing overlapping in the model is wrong: each refused try must overlap what exists now.
    results.forEach((res, i) => {
      if (res.status !== 409) return;
      const t = asked[i]!;
      expect(
        [...model.made, ...landed].some((m) => m.area === t.area && overlaps(m, t)),
        `${t.start}..${t.end} refused with nothing overlapping`,
      ).toBe(true);
    });
    model.made.push(...landed);
    await check(model, real);
  }
  toString = () => `create(${JSON.stringify(this.tries)})`;
}

class Release implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.made.some((m) => !m.released);
  async run(model: Model, real: Real) {
    const open = model.made.filter((m) => !m.released);
    const target = open[this.pick % open.length]!;
    expect(
      (await call(`/inspections/${target.inspectionId}/cases/M-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status,
    ).toBe(201);
    await makeRelease(target.inspectionId);
    target.released = true;
    await check(model, real);
  }
  toString = () => `release(${this.pick})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.made.length > 0;
  async run(model: Model, real: Real) {
    const target = model.made[this.pick % model.made.length]!;
    const res = await call(`/inspections/${target.inspectionId}`, { method: 'DELETE', as: 'admin' });
    if (target.released) {
      expect(res.status, res.text.slice(0, 300)).toBe(409);
      expect(res.json.type).toBe('urn:omi:problem:inspection-has-releases');
      expect((await call(`/inspections/${target.inspectionId}`, { as: 'staff' })).status).toBe(200);
    } else {
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      expect((await call(`/inspections/${target.inspectionId}`, { as: 'staff' })).status).toBe(404);
      model.made.splice(model.made.indexOf(target), 1);
    }
    await check(model, real);
  }
  toString = () => `delete(${this.pick})`;
}

const attempt = fc.record({
  area: fc.integer({ min: 0, max: 1 }),
  from: fc.integer({ min: 0, max: 20 }),
  days: fc.integer({ min: 0, max: 6 }),
  variant: fc.nat(2),
});

describe('one inspection per area for the same weeks, through creation and deletion', () => {
  it('answers as the model predicts and lists exactly what the model holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [
            fc.array(attempt, { minLength: 1, maxLength: 2 }).map((tries) => new Create(tries)),
            fc.nat().map((n) => new Delete(n)),
            fc.nat().map((n) => new Release(n)),
          ],
          { maxCommands: 10 },
        ),
        async (cmds) => {
          const run = randomUUID().slice(0, 6);
          await fc.asyncModelRun(() => ({ model: { made: [] }, real: { areas: [`Model north ${run}`, `Model south ${run}`] } }), cmds);
        },
      ),
      { numRuns: 8, endOnFailure: true },
    );
  }, 600_000);
});
