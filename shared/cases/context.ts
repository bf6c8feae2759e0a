/** Checks the area's caseload (PUT /inspections/{id}/context). Pure. */
import type { ProblemDetail } from '#core/errors';
import type { AreaContext } from '#schemas/evidence';
import { CONTEXT_KEYS } from '#schemas/vocabulary';

/**
 * The area's caseload and its make-up: each breakdown given must add up to the caseload; the
 * MAPPA levels, being parts of one caseload, to at most all of it; a budget year is one
 * financial year (2006/2007), each given once; each approved premises named once.
 */
export function contextProblems(context: AreaContext): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  for (const part of Object.keys(CONTEXT_KEYS) as (keyof typeof CONTEXT_KEYS)[]) {
    const counts = context[part];
    if (!counts) continue;
    const sum = Object.values(counts).reduce((a: number, b) => a + (b ?? 0), 0);
    if (sum !== context.caseload) problems.push({ path: part, message: `${part} adds up to ${sum}, not the caseload of ${context.caseload}` });
  }
  // Hundredths, so that 0.89 + 5 + 0.39 is compared without binary fractions.
  const mappa = Object.values(context.mappaPercent ?? {}).reduce((a: number, b) => a + Math.round((b ?? 0) * 100), 0);
  if (mappa > 10_000) problems.push({ path: 'mappaPercent', message: `The MAPPA levels add up to ${mappa / 100}%, more than the whole caseload` });
  const years = new Set<string>();
  context.revenueBudgets?.forEach(({ year }, i) => {
    const [from, to] = year.split('/').map(Number);
    if (to !== from! + 1)
      problems.push({ path: `revenueBudgets.${i}.year`, message: `${year} is not one financial year: give it as ${from}/${from! + 1}` });
    if (years.has(year)) problems.push({ path: `revenueBudgets.${i}.year`, message: `${year} is given twice` });
    years.add(year);
  });
  const names = new Set<string>();
  context.approvedPremises?.forEach(({ name }, i) => {
    const key = name.trim().toLowerCase();
    if (names.has(key)) problems.push({ path: `approvedPremises.${i}.name`, message: `${name} is named twice` });
    names.add(key);
  });
  return problems;
}
