/** Checks the area's caseload (PUT /inspections/{id}/context). Pure. */
import type { ProblemDetail } from '../core/errors';
import type { AreaContext } from '../schemas/evidence';
import { CONTEXT_KEYS } from '../schemas/vocabulary';

/** The area's caseload and its make-up: each breakdown given must add up to the caseload. */
export function contextProblems(context: AreaContext): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  for (const part of Object.keys(CONTEXT_KEYS) as (keyof typeof CONTEXT_KEYS)[]) {
    const counts = context[part];
    if (!counts) continue;
    const sum = Object.values(counts).reduce((a: number, b) => a + (b ?? 0), 0);
    if (sum !== context.caseload) problems.push({ path: part, message: `${part} adds up to ${sum}, not the caseload of ${context.caseload}` });
  }
  return problems;
}
