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
      "The number of prisons across the county presented a particular challenge for the area. The area had responded well to this at a strategic level and was highly regarded by prison representatives for their proactive leadership in implementing offender management, particularly in the Sheppey cluster. There was a nominated prison offender management lead who described close working relationships with their counterpart in the area. A multi-agency offender management committee had been established and was jointly chaired by the area and HMPS. The committee met quarterly to review the effectiveness of offender management implementation across the two organisations. Outcomes from the committee included a process for escalating cases where there was no allocated offender manager and the development of video conferencing to facilitate sentence planning. There had been joint offender management training in the prisons and probation area. A specific KPI had been developed in the Sheppey cluster to improve prison service attendance at MAPPA meetings and further work was being discussed to improve the quality of written information provided at these meetings. The area was described by the prison representative as *\"one of the best areas, as they know how Kent prisons work\"*.",
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
