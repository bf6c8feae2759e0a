import { beforeAll, describe, expect, inject, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { bank, createInspection, kentSample, makeCase } from '#support/fixtures';
import { useTestTable } from '#support/direct';
import scheduled from '../events/eventbridge-scheduled.json';
import type { CaseInput } from '#schemas/case';
import type { QuestionBank } from '#schemas/bank';

/** An independent reference for the contract's scoring rules, in exact BigInt fractions. */
type F = [bigint, bigint];
const fr = (n: number, d: number): F => [BigInt(n), BigInt(d)];
const addF = (a: F, b: F): F => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const mulF = (a: F, b: F): F => [a[0] * b[0], a[1] * b[1]];
const meanF = (xs: F[]): F | null => (xs.length ? mulF(xs.reduce(addF), [1n, BigInt(xs.length)]) : null);
const pct = (x: F | null) => (x === null ? null : Number((x[0] * 200n + x[1]) / (x[1] * 2n)));

function reference(b: QuestionBank, cases: CaseInput[]) {
  const prop = new Map<string, F | null>();
  for (const q of b.questions) {
    let yes = 0,
      no = 0;
    for (const c of cases) {
      const a = q.appliesTo.includes(c.profile.caseType) ? c.answers[q.id] : undefined;
      if (a === 'yes') yes++;
      if (a === 'no') no++;
    }
    prop.set(q.id, yes + no ? fr(yes, yes + no) : null);
  }
  const criterion = new Map<string, F | null>();
  for (const c of b.criteria.filter((c) => c.section <= 3)) {
    const qs = b.questions.filter((q) => q.criterion === c.id);
    const ind = qs
      .filter((q) => !q.summary)
      .map((q) => prop.get(q.id))
      .filter((x): x is F => !!x);
    const sum = qs
      .filter((q) => q.summary)
      .map((q) => prop.get(q.id))
      .filter((x): x is F => !!x);
    const m = meanF(ind),
      s = meanF(sum);
    criterion.set(c.id, m && s ? addF(mulF(fr(4, 5), m), mulF(fr(1, 5), s)) : (m ?? s));
  }
  const sections = [1, 2, 3].map((n) =>
    meanF(
      b.criteria
        .filter((c) => c.section === n)
        .map((c) => criterion.get(c.id))
        .filter((x): x is F => !!x),
    ),
  );
  const roh = meanF(
    b.questions
      .filter((q) => q.roh && Number(q.criterion[0]) <= 2)
      .map((q) => prop.get(q.id))
      .filter((x): x is F => !!x),
  );
  return { prop, criterion, sections, roh };
}

describe('scores through the local server', () => {
  let id: string;
  const sample = kentSample();
  beforeAll(async () => {
    id = await createInspection('Scoring');
    for (const { caseRef, input } of sample) {
      const res = await call(`/inspections/${id}/cases/${caseRef}`, { method: 'PUT', as: 'inspector', json: input });
      expect(res.status).toBe(201);
    }
    await call(`/inspections/${id}/leadership/4.3`, { method: 'PUT', as: 'inspector', json: { grade: 'partly-met' } });
  }, 120_000);

  it('match a hand-computed reference for every question, criterion, section and the RoH thread', async () => {
    const res = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' });
    expect(res.status).toBe(200);
    const ref = reference(
      bank(),
      sample.map((s) => s.input),
    );
    const summary = res.json;
    expect(summary.sample.cases).toBe(110);
    expect(summary.sample.byCaseType).toMatchObject({ licence: 40, community: 60, custody: 10 });
    for (const q of summary.questions) expect(q.percent, q.id).toBe(pct(ref.prop.get(q.id)!));
    for (const c of summary.criteria) expect(c.percent, c.id).toBe(pct(ref.criterion.get(c.id)!));
    expect(summary.sections.map((s: { percent: number }) => s.percent)).toEqual(ref.sections.map(pct));
    expect(summary.rohThread.percent).toBe(pct(ref.roh));
    expect(summary.leadership.find((l: { id: string }) => l.id === '4.3').grade).toBe('partly-met');
    expect(summary.leadership.find((l: { id: string }) => l.id === '4.1').grade).toBeNull();
  });

  it('serves the last snapshot as JSON and CSV', async () => {
    const json = await call(`/inspections/${id}/summary`, { as: 'inspector' });
    expect(json.status).toBe(200);
    expect(json.json.criteria).toHaveLength(14);
    const csv = await call(`/inspections/${id}/summary?format=csv`, { as: 'staff' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('part,id,name,measure,value');
    const c11 = json.json.criteria.find((c: { id: string }) => c.id === '1.1');
    expect(lines).toContain(`criterion,1.1,${c11.title},percent,${c11.percent}`);
    expectProblem(await call(`/inspections/${id}/summary?format=xml`, { as: 'staff' }), 400);
  });

  it('lets staff and admins recompute but not inspectors', async () => {
    expectProblem(await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'inspector' }), 403);
    expectProblem(await call(`/inspections/${id}/aggregate`, { method: 'POST' }), 401);
  });
});

describe('an inspection with nothing in it yet', () => {
  it('gives null scores, not zeros', async () => {
    const id = await createInspection('Empty');
    const res = await call(`/inspections/${id}/summary`, { as: 'staff' });
    expect(res.status).toBe(200);
    expect(res.json.sample.cases).toBe(0);
    for (const c of res.json.criteria) expect(c.score).toBeNull();
    expect(res.json.rohThread.score).toBeNull();
    expect(res.json.serviceUsers.victim.returned).toBe(0);
  });
});

describe('the scheduled aggregation', () => {
  it("dispatches one unit per stale inspection; the queue's workers recompute exactly those and clear their markers", async () => {
    useTestTable();
    // The dispatcher runs here, sending to the server's queue; its workers run in the server, as Lambda would.
    process.env.AGGREGATION_QUEUE_URL = inject('aggregationQueueUrl');
    const { handler } = await import('#functions/aggregate');
    const { listStale } = await import('#store/inspections');
    const staleIds = async () => (await listStale()).map((m) => m.inspectionId);
    const waitFor = async (ok: () => Promise<boolean>, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!(await ok())) {
        if (Date.now() > deadline) throw new Error(`not within 20 s: ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    const id = await createInspection('Scheduled');
    await call(`/inspections/${id}/cases/S-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 7) });
    // The table's stream marks it, off the request path: within moments, not within the request.
    await waitFor(async () => (await staleIds()).includes(id), 'the stream marks the inspection');
    const before = Date.now();
    const result = await handler(scheduled as never);
    expect(result.dispatched).toBeGreaterThanOrEqual(1);
    // A second run within the window sends nothing again for it: the unit is already on its way.
    const again = await handler(scheduled as never);
    expect(again.stale).toBeGreaterThanOrEqual(again.dispatched);
    await waitFor(async () => !(await staleIds()).includes(id), 'a worker clears the marker');
    const summary = await call(`/inspections/${id}/summary`, { as: 'staff' });
    expect(Date.parse(summary.json.computedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(summary.json.sample.cases).toBe(1);
    // Nothing changed since: the next run has nothing to send for it, and the snapshot stays.
    await handler(scheduled as never);
    await new Promise((r) => setTimeout(r, 500));
    const unchanged = await call(`/inspections/${id}/summary`, { as: 'staff' });
    expect(unchanged.json.computedAt).toBe(summary.json.computedAt);
  });

  it('a recompute asked for takes the marker it covered, so the schedule does not do it again', async () => {
    useTestTable();
    const { staleMarkerOf } = await import('#store/inspections');
    const id = await createInspection('Recomputed by hand');
    await call(`/inspections/${id}/cases/R-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 7) });
    const deadline = Date.now() + 20_000;
    while (!(await staleMarkerOf(id))) {
      if (Date.now() > deadline) throw new Error('the stream did not mark the inspection within 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' });
    expect(res.status).toBe(200);
    expect(res.json.sample.cases).toBe(1);
    expect(await staleMarkerOf(id)).toBeUndefined();
  });

  it('writes one consistent snapshot when two aggregations race', async () => {
    const id = await createInspection('Race');
    await call(`/inspections/${id}/cases/R-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 9) });
    const [a, b] = await Promise.all([
      call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' }),
      call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' }),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.json.fingerprint).toBe(b.json.fingerprint);
    const stored = await call(`/inspections/${id}/summary`, { as: 'staff' });
    expect(stored.json.fingerprint).toBe(a.json.fingerprint);
    expect([a.json.computedAt, b.json.computedAt]).toContain(stored.json.computedAt);
  });
});
