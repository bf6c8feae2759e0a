/**
 * The demo inspection's data, shaped like the Kent Offender Management Inspection (HMI
 * Probation, February 2008; fieldwork 5-9 November 2007). Pure and deterministic: the same
 * cases, grades and questionnaire answers every time, so the demo report always reads alike.
 *
 * Cases: 110 (40 licence, 60 community, 10 custody) with profiles as Appendix 2 and the
 * findings describe them (about 10% women, about 7% minority ethnic, nine PPO cases, eight of
 * them released on licence, 25 MAPPA cases, three in approved premises, 23 statutory victim
 * contact cases, 15 high or very high Risk of Harm, about a third assessed by area assessors).
 *
 * Judgements, calibrated against the seed (issue 28):
 * - every figure the seed prints for a question is exact: its percentage (rounded half up, as
 *   the report rounds), and its counts where it prints them ("61 out of the 69", "in seven cases
 *   no RoH screening"); where it prints a figure for a sub-group only ("90% of community
 *   sentence cases and 93% of licence cases"), each sub-group's figure is exact
 *   (`KENT_CALIBRATION`);
 * - the questions the seed gives no figure for take what is left of their criterion's printed
 *   score, each within the range its words allow (`KENT_UNQUANTIFIED`: "nearly all", "just over
 *   half", "a small number" without);
 * - where the printed figures and words cannot reach the printed criterion score, the figures
 *   win and the score misses: `KENT_CRITERION_MISSES` says which, by how much and why.
 * Which cases say yes is drawn by a seeded PRNG.
 */
import { stringify } from 'csv-stringify/sync';
import { getBank } from '#bank/index';
import { kentCriterionPercents, kentLeadershipGrades, kentQuestionPercents } from './kent-reference';
import { PROFILE_COLUMNS } from '#cases/csv';
import type { CaseType, QuestionBank } from '#schemas/bank';
import type { CaseProfile } from '#schemas/case';
import type { Conclusion, PutLeadership } from '#schemas/inspection';

export type Judgement = 'yes' | 'no' | 'na';

export interface DemoCase {
  caseRef: string;
  profile: CaseProfile;
  answers: Record<string, Judgement>;
}

/** mulberry32: a small, fast, seeded PRNG; good enough to shuffle a demo. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Picks `n` of `pool` (fewer if the pool is smaller), drawn by `random`. */
function pick<T>(pool: readonly T[], n: number, random: () => number): T[] {
  return shuffled(pool, random).slice(0, n);
}

const SEED = 20071105;

/* ------------------------------------------------------------------------------------------
 * Profiles (Appendix 2), and the groups the findings count that no profile column holds
 * ---------------------------------------------------------------------------------------- */

export const DEMO_CASE_TYPES: Readonly<Record<CaseType, number>> = { licence: 40, community: 60, custody: 10 };

const MINORITY = new Set(['black', 'asian', 'mixed', 'other']);

/** Groups of cases the findings count ("six out of 16" safeguarding cases) that are not profile columns. */
type GroupName = 'courtReport' | 'safeguarding' | 'recalled' | 'unpaidWork' | 'programme' | 'singleton' | 'victimTookUp';

interface People {
  profiles: CaseProfile[];
  groups: Record<GroupName, Set<number>>;
}

function demoPeople(random: () => number): People {
  const types: CaseType[] = [
    ...Array<CaseType>(DEMO_CASE_TYPES.licence).fill('licence'),
    ...Array<CaseType>(DEMO_CASE_TYPES.community).fill('community'),
    ...Array<CaseType>(DEMO_CASE_TYPES.custody).fill('custody'),
  ];
  const profiles: CaseProfile[] = types.map((caseType) => ({
    caseType,
    roh: 'low',
    ppo: false,
    gender: 'male',
    ethnicity: 'white',
    mappaLevel: 0,
    approvedPremises: false,
    statutoryVictimContact: false,
    assessor: 'hmi',
  }));
  const all = profiles.map((_, i) => i);
  const ofType = (...t: CaseType[]) => all.filter((i) => t.includes(profiles[i]!.caseType));
  const high = (i: number) => profiles[i]!.roh === 'high' || profiles[i]!.roh === 'very-high';

  // Risk of Harm: 15 high or very high, all in the community or on licence, where home visits
  // were due ("only carried out as required in 40% of cases (six)"); about 45% medium.
  const highPool = [...pick(ofType('licence'), 11, random), ...pick(ofType('community'), 4, random)];
  highPool.forEach((i, k) => (profiles[i]!.roh = k < 3 ? 'very-high' : 'high'));
  const rest = all.filter((i) => !highPool.includes(i));
  for (const i of pick(rest, 48, random)) profiles[i]!.roh = 'medium';

  // MAPPA: 25 cases ("21 out of 25 MAPPA cases"): every high RoH case, and ten medium ones.
  const mappa = [
    ...highPool,
    ...pick(
      all.filter((i) => profiles[i]!.roh === 'medium'),
      10,
      random,
    ),
  ];
  mappa.forEach((i, k) => (profiles[i]!.mappaLevel = k < 1 ? 3 : k < 7 ? 2 : 1));

  // Nine PPO cases, eight of them released on licence ("Of eight released PPO cases where drug
  // misuse was identified as a need"); three in approved premises; 23 statutory victim contact
  // cases, four of them in custody where victim safety could be promoted from within ("two out of four").
  for (const i of [...pick(ofType('licence'), 8, random), ...pick(ofType('community'), 1, random)]) profiles[i]!.ppo = true;
  for (const i of pick(
    highPool.filter((i) => profiles[i]!.caseType === 'licence'),
    3,
    random,
  ))
    profiles[i]!.approvedPremises = true;
  for (const i of [...pick(ofType('licence'), 17, random), ...pick(ofType('custody'), 6, random)]) profiles[i]!.statutoryVictimContact = true;

  // 9.6% of the caseload were women, 6.7% minority ethnic: 11 and 8 of 110; one case without a recorded ethnicity.
  for (const i of pick(all, 11, random)) profiles[i]!.gender = 'female';
  const ethnic = [...pick(ofType('community', 'licence'), 8, random), ...pick(ofType('custody'), 1, random)];
  const minority = ['black', 'black', 'black', 'asian', 'asian', 'asian', 'mixed', 'other', 'not-recorded'] as const;
  ethnic.forEach((i, k) => (profiles[i]!.ethnicity = minority[k]!));

  // About a third of the cases are assessed by area assessors (Appendix 3).
  for (const i of pick(all, 37, random)) profiles[i]!.assessor = 'area';

  // Tiers follow the risk: tier 4 for high Risk of Harm and most PPOs.
  for (const p of profiles) {
    const r = random();
    p.tier = p.roh === 'high' || p.roh === 'very-high' ? 4 : p.ppo ? (r < 0.6 ? 4 : 3) : p.roh === 'medium' ? (r < 0.7 ? 3 : 2) : r < 0.5 ? 2 : 1;
  }

  const statutory = all.filter((i) => profiles[i]!.statutoryVictimContact);
  const groups: Record<GroupName, Set<number>> = {
    // "Court reports were prepared for 61 out of the 69 cases in the community and custodial sample".
    courtReport: new Set(pick(ofType('community', 'custody'), 61, random)),
    // "Where there were safeguarding concerns home visits took place in only six out of 16 cases" (and 1.2's "ten out of 16").
    safeguarding: new Set(
      pick(
        ofType('community', 'licence').filter((i) => !high(i)),
        16,
        random,
      ),
    ),
    // "In the 12 cases where recall action had taken place"; "In five recall cases".
    recalled: new Set(pick(ofType('licence'), 12, random)),
    // "The frequency of unpaid work sessions was sufficient in 29 out of 38 cases".
    unpaidWork: new Set(pick(ofType('community'), 38, random)),
    // "ten out of 24 cases (42%) where there was an accredited programme requirement".
    programme: new Set(pick(ofType('community', 'licence'), 24, random)),
    // "Of the four minority offenders who were singleton placements on a programme".
    singleton: new Set(
      pick(
        ofType('community', 'licence').filter((i) => MINORITY.has(profiles[i]!.ethnicity ?? '')),
        4,
        random,
      ),
    ),
    // The victims who took up the offer of contact with the VLO: most of the statutory cases.
    victimTookUp: new Set(pick(statutory, 19, random)),
  };
  return { profiles, groups };
}

