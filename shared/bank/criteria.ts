/** The criteria of each published bank, without its questions (see omi-2008.1.criteria.ts). */
import type { Criterion } from '../schemas/bank';
import { omi2008_1Criteria } from './omi-2008.1.criteria';

const criteriaByVersion: ReadonlyMap<string, readonly Criterion[]> = new Map([['omi-2008.1', omi2008_1Criteria]]);

export function criteriaOf(version: string): readonly Criterion[] | undefined {
  return criteriaByVersion.get(version);
}
