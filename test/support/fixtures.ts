import { getBank, CURRENT_BANK_VERSION } from '../../shared/bank';
import type { CaseInput } from '../../shared/schemas/case';
import type { CaseType, QuestionBank } from '../../shared/schemas/bank';
import { call } from './api';

export const bank = (): QuestionBank => getBank(CURRENT_BANK_VERSION)!;

export async function createInspection(area = 'Kent'): Promise<string> {
  const res = await call('/inspections', { as: 'admin', json: { area, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } });
  if (res.status !== 201) throw new Error(`create inspection: ${res.status} ${res.text}`);
  return res.json.inspectionId;
}

/** A deterministic pseudo-random case: answers every applicable question yes/no/na. */
export function makeCase(caseType: CaseType, seed: number, b = bank()): CaseInput {
  let x = seed * 2654435761 + 12345;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const answers: Record<string, 'yes' | 'no' | 'na'> = {};
  for (const q of b.questions) {
    if (!q.appliesTo.includes(caseType)) continue;
    const r = next();
    answers[q.id] = r < 0.65 ? 'yes' : r < 0.9 ? 'no' : 'na';
  }
  return { profile: { caseType, tier: 1 + Math.floor(next() * 4), gender: next() < 0.1 ? 'female' : 'male', assessor: next() < 0.33 ? 'area' : 'hmi' }, answers };
}

/** The Kent sample mix: 40 licence, 60 community, 10 custody. */
export function kentSample(b = bank()): { caseRef: string; input: CaseInput }[] {
  const types: CaseType[] = [...Array(40).fill('licence'), ...Array(60).fill('community'), ...Array(10).fill('custody')];
  return types.map((t, i) => ({ caseRef: `K-${String(i + 1).padStart(3, '0')}`, input: makeCase(t, i + 1, b) }));
}