/* ------------------------------------------------------------------------------------------
 * The calibration: what the seed prints for each question, and how the demo carries it
 * ---------------------------------------------------------------------------------------- */

type Who = (p: CaseProfile, i: number, g: People['groups']) => boolean;

/** A figure: any of the counts and the whole percentage the seed prints. */
interface Figure {
  /** Relevant cases (yes + no). */
  of?: number;
  yes?: number;
  no?: number;
  percent?: number;
}

interface Calibration extends Figure {
  /** Which applicable cases the question is relevant to: a test, or a share drawn at random. */
  who?: Who | number;
  /** Cases that answer yes (1.1.1: the 61 with a court report). */
  yesAre?: Who;
  /** Figures printed for sub-groups only: each exact; the question is relevant to their union. */
  strata?: (Figure & { who: Who })[];
}

const isHigh: Who = (p) => p.roh === 'high' || p.roh === 'very-high';
const inGroup =
  (name: GroupName): Who =>
  (_p, i, g) =>
    g[name].has(i);
const ofTypes =
  (...types: CaseType[]): Who =>
  (p) =>
    types.includes(p.caseType);

/**
 * Where the seed prints more than a percentage (counts, sub-groups, a denominator) or where
 * the question concerns a sub-group of the sample. A question absent here with a figure in
 * `kentQuestionPercents` carries that percentage over the cases `share` makes relevant, the
 * count of relevant cases moved by a few where no count of the first gives the percentage.
 */
export const KENT_CALIBRATION: Readonly<Record<string, Calibration>> = {
  '1.1.1': { of: 69, yes: 61, yesAre: inGroup('courtReport') },
  '1.1.2': { who: inGroup('courtReport') },
  '1.1.3': { who: inGroup('courtReport') },
  '1.1.4': { who: inGroup('courtReport') },
  '1.1.5': { who: inGroup('courtReport'), of: 52, percent: 85 },
  '1.1.6': { who: inGroup('courtReport') },
  '1.1.7': { who: inGroup('courtReport') },
  '1.1.8': { who: inGroup('courtReport') },
  '1.1.9': { who: inGroup('courtReport') },
  '1.1.10': { who: inGroup('courtReport') },
  '1.1.11': { who: inGroup('courtReport'), of: 16, yes: 11 },
  // "satisfactory in 86% of cases": no count of the 61 reports gives 86%; the 69 cases do (59).
  '1.1.12': { of: 69, percent: 86 },
  // "90% of community sentence cases and 93% of licence cases" and "In seven cases no RoH screening had been completed".
  '1.2.1': {
    strata: [
      { who: ofTypes('community'), of: 50, no: 5, percent: 90 },
      { who: ofTypes('licence'), of: 29, no: 2, percent: 93 },
    ],
  },
  // "In 24 cases no RoH analysis was completed where the screening indicated one should have been done."
  '1.2.3': { who: 0.9, no: 24 },
  '1.2.4': { who: 0.7 },
  '1.2.5': { who: 0.7 },
  '1.2.6': { who: 0.7 },
  '1.2.7': { who: 0.7 },
  '1.2.8': { who: 0.7 },
  '1.2.9': { who: 0.7 },
  // "(two each) across both the community and licence case samples, a risk management plan had not been completed".
  '1.2.11': {
    strata: [
      { who: ofTypes('community'), of: 30, no: 2 },
      { who: ofTypes('licence'), of: 30, no: 2 },
    ],
  },
  // "In the custodial and licence sample only a quarter of plans were considered comprehensive ... the community case sample at just 22%".
  '1.2.12': {
    strata: [
      { who: ofTypes('licence', 'custody'), of: 28, percent: 25 },
      { who: ofTypes('community'), of: 32, percent: 22 },
    ],
  },
  // "communicated to all relevant staff in 87% of cases" (high or very high RoH); "the MAPPA level ... in 92% of cases" (all 25 MAPPA cases).
  '1.2.13': {
    strata: [
      { who: isHigh, of: 15, yes: 13, percent: 87 },
      { who: (p) => (p.mappaLevel ?? 0) > 0, of: 10, yes: 10 },
    ],
  },
  // "(ten out of 16 cases)" with safeguarding issues; "In five out of 14 cases" high or very high RoH.
  '1.2.14': {
    strata: [
      { who: inGroup('safeguarding'), of: 16, no: 10 },
      { who: isHigh, of: 14, no: 5 },
    ],
  },
  // "In 21 cases criminogenic factors were not assessed within the time frames prescribed by national standards".
  '1.3.3': { no: 21 },
  '1.3.6': { who: (p) => p.ppo === true, of: 9, yes: 4 },
  '1.4.2': { who: 0.4 },
  '1.4.4': { of: 110, yes: 109 },
  // "(60 cases) ... in 74% of cases": no count of 60 gives 74% (44 is 73%, 45 is 75%): 61 cases, 45 of them.
  '1.4.6': { who: 0.55, of: 61, percent: 74 },
  // "we found 16 cases that were not" correctly tiered, and 85% correct: 91 of 107.
  '1.5.1': { of: 107, no: 16, percent: 85 },
  '1.5.12': { of: 63, yes: 32 },
  '2.1.5': { who: 0.55 },
  // "two-thirds of cases" without it.
  '2.1.12': { who: 1, of: 48, yes: 16 },
  '2.1.10': { who: 0.55 },
  '2.2.7': { of: 10, no: 7 },
  '2.2.8': { who: isHigh, of: 15, yes: 6 },
  '2.2.9': { who: inGroup('safeguarding'), of: 16, yes: 6 },
  // "In 21 out of 25 MAPPA cases ... (81%)": 21 of 25 is 84%; the counts are kept (25 is MAPPA's count in 2.2.11 too).
  '2.2.10': { who: (p) => (p.mappaLevel ?? 0) > 0, of: 25, yes: 21 },
  '2.2.11': { who: (p) => (p.mappaLevel ?? 0) > 0, of: 25, yes: 17 },
  '2.2.12': { who: inGroup('recalled'), of: 12, yes: 12 },
  '2.2.13': { who: inGroup('recalled'), of: 12, no: 5 },
  '2.3.1': { of: 48, yes: 31 },
  '2.3.2': { who: (p) => p.statutoryVictimContact === true, of: 4, yes: 2 },
  '2.3.3': { who: (p) => p.statutoryVictimContact === true, of: 23, yes: 12 },
  '2.3.4': { who: (p) => p.statutoryVictimContact === true, of: 23, yes: 15 },
  // "In six cases there was no evidence that any victim liaison had taken place when it should have done."
  '2.3.5': { who: (p) => p.statutoryVictimContact === true, of: 23, no: 6 },
  '2.3.6': { who: inGroup('victimTookUp') },
  '2.3.7': { who: inGroup('victimTookUp') },
  '2.3.8': { who: inGroup('victimTookUp') },
  '2.3.9': { who: 0.55 },
  '2.4.1': { of: 6, yes: 6 },
  // "in 93% of community cases".
  '2.4.3': { who: ofTypes('community'), percent: 93 },
  '2.4.5': { who: inGroup('unpaidWork'), of: 38, yes: 29 },
  '2.4.8': { who: 0.3 },
  '2.4.11': { who: inGroup('unpaidWork') },
  '2.4.12': { who: 0.55 },
  '2.4.13': { who: (p) => p.ppo === true, of: 9, no: 5 },
  '2.5.2': { of: 5, yes: 4 },
  '2.5.4': { who: 0.6 },
  '2.5.5': { who: inGroup('programme'), of: 24, no: 10 },
  '2.5.6': { who: 0.4 },
  '2.5.7': { who: 0.6 },
  '2.6.3': { who: (p) => p.approvedPremises === true, of: 3, yes: 3 },
  '2.6.5': { who: (p) => p.ppo === true, of: 8, yes: 2 },
  '2.7.3': { who: inGroup('singleton'), of: 4, yes: 2 },
  '2.7.4': { who: 0.2 },
  // "In 72% of cases (79)".
  '3.1.1': { of: 110, yes: 79 },
  // "Across Tiers 2, 3 and 4" and "across Tiers 3 and 4".
  '3.1.7': { who: (p) => (p.tier ?? 0) >= 2 },
  '3.1.8': { who: (p) => (p.tier ?? 0) >= 3 },
  '3.1.9': { who: 0.6 },
  // "In only 20 cases (19%)".
  '3.1.10': { of: 105, yes: 20 },
};

