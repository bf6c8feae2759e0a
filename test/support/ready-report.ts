/**
 * An inspection brought to where a final release needs no confirmation, for the suites that
 * test what the readiness check lets through.
 */
import { expect } from 'vitest';
import { gradedCriteria, scoredCriteria } from '#bank/index';
import { call } from './api';
import { useTestTable } from './direct';
import { bank } from './fixtures';

const b = bank();

/**
 * Recomputes until no change waits: the table's stream marks the inspection a moment after
 * each write, off the request path, so a recompute may come before the last mark.
 */
export async function settle(id: string): Promise<void> {
  useTestTable();
  const { staleMarkerOf } = await import('#store/inspections');
  let quietSince = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() - quietSince < 2_000) {
    if (Date.now() > deadline) throw new Error('the inspection did not settle within 30 s');
    if (await staleMarkerOf(id)) {
      expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
      quietSince = Date.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The summary recomputed now (as staff may ask), for a suite that reads what it just wrote. */
export async function recomputedSummary(id: string) {
  const res = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' });
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return res.json;
}

/** The staff report, in English or Welsh, over the figures recomputed now. */
export async function staffReport(id: string, lang: 'en' | 'cy' = 'en'): Promise<string> {
  await recomputedSummary(id);
  const res = await call(`/inspections/${id}/report${lang === 'cy' ? '?lang=cy' : ''}`, { as: 'staff' });
  expect(res.status).toBe(200);
  return res.text;
}

/** Everything a final report needs: grades, conclusions, the write-up in full. */
export async function completeTheReport(id: string): Promise<void> {
  for (const c of gradedCriteria(b)) {
    expect(
      (
        await call(`/inspections/${id}/leadership/${c.id}`, {
          method: 'PUT',
          as: 'inspector',
          json: { grade: 'satisfactorily-met', strengths: ['Clear plans'], improvements: [] },
        })
      ).status,
    ).toBeLessThan(300);
  }
  for (const c of scoredCriteria(b)) {
    expect((await call(`/inspections/${id}/conclusions/${c.id}`, { method: 'PUT', as: 'inspector', json: { band: 'good' } })).status).toBeLessThan(
      300,
    );
  }
  const etag = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).headers.get('etag')!;
  const criteria = Object.fromEntries(
    scoredCriteria(b).map((c) => [c.id, { strengths: [`${c.id} went well.`], improvements: [`${c.id} could improve.`] }]),
  );
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': etag },
    json: {
      summary: [{ section: '1', text: 'A summary.' }],
      criteria,
      recommendations: [{ text: 'Do better.', criteria: ['1.1'] }],
      goodPractice: [],
    },
  });
  expect(put.status, put.text).toBe(200);
}
