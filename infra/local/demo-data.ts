/**
 * The demo inspection's data, shaped like the Kent Offender Management Inspection (HMI
 * Probation, February 2008; fieldwork 5-9 November 2007). Pure and deterministic: the same
 * cases, grades and questionnaire answers every time, so the demo report always reads alike.
 *
 * Cases: 110 (40 licence, 60 community, 10 custody) with profiles as Appendix 2 and the
 * findings describe them (about 10% women, about 7% minority ethnic, nine PPO cases, 25 MAPPA
 * cases, three in approved premises, 23 statutory victim contact cases, 15 high or very high
 * Risk of Harm, about a third assessed by area assessors).
 *
 * Judgements: for each question, the cases it is relevant to (its `appliesTo`, narrowed by
 * what the question asks about: "where the offender was a PPO" only for PPO cases, and so on)
 * answer yes or no, the rest na; exactly round(p x relevant) of them answer yes, where p is
 * the report's figure for that question (`kentQuestionPercents`). Questions the report gives no
 * figure for share one value per criterion, solved so that the criterion's score (80/20 rule)
 * lands on the printed percentage (`kentCriterionPercents`). Which cases say yes is drawn by
 * a seeded PRNG.
 */
import { stringify } from 'csv-stringify/sync';
import { getBank } from '../../shared/bank';
import { kentCriterionPercents, kentLeadershipGrades, kentQuestionPercents } from './kent-reference';
import { PROFILE_COLUMNS } from '../../shared/cases/csv';
import type { CaseType, Question, QuestionBank } from '../../shared/schemas/bank';
import type { CaseProfile } from '../../shared/schemas/case';
import type { Conclusion, PutLeadership } from '../../shared/schemas/inspection';

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
 * Profiles (Appendix 2)
 * ---------------------------------------------------------------------------------------- */

export const DEMO_CASE_TYPES: Readonly<Record<CaseType, number>> = { licence: 40, community: 60, custody: 10 };

function demoProfiles(random: () => number): CaseProfile[] {
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
  const ofType = (t: CaseType) => all.filter((i) => profiles[i]!.caseType === t);

  // Risk of Harm: 15 high or very high ("home visits ... (six)" of 15), about 45% medium.
  const highPool = [...pick(ofType('licence'), 9, random), ...pick(ofType('custody'), 3, random), ...pick(ofType('community'), 3, random)];
  highPool.forEach((i, k) => (profiles[i]!.roh = k < 3 ? 'very-high' : 'high'));
  const rest = all.filter((i) => !highPool.includes(i));
  for (const i of pick(rest, 48, random)) profiles[i]!.roh = 'medium';

  // MAPPA: 25 cases ("21 out of 25 MAPPA cases"): every high RoH case, and ten medium ones.
  const mappa = [...highPool, ...pick(all.filter((i) => profiles[i]!.roh === 'medium'), 10, random)];
  mappa.forEach((i, k) => (profiles[i]!.mappaLevel = k < 1 ? 3 : k < 7 ? 2 : 1));

  // Nine PPO cases (six released on licence), three in approved premises, 23 statutory victim contact cases.
  for (const i of [...pick(ofType('licence'), 6, random), ...pick(ofType('community'), 3, random)]) profiles[i]!.ppo = true;
  for (const i of pick(highPool.filter((i) => profiles[i]!.caseType === 'licence'), 3, random)) profiles[i]!.approvedPremises = true;
  for (const i of [...pick(ofType('licence'), 17, random), ...pick(ofType('custody'), 6, random)]) profiles[i]!.statutoryVictimContact = true;

  // 9.6% of the caseload were women, 6.7% minority ethnic: 11 and 8 of 110; one case without a recorded ethnicity.
  for (const i of pick(all, 11, random)) profiles[i]!.gender = 'female';
  const ethnic = pick(all, 9, random);
  const minority = ['black', 'black', 'black', 'asian', 'asian', 'asian', 'mixed', 'other', 'not-recorded'] as const;
  ethnic.forEach((i, k) => (profiles[i]!.ethnicity = minority[k]!));

  // About a third of the cases are assessed by area assessors (Appendix 3).
  for (const i of pick(all, 37, random)) profiles[i]!.assessor = 'area';

  // Tiers follow the risk: tier 4 for high Risk of Harm and most PPOs.
  for (const p of profiles) {
    const r = random();
    p.tier = p.roh === 'high' || p.roh === 'very-high' ? 4 : p.ppo ? (r < 0.6 ? 4 : 3) : p.roh === 'medium' ? (r < 0.7 ? 3 : 2) : r < 0.5 ? 2 : 1;
  }
  return profiles;
}