/**
 * The questions the seed gives no figure for: the share of relevant cases judged sufficient
 * its words allow, lowest to highest. Within these each takes what its criterion's printed
 * score leaves.
 */
export const KENT_UNQUANTIFIED: Readonly<Record<string, readonly [number, number, string]>> = {
  '1.1.2': [0.88, 0.98, 'Nearly all reports had taken account of the seriousness level indicated by the court.'],
  '1.1.3': [0.7, 0.9, 'Most reports were of the appropriate type'],
  '1.1.4': [0.7, 0.9, '[Most reports were] based on the relevant risk and needs assessments.'],
  '1.1.8': [0.51, 0.6, 'Appropriate victim information was included in just over half of the court reports written.'],
  '1.1.9': [0.62, 0.66, 'Just over a third of reports were not assessed as balanced, verified and factually accurate.'],
  '1.2.15': [0.2, 0.75, 'This criterion represents an urgent priority for improvement.'],
  '1.4.7': [0.6, 0.9, 'Performance against this criterion was good.'],
  '1.5.7': [0.3, 0.75, 'many plans contained general, rather than specific, objectives'],
  '1.5.13': [0.05, 0.25, 'hardly any contribution by offenders in the overall sentence planning process'],
  '2.2.14': [0.35, 0.75, 'This criterion represents an urgent priority for improvement.'],
  '2.3.10': [0.2, 0.75, 'This criterion represents an urgent priority for improvement.'],
  '2.4.14': [0.7, 0.97, 'Performance against this criterion was good.'],
  '2.5.4': [0.6, 0.9, 'In a small number of cases there was no evidence of offence focused work (and "in too many cases we could not confirm" it).'],
  '2.5.7': [0.65, 0.95, 'There was good access to initial ETE advice and employment interventions.'],
  '2.6.4': [0.85, 0.98, 'In all cases licence requirements were assessed as necessary and, in the vast majority of cases, proportionate'],
  '2.6.6': [0.7, 0.98, 'Performance against this criterion was good.'],
  '2.7.4': [
    0.2,
    0.6,
    'In a small number of cases we saw evidence of offender managers who were confident enough to challenge discriminatory remarks',
  ],
  '2.7.5': [0.6, 0.9, 'Performance against this criterion was good.'],
  '3.1.14': [0.3, 0.65, 'This criterion represents an urgent priority for improvement.'],
  '3.2.1': [0.5, 0.87, 'single offender manager in only 20% of cases; changes had a detrimental effect in over half of the 25% with three or more'],
  '3.2.6': [0.4, 0.7, 'This criterion represents a priority for improvement.'],
};

/**
 * The criterion scores the seed's own figures and words cannot reach (worked out from the
 * exact figures above): the printed score, the demo's, and why. The demo keeps the printed
 * question figures and says so here, as issue 28 asks.
 */
export const KENT_CRITERION_MISSES: Readonly<Record<string, { printed: number; demo: number; why: string }>> = {
  '1.5': {
    printed: 60,
    demo: 59,
    why: 'Reaching 60% would take 1.5.7 (specific objectives) or 1.5.13 (the offender taking part) above what "many plans contained general ... objectives" and "hardly any contribution by offenders" allow: both stand at the head of their ranges (75%, 25%).',
  },
  '2.1': {
    printed: 52,
    demo: 58,
    why: "The seed prints a figure for every one of the 13 questions (83%, 72%, 60%, 63%, 61%, 52%, 74%, 54%, 38%, 65%, 57%, a third, and 52% overall); by Appendix 4's 80/20 rule they make 57.97%, not 52%.",
  },
  '2.5': {
    printed: 49,
    demo: 61,
    why: 'The five printed figures (72%, four of five, 56%, 14 of 24, 36%) and the overall 58% leave 2.5.4 (offence-focused work) and 2.5.7 (ETE advice) to carry 49%: about 12% between them. The words allow no such thing ("a small number" without offence-focused work; "good access" to ETE advice): at the foot of their ranges (60%, 65%) the criterion makes 60.65%.',
  },
  roh: {
    printed: 67,
    demo: 64,
    why: 'Every individual Risk of Harm question of sections 1 and 2 has a printed figure or count; only the overall questions 1.2.15 and 2.2.14 are open, and criteria 1.2 and 2.2 (61%, 58%, both exact) fix them: the thread makes 64.12%.',
  },
};

/**
 * Question figures of the seed that contradict one another, and which the demo keeps.
 * Every other printed figure is exact.
 */
export const KENT_FIGURE_CONFLICTS: Readonly<Record<string, string>> = {
  '1.1.12': '"satisfactory in 86% of cases": no count of the 61 reports gives 86% (52 is 85%, 53 is 87%); the demo counts the 69 cases, 59 of them.',
  '1.2.2':
    '"accurate in 89% of cases" and "in 14 cases the RoH classification was not considered correct": 14 wrong is at most 87% of 110. The percentage is kept.',
  '1.4.6': '"(60 cases) ... in 74% of cases": no count of 60 gives 74% (44 is 73%, 45 is 75%); the demo has 61 cases, 45 of them.',
  '2.2.10': '"In 21 out of 25 MAPPA cases ... (81%)": 21 of 25 is 84%. The counts are kept (25 MAPPA cases again in 2.2.11: 17 of 25).',
};

/** Whole percentage of yes / of, rounded half up as the scoring does. */
export function percentOf(yes: number, of: number): number {
  return Math.floor((200 * yes + of) / (2 * of));
}

/** The count of yes nearest `percent` of `of` that rounds to it; undefined if none does. */
function yesFor(percent: number, of: number): number | undefined {
  const near = Math.round((percent / 100) * of);
  for (const k of [near, near - 1, near + 1]) if (k >= 0 && k <= of && percentOf(k, of) === percent) return k;
  return undefined;
}

