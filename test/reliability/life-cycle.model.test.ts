/**
 * An inspection's life cycle under interleaving (issue 24, contract "An inspection's life
 * cycle"): fast-check `commands` through the real local server. Each command is a burst of one
 * to three actions run at once (case writes, CSV imports, invitations, questionnaire sends,
 * final releases, reopens); after each burst the table itself is read and the invariants checked:
 *   - an open inspection has no case TTLs and no link stamped closed;
 *   - a closed inspection's stored inputs equal its final release's inputs (the release's
 *     fingerprint of what it read against a fresh aggregation's, and its case count against
 *     the case items counted straight from the table);
 *   - every release is complete (each file has all its parts) or absent (no parts left over);
 *   - an import is all or nothing with respect to the close: every row stored, or (refused) none;
 *   - no transition is left in progress, and every answer is one the contract allows.
 */
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { CaseType } from '#schemas/bank';
import { keys } from '#store/keys';
import { TABLE } from '#store/table';
import { call } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { tableAt, validAnswers } from '#support/hostile';
import { casesCsv } from '#support/workbench';

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

interface World {
  inspectionId: string;
  tokens: string[];
  answers: Record<string, unknown>;
  statuses: string[];
  /** Each import's own case prefix and row count, with what it answered: all of it stored, or (refused) none. */
  imports: { prefix: string; rows: number; status: number }[];
}

const TYPES: CaseType[] = ['licence', 'community', 'custody'];
const closedProblem = 'urn:omi:problem:inspection-closed';
const inProgress = 'urn:omi:problem:release-in-progress';

type Action =
  | { kind: 'case'; ref: number; type: number; seed: number }
  | { kind: 'import'; rows: number }
  | { kind: 'invite' }
  | { kind: 'send'; token: number }
  | { kind: 'final' }
  | { kind: 'reopen' };

/** What each action may answer: a success, or a refusal the contract names. Never a 5xx. */
function allowed(action: Action, status: number, type: string | undefined): boolean {
  const refusal = status === 409 && (type === closedProblem || type === inProgress);
  switch (action.kind) {
    case 'case':
    case 'import':
    case 'invite':
      return status === 200 || status === 201 || refusal;
    case 'send':
      // 410: the link is closed; 409: it was sent already.
      return status === 201 || status === 410 || status === 409;
    case 'final':
      return status === 201 || refusal || status === 409;
    case 'reopen':
      return status === 200 || refusal || status === 409;
  }
}

async function perform(world: World, action: Action): Promise<void> {
  const id = world.inspectionId;
  let res: Awaited<ReturnType<typeof call<any>>>;
  switch (action.kind) {
    case 'case':
      res = await call(`/inspections/${id}/cases/M-${action.ref}`, {
        method: 'PUT',
        as: 'inspector',
        json: makeCase(TYPES[action.type]!, action.seed, bank()),
      });
      break;
    case 'import': {
      const prefix = `I${world.imports.length + 1}`;
      const entry = { prefix, rows: action.rows, status: 0 };
      world.imports.push(entry);
      res = await call(`/inspections/${id}/cases`, { as: 'inspector', body: casesCsv(prefix, action.rows), headers: { 'content-type': 'text/csv' } });
      entry.status = res.status;
      break;
    }
    case 'invite':
      res = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 2 } });
      if (res.status === 201) world.tokens.push(...res.json.invitations.map((i: { token: string }) => i.token));
      break;
    case 'send': {
      const token = world.tokens[action.token % Math.max(1, world.tokens.length)];
      if (!token) return;
      res = await call(`/questionnaires/${token}/responses`, { json: { answers: world.answers } });
      break;
    }
    case 'final':
      res = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Model' } });
      break;
    case 'reopen':
      res = await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' });
      break;
  }
  world.statuses.push(`${action.kind} ${res.status}`);
  expect(allowed(action, res.status, res.json?.type), `${action.kind} answered ${res.status}: ${res.text.slice(0, 300)}`).toBe(true);
}

class Burst implements fc.AsyncCommand<object, World> {
  constructor(readonly actions: Action[]) {}
  check = () => true;
  async run(_model: object, world: World): Promise<void> {
    await Promise.all(this.actions.map((a) => perform(world, a)));
    await checkInvariants(world);
  }
  toString = () => `Burst(${this.actions.map((a) => JSON.stringify(a)).join(', ')})`;
}