/* ------------------------------------------------------------------------------------------
 * Which cases a question is relevant to
 * ---------------------------------------------------------------------------------------- */

const MINORITY = new Set(['black', 'asian', 'mixed', 'other']);

/**
 * For a question: either a test on the profile (the question concerns a sub-group), or the
 * share of the applicable cases it is relevant to, drawn at random.
 */
function relevance(q: Question): ((p: CaseProfile) => boolean) | number {
  const t = q.text;
  if (/prolific and other priority offender/i.test(t)) return (p) => p.ppo === true;
  if (/managed under MAPPA/.test(t)) return (p) => (p.mappaLevel ?? 0) > 0;
  if (/approved premises/i.test(t)) return (p) => p.approvedPremises === true;
  if (/statutory victim contact|victim contact was required/i.test(t)) return (p) => p.statutoryVictimContact === true;
  if (/victim took up contact/i.test(t)) return 0.75;
  if (/high or very high Risk of Harm|posed a high Risk of Harm/.test(t)) return (p) => p.roh === 'high' || p.roh === 'very-high';
  if (/only minority ethnic member/.test(t)) return (p) => MINORITY.has(p.ethnicity ?? '');
  if (/recall/i.test(t)) return 0.3;
  if (/skills for life/i.test(t) && /need/.test(t)) return 0.4;
  // Most screenings call for a full analysis: 24 missing analyses are "too many", not most.
  if (/^Where the screening indicated one was needed/.test(t)) return 0.9;
  if (/^Where /.test(t)) return 0.55;
  if (q.criterion === '1.1' && q.id !== '1.1.1') return 0.85;
  return 0.95;
}

/* ------------------------------------------------------------------------------------------
 * The cases
 * ---------------------------------------------------------------------------------------- */

export function demoBank(): QuestionBank {
  return getBank('omi-2008.1')!;
}

/**
 * The questions the report gives no figure for get one value per criterion (with a small,
 * balanced spread), chosen so that 0.8 x mean(individual) + 0.2 x summary = the printed
 * percentage, given the proportions the known questions will actually have.
 */
function fillUnknown(bank: QuestionBank, realised: Map<string, number>, unknown: Map<string, string[]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [criterion, target] of Object.entries(kentCriterionPercents)) {
    const questions = bank.questions.filter((q) => q.criterion === criterion);
    const individual = questions.filter((q) => !q.summary);
    const summary = questions.find((q) => q.summary)!;
    const missing = unknown.get(criterion) ?? [];
    if (missing.length === 0) continue;
    const missingIndividual = individual.filter((q) => missing.includes(q.id)).length;
    const knownIndividual = individual.filter((q) => !missing.includes(q.id)).reduce((s, q) => s + realised.get(q.id)!, 0);
    const summaryKnown = !missing.includes(summary.id);
    // target = 0.8 x (knownIndividual + k x u) / n + 0.2 x (summaryKnown ? s : u); solve for u.
    const n = individual.length;
    const T = target / 100;
    const a = (0.8 * missingIndividual) / n + (summaryKnown ? 0 : 0.2);
    const b = (0.8 * knownIndividual) / n + (summaryKnown ? 0.2 * realised.get(summary.id)! : 0);
    const u = Math.min(0.97, Math.max(0.08, (T - b) / a));
    missing.forEach((id, k) => {
      const spread = missing.length % 2 === 1 && k === missing.length - 1 ? 0 : k % 2 === 0 ? 0.04 : -0.04;
      out.set(id, Math.min(1, Math.max(0, id === summary.id ? u : u + spread)));
    });
  }
  return out;
}