/** Relevant cases and how many say yes, for one figure over a pool of cases. */
function realise(f: Figure, pool: number, wanted: number): { of: number; yes: number | undefined } {
  if (f.of !== undefined) {
    if (f.of > pool) throw new Error(`demo calibration: ${f.of} relevant cases wanted, ${pool} in the pool`);
    const yes = f.yes ?? (f.no !== undefined ? f.of - f.no : f.percent !== undefined ? yesFor(f.percent, f.of) : undefined);
    if (yes === undefined) throw new Error(`demo calibration: no count of ${f.of} gives ${f.percent}%`);
    return { of: f.of, yes };
  }
  if (f.percent !== undefined) {
    // The nearest count of relevant cases to the one wanted that gives the percentage (and the printed "no" count, if any).
    for (let d = 0; d <= pool; d++) {
      for (const n of [wanted - d, wanted + d]) {
        if (n < 1 || n > pool) continue;
        const yes = f.no !== undefined ? n - f.no : yesFor(f.percent, n);
        if (yes !== undefined && yes >= 0 && percentOf(yes, n) === f.percent) return { of: n, yes };
      }
    }
    throw new Error(`demo calibration: no count up to ${pool} gives ${f.percent}%`);
  }
  const of = Math.min(wanted, pool);
  return { of, yes: f.yes ?? (f.no !== undefined ? of - f.no : undefined) };
}

/* ------------------------------------------------------------------------------------------
 * The cases
 * ---------------------------------------------------------------------------------------- */

export function demoBank(): QuestionBank {
  return getBank('omi-2008.1')!;
}

interface Planned {
  id: string;
  relevant: number[];
  /** Cases that must say yes (before the rest); the others are drawn. */
  yesFirst: number[];
  yes: number | undefined;
}

/** Criterion score (80/20) from yes/of counts, as the scoring works it (to the nearest whole percent). */
function criterionPercent(bank: QuestionBank, criterion: string, counts: Map<string, { yes: number; of: number }>): number | null {
  const qs = bank.questions.filter((q) => q.criterion === criterion && (counts.get(q.id)?.of ?? 0) > 0);
  const prop = (id: string) => counts.get(id)!.yes / counts.get(id)!.of;
  const individual = qs.filter((q) => !q.summary).map((q) => prop(q.id));
  const summary = qs.filter((q) => q.summary).map((q) => prop(q.id));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const m = mean(individual);
  const s = mean(summary);
  const score = m !== null && s !== null ? 0.8 * m + 0.2 * s : (m ?? s);
  return score === null ? null : Math.floor(score * 100 + 0.5 + 1e-9);
}

/**
 * The unquantified questions of each criterion, moved together through the ranges their words
 * allow (one parameter, from each range's foot to its head) to the printed score, then nudged
 * a case at a time to land on it where whole counts allow.
 */
function fillUnquantified(bank: QuestionBank, plans: Map<string, Planned>, counts: Map<string, { yes: number; of: number }>): void {
  for (const [criterion, target] of Object.entries(kentCriterionPercents)) {
    const open = bank.questions.filter((q) => q.criterion === criterion && KENT_UNQUANTIFIED[q.id] && plans.get(q.id)!.relevant.length > 0);
    if (open.length === 0) continue;
    const set = (t: number) => {
      for (const q of open) {
        const [lo, hi] = KENT_UNQUANTIFIED[q.id]!;
        const of = plans.get(q.id)!.relevant.length;
        counts.set(q.id, {
          of,
          yes: Math.min(Math.floor(hi * of + 1e-9), Math.max(Math.ceil(lo * of - 1e-9), Math.round((lo + t * (hi - lo)) * of))),
        });
      }
    };
    let low = 0;
    let high = 1;
    for (let step = 0; step < 30; step++) {
      const t = (low + high) / 2;
      set(t);
      if ((criterionPercent(bank, criterion, counts) ?? 0) < target) low = t;
      else high = t;
    }
    set(high);
    // A case at a time, the largest question first (the finest step), never outside its words.
    for (let guard = 0; guard < 40; guard++) {
      const now = criterionPercent(bank, criterion, counts)!;
      if (now === target) break;
      const dir = now < target ? 1 : -1;
      const movable = open
        .filter((q) => {
          const [lo, hi] = KENT_UNQUANTIFIED[q.id]!;
          const c = counts.get(q.id)!;
          const next = (c.yes + dir) / c.of;
          return next >= lo - 1e-9 && next <= hi + 1e-9;
        })
        .sort((a, b) => counts.get(b.id)!.of - counts.get(a.id)!.of);
      if (movable.length === 0) break;
      const c = counts.get(movable[0]!.id)!;
      counts.set(movable[0]!.id, { of: c.of, yes: c.yes + dir });
    }
  }
}

export function kentDemoCases(bank: QuestionBank = demoBank()): DemoCase[] {
  const random = prng(SEED);
  const people = demoPeople(random);
  const { profiles, groups } = people;
  const refs = profiles.map((_, i) => `KNT07-${String(i + 1).padStart(3, '0')}`);
  const answers: Record<string, Judgement>[] = profiles.map(() => ({}));

  // 1. Who each question is relevant to, and how many say yes where the seed prints it.
  const plans = new Map<string, Planned>();
  const counts = new Map<string, { yes: number; of: number }>();
  for (const q of bank.questions) {
    const applicable = profiles.map((p, i) => (q.appliesTo.includes(p.caseType) ? i : -1)).filter((i) => i >= 0);
    for (const i of applicable) answers[i]![q.id] = 'na';
    const cal = KENT_CALIBRATION[q.id] ?? {};
    const percent = kentQuestionPercents[q.id];
    const matches = (who: Who) => applicable.filter((i) => who(profiles[i]!, i, groups));
    const plan: Planned = { id: q.id, relevant: [], yesFirst: [], yes: undefined };
    if (cal.strata) {
      let yes = 0;
      const used = new Set<number>();
      for (const s of cal.strata) {
        const pool = matches(s.who).filter((i) => !used.has(i));
        const r = realise(s, pool.length, pool.length);
        const chosen = pick(pool, r.of, random);
        for (const i of chosen) used.add(i);
        const sYes = r.yes!;
        plan.relevant.push(...chosen);
        plan.yesFirst.push(...shuffled(chosen, random).slice(0, sYes));
        yes += sYes;
      }
      plan.yes = yes;
    } else {
      const who = cal.who ?? 0.95;
      const pool = typeof who === 'number' ? applicable : matches(who);
      const wanted = typeof who === 'number' ? Math.round(who * applicable.length) : pool.length;
      const figure: Figure = { ...cal, percent: cal.percent ?? (KENT_UNQUANTIFIED[q.id] ? undefined : percent) };
      const r = realise(figure, pool.length, wanted);
      if (cal.yesAre) {
        const yesCases = pool.filter((i) => cal.yesAre!(profiles[i]!, i, groups));
        const others = pick(
          pool.filter((i) => !yesCases.includes(i)),
          r.of - yesCases.length,
          random,
        );
        plan.relevant = [...yesCases, ...others];
        plan.yesFirst = yesCases;
      } else plan.relevant = pick(pool, r.of, random);
      plan.yes = r.yes;
    }
    if (plan.yes === undefined && !KENT_UNQUANTIFIED[q.id] && plan.relevant.length > 0)
      throw new Error(`demo calibration: ${q.id} has neither a figure nor words`);
    plans.set(q.id, plan);
    if (plan.yes !== undefined) counts.set(q.id, { of: plan.relevant.length, yes: plan.yes });
  }

  // 2. What the unquantified questions carry.
  fillUnquantified(bank, plans, counts);

  // 3. Who says yes.
  for (const q of bank.questions) {
    const plan = plans.get(q.id)!;
    const yes = counts.get(q.id)?.yes ?? 0;
    const order = [
      ...plan.yesFirst,
      ...shuffled(
        plan.relevant.filter((i) => !plan.yesFirst.includes(i)),
        random,
      ),
    ];
    order.forEach((i, k) => (answers[i]![q.id] = k < yes ? 'yes' : 'no'));
  }

  return profiles.map((profile, i) => ({ caseRef: refs[i]!, profile, answers: answers[i]! }));
}

