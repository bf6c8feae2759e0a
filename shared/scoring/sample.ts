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
import type { CaseInput } from '#schemas/case';
import type { SampleComposition } from '#schemas/summary';
import { NOT_RECORDED, SAMPLE_KEYS } from '#schemas/vocabulary';

export { NOT_RECORDED };

type NR = typeof NOT_RECORDED;

const CASE_TYPES = SAMPLE_KEYS.caseType;
const GENDERS = SAMPLE_KEYS.gender;
const ETHNICITIES = SAMPLE_KEYS.ethnicity;
const ROH_LEVELS = SAMPLE_KEYS.roh;
const MAPPA_LEVELS = SAMPLE_KEYS.mappaLevel;
const ASSESSORS = SAMPLE_KEYS.assessor;
const TIERS = SAMPLE_KEYS.tier;

type Counts<K extends string> = Record<K | NR, number>;

export type { SampleComposition };

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
