/**
 * The demo against the seed (issue 28): the Kent demo, seeded through the real API of the test
 * server, carries every per-question figure the Kent report prints, exactly, and its criterion
 * scores within one point of the printed ones but for the contradictions the demo documents.
 *
 * The oracle is the table below, typed from /work/shared/seed/kent-omi-report-2008.txt with
 * the seed's words beside each figure: it does not read infra/local's reference tables, so the
 * code under test is not its own judge. Conventions: a figure stated negatively ("in 40% of
 * cases there was insufficient oversight") is the complement (60); `yes`/`no`/`of` are counts
 * the seed prints; `groups` are figures it prints for a sub-group only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKentDemo } from '#infra/local/seed';
import { KENT_CRITERION_MISSES, KENT_FIGURE_CONFLICTS } from '#infra/local/demo-data';
import { baseUrl, call, tokenFor } from '#support/api';

type CaseType = 'community' | 'licence' | 'custody';
interface Printed {
  percent?: number;
  yes?: number;
  no?: number;
  of?: number;
  /** Figures the seed gives for one sub-group of the relevant cases. */
  groups?: { who: CaseType[] | 'high-roh' | 'mappa'; percent?: number; no?: number; of?: number }[];
  seed: string;
}

const SEED_FIGURES: Record<string, Printed> = {
  '1.1.1': { yes: 61, of: 69, seed: 'Court reports were prepared for 61 out of the 69 cases in the community and custodial sample.' },
  '1.1.5': { percent: 85, of: 52, seed: 'In 85% of the 52 reports where it had been used, ... enhanced by the e-OASys template.' },
  '1.1.6': { percent: 100, seed: 'All reports had been prepared within the time frame specified by the court.' },
  '1.1.7': { percent: 90, seed: 'In 90% of reports a clear proposal for sentence was made.' },
  '1.1.10': { percent: 64, seed: 'In 64% of reports an outline plan was included.' },
  '1.1.11': { yes: 11, of: 16, seed: 'Where issues of self-harm had been identified, this was clearly recorded in 11 out of 16 reports.' },
  '1.1.12': { percent: 86, seed: 'Overall we found the quality of reports in preparing for sentence satisfactory in 86% of cases.' },
  '1.2.1': {
    no: 7,
    groups: [
      { who: ['community'], percent: 90 },
      { who: ['licence'], percent: 93 },
    ],
    seed: 'A RoH screening had been completed in 90% of community sentence cases and 93% of licence cases. ... In seven cases no RoH screening had been completed',
  },
  '1.2.2': { percent: 89, seed: '... and was assessed as accurate in 89% of cases.' },
  '1.2.3': { no: 24, seed: 'In 24 cases no RoH analysis was completed where the screening indicated one should have been done.' },
  '1.2.4': {
    percent: 58,
    seed: 'In those cases where a full RoH analysis was completed the overall quality of this was assessed as sufficient in 58% of cases.',
  },
  '1.2.5': { percent: 87, seed: 'RoH analyses accurately reflected the RoH to the public in 87% of cases.' },
  '1.2.6': { percent: 79, seed: 'this was lower for RoH to children (79%)' },
  '1.2.7': { percent: 76, seed: 'known adults (76%)' },
  '1.2.8': { percent: 78, seed: 'and staff (78%)' },
  '1.2.9': { percent: 44, seed: 'In less than half of cases (44%) the RoH assessment covered victim issues thoroughly.' },
  '1.2.10': { percent: 52, seed: 'In 52% of cases the RoH screening and analysis drew on the full range of information available.' },
  '1.2.11': {
    groups: [
      { who: ['community'], no: 2 },
      { who: ['licence'], no: 2 },
    ],
    seed: 'In a small number of cases (two each) across both the community and licence case samples, a risk management plan had not been completed when it should have been.',
  },
  '1.2.12': {
    groups: [
      { who: ['licence', 'custody'], percent: 25 },
      { who: ['community'], percent: 22 },
    ],
    seed: 'In the custodial and licence sample only a quarter of plans were considered comprehensive. This was lower for the community case sample at just 22%.',
  },
  '1.2.13': {
    groups: [
      { who: 'high-roh', percent: 87 },
      { who: 'mappa', percent: 92 },
    ],
    seed: 'classified as posing a high or very high RoH, this had been communicated to all relevant staff in 87% of cases. ... the MAPPA level was communicated to all staff involved in 92% of cases.',
  },
  '1.2.14': {
    no: 15,
    groups: [{ who: 'high-roh', no: 5, of: 14 }],
    seed: 'management involvement ... safeguarding issues (ten out of 16 cases). In five out of 14 cases there was no evidence of management involvement where the offender was assessed as high or very high RoH.',
  },
  '1.3.1': { percent: 79, seed: 'In 79% of cases an OASys was completed as required at the start of sentence.' },
  '1.3.2': { percent: 91, seed: 'In 91% of cases an OASys score was calculated at the start of sentence.' },
  '1.3.3': { no: 21, seed: 'In 21 cases criminogenic factors were not assessed within the time frames prescribed by national standards' },
  '1.3.4': { percent: 90, seed: 'Positive influences such as supportive and pro-social factors were identified in 90% of cases.' },
  '1.3.5': { percent: 82, seed: 'In 82% of cases the assessments drew on other relevant information.' },
  '1.3.6': { yes: 4, of: 9, seed: 'Of the nine PPO cases, only four OASys assessments were assessed as comprehensive.' },
  '1.3.7': { percent: 75, seed: 'The overall quality of the LoR assessments was assessed as sufficient in 75% of cases.' },
  '1.4.1': { percent: 75, seed: 'Skills for life screening had been carried out at the start of sentence in 75% of cases.' },
  '1.4.2': { percent: 38, seed: 'indicated a need for a full assessment, this had taken place in only 38% of cases.' },
  '1.4.3': { percent: 71, seed: 'In 71% of cases full attention had been paid to the methods most likely to be effective with the offender.' },
  '1.4.4': { no: 1, seed: 'In all but one case the REM classification had been recorded.' },
  '1.4.5': { percent: 72, seed: 'Diversity and other individual needs had been actively assessed in 72% of cases.' },
  '1.4.6': {
    percent: 74,
    seed: 'where potentially discriminatory factors had been identified (60 cases) plans had been put in place to address them in 74% of cases.',
  },
  '1.5.1': { percent: 85, no: 16, seed: 'In 85% of cases the offender was allocated to the correct tier ... we found 16 cases that were not.' },
  '1.5.2': { percent: 79, seed: 'in 79% of cases the planning accurately reflected the tier.' },
  '1.5.3': { percent: 94, seed: 'In 94% of cases ... the offender understood the requirements of the sentence and consequence of non-attendance.' },
  '1.5.4': { percent: 86, seed: 'Planned contact levels were included in the sentence plan in 86% of cases' },
  '1.5.5': { percent: 81, seed: 'in 81% of cases all arranged contacts were enforceable.' },
  '1.5.6': { percent: 68, seed: 'in 32% of relevant cases the plan had not been completed within the appropriate time frame.' },
  '1.5.8': { percent: 50, seed: 'In just half of the cases were roles and responsibilities of all workers clearly defined.' },
  '1.5.9': { percent: 46, seed: 'in only 46% of cases, the sentence plan gave a clear shape to supervision.' },
  '1.5.10': {
    percent: 32,
    seed: 'In only 32% of cases was there reference in the sentence plan to how any RoH posed by the offender would be managed.',
  },
  '1.5.11': { percent: 43, seed: 'In 57% of cases there was no evidence that appropriate consideration had been given to restrictive requirements.' },
  '1.5.12': { yes: 32, of: 63, seed: 'In 32 out of 63 cases (51%) sentence plans were considered sensitive to diversity issues.' },
  '1.5.14': { percent: 43, seed: 'The overall quality of sentence planning was assessed as insufficient in 57% of cases.' },
  '2.1.1': { percent: 83, seed: 'In 83% of cases, arrangements had been put in place to prepare offenders thoroughly for interventions.' },
  '2.1.2': {
    percent: 72,
    seed: 'offender managers showing commitment to their work with offenders - this was supported by our findings in 72% of cases.',
  },
  '2.1.3': {
    percent: 60,
    seed: 'In 40% of cases there was insufficient oversight and coordination of input of all workers by the offender manager.',
  },
  '2.1.4': { percent: 63, seed: 'in 37% of cases the sentence requirements were not fully implemented.' },
  '2.1.5': {
    percent: 61,
    seed: 'In 39% of cases with more than one requirement ... we did not find sufficient sequencing of interventions according to RoH and LoR.',
  },
  '2.1.6': { percent: 52, seed: 'Work in the community did not build sufficiently on activity in prison in 48% of cases.' },
  '2.1.7': { percent: 74, seed: 'sentence plans were reviewed in line with national standards in 74% of cases' },
  '2.1.8': { percent: 54, seed: 'In 54% of cases the work with offenders was assessed as flowing coherently' },
  '2.1.9': { percent: 38, seed: 'in only 38% of cases did objectives and milestones give a clear direction to the sentence.' },
  '2.1.10': { percent: 65, seed: 'In 65% of cases we assessed the communication between the offender manager and other workers as good.' },
  '2.1.11': { percent: 57, seed: 'The figure was lower (57%) for communication between all staff and the offender.' },
  '2.1.12': {
    percent: 33,
    seed: 'insufficient positive, proactive and timely work between prison staff and offender managers ... in two-thirds of cases.',
  },
  '2.1.13': { percent: 52, seed: 'in only 52% of cases had the offender manager delivered all elements of the sentence in a planned way.' },
  '2.2.1': { percent: 78, seed: 'RoH was reviewed four months from the start of sentence in 78% of cases' },
  '2.2.2': { percent: 82, seed: 'and at least every four months thereafter in 82% of cases.' },
  '2.2.3': { percent: 58, seed: 'in only 58% of cases were risk factors anticipated.' },
  '2.2.4': {
    percent: 62,
    seed: 'Planning to address RoH to the public, known adults and staff was not evident in 38%, 40% and 57% of cases respectively.',
  },
  '2.2.5': { percent: 60, seed: '(known adults: 40% not evident)' },
  '2.2.6': { percent: 43, seed: '(staff: 57% not evident)' },
  '2.2.7': {
    no: 7,
    of: 10,
    seed: 'Engagement in internal risk management processes in custody was not evident in seven out of the ten cases in the custody sample.',
  },
  '2.2.8': {
    percent: 40,
    yes: 6,
    of: 15,
    seed: 'home visits were only carried out as required in 40% of cases (six) and appropriately at a later stage in one case. In eight cases no home visit had been conducted',
  },
  '2.2.9': { yes: 6, of: 16, seed: 'Where there were safeguarding concerns home visits took place in only six out of 16 cases.' },
  '2.2.10': {
    yes: 21,
    of: 25,
    seed: 'In 21 out of 25 MAPPA cases the offender manager and other workers were assessed as contributing effectively to MAPPA (81%).',
  },
  '2.2.11': { yes: 17, of: 25, seed: 'MAPPA were assessed as being used effectively in 17 out of 25 cases' },
  '2.2.12': {
    yes: 12,
    of: 12,
    seed: 'In the 12 cases where recall action had take place in relation to RoH issues, all had been actioned appropriately.',
  },
  '2.2.13': { no: 5, seed: 'In five recall cases, there was no evidence that clear explanations for the recall had been given to the offender' },
  '2.3.1': { percent: 65, yes: 31, of: 48, seed: 'Victim safety was given appropriate priority in 65% of cases (31 out of 48).' },
  '2.3.2': {
    yes: 2,
    of: 4,
    seed: 'victim safety not being promoted from within the custodial setting - in only two out of four cases had this occurred.',
  },
  '2.3.3': { yes: 12, of: 23, seed: 'a timely written offer of face-to-face contact was made in only 12 out of 23 statutory victim contact cases' },
  '2.3.4': { yes: 15, seed: 'and information about the criminal justice process provided in only 15 cases.' },
  '2.3.5': { no: 6, seed: 'In six cases there was no evidence that any victim liaison had taken place when it should have done.' },
  '2.3.6': {
    percent: 71,
    seed: 'where the victim had taken up the offer of contact with the VLO, 71% had had the opportunity to contribute to setting licence conditions.',
  },
  '2.3.7': { percent: 83, seed: '83% of victims had been informed of release conditions' },
  '2.3.8': { percent: 82, seed: "and 82% were informed of the offender's release in a timely fashion." },
  '2.3.9': { percent: 36, seed: 'in 64% of cases there was no evidence that victim awareness work had taken place where it was required.' },
  '2.4.1': { yes: 6, of: 6, seed: "In all six custodial cases, satisfactory arrangements had been put in place to restrict the offenders' liberty" },
  '2.4.2': { percent: 92, seed: 'Almost all offenders received a timely induction at the start of their community order or licence (92%).' },
  '2.4.3': {
    groups: [{ who: ['community'], percent: 93 }],
    seed: 'the frequency of contact conformed to national standards in 93% of community cases',
  },
  '2.4.4': {
    percent: 84,
    seed: 'facilitated the requirements of the sentence in 84% of cases and supported the achievement of sentence plan objectives in 84%.',
  },
  '2.4.5': { yes: 29, of: 38, seed: 'The frequency of unpaid work sessions was sufficient in 29 out of 38 cases' },
  '2.4.6': { percent: 92, seed: 'There was evidence of offender managers monitoring attendance in 92% of cases.' },
  '2.4.7': { percent: 92, seed: 'Judgements about the acceptability of absences were consistent and appropriate in 92% of cases.' },
  '2.4.8': { percent: 87, seed: 'Where breach action had been deemed necessary effective action had been undertaken in 87% of cases' },
  '2.4.9': { percent: 83, seed: 'Case files were judged as well organised in 83% of cases' },
  '2.4.10': { percent: 49, seed: 'Recording of information was judged to be sufficient in only 49% of cases.' },
  '2.4.11': { percent: 68, seed: 'the matching of offenders to unpaid work placements was evident in 68% of cases.' },
  '2.4.12': {
    percent: 41,
    seed: 'In 59% of relevant custody and licence cases there was insufficient contact between the offender manager and the offender prior to release.',
  },
  '2.4.13': { no: 5, of: 9, seed: 'Of the nine PPO cases, there were five cases where the level of reporting was not enhanced' },
  '2.5.1': { percent: 72, seed: 'Sufficient work and resources were directed at community reintegration issues in 72% of cases.' },
  '2.5.2': {
    yes: 4,
    of: 5,
    seed: 'immediate action was taken to preserve employment, accommodation and family ties in four out of the five relevant cases',
  },
  '2.5.3': {
    percent: 56,
    seed: 'In 56% of cases constructive interventions were assessed as sufficient in challenging the offender to accept responsibility',
  },
  '2.5.5': {
    no: 10,
    of: 24,
    percent: 58,
    seed: 'In ten out of 24 cases (42%) where there was an accredited programme requirement, its provision and timing were not consistent with the sentence plan.',
  },
  '2.5.6': { percent: 36, seed: 'arrangements had been put in place to deliver this in only 36% of cases.' },
  '2.5.8': { percent: 58, seed: "Constructive interventions were considered to meet the 'help' and 'change' sentencing objectives in 58% of cases." },
  '2.6.1': { percent: 94, seed: 'Restrictive interventions were fully monitored in 94% of cases' },
  '2.6.2': { percent: 74, seed: 'in 74% of cases every reasonable action had been taken to minimise RoH.' },
  '2.6.3': { yes: 3, of: 3, seed: 'In all three cases the approved premises were being used effectively as a restrictive intervention.' },
  '2.6.5': {
    yes: 2,
    of: 8,
    seed: 'Of eight released PPO cases where drug misuse was identified as a need only two had an additional licence condition to address that need.',
  },
  '2.7.1': { percent: 74, seed: "Arrangements for interventions took account of the offenders' diversity issues in 74% of cases." },
  '2.7.2': { percent: 96, seed: 'In 96% of the sample, offenders had been clearly informed that discriminatory behaviour would not be tolerated.' },
  '2.7.3': { yes: 2, of: 4, seed: 'Of the four minority offenders who were singleton placements on a programme, only two had given their consent' },
  '3.1.1': { percent: 72, yes: 79, seed: 'In 72% of cases (79) the offender had not been cautioned or convicted of a further offence.' },
  '3.1.2': { percent: 77, seed: "The resources allocated to the case were consistent with the offenders' RoH in 77% of cases" },
  '3.1.3': { percent: 80, seed: 'and LoR in 80% of cases.' },
  '3.1.4': { percent: 74, seed: 'Overall resources were used efficiently to achieve the outcomes planned for the offender in 74% of cases.' },
  '3.1.5': { percent: 85, seed: "The 'punish' sentencing objective was achieved in 85% of all cases" },
  '3.1.6': { percent: 65, seed: "in only 65% of cases had the 'control' objective been met" },
  '3.1.7': { percent: 44, seed: "Across Tiers 2, 3 and 4 the 'help' objective had been achieved in only 44% of cases" },
  '3.1.8': { percent: 29, seed: "and the 'change' objective across Tiers 3 and 4 in 29% of cases." },
  '3.1.9': { percent: 15, seed: 'in only 15% of relevant cases was this judged to have occurred.' },
  '3.1.10': { percent: 19, yes: 20, seed: 'In only 20 cases (19%) was there evidence of a reduced threat to victims and potential victims.' },
  '3.1.11': { percent: 45, seed: 'There was no demonstrable positive change in attitudes and behaviour in 55% of cases.' },
  '3.1.12': { percent: 37, seed: 'Learning outcomes and skills had improved in only 37% of cases.' },
  '3.1.13': { percent: 56, seed: 'Only 56% of offenders had complied with the requirements of the sentence.' },
  '3.2.2': { percent: 40, seed: 'There was a lack of structured sentence planning in 60% of cases.' },
  '3.2.3': { percent: 49, seed: 'Consolidation of offender learning to reinforce new skills was evident in only 49% of cases.' },
  '3.2.4': { percent: 67, seed: 'Full attention had been paid to long-term community integration issues in 67% of cases.' },
  '3.2.5': { percent: 81, seed: 'In 81% of cases offenders were made aware by their offender manager of community organisations' },
};