/** The upload: caseRef, the profile columns, then one column per question (blank where it does not apply). */
export function demoCasesCsv(cases: readonly DemoCase[], bank: QuestionBank = demoBank()): string {
  const header = ['caseRef', ...PROFILE_COLUMNS, ...bank.questions.map((q) => q.id)];
  const cell = (v: unknown) => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
  return stringify([
    header,
    ...cases.map((c) => [c.caseRef, ...PROFILE_COLUMNS.map((col) => cell(c.profile[col])), ...bank.questions.map((q) => c.answers[q.id] ?? '')]),
  ]);
}

/* ------------------------------------------------------------------------------------------
 * Section 4 (Table 1) and the lead inspector's conclusions
 * ---------------------------------------------------------------------------------------- */

/**
 * Table 1's grades, with every lettered strength and area for improvement of Section 4 (52 in
 * all) in the Kent report's own words: only the page breaks inside a finding are joined.
 * test/unit/demo-data.test.ts compares them with the seed itself.
 */
export const kentDemoLeadership: Readonly<Record<string, PutLeadership>> = {
  '4.1': {
    grade: kentLeadershipGrades['4.1']!,
    strengths: [
      "The Area Business Plan 2007/2008 was modelled on the four priority areas identified by NOMS as reflecting both national and regional criminal justice priorities. A consultative planning framework had been established. The draft Business Plan was shared with the LCJB and other relevant boards e.g. Children's Safeguarding Board. The Plan was also shared with middle managers. There were clear stated links to the SLA with the ROM and a number of improvement objectives in key strands of work such as managing people and working with partners. The area had taken the national priority of building confidence in the CJS and translated it into a local target. A specific local action plan was in place with a clear focus on improving engagement with those people from black and minority ethnic communities. There was an expressed link to the area's organisational risk process, which focused on external, performance and reputation risks. A description of the impact on the business, plus controls in place for managing the risk and an owner for each risk were clearly outlined. A process of performance scrutiny had been implemented by the area. Review against the Business Plan was done monthly by the SMT, quarterly by the board audit committee and annually by the Board.",
      'The Board and the SMT placed a high priority on providing performance information at all levels of the organisation. This included using electronic media and team briefings. Board members were also involved in attending team meetings to share information and take back to Board meetings staff concerns. We interviewed 87 individual offender managers, 70% of whom felt well informed about policies and procedures in their area. A process of communication to raise ownership of performance was in place. Business Plan objectives were allocated to a Director and translated into district plans, each with its share of the area targets. Individual performance objectives were set annually, linked to the Area Business Plan and monitored through the appraisal process.',
      "The area was well engaged with the LCJB, which was chaired by the area's CO. While there had been inconsistent relationships with sentencers in the past, formal arrangements for liaison were now in place. The CO met with bench chairs three times a year and on occasions with Crown Court judges. The area also had a dedicated area manager with responsibility for court relationships and providing information on performance in courts. Formal liaison at bench level was the responsibility of middle managers. The area had engaged well in the implementation of the CJSSS and feedback from strategic partners supported this. As a result a joint protocol had been agreed to improve the provision of FDRs.",
      'There was a strong demonstrable focus on partnership work by the CO, Board and SMT. The area worked across 13 districts and two local authorities: a county council and a unitary authority. Despite the complexity of the local arrangements, work had been undertaken to ensure there was appropriate representation at the range of different boards. Strategic partners commented positively on the attendance of staff, although there were some concerns expressed that the seniority of staff representation was not always sufficient to progress issues quickly. Partners valued the efforts made by the area to provide a more strategic joined up approach to the management of offenders and their needs. The area contributed to the LAA, safer stronger communities block through two strands of work; managing drug misusing offenders and the PPO scheme.',
      "Strategic partners and key workers commented favourably on the area's commitment to partnership work and its engagement with them. There was a strong sense that the area was willing to learn from other bodies and there was a continued focus on improving its performance. A range of partnerships to provide services for offenders were in place including a counselling service and a children and family service. There had been successful collaboration with the county council in respect of Addaction; this provided alcohol services for offenders following an OASys needs analysis in part of the county.",
      'The number of prisons across the county presented a particular challenge for the area. The area had responded well to this at a strategic level and was highly regarded by prison representatives for their proactive leadership in implementing offender management, particularly in the Sheppey cluster. There was a nominated prison offender management lead who described close working relationships with their counterpart in the area. A multi-agency offender management committee had been established and was jointly chaired by the area and HMPS. The committee met quarterly to review the effectiveness of offender management implementation across the two organisations. Outcomes from the committee included a process for escalating cases where there was no allocated offender manager and the development of video conferencing to facilitate sentence planning. There had been joint offender management training in the prisons and probation area. A specific KPI had been developed in the Sheppey cluster to improve prison service attendance at MAPPA meetings and further work was being discussed to improve the quality of written information provided at these meetings. The area was described by the prison representative as *"one of the best areas, as they know how Kent prisons work"*.',
      "There was a high degree of commitment to public protection by the area at a strategic level as was evidenced in the MAPPA Strategic Management Business Plan. Partners commented favourably on the integrated approach taken to working towards the common goal of risk management. Examples were given where the area had used the findings from other boards with a public protection remit to improve the way in which the MAPPA SMB worked. Both the area and police had agreed to provide additional support to the chairs of boards through appropriate training. The development of CDAP was seen as a further example of the area's partnership approach to public protection. This joint programme worked voluntarily with perpetrators of domestic abuse and was supported by the police and a women's safety worker. Supporting People was a key member of the MAPPA SMB and plans were in place to agree a protocol to improve high RoH offenders' access to housing advice and 'move on' accommodation. The approved premises were seen as a key plank in the area's contribution to public protection and were highly valued by partners.",
      "A race equality scheme and action plan for 2005-2008 had been published. The action plan had identified key priority areas that cut across national, regional, local and area priorities. There was also a stated aim to increase consultation with black and minority ethnic communities. The key aims of the scheme had been translated into a 'user friendly' leaflet for all staff. Updates in this key area of work were supported by the area's Diversity Action Group, which had responsibility for consulting upon and reviewing the diversity action plan. Key workers were aware of the work of the Diversity Action Group and this had contributed to the revision of some processes to include diversity as a standard item. The decision to work with non-UK residents in custody, the development of a women's group and focus on hate crime were all examples of the area's approach to managing diversity issues. The area's disability equality and gender equality schemes had also been published. All schemes were reviewed annually by the Board.",
      "There was evidence that the area took seriously action by NOMS to support its performance. Following concerns expressed by NOMS the area had developed targeted action plans that contained projected milestones for performance improvement. Improvement work was reported to and overseen by the board audit committee. Following this intervention the area had moved from a one star to a two star rating under the NOMS performance management framework. Relationships with the ROM were described as positive. There was an acknowledgement that as the area moved towards a greater level of commissioning, there would be improved clarity of the relationship between the area and the ROM's office.",
      'The area actively welcomed the findings of other outside bodies. Examples included the Investor In People Award, which the area successfully gained in 2007.',
    ],
    improvements: [
      'Whilst the area had made use of user surveys for unpaid work in the recent past, there was limited evidence that service user views were used to inform strategic planning in a broader and routine way.',
      'Despite the arrangements in place to liaise with sentencers only 55% of sentencers that responded to our survey felt satisfied with current liaison arrangements. Only four out of 11 sentencers had received the information they needed about current probation practice and policy. There was general support among sentencers about the need for more routine performance information on sentencing. Although there were many positive comments made by sentencers on the quality of court staff, there was an emerging concern that the provision of staff in courts was not sufficient in some parts of the county.',
      'While the area made a significant contribution to MAPPAs, internal risk management procedures were lacking. The risk management policy was dated 2005 and had not been updated. It was unclear, in the absence of a comprehensive policy, what was expected from staff. The SMB had not developed a consistent approach to account for those offenders managed under MAPPAs Level 1, who were not registered sex offenders. There was also an acknowledgement amongst partners and the area that there were too many offenders managed at MAPPAs Level 2 and 3 by comparison with the national average. The area had commenced an audit, managed jointly by the area lead on MAPPAs and the police, of all Level 2 offenders and were due to report on this in the new year.',
      '67% of offender managers interviewed said that managers demonstrated a professional management approach, and 65% felt they modelled positive leadership behaviour. A significant minority felt that managers demonstrated neither. Offender managers were generally positive regarding their own line manager, but less so about senior management. There was a sense that the drive towards improved performance was at the expense of quality. Some staff felt that caseloads were too high. At the time of the inspection the area was engaging in a difficult staff direction process in order to balance resources to support offender management. Concerns were expressed by some staff interviewed regarding the way in which the area had managed the direction of staff from offender management to interventions and in these cases this was a contributory factor to their response. While the exercise had been undertaken with HR and union consultation, some staff members commented that communication on progress had not always been forthcoming, leaving them uncertain of where they would be placed.',
      'There was some evidence that the area had given attention to diversity issues in its strategic planning through an ongoing objective to increase the profile and engagement with the local black and minority ethnic communities. The diversity impact assessment on offender management, interventions and HR, however, had only recently started as a pilot and did not appear to be a focal part of policy development.',
    ],
  },
  '4.2': {
    grade: kentLeadershipGrades['4.2']!,
    strengths: [
      "A focus on performance improvement was evidenced through the area's steady improvement against the NOMS weighted scorecard. In 2006/2007 Kent's performance had been ranked 17th out of 45 areas. In the first quarter of 2007/2008 Kent was judged by the new Integrated Probation Performance Framework as a 'one star' and the NOMS Performance Improvement Unit undertook targeted improvement action to examine elements of underperformance. Performance improvement was taken seriously by the area and improvements in the timeliness target for OASys assessments had been driven by a detailed analysis of underperformance and the sharing of best practice in those districts that were meeting the target. Since the above, there had been a positive improvement in public protection and in the most recent quarter the area had been awarded two stars.",
      "A performance and standards manager had been on long-term sick leave. At the time of the inspection a manager had been appointed on an acting-up basis. The area had an established monthly performance reporting structure that was applied throughout organisational structures. This was complemented by a range of meetings established to review performance. These included monthly district meetings between middle and district managers, county group meetings and middle manager 'action learning sets' that involved a manager focusing on key areas with a view to developing ideas on how to improve and spread best practice. Middle managers were aware of their role in the performance improvement agenda and there were individual examples of ownership of improved performance at a team level.",
      "The CO was positive about the area's approach to regional work in several areas of service delivery. A regional contract had been agreed to provide unsociable hours cover across the south east region. There were regular meetings with regional COs and chairs of boards. Kent was involved at a regional level in a number of work streams, including best value reviews on unpaid work and approved premises to identify which areas were providing the best value across services. The area had also engaged in regional OASys benchmarking exercises.",
    ],
    improvements: [
      'The area had struggled to meet the target in relation to skills for life, despite previous good performance and programme completions. There was evidence that the area was beginning to address underperformance in skills for life, with the development of an action plan. The operational group to review performance in relation to this target had been established but the strategic group, where executive decisions would be made, had yet to be set up.',
      'Despite some evidence of analysis of race and gender data, there did not appear to be a routine process to establish and address inequalities. It was not clear how the analysis of diversity data was used to support the achievement of targets. Not all staff were aware of the Diversity Action Group and the work it was undertaking.',
    ],
  },
  '4.3': {
    grade: kentLeadershipGrades['4.3']!,
    strengths: [
      'The area had followed the national model for the implementation of offender management, by creating OMUs and an interventions directorate. Workforce planning was based on a transparent resource allocation process to deploy staff and maintain the balance of POs/PSOs in offices according to the demands of the work. The area had undertaken the difficult task of taking corrective action to re-distribute staff to those areas with the highest demands in work and ensure that there were adequate resources in the delivery of interventions.',
      'Resources were focused on those offenders presenting a high RoH. The tiering system was utilised so that all offenders in Tier 4 were managed by POs and all SDRs were written by POs. PSO grade staff managed 50% of Tier 3 offenders, all Tier 2 and 1 offenders and wrote 50% of FDRs. A specialist sex offender consultancy resource was made available county-wide to provide advice on court reports and interventions for high RoH sex offenders. Forensic psychologists were also part of the consultancy team and were available to provide support and advice to offender managers.',
      'There was a transparent process for prioritising and allocating work. The area had fully implemented the national workload management tool. The tool was supplemented by additional information from the tiering structure to respond to local needs. Nominal maximum workloads had been identified in each of the ten offices across the county.',
      'There was some evidence that the area had sought to maximise the resources it received. The area had been successful in attracting additional ESF funding to provide interventions for offender management. The Exodus project was an example of this. This 2 year pilot project provided PPOs with additional supervision and access to interventions. At the time of the inspection it was being evaluated by the University of Kent at Canterbury. The SMT had acknowledged the need to consider mainstreaming provision when planning to seek additional funding. They expressed concerns at the impact short-term funding could have on staffing and provision.',
    ],
    improvements: [
      "While some respondents to our sentencers' survey were impressed with the skills and knowledge of court staff a number remained dissatisfied with the level of staffing in court.",
      'From case files and interviews with offender managers it was not always evident that PPOs received a premium service. In a number of cases the level of reporting was not enhanced above minimum levels.',
      'We were pleased to see that the area had developed a range of equality schemes and action plans in response to their statutory duty. However, it was evident that the area had only recently begun impact assessments and as such translation into practice was not demonstrably evident. There were few identified diversity initiatives developed.',
    ],
  },
  '4.4': {
    grade: kentLeadershipGrades['4.4']!,
    strengths: [
      "There was evidence that the SMT monitored and anticipated staff vacancies and this had been included in the budget report for 2007/2008. This information was used to inform workforce planning to ensure that the right staff profile was matched against service delivery requirements and the constraints of the budget. The area had implemented the 'cluster' working arrangement to support offender management and continuity of work. Staff interviewed commented positively on this approach to working, in particular case administrators felt more integrated and considered themselves more knowledgeable about specific offenders. The vast majority of offender managers (91%) were clear about their role within the offender management model. Although there was no operational offender management practice guidance, implementation guidance on phases one and two were posted on the area intranet.",
      "The area's training plan was based on priority objectives that were linked to the achievement of the Business Plan. The Plan was costed and designed to address organisational needs as well as individual developmental needs. There was a commitment to professional development and all of the SMT had attended the NOMS/NPD Living Leadership Programme with the Directors supported through an MBA programme. The area had developed a learning and development programme for PSO offender managers. The programme was based on the central curriculum developed by NOMS and split into three modules to allow greater flexibility in matching gaps in learning to provision. Plans were in place to deliver two of the modules to all existing staff by March 2008.",
      'Sufficient attention had been paid to the learning opportunities for TPOs. Since cohort six, the area had delivered a newly qualified first year officer programme. The group, facilitated by PDAs, provided a forum where key areas of practice could be discussed and new officers gain additional support.',
      'A comprehensive supervision policy agreed with the unions was in place. The policy provided a consistent framework within which the area supported and held to account its staff. Some offender managers we interviewed commented that supervision had become more standardised and focused. Staff expectations were clearly laid out and additional guidance was provided to managers on what supervision should cover. The vast majority of staff (81%) had had an appraisal within the last 12 months and a similarly high figure (92%) confirmed that it was linked to the Area Business Plan.',
    ],
    improvements: [
      'Overall 61% of offender managers felt that their training and development needs had been met. The figure was considerably lower for PSO offender managers at 46%. A small number of PSO offender managers had not been able to access the NVQ level 3 training. A factor that compounded this was the lack of full-time training officers and a reliance on existing staff that had completed the programme to deliver it. A recurrent theme expressed by offender managers was the impact that high workloads and staff absenteeism through sickness was having on their ability to prioritise workloads and attend appropriate training. For some of the PSO offender managers there was a feeling that changes in offender management and tiering had led to them working with more complex cases, without sufficient training and support. A further contributory factor was the lack of middle managers in some teams across the county to provide appropriate support and management oversight of work.',
      'Although staff sickness levels were marginally above the national target for the full year 2006/2007, this had increased to 12.7 days against the target of nine days according to the NOMS performance data. The SMT and the Board had invested significant resources into managing this. The HR directorate had taken responsibility for monitoring long-term and short-term sickness absence. Sickness absence procedures were in place and nearly all of the offender managers we interviewed were aware of these. Middle managers were complimentary regarding the support they received to manage sickness absence and all had had training in how to conduct back to work interviews appropriately.',
      'Despite some positive comments made by staff in relation to improvements in supervision, only 46% of all offender managers received regular monthly supervision. We were concerned that 62% of PSO offender managers did not receive frequent supervision on a monthly basis. A significant minority of staff, 35%, described the overall quality of supervision as insufficient. A number of staff commented that supervision was often cancelled and when it did take place, was overly focused on performance with limited opportunities for professional support on the development of quality practice.',
      'Just over half of the offender managers interviewed (53%) recalled having completed an ethnic monitoring questionnaire.',
      'There was evidence of tensions in the working relationship between the area and the union; indeed, NAPO remained in dispute with Kent Probation Area. While there was evidence of ongoing dialogue with unions, and evidence of efforts being made on both sides, there was less evidence of successful outcomes.',
    ],
  },
  '4.5': {
    grade: kentLeadershipGrades['4.5']!,
    strengths: [
      'There was good evidence that the area used monitoring information to inform and improve compliance with key standards. Staff commented on the regular publication of performance data, which showed at team and district level how well they were performing against a range of targets. There were a number of examples of this information leading to changes and subsequent improvement in performance. The area had taken seriously the number of SFOs committed in Kent during 2006/2007. A detailed review of learning points had been made and the SFO procedure for identification of potential SFOs was recognised by the NOMS Public Protection Unit. A systematic process for sharing information on an individual basis through middle managers and an area-wide basis was also in place. An example of this was the dissemination of learning points in team briefings. The review of key learning points was the responsibility of the Director of Interventions and following a report to the Board it was agreed that this would be reported on annually.',
      'There was evidence of the use of aggregated OASys data to inform service delivery. Alcohol services had been commissioned and piloted in east Kent as a result of OASys analysis. There were also plans to develop specialised support services and interventions for offenders with learning disabilities who also presented sexually inappropriate behaviour.',
      'There was evidence of some monitoring of service user feedback. The area had consistently captured the views of unpaid work beneficiaries. All beneficiaries were invited to provide feedback, which was analysed and summarised in a report. Resident feedback questionnaires had been routinely used in approved premises. Approved premises policies had been impact assessed for diversity issues leading to the introduction of Braille and signage services.',
    ],
    improvements: [
      'While there was some evidence of collating user feedback, this was not comprehensively applied across all service delivery strands. There was little evidence that stakeholder views were routinely collated, evaluated and used to improve the quality of provision.',
      'The area did not make regular use of concordance data relating to proposals and sentence.',
      'The area had recognised that the review and evaluation of service delivery was an area that required improvement. Partner agencies commented that they did not routinely receive information on outcomes. Similarly while the ETE officers routinely gathered a vast amount of data, this was only used in relation to the monitoring of targets. Information about the quality of provision and views of users was underdeveloped.',
    ],
  },
  '4.6': {
    grade: kentLeadershipGrades['4.6']!,
    strengths: [
      'There was evidence that senior management held a positive view about commissioning. A contract/commissioning manager had been appointed to lead a commissioning unit. Partners commented that all contracts were governed by a SLA with clear performance indicators and quality standards. There was evidence of contracts being monitored and enforced. For example a contract with a provider of drugs services had been terminated as a result of underperformance. The area was represented on both the DAT and Supporting People commissioning board.',
      "The area had developed a sub-contracting plan for 2007/2008 to strengthen its existing partnership arrangements and future commissioning arrangements. There was a commitment by the SMT to commission only those services that would yield best value results. The plan had identified a number of work strands where joint work would maximise the benefits for offenders. The area had been successful in contracting out antisocial hours cover for approved premises, providing counselling for IDAP facilitators and the provision for ETE mentor support in part of the county. There was a range of partnership arrangements in place to deliver offender services, including a contract with the court to undertake legal proceedings on behalf of the area. Partners were complimentary about the area's approach to using local services, both community and voluntary.",
      'Offender managers generally rated services used as sufficient with employment a clear strength; 93% of offender managers asked were pleased with this provision.',
      "The area had implemented a women's only Think First group and Cognitive Skills Booster programme. The area had also planned to deliver OSAP for women. While a joint bid with the health service to provide services for sex offenders with learning needs had been made, at the time of the inspection this provision had not yet materialised.",
    ],
    improvements: [
      'There was no structured strategic process for collating and evaluating the user perspective to inform commissioning. Strategic partners also commented that this was an area that required further development.',
      'Offender managers identified gaps in service provision in 37% of cases. This related mainly to alcohol, accommodation, education and training services. While resources had been put into providing alcohol services this was not yet consistent across the whole county. The area had expressed considerable concerns with the OLASS commissioned services. The present provision for skills for life support was insufficient and ineffective. OLASS funding for skills for life now placed emphasis on delivery to groups of learners through the Skills Plus Centres run throughout the county. Only at the OMUs at Tunbridge Wells, Ashford and Folkestone were sessions still delivered on site. Since the change to deliver skills for life externally the number of offenders with literacy and numeracy needs being referred for support had declined. At the time of inspection fewer than 50 offenders were attending skills for life classes, of which only five were attending Skills Plus Centres across Kent.',
      "The provision for ETE services for high RoH offenders was inadequate. There were few opportunities for learning and skills for life to be delivered on approved premises and generally there were insufficient providers to whom high risk learners could be referred. Key workers at the approved premises made referrals of offenders for ETE through the offender managers. Offenders only met with ETE officers at the OMUs, and, owing to ETE officers' workloads, a delay of several weeks in getting an appointment was not uncommon.",
      "While the area had engaged well with MAPPA and Supporting People, there was a lack of suitable 'move on' accommodation for those high RoH offenders at the end of a required period of residence. This was also noted as a key issue by some strategic partners. The area had acknowledged this and plans were in place to reshape existing resources to provide a more comprehensive accommodation service across the county in partnership with external housing providers.",
      'The area had not met the 5% target spend on partnerships in 2006/2007 and were not on target to meet the 10% target for 2007/2008. The present projected spend was between 5% and 6%. While the sub-contracting plan was a positive move towards remedying this, some strategic partners commented on the need for the area to improve its role in joint commissioning. At the time of the inspection there were no jointly commissioned services in place.',
      "Despite the active input into offender management in prisons, the quality of relationships between offender managers and prisons was variable. We saw some individual examples of effective working arrangements between the two organisations. However, this was not consistent and in 32% of relevant cases concerns were expressed about the effectiveness of liaison and working arrangements between offender managers and prison-based offender supervisors. In the case files we assessed there was little evidence of routine communication and information sharing. From our discussions with offender managers, many commented that they were still 'getting to grips' with the expectations of phase two.",
    ],
  },
};

