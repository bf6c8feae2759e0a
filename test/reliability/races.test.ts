/**
 * Races (issue 7, part 3), through the real local server and DynamoDB Local: one token sent
 * fifty times at once, one case replaced twenty times at once, aggregations racing each other
 * and racing the writes they read. Each checks the table itself, not only the statuses.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CaseInput } from '#schemas/case';
import type { Answers, QuestionnaireDefinition } from '#schemas/questionnaire';
import { call } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { tableAt, validAnswers } from '#support/hostile';
import { draftAttributes, slotOf, slotsOf } from '#support/slots';

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

let racesRun = 0;
afterAll(() => console.log(`races.test.ts: ${racesRun} races run`));

interface Issued {
  invitationId: string;
  token: string;
}

async function invite(inspectionId: string, count: number, audience = 'victim'): Promise<Issued[]> {
  const res = await call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience, language: 'en', count } });
  expect(res.status, res.text).toBe(201);
  return res.json.invitations;
}

/** Sent responses (a slot may also hold a respondent's draft from the pages, or nothing yet). */
const responsesOf = async (inspectionId: string) => (await slotsOf(inspectionId)).filter((i) => i.submittedAt);

describe('one questionnaire token sent 50 times at once', () => {
  let inspectionId: string;
  let issued: Issued[];
  let def: QuestionnaireDefinition;
  beforeAll(async () => {
    inspectionId = await createInspection('Race tokens');
    issued = await invite(inspectionId, 4);
    def = (await call(`/questionnaires/${issued[0]!.token}`)).json;
  });

  it.each([0, 1, 2])('round %i: exactly one 201, 49 409s, one stored response, and it is the 201 one', async (round) => {
    const { token, invitationId } = issued[round]!;
    const bodies = Array.from({ length: 50 }, (_, i) => ({ answers: validAnswers(def, `race ${round} sender ${i}`, i) }));
    const results = await Promise.all(bodies.map((json) => call(`/questionnaires/${token}/responses`, { json })));
    racesRun++;
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409)) expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const stored = (await responsesOf(inspectionId)).filter((i) => i.invitationId === invitationId);
    expect(stored).toHaveLength(1);
    const winner = statuses.indexOf(201);
    expect(stored[0]!.answers).toEqual(bodies[winner]!.answers);
    // The invitation is used up, whichever way it is asked.
    expect((await call(`/questionnaires/${token}`)).status).toBe(409);
    expect((await call(`/q/${token}`)).status).toBe(409);
  });

  it('the JSON API and the HTML pages racing on one token still store exactly one response', async () => {
    const { token, invitationId } = issued[3]!;
    const draft = validAnswers(def, 'draft from the pages', 1);
    for (const q of def.questions) {
      const value = draft[q.id]!;
      const pairs: [string, string][] = (Array.isArray(value) ? value : [value as string]).map((v) => [q.id, v]);
      const res = await call(`/q/${token}/${q.id}`, {
        method: 'POST',
        body: new URLSearchParams([...pairs, ['action', 'continue']]).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status, res.text.slice(0, 300)).toBe(303);
    }
    const json = { answers: validAnswers(def, 'sent by the JSON API', 2) };
    const racers = Array.from({ length: 50 }, (_, i) =>
      i % 2
        ? call(`/questionnaires/${token}/responses`, { json })
        : call(`/q/${token}/check`, { method: 'POST', body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    );
    const results = await Promise.all(racers);
    racesRun++;
    for (const r of results) expect(r.status).toBeLessThan(500);
    const api = results.filter((_, i) => i % 2);
    const pages = results.filter((_, i) => !(i % 2));
    expect(api.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(pages.every((r) => r.status === 303 || r.status === 409)).toBe(true);
    const api201 = api.filter((r) => r.status === 201).length;
    expect(api201).toBeLessThanOrEqual(1);
    const stored = (await responsesOf(inspectionId)).filter((i) => i.invitationId === invitationId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual(api201 ? json.answers : draft);
  });
});

/**
 * Draft saves racing sends, over many interleavings (fast-check picks the order and the delays).
 * A draft save is a conditional update of the same item a send replaces whole: after a send it
 * must change nothing, or the sent response would carry draft attributes (and the item would
 * read as a draft). Whatever the order: one response per link, stored once, counted once.
 */
describe('draft saves racing sends on one link', () => {
  type Op = { kind: 'draft'; question: number; delay: number } | { kind: 'send-api' | 'send-pages'; delay: number };
  const RUNS = 8;
  let inspectionId: string;
  let issued: Issued[];
  let def: QuestionnaireDefinition;
  let used = 0;

  beforeAll(async () => {
    inspectionId = await createInspection('Race drafts and sends');
    issued = await invite(inspectionId, RUNS + 4);
    def = (await call(`/questionnaires/${issued[0]!.token}`)).json;
  });

  const form = (questionId: string, value: Answers[string]) => {
    const values = Array.isArray(value) ? value : [String(value)];
    return new URLSearchParams([...values.map((v): [string, string] => [questionId, v]), ['action', 'continue']]).toString();
  };
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

  /** Every question answered through the pages, so a send from the check page is valid at any moment. */
  async function fillDraft(token: string) {
    const answers = validAnswers(def, 'first draft', 0);
    for (const q of def.questions) {
      const res = await call(`/q/${token}/${q.id}`, { method: 'POST', body: form(q.id, answers[q.id]!), headers: formHeaders });
      expect(res.status, res.text.slice(0, 200)).toBe(303);
    }
  }

  const op = fc.oneof(
    fc.record({ kind: fc.constant('draft' as const), question: fc.nat(), delay: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constantFrom('send-api' as const, 'send-pages' as const), delay: fc.integer({ min: 0, max: 40 }) }),
  );
  const schedule = fc.array(op, { minLength: 2, maxLength: 8 }).filter((ops) => ops.some((o) => o.kind !== 'draft'));

  it('never leaves draft attributes on a sent response, and stores and counts each send once', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async (ops: Op[]) => {
        const { token, invitationId } = issued[used++]!;
        await fillDraft(token);
        const apiAnswers = validAnswers(def, `sent by the API ${used}`, 0);
        const results = await Promise.all(
          ops.map(async (o, i) => {
            await new Promise((r) => setTimeout(r, o.delay));
            if (o.kind !== 'draft') {
              return o.kind === 'send-api'
                ? call(`/questionnaires/${token}/responses`, { json: { answers: apiAnswers } })
                : call(`/q/${token}/check`, { method: 'POST', body: '', headers: formHeaders });
            }
            const q = def.questions[o.question % def.questions.length]!;
            const value = q.type === 'text' ? `draft ${used}.${i}` : validAnswers(def, '', 0)[q.id]!;
            return call(`/q/${token}/${q.id}`, { method: 'POST', body: form(q.id, value), headers: formHeaders });
          }),
        );
        racesRun++;
        results.forEach((r, i) => {
          const kind = ops[i]!.kind;
          const allowed = kind === 'send-api' ? [201, 409] : kind === 'send-pages' ? [303] : [303, 409];
          expect(allowed, `${kind}: ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
        });
        expect(results.filter((r, i) => ops[i]!.kind === 'send-api' && r.status === 201).length).toBeLessThanOrEqual(1);

        const item = (await slotOf(token))!;
        expect(item.invitationId).toBe(invitationId);
        expect(item.submittedAt, 'a send ran, so the link has a response').toBeTruthy();
        expect(item.entity).toBe('response');
        expect(draftAttributes(item), 'a draft save landed on the sent response').toEqual([]);
        const apiWon = results.some((r, i) => ops[i]!.kind === 'send-api' && r.status === 201);
        if (apiWon) expect(item.answers).toEqual(apiAnswers);
        // The link is used up, whichever way it is asked.
        expect((await call(`/questionnaires/${token}`)).status).toBe(409);
      }),
      {
        numRuns: RUNS,
        // The interleaving that matters most, always tried: draft saves spread over the send's
        // few milliseconds, so one reads the link as open and writes after the response is in.
        examples: (['send-api', 'send-pages'] as const).map((kind) => [
          [{ kind, delay: 0 } as Op, ...Array.from({ length: 8 }, (_, i): Op => ({ kind: 'draft', question: i, delay: i * 4 }))],
        ]),
        endOnFailure: true,
      },
    );
    // Counted once: the aggregation sees one returned questionnaire per link used, no more.
    const summary = await call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'staff' });
    expect(summary.status).toBe(200);
    expect(summary.json.serviceUsers.victim.returned).toBe(used);
  }, 60_000);
});

describe('one case replaced by 20 writers at once', () => {
  let inspectionId: string;
  beforeAll(async () => {
    inspectionId = await createInspection('Race cases');
  });

  /** Key order does not matter (the store may keep fields in another order); content does. */
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  const strip = (c: { profile: unknown; answers: unknown }) => JSON.stringify(canonical({ profile: c.profile, answers: c.answers }));

  async function checkHistory(caseRef: string, written: CaseInput[], writes: number) {
    const res = await call(`/inspections/${inspectionId}/cases/${caseRef}`, { as: 'staff' });
    expect(res.status).toBe(200);
    const current = res.json;
    const earlier: { version: number; profile: unknown; answers: unknown; updatedAt: string }[] = res.json.earlierVersions;
    // The item is exactly one of the bodies sent, never a mix of two.
    const sent = written.map(strip);
    expect(sent).toContain(strip(current));
    // Every write got a version; every earlier version is in the audit trail, once.
    expect(current.version).toBe(writes);
    // The trail as the API gives it: newest first, each version once, and no version written
    // before the one it replaced (the clock may tie, never go back).
    expect(earlier.map((e) => e.version)).toEqual(Array.from({ length: writes - 1 }, (_, i) => writes - 1 - i));
    const times = [current.updatedAt, ...earlier.map((e: { updatedAt?: string }) => e.updatedAt)] as string[];
    for (const t of times) expect(Number.isNaN(Date.parse(t)), t).toBe(false);
    expect([...times].sort().reverse()).toEqual(times);
    expect([...earlier.map(strip), strip(current)].sort()).toEqual([...sent].sort());
    // The table agrees with the API: one current item, writes - 1 history items.
    expect((await table.partition(`INSP#${inspectionId}`, `CASE#${caseRef}`)).filter((i) => i.sk === `CASE#${caseRef}`)).toHaveLength(1);
    expect(await table.partition(`INSP#${inspectionId}`, `CASEHIST#${caseRef}#`)).toHaveLength(writes - 1);
  }

  it('one writer after another: the trail holds every earlier body, newest first, with who and when', async () => {
    const bodies = Array.from({ length: 5 }, (_, i) => makeCase(i % 2 ? 'licence' : 'community', 300 + i));
    for (const [i, json] of bodies.entries()) {
      const res = await call(`/inspections/${inspectionId}/cases/RC-3`, { method: 'PUT', as: i % 2 ? 'admin' : 'inspector', json });
      expect(res.status).toBe(i === 0 ? 201 : 200);
    }
    const res = await call(`/inspections/${inspectionId}/cases/RC-3`, { as: 'staff' });
    const earlier: { version: number; profile: unknown; answers: unknown; updatedBy: string }[] = res.json.earlierVersions;
    expect(strip(res.json)).toBe(strip(bodies[4]!));
    expect(earlier.map((e) => e.version)).toEqual([4, 3, 2, 1]);
    expect(earlier.map(strip)).toEqual(bodies.slice(0, 4).reverse().map(strip));
    expect(earlier.map((e) => e.updatedBy)).toEqual(['test-admin', 'test-inspector', 'test-admin', 'test-inspector']);
    await checkHistory('RC-3', bodies, 5);
  });

  it('an existing case: all 20 are 200 replaced, the last write wins whole, and the trail has every version', async () => {
    const first = makeCase('community', 500);
    expect((await call(`/inspections/${inspectionId}/cases/RC-1`, { method: 'PUT', as: 'inspector', json: first })).status).toBe(201);
    const bodies = Array.from({ length: 20 }, (_, i) => makeCase(i % 3 === 0 ? 'licence' : 'community', 501 + i));
    const results = await Promise.all(
      bodies.map((json, i) => call(`/inspections/${inspectionId}/cases/RC-1`, { method: 'PUT', as: i % 2 ? 'admin' : 'inspector', json })),
    );
    racesRun++;
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    await checkHistory('RC-1', [first, ...bodies], 21);
  });

  it('a new case: exactly one 201 created, 19 replaced, 20 versions', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => makeCase('custody', 700 + i));
    const results = await Promise.all(
      bodies.map((json) => call(`/inspections/${inspectionId}/cases/RC-2`, { method: 'PUT', as: 'inspector', json })),
    );
    racesRun++;
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    await checkHistory('RC-2', bodies, 20);
  });

  it('a CSV upload racing single PUTs of the same cases leaves each case whole and fully versioned', async () => {
    const refs = Array.from({ length: 10 }, (_, i) => `RC-CSV-${i + 1}`);
    const b = bank();
    const ids = b.questions.filter((q) => q.appliesTo.includes('community')).map((q) => q.id);
    const csvCase: CaseInput = {
      profile: { caseType: 'community' },
      answers: Object.fromEntries(ids.map((id) => [id, 'no'])) as CaseInput['answers'],
    };
    const csv = ['caseRef,caseType,' + ids.join(','), ...refs.map((r) => `${r},community,${ids.map(() => 'no').join(',')}`)].join('\r\n');
    const puts = refs.map((r, i) => ({ ref: r, body: makeCase('community', 900 + i) }));
    const results = await Promise.all([
      call(`/inspections/${inspectionId}/cases`, { method: 'POST', as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } }),
      ...puts.map((p) => call(`/inspections/${inspectionId}/cases/${p.ref}`, { method: 'PUT', as: 'admin', json: p.body })),
    ]);
    racesRun++;
    expect(results[0]!.status, results[0]!.text).toBe(200);
    for (const r of results.slice(1)) expect([200, 201]).toContain(r.status);
    for (const p of puts) await checkHistory(p.ref, [csvCase, p.body], 2);
  });
});

describe('aggregations racing', () => {
  let inspectionId: string;
  const allAnswered = (answer: 'yes' | 'no'): CaseInput => ({
    profile: { caseType: 'community' },
    answers: Object.fromEntries(
      bank()
        .questions.filter((q) => q.appliesTo.includes('community'))
        .map((q) => [q.id, answer]),
    ) as CaseInput['answers'],
  });
  const community = () =>
    bank()
      .questions.filter((q) => q.appliesTo.includes('community'))
      .map((q) => q.id);
  const CASES = 30;

  beforeAll(async () => {
    inspectionId = await createInspection('Race aggregation');
    for (let i = 0; i < CASES; i++) {
      const res = await call(`/inspections/${inspectionId}/cases/AG-${i + 1}`, { method: 'PUT', as: 'inspector', json: allAnswered('yes') });
      expect(res.status).toBe(201);
    }
    const issued = await invite(inspectionId, 5);
    const def = (await call(`/questionnaires/${issued[0]!.token}`)).json;
    for (const [i, inv] of issued.slice(0, 3).entries())
      expect((await call(`/questionnaires/${inv.token}/responses`, { json: { answers: validAnswers(def, 'ok', i) } })).status).toBe(201);
  }, 60_000);

  it('eight at once over unchanged inputs: the same snapshot eight times, and the stored one is one of them', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: i % 2 ? 'admin' : 'staff' })),
    );
    racesRun++;
    for (const r of results) expect(r.status, r.text.slice(0, 200)).toBe(200);
    const without = (s: Record<string, unknown>) => JSON.stringify({ ...s, computedAt: undefined });
    expect(new Set(results.map((r) => without(r.json))).size).toBe(1);
    const stored = (await call(`/inspections/${inspectionId}/summary`, { as: 'staff' })).json;
    expect(without(stored)).toBe(without(results[0]!.json));
    expect(results.map((r) => r.json.computedAt)).toContain(stored.computedAt);
    expect(stored.sample.cases).toBe(CASES);
    expect(stored.serviceUsers.victim.returned).toBe(3);
  });

  it('aggregations racing 30 case replacements: each snapshot sees every case whole, and the last one sees every write', async () => {
    const ids = community();
    const flips = Array.from({ length: CASES }, (_, i) => async () => {
      await new Promise((r) => setTimeout(r, i * 7));
      return call(`/inspections/${inspectionId}/cases/AG-${i + 1}`, { method: 'PUT', as: 'inspector', json: allAnswered('no') });
    });
    const aggregations = Array.from({ length: 6 }, (_, i) => async () => {
      await new Promise((r) => setTimeout(r, i * 40));
      return call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'staff' });
    });
    const results = await Promise.all([...flips, ...aggregations].map((f) => f()));
    racesRun++;
    for (const r of results) expect(r.status, r.text.slice(0, 200)).toBeLessThan(300);
    const snapshots = results.slice(CASES).map((r) => r.json);
    for (const s of snapshots) {
      // A case is all yes (old) or all no (new): every question then counts the same cases as yes.
      const counts = s.questions.filter((q: { id: string }) => ids.includes(q.id)).map((q: { yes: number; no: number }) => `${q.yes}/${q.no}`);
      expect(new Set(counts).size, `a snapshot saw a case half-written: ${[...new Set(counts)].join(' ')}`).toBe(1);
      const [yes, no] = counts[0]!.split('/').map(Number);
      expect(yes + no).toBe(CASES);
      expect(s.sample.cases).toBe(CASES);
    }
    const final = await call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'admin' });
    for (const q of final.json.questions.filter((x: { id: string }) => ids.includes(x.id))) expect([q.yes, q.no]).toEqual([0, CASES]);
    const stored = (await call(`/inspections/${inspectionId}/summary`, { as: 'staff' })).json;
    expect(stored.computedAt).toBe(final.json.computedAt);
    expect(stored.fingerprint).toBe(final.json.fingerprint);
  });

  it('an older aggregation never overwrites a newer snapshot', async () => {
    // Many rounds of two aggregations started a little apart around a write: the stored
    // snapshot must always be the one that started last (it read the newer data).
    for (let round = 0; round < 5; round++) {
      const answer = round % 2 ? 'yes' : 'no';
      const early = call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'staff' });
      await call(`/inspections/${inspectionId}/cases/AG-1`, { method: 'PUT', as: 'inspector', json: allAnswered(answer) });
      const late = await call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'staff' });
      await early;
      racesRun++;
      const stored = (await call(`/inspections/${inspectionId}/summary`, { as: 'staff' })).json;
      expect(stored.fingerprint, `round ${round}`).toBe(late.json.fingerprint);
    }
  });
});
