/** Made-up cases for tests and benchmarks: deterministic, so a run can be repeated exactly. */
import { CURRENT_BANK_VERSION, getBank } from '#bank/index';
import type { CaseType, QuestionBank } from '#schemas/bank';
import type { CaseInput } from '#schemas/case';
import { stringify } from 'csv-stringify/sync';
import { PROFILE_COLUMNS } from '#cases/csv';

/** A deterministic pseudo-random case: answers every applicable question yes/no/na. */
export function makeCase(caseType: CaseType, seed: number, b: QuestionBank = getBank(CURRENT_BANK_VERSION)!): CaseInput {
  let x = seed * 2654435761 + 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const answers: Record<string, 'yes' | 'no' | 'na'> = {};
  for (const q of b.questions) {
    if (!q.appliesTo.includes(caseType)) continue;
    const r = next();
    answers[q.id] = r < 0.65 ? 'yes' : r < 0.9 ? 'no' : 'na';
  }
  return {
    profile: { caseType, tier: 1 + Math.floor(next() * 4), gender: next() < 0.1 ? 'female' : 'male', assessor: next() < 0.33 ? 'area' : 'hmi' },
    answers,
  };
}

/** Cases as the upload's CSV: the profile columns, then every question of the bank. */
export function casesCsv(sample: readonly { caseRef: string; input: CaseInput }[], b: QuestionBank = getBank(CURRENT_BANK_VERSION)!): string {
  const questionIds = b.questions.map((q) => q.id);
  const header = ['caseRef', ...PROFILE_COLUMNS, ...questionIds];
  const rows = sample.map(({ caseRef, input }) => [
    caseRef,
    ...PROFILE_COLUMNS.map((c) => {
      const v = (input.profile as Record<string, unknown>)[c];
      return v === undefined ? '' : String(v);
    }),
    ...questionIds.map((id) => input.answers[id] ?? ''),
  ]);
  return stringify([header, ...rows]);
}