/** The conclusion printed under each criterion of the report ("Conclusion: ... good."). */
export const kentDemoConclusions: Readonly<Record<string, Conclusion>> = {
  '1.1': { band: 'good' },
  '1.2': { band: 'urgent-priority' },
  '1.3': { band: 'good' },
  '1.4': { band: 'good' },
  '1.5': { band: 'urgent-priority' },
  '2.1': { band: 'urgent-priority' },
  '2.2': { band: 'urgent-priority' },
  '2.3': { band: 'urgent-priority' },
  '2.4': { band: 'good' },
  '2.5': { band: 'urgent-priority' },
  '2.6': { band: 'good' },
  '2.7': { band: 'good' },
  '3.1': { band: 'urgent-priority' },
  // The seed's conclusion is the band's sentence alone ("This criterion represents a priority for improvement.").
  '3.2': { band: 'priority' },
};

/* ------------------------------------------------------------------------------------------
 * Questionnaire answers ("Service users' perspective")
 * ---------------------------------------------------------------------------------------- */

type Answers = Record<string, string>;

/**
 * Seven of the 21 victims, with only what the report gives the questionnaires: five agreed to
 * contact; of those all were satisfied, clear about the role and felt their needs were taken
 * into account; all but one had enough information about the offender and felt attention was
 * given to their safety. What the report heard from the three victims interviewed (prompt
 * contact, updates, licence conditions, breach, MAPPA, the first time asked) is theirs, in
 * demo-meetings.ts: the questionnaires answer "I do not know" there, which no figure counts.
 * The two who did not take up contact are asked nothing about it.
 */
