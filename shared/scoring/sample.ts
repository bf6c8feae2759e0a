/**
 * The sample's composition, as in Appendix 2 of the Kent report (case type, gender,
 * ethnicity, Risk of Harm, PPO, MAPPA, approved premises, statutory victim contact) plus who
 * assessed the case (HMI or area assessor, Appendix 3) and the tier. Pure: no I/O.
 *
 * Every breakdown lists all its keys (zeros included) so the shape is stable, and counts a
 * missing value as "not-recorded"; a value outside the schema's (which validation rejects)
 * is counted as "not-recorded" too, so each breakdown always sums to `cases`.
 * The yes/no flags (ppo, approvedPremises, statutoryVictimContact) count the cases marked
 * true; `flagsNotRecorded` counts, per flag, the cases that left it out.
 */
import type { CaseInput } from '../schemas/case';

export const NOT_RECORDED = 'not-recorded';
type NR = typeof NOT_RECORDED;

const CASE_TYPES = ['community', 'licence', 'custody'] as const;
const GENDERS = ['male', 'female'] as const;
const ETHNICITIES = ['white', 'black', 'asian', 'mixed', 'other'] as const;
const ROH_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
const MAPPA_LEVELS = ['0', '1', '2', '3'] as const;
const ASSESSORS = ['hmi', 'area'] as const;
const TIERS = ['1', '2', '3', '4'] as const;

type Counts<K extends string> = Record<K | NR, number>;

export interface SampleComposition {
  cases: number;
  byCaseType: Counts<(typeof CASE_TYPES)[number]>;
  byGender: Counts<(typeof GENDERS)[number]>;
  byEthnicity: Counts<(typeof ETHNICITIES)[number]>;
  /** By Risk of Harm level. */
  byRoh: Counts<(typeof ROH_LEVELS)[number]>;
  /** Cases marked as prolific and other priority offenders. */
  ppo: number;
  byMappaLevel: Counts<(typeof MAPPA_LEVELS)[number]>;
  /** Cases marked as resident in approved premises. */
  approvedPremises: number;
  /** Cases marked as statutory victim contact cases. */
  statutoryVictimContact: number;
  /** Per yes/no flag, the cases that did not record it. */
  flagsNotRecorded: { ppo: number; approvedPremises: number; statutoryVictimContact: number };
  byAssessor: Counts<(typeof ASSESSORS)[number]>;
  byTier: Counts<(typeof TIERS)[number]>;
}

/** What the composition reads of a case; a `CaseInput` is one. */
export type DescribableCase = { profile: Partial<CaseInput['profile']> };

export interface SampleAccumulator {
  add(c: DescribableCase): void;
  addAll(cases: Iterable<DescribableCase>): void;
  readonly cases: number;
  /** The composition so far (a fresh object; the accumulator can keep going). */
  result(): SampleComposition;
}

function zeros<K extends string>(keys: readonly K[]): Counts<K> {
  const o = {} as Counts<K>;
  for (const k of keys) o[k] = 0;
  o[NOT_RECORDED] = 0;
  return o;
}

function bump<K extends string>(counts: Counts<K>, keys: readonly K[], value: unknown): void {
  const key = value === undefined || value === null ? NOT_RECORDED : String(value);
  if ((keys as readonly string[]).includes(key)) counts[key as K]++;
  else counts[NOT_RECORDED]++;
}

export function createSampleAccumulator(): SampleAccumulator {
  const s: SampleComposition = {
    cases: 0,
    byCaseType: zeros(CASE_TYPES),
    byGender: zeros(GENDERS),
    byEthnicity: zeros(ETHNICITIES),
    byRoh: zeros(ROH_LEVELS),
    ppo: 0,
    byMappaLevel: zeros(MAPPA_LEVELS),
    approvedPremises: 0,
    statutoryVictimContact: 0,
    flagsNotRecorded: { ppo: 0, approvedPremises: 0, statutoryVictimContact: 0 },
    byAssessor: zeros(ASSESSORS),
    byTier: zeros(TIERS),
  };

  function flag(name: 'ppo' | 'approvedPremises' | 'statutoryVictimContact', value: unknown): void {
    if (value === true) s[name]++;
    else if (value !== false) s.flagsNotRecorded[name]++;
  }

  function add(c: DescribableCase): void {
    const p = c.profile;
    s.cases++;
    bump(s.byCaseType, CASE_TYPES, p.caseType);
    bump(s.byGender, GENDERS, p.gender);
    bump(s.byEthnicity, ETHNICITIES, p.ethnicity);
    bump(s.byRoh, ROH_LEVELS, p.roh);
    bump(s.byMappaLevel, MAPPA_LEVELS, p.mappaLevel);
    bump(s.byAssessor, ASSESSORS, p.assessor);
    bump(s.byTier, TIERS, p.tier);
    flag('ppo', p.ppo);
    flag('approvedPremises', p.approvedPremises);
    flag('statutoryVictimContact', p.statutoryVictimContact);
  }

  return {
    add,
    addAll(cases) {
      for (const c of cases) add(c);
    },
    get cases() {
      return s.cases;
    },
    result() {
      return structuredClone(s);
    },
  };
}

/** The composition of a whole sample at once. */
export function describeSample(cases: Iterable<DescribableCase>): SampleComposition {
  const acc = createSampleAccumulator();
  acc.addAll(cases);
  return acc.result();
}