/**
 * Where the seed contradicts itself the demo keeps one printed figure and misses the other;
 * each miss here must be one the demo's source documents (KENT_FIGURE_CONFLICTS).
 */
const SEED_CONFLICTS: Record<string, { demo: Partial<Printed>; because: string }> = {
  '2.2.10': { demo: { yes: 21, of: 25, percent: 84 }, because: '21 of 25 is 84%, not the 81% printed beside it' },
};

/** Chart 1's criterion percentages, as printed under each criterion's heading; Table 2's thread. */
const SEED_CRITERIA: Record<string, number> = {
  '1.1': 79,
  '1.2': 61,
  '1.3': 77,
  '1.4': 71,
  '1.5': 60,
  '2.1': 52,
  '2.2': 58,
  '2.3': 56,
  '2.4': 78,
  '2.5': 49,
  '2.6': 82,
  '2.7': 65,
  '3.1': 50,
  '3.2': 57,
};
const SEED_ROH_THREAD = 67;
/** The scores the seed's own figures cannot reach (worked out by hand from the table above and Appendix 4's 80/20 rule). */
const DOCUMENTED_MISSES: Record<string, number> = { '2.1': 58, '2.5': 61, roh: 64 };

let summary: any;
const byId = (id: string) => summary.questions.find((q: { id: string }) => q.id === id);
let cases: { profile: { caseType: CaseType; roh?: string; mappaLevel?: number }; answers: Record<string, string> }[];