export function kentVictimAnswers(): Answers[] {
  const notFromQuestionnaires = { 'mappa-aware': 'dont-know', 'first-time-asked': 'dont-know' };
  const agreed = (i: number): Answers => ({
    'agreed-contact': 'yes',
    'contact-prompt': 'dont-know',
    'role-explained': 'yes',
    'needs-considered': 'yes',
    'offender-information': i === 1 ? 'no' : 'yes',
    'regular-updates': 'dont-know',
    'influence-licence': 'dont-know',
    'breach-know': 'dont-know',
    safety: i === 4 ? 'no' : 'yes',
    satisfaction: i < 3 ? 'very-satisfied' : 'satisfied',
    ...notFromQuestionnaires,
  });
  // Not asked about a contact they declined (victim-2008.2 routes those questions away).
  const declined: Answers = { 'agreed-contact': 'no', ...notFromQuestionnaires };
  return [
    { ...agreed(0), comments: 'Having a victim liaison officer made a huge difference to how I coped with his release.' },
    agreed(1),
    { ...agreed(2), comments: 'Please ring me on 01622 555123 rather than writing; letters upset my daughter.' },
    agreed(3),
    agreed(4),
    declined,
    { ...declined },
  ];
}

/**
 * Eleven sentencers: the vast majority satisfied with the quality of reports, fewer with their
 * timeliness (FDRs least); mixed views on breach (five "in part") and liaison (half effective);
 * just over half get information about probation policy; 67% of those answering think the
 * area engages effectively with the LCJB; two want more court staff; none aware of any
 * monitoring of proposals against outcomes.
 */
