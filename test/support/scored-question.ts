/**
 * An inspection with the Kent sample's figures, and one question of sections 1 to 3 scored well
 * inside the scale (20% to 80% of at least 20 relevant cases), so that a figure a few points
 * off is still a percentage: for the suites that write words against a figure.
 */
import { expect } from 'vitest';
import { demoCasesCsv } from '#infra/local/demo-data';
import { call } from './api';
import { bank, createInspection, kentSample } from './fixtures';

export interface ScoredQuestion {
  id: string;
  criterion: string;
  yes: number;
  no: number;
  percent: number;
}

export async function inspectionWithScoredQuestion(area: string): Promise<{ id: string; q: ScoredQuestion }> {
  const id = await createInspection(area);
  const csv = demoCasesCsv(
    kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
    bank(),
  );
  expect((await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
  const summary = (await call(`/inspections/${id}/summary`, { as: 'staff' })).json;
  const q = summary.questions.find((x: ScoredQuestion) => /^[123]\./.test(x.id) && x.yes + x.no >= 20 && x.percent >= 20 && x.percent <= 80);
  expect(q).toBeDefined();
  return { id, q };
}