beforeAll(async () => {
  // An inspection of its own, made as `npm start` makes the demo: seed.test.ts owns the one `seedDemo` finds.
  const kentId = await createKentDemo(baseUrl(), await tokenFor('admin'), 'Kent (fidelity)', await tokenFor('inspector'));
  summary = (await call(`/inspections/${kentId}/summary`, { as: 'staff' })).json;
  cases = [];
  let cursor: string | undefined;
  do {
    const page = await call(`/inspections/${kentId}/cases${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'staff' });
    expect(page.status, page.text).toBe(200);
    cases.push(...page.json.cases);
    cursor = page.json.nextCursor;
  } while (cursor);
}, 180_000);

const percentOf = (yes: number, of: number) => Math.floor((200 * yes + of) / (2 * of));

function inGroup(c: (typeof cases)[number], who: NonNullable<Printed['groups']>[number]['who']): boolean {
  if (who === 'high-roh') return c.profile.roh === 'high' || c.profile.roh === 'very-high';
  if (who === 'mappa') return (c.profile.mappaLevel ?? 0) > 0;
  return who.includes(c.profile.caseType);
}

describe("the Kent demo against the seed's printed figures", () => {
  it('carries every per-question figure the seed prints, exactly: percentages, counts and sub-groups', () => {
    expect(cases).toHaveLength(110);
    const wrong: string[] = [];
    for (const [id, printed] of Object.entries(SEED_FIGURES)) {
      const q = byId(id);
      const want = { ...printed, ...(SEED_CONFLICTS[id]?.demo ?? {}) };
      const of = q.yes + q.no;
      if (want.percent !== undefined && q.percent !== want.percent)
        wrong.push(`${id}: ${q.percent}% (${q.yes} of ${of}), the seed ${want.percent}%: ${printed.seed}`);
      if (want.yes !== undefined && q.yes !== want.yes) wrong.push(`${id}: ${q.yes} yes, the seed ${want.yes}: ${printed.seed}`);
      if (want.no !== undefined && q.no !== want.no) wrong.push(`${id}: ${q.no} no, the seed ${want.no}: ${printed.seed}`);
      if (want.of !== undefined && of !== want.of) wrong.push(`${id}: ${of} relevant, the seed ${want.of}: ${printed.seed}`);
      for (const g of printed.groups ?? []) {
        const answers = cases.filter((c) => inGroup(c, g.who)).map((c) => c.answers[id]);
        const yes = answers.filter((a) => a === 'yes').length;
        const no = answers.filter((a) => a === 'no').length;
        const label = `${id} (${Array.isArray(g.who) ? g.who.join('+') : g.who})`;
        if (g.percent !== undefined && percentOf(yes, yes + no) !== g.percent) wrong.push(`${label}: ${yes} of ${yes + no}, the seed ${g.percent}%`);
        if (g.no !== undefined && no !== g.no) wrong.push(`${label}: ${no} no, the seed ${g.no}`);
        if (g.of !== undefined && yes + no !== g.of) wrong.push(`${label}: ${yes + no} relevant, the seed ${g.of}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps the seed's own contradictions as the demo's source documents them", () => {
    for (const [id, { because }] of Object.entries(SEED_CONFLICTS)) {
      expect(KENT_FIGURE_CONFLICTS[id], `${id}: ${because}`).toBeTruthy();
    }
  });

  it('scores each criterion within one point of the printed one, but for the misses the demo documents', () => {
    for (const c of summary.criteria) {
      const printed = SEED_CRITERIA[c.id]!;
      const miss = DOCUMENTED_MISSES[c.id];
      if (miss !== undefined) {
        expect(c.percent, `${c.id}: a documented miss`).toBe(miss);
        expect(KENT_CRITERION_MISSES[c.id], `${c.id}: the demo's source says why`).toMatchObject({ printed, demo: miss });
      } else expect(Math.abs(c.percent - printed), `${c.id}: ${c.percent}% against the seed's ${printed}%`).toBeLessThanOrEqual(1);
    }
    expect(summary.rohThread.percent).toBe(DOCUMENTED_MISSES.roh);
    expect(KENT_CRITERION_MISSES.roh).toMatchObject({ printed: SEED_ROH_THREAD, demo: DOCUMENTED_MISSES.roh });
    // A criterion within a point is no miss to document; a documented miss is more than a point.
    for (const [id, m] of Object.entries(KENT_CRITERION_MISSES)) if (Math.abs(m.demo - m.printed) > 1) expect(DOCUMENTED_MISSES[id], id).toBe(m.demo);
  });
});