export function kentSentencerAnswers(): Answers[] {
  const column = (values: string[]) => values;
  const q: Record<string, string[]> = {
    'sentencer-kind': column([
      'magistrate',
      'magistrate',
      'magistrate',
      'magistrate',
      'magistrate',
      'magistrate',
      'district-judge',
      'district-judge',
      'judge',
      'legal-adviser',
      'legal-adviser',
    ]),
    'sdr-quality': column([
      'very-satisfied',
      'very-satisfied',
      'very-satisfied',
      'very-satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'neither',
      'dissatisfied',
    ]),
    'fdr-quality': column([
      'very-satisfied',
      'very-satisfied',
      'very-satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'neither',
      'dissatisfied',
      'dont-know',
    ]),
    'sdr-timeliness': column([
      'very-satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'neither',
      'dissatisfied',
      'dissatisfied',
      'very-dissatisfied',
    ]),
    'fdr-timeliness': column([
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'neither',
      'dissatisfied',
      'dissatisfied',
      'dissatisfied',
      'very-dissatisfied',
      'dissatisfied',
      'dont-know',
    ]),
    'report-type-clear': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'not-always', 'not-always', 'not-always', 'not-always']),
    'breach-effective': column(['yes', 'yes', 'yes', 'yes', 'in-part', 'in-part', 'in-part', 'in-part', 'in-part', 'no', 'dont-know']),
    'liaison-effective': column(['yes', 'yes', 'yes', 'yes', 'yes', 'in-part', 'in-part', 'in-part', 'no', 'no', 'dont-know']),
    'policy-information': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'no', 'no']),
    'lcjb-engagement': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'dont-know', 'dont-know']),
    'court-staffing': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no']),
    'court-staff-skills': column([
      'very-satisfied',
      'very-satisfied',
      'very-satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'satisfied',
      'neither',
      'dissatisfied',
    ]),
    'proposal-monitoring': column(['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'dont-know', 'dont-know']),
    'manager-leadership': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'dont-know']),
  };
  const comments: Record<number, string> = {
    2: 'Breach proceedings take far too long to resolve.',
    6: 'There are not enough probation staff at court on Mondays, so fast delivery reports are often late.',
    9: 'Mrs Jane Smith in the court team is excellent; contact her at court.team@example.org.',
  };
  return Array.from({ length: 11 }, (_, i) => {
    const answers: Answers = {};
    for (const [id, values] of Object.entries(q)) answers[id] = values[i]!;
    if (comments[i]) answers.comments = comments[i]!;
    return answers;
  });
}

/**
 * How many of each audience were sent a questionnaire. The seed gives the 11 sentencers' replies
 * but not how many were sent: 16 links are enough for the replies, and the write-up's
 * `sentNotStated` keeps that made-up number (and a response rate from it) out of the report.
 */
export const kentDemoInvitations = { victim: 21, sentencer: 16, offender: 110 } as const;