/**
 * Where the report's own question figures do not add up to its criterion percentage (2.1's
 * give 58%, the report prints 52%), moves the criterion's non-RoH questions together by the
 * difference, leaving the RoH questions (and so the RoH thread) as printed.
 */
function levelCriteria(bank: QuestionBank, realised: Map<string, number>): void {
  for (const [criterion, target] of Object.entries(kentCriterionPercents)) {
    const questions = bank.questions.filter((q) => q.criterion === criterion && realised.has(q.id));
    const individual = questions.filter((q) => !q.summary);
    const summary = questions.find((q) => q.summary);
    const mean = individual.reduce((s, q) => s + realised.get(q.id)!, 0) / individual.length;
    const predicted = summary ? 0.8 * mean + 0.2 * realised.get(summary.id)! : mean;
    const delta = target / 100 - predicted;
    if (Math.abs(delta) <= 0.01) continue;
    const moved = questions.some((q) => !q.roh) ? questions.filter((q) => !q.roh) : questions;
    const weight =
      (summary ? 0.8 : 1) * (moved.filter((q) => !q.summary).length / individual.length) + (summary && moved.includes(summary) ? 0.2 : 0);
    for (const q of moved) realised.set(q.id, Math.min(1, Math.max(0, realised.get(q.id)! + delta / weight)));
  }
}