async function checkInvariants(world: World): Promise<void> {
  const id = world.inspectionId;
  const pk = keys.partitionOf(id);
  const [inspection] = await table.partition(pk, 'INSPECTION');
  const releases = await table.partition(pk, keys.releasePrefix);
  const parts = await table.partition(pk, 'RELPART#');
  // Every release complete or absent.
  const partsOf = new Map<string, number>();
  for (const p of parts) {
    const releaseId = (p.sk as string).split('#')[1]!;
    partsOf.set(releaseId, (partsOf.get(releaseId) ?? 0) + 1);
  }
  for (const r of releases) {
    const expected = Object.values(r.files as Record<string, { parts: number }>).reduce((n, f) => n + f.parts, 0);
    expect(partsOf.get(r.releaseId), `release ${r.releaseId} parts`).toBe(expected);
    partsOf.delete(r.releaseId);
  }
  expect([...partsOf.keys()], 'parts of releases that were never made').toEqual([]);
  // Nothing left half-way.
  expect(inspection!.transition, 'a transition left in progress').toBeUndefined();

  const caseRecords = (await Promise.all(keys.caseRecordPrefixes.map((p) => table.partition(pk, p)))).flat();
  // An import is all or nothing with respect to the close: all its rows, or (refused) none.
  for (const { prefix, rows, status } of world.imports) {
    const landed = caseRecords.filter((c) => (c.sk as string).startsWith(`${keys.casePrefix}${prefix}-`)).length;
    expect(landed, `import ${prefix} answered ${status}`).toBe(status < 300 ? rows : 0);
  }
  const slots = (await Promise.all(keys.slotPartitions(id).map((p) => table.partition(p, keys.slotPrefix)))).flat();
  if (inspection!.status === 'open') {
    expect(
      caseRecords.filter((c) => c[TABLE.ttlAttribute] !== undefined).map((c) => c.sk),
      'case TTLs on an open inspection',
    ).toEqual([]);
    expect(slots.filter((s) => s.closedAt !== undefined).length, 'links stamped closed on an open inspection').toBe(0);
    return;
  }
  // Closed: its last final release holds exactly what is stored.
  const finals = releases.filter((r) => r.kind === 'final');
  expect(finals.length, 'a closed inspection without a final release').toBeGreaterThan(0);
  const final = finals.at(-1)!;
  const jsonParts = parts
    .filter((p) => (p.sk as string).startsWith(keys.releasePartPrefix(final.releaseId, 'json')))
    .sort((a, b) => (a.sk < b.sk ? -1 : 1));
  const released = JSON.parse(gunzipSync(Buffer.concat(jsonParts.map((p) => p.body as Uint8Array))).toString('utf8'));
  const stored = caseRecords.filter((c) => (c.sk as string).startsWith(keys.casePrefix));
  expect(released.sample.cases, 'cases stored after the close').toBe(stored.length);
  expect(slots.filter((s) => s.submittedAt === undefined && s.closedAt === undefined).length, 'open links in a closed inspection').toBe(0);
  expect(
    caseRecords.filter((c) => c[TABLE.ttlAttribute] === undefined).map((c) => c.sk),
    'case records without their TTL on a closed inspection',
  ).toEqual([]);
  const fresh = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
  expect(fresh.status, fresh.text.slice(0, 300)).toBeLessThan(300);
  const now = await call(`/inspections/${id}/summary`, { as: 'admin' });
  expect(now.json.fingerprint, 'the stored inputs differ from the final release').toBe(released.fingerprint);
}

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('case' as const),
      ref: fc.integer({ min: 1, max: 6 }),
      type: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 1, max: 50 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('import' as const), rows: fc.integer({ min: 20, max: 160 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'invite' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), token: fc.nat() }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'final' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

describe('an inspection through random interleavings of writes, sends, releases and reopens', () => {
  it('keeps the three invariants after every burst', { timeout: 600_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands([fc.array(action, { minLength: 1, maxLength: 3 }).map((a) => new Burst(a))], { maxCommands: 6 }), async (cmds) => {
        const world: World = { inspectionId: await createInspection('Model'), tokens: [], answers: {}, statuses: [], imports: [] };
        // A case so that a release has a report, and links so that sends have somewhere to go.
        await perform(world, { kind: 'case', ref: 0, type: 0, seed: 1 });
        await perform(world, { kind: 'invite' });
        world.answers = validAnswers((await call(`/questionnaires/${world.tokens[0]}`)).json, 'A model answer.');
        await fc.asyncModelRun(() => ({ model: {}, real: world }), cmds);
        runs++;
      }),
      { numRuns: 10, endOnFailure: true },
    );
    console.log(`life-cycle.model.test.ts: ${runs} runs`);
  });
});