export function kentDemoCases(bank: QuestionBank = demoBank()): DemoCase[] {
  const random = prng(SEED);
  const profiles = demoProfiles(random);
  const refs = profiles.map((_, i) => `KNT07-${String(i + 1).padStart(3, '0')}`);
  const answers: Record<string, Judgement>[] = profiles.map(() => ({}));

  // 1. Who each question is relevant to.
  const relevant = new Map<string, number[]>();
  for (const q of bank.questions) {
    const applicable = profiles.map((p, i) => (q.appliesTo.includes(p.caseType) ? i : -1)).filter((i) => i >= 0);
    const rule = relevance(q);
    const chosen = typeof rule === 'number' ? pick(applicable, Math.round(rule * applicable.length), random) : applicable.filter((i) => rule(profiles[i]!));
    relevant.set(q.id, chosen);
    for (const i of applicable) answers[i]![q.id] = 'na';
  }

  // 2. The proportion each question will have: the report's figure, as near as the count allows.
  const realised = new Map<string, number>();
  const unknown = new Map<string, string[]>();
  for (const q of bank.questions) {
    const n = relevant.get(q.id)!.length;
    const percent = kentQuestionPercents[q.id];
    if (percent === undefined || n === 0) {
      if (n > 0) unknown.set(q.criterion, [...(unknown.get(q.criterion) ?? []), q.id]);
      continue;
    }
    realised.set(q.id, Math.round((percent / 100) * n) / n);
  }
  for (const [id, p] of fillUnknown(bank, realised, unknown)) realised.set(id, p);
  levelCriteria(bank, realised);

  // 3. Who says yes.
  for (const q of bank.questions) {
    const cases = shuffled(relevant.get(q.id)!, random);
    const yes = Math.round((realised.get(q.id) ?? 0) * cases.length);
    cases.forEach((i, k) => (answers[i]![q.id] = k < yes ? 'yes' : 'no'));
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

/** Table 1's grades, with the report's main strengths and areas for improvement, shortened. */
export const kentDemoLeadership: Readonly<Record<string, PutLeadership>> = {
  '4.1': {
    grade: kentLeadershipGrades['4.1']!,
    strengths: [
      'The Area Business Plan 2007/2008 followed the four NOMS priorities and was shared with the LCJB and other boards.',
      'The area was well engaged with the LCJB, chaired by its Chief Officer, and had formal liaison arrangements with sentencers.',
      'Strategic partners and prisons valued the area’s proactive leadership in implementing offender management.',
    ],
    improvements: [
      'Service users’ views were not used routinely to inform strategic planning.',
      'Only 55% of sentencers who responded were satisfied with the liaison arrangements.',
      'The internal risk management policy dated from 2005 and had not been updated.',
    ],
  },
  '4.2': {
    grade: kentLeadershipGrades['4.2']!,
    strengths: [
      'Steady improvement against the NOMS weighted scorecard, with targeted action on OASys timeliness.',
      'An established monthly performance reporting structure reached every level of the organisation.',
    ],
    improvements: [
      'The skills for life target had not been met; the strategic group to address it was not yet set up.',
      'There was no routine process to identify and address inequalities from race and gender data.',
    ],
  },
  '4.3': {
    grade: kentLeadershipGrades['4.3']!,
    strengths: [
      'Resources were focused on offenders posing a high Risk of Harm, with tiering used to allocate work.',
      'The national workload management tool was fully implemented.',
    ],
    improvements: [
      'Some sentencers remained dissatisfied with the level of staffing in court.',
      'It was not always evident that PPOs received a premium service.',
      'Diversity impact assessments had only recently begun.',
    ],
  },
  '4.4': {
    grade: kentLeadershipGrades['4.4']!,
    strengths: [
      'Staff vacancies were monitored and anticipated in workforce planning.',
      'A comprehensive supervision policy was in place; 81% of staff had had an appraisal in the last 12 months.',
    ],
    improvements: [
      'Only 61% of offender managers felt their training and development needs had been met (46% of PSOs).',
      'Only 46% of offender managers received regular monthly supervision.',
      'Sickness absence had risen to 12.7 days against a target of nine.',
    ],
  },
  '4.5': {
    grade: kentLeadershipGrades['4.5']!,
    strengths: [
      'Monitoring information was used to improve compliance with key standards.',
      'Aggregated OASys data informed service delivery, such as the alcohol services piloted in east Kent.',
    ],
    improvements: [
      'Stakeholder views were not routinely collated, evaluated and used to improve provision.',
      'The area made no regular use of concordance data on proposals and sentences.',
    ],
  },
  '4.6': {
    grade: kentLeadershipGrades['4.6']!,
    strengths: [
      'A commissioning unit had been set up, with contracts governed by service level agreements.',
      'Offender managers rated employment services highly (93%).',
    ],
    improvements: [
      'No structured process collated and evaluated the user perspective to inform commissioning.',
      'Offender managers identified gaps in provision in 37% of cases, mainly alcohol, accommodation and education.',
      'The 5% target spend on partnerships had not been met.',
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
    'sentencer-kind': column(['magistrate', 'magistrate', 'magistrate', 'magistrate', 'magistrate', 'magistrate', 'district-judge', 'district-judge', 'judge', 'legal-adviser', 'legal-adviser']),
    'sdr-quality': column(['very-satisfied', 'very-satisfied', 'very-satisfied', 'very-satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'neither', 'dissatisfied']),
    'fdr-quality': column(['very-satisfied', 'very-satisfied', 'very-satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'neither', 'dissatisfied', 'dont-know']),
    'sdr-timeliness': column(['very-satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'neither', 'dissatisfied', 'dissatisfied', 'very-dissatisfied']),
    'fdr-timeliness': column(['satisfied', 'satisfied', 'satisfied', 'satisfied', 'neither', 'dissatisfied', 'dissatisfied', 'dissatisfied', 'very-dissatisfied', 'dissatisfied', 'dont-know']),
    'report-type-clear': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'not-always', 'not-always', 'not-always', 'not-always']),
    'breach-effective': column(['yes', 'yes', 'yes', 'yes', 'in-part', 'in-part', 'in-part', 'in-part', 'in-part', 'no', 'dont-know']),
    'liaison-effective': column(['yes', 'yes', 'yes', 'yes', 'yes', 'in-part', 'in-part', 'in-part', 'no', 'no', 'dont-know']),
    'policy-information': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'no', 'no']),
    'lcjb-engagement': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'dont-know', 'dont-know']),
    'court-staffing': column(['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no']),
    'court-staff-skills': column(['very-satisfied', 'very-satisfied', 'very-satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'neither', 'dissatisfied']),
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

/** How many of each audience were sent a questionnaire (sentencers: a selection of the benches and judges). */
export const kentDemoInvitations = { victim: 21, sentencer: 16, offender: 110 } as const;
