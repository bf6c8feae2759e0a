import type { CaseType } from '#schemas/bank';

/**
 * The figures printed in the Kent Offender Management Inspection report (HMI Probation,
 * February 2008; fieldwork November 2007), keyed to the "omi-2008.1" question bank, for a
 * realistic demo dataset and for tests. Where a figure is worked out rather than printed,
 * the comment says how.
 */

/** The percentage printed under each scored criterion's heading (sections 1-3). */
export const kentCriterionPercents: Readonly<Record<string, number>> = {
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

/**
 * Section scores. Chart 1, which shows them, is an image missing from the text of the report,
 * so these are worked out as Appendix 4 describes: the mean of the section's printed criterion
 * percentages, rounded half up (69.6, 62.86 and 53.5).
 */
export const kentSectionPercents: Readonly<Record<1 | 2 | 3, number>> = {
  1: 70,
  2: 63,
  3: 54,
};

/** Table 2: "Score for Risk of Harm Thread 67%". */
export const kentRohThreadPercent = 67;

/** Table 1: the grades of the section 4 criteria. */
export const kentLeadershipGrades: Readonly<Record<string, 'well-met' | 'satisfactorily-met' | 'partly-met' | 'not-met'>> = {
  '4.1': 'satisfactorily-met',
  '4.2': 'satisfactorily-met',
  '4.3': 'partly-met',
  '4.4': 'partly-met',
  '4.5': 'partly-met',
  '4.6': 'partly-met',
};

/**
 * For each question whose finding the report quantifies: the percentage of relevant cases
 * where the work was sufficient, and the report's words. Findings stated negatively ("in 40%
 * of cases there was insufficient oversight") are turned round (60). Counts ("11 out of 16")
 * are turned into percentages, rounded half up. Vague quantities ("most", "just over half")
 * are left out, as are questions the report gives no figure for.
 */
export const kentQuestionFindings: Readonly<Record<string, { percent: number; finding: string }>> = {
  '1.1.1': { percent: 88, finding: 'Court reports were prepared for 61 out of the 69 cases in the community and custodial sample.' },
  '1.1.5': {
    percent: 85,
    finding: 'In 85% of the 52 reports where it had been used, we judged that the quality had been enhanced by the e-OASys template.',
  },
  '1.1.6': { percent: 100, finding: 'All reports had been prepared within the time frame specified by the court.' },
  '1.1.7': { percent: 90, finding: 'In 90% of reports a clear proposal for sentence was made.' },
  '1.1.10': { percent: 64, finding: 'In 64% of reports an outline plan was included.' },
  '1.1.11': { percent: 69, finding: 'Where issues of self-harm had been identified, this was clearly recorded in 11 out of 16 reports.' },
  '1.1.12': { percent: 86, finding: 'Overall we found the quality of reports in preparing for sentence satisfactory in 86% of cases.' },

  '1.2.1': {
    percent: 91,
    finding:
      'A RoH screening had been completed in 90% of community sentence cases and 93% of licence cases (weighted by the 60 community and 40 licence cases).',
  },
  '1.2.2': { percent: 89, finding: '[The screening] was assessed as accurate in 89% of cases.' },
  '1.2.4': {
    percent: 58,
    finding: 'In those cases where a full RoH analysis was completed the overall quality of this was assessed as sufficient in 58% of cases.',
  },
  '1.2.5': { percent: 87, finding: 'RoH analyses accurately reflected the RoH to the public in 87% of cases.' },
  '1.2.6': { percent: 79, finding: 'This was lower for RoH to children (79%).' },
  '1.2.7': { percent: 76, finding: 'This was lower for RoH to known adults (76%).' },
  '1.2.8': { percent: 78, finding: 'This was lower for RoH to staff (78%).' },
  '1.2.9': { percent: 44, finding: 'In less than half of cases (44%) the RoH assessment covered victim issues thoroughly.' },
  '1.2.3': {
    percent: 75,
    finding:
      'In 24 cases no RoH analysis was completed where the screening indicated one should have been done (24 of the 95 or so cases whose screening called for one).',
  },
  '1.2.10': { percent: 52, finding: 'In 52% of cases the RoH screening and analysis drew on the full range of information available.' },
  '1.2.11': {
    percent: 93,
    finding:
      'In those community cases assessed as high/very high RoH all had been completed within the five day time limit; in a small number of cases (two each) across both the community and licence case samples, a risk management plan had not been completed when it should have been (4 of about 60).',
  },
  '1.2.12': {
    percent: 23,
    finding:
      'In the custodial and licence sample only a quarter of plans were considered comprehensive; for the community case sample just 22% (weighted by the 50 and 60 cases).',
  },
  '1.2.13': {
    percent: 92,
    finding:
      'High or very high RoH communicated to all relevant staff in 87% of cases; the MAPPA level communicated to all staff involved in 92% (every high RoH case is a MAPPA case: 13 of the 15 and all ten others, 23 of 25).',
  },
  '1.2.14': {
    percent: 50,
    finding:
      'Insufficient management involvement in ten out of 16 safeguarding cases and no evidence of it in five out of 14 high or very high RoH cases (15 of 30).',
  },

  '1.3.1': { percent: 79, finding: 'In 79% of cases an OASys was completed as required at the start of sentence.' },
  '1.3.2': { percent: 91, finding: 'In 91% of cases an OASys score was calculated at the start of sentence.' },
  '1.3.4': { percent: 90, finding: 'Positive influences such as supportive and pro-social factors were identified in 90% of cases.' },
  '1.3.5': { percent: 82, finding: 'In 82% of cases the assessments drew on other relevant information.' },
  '1.3.6': { percent: 44, finding: 'Of the nine PPO cases, only four OASys assessments were assessed as comprehensive.' },
  '1.3.7': { percent: 75, finding: 'The overall quality of the LoR assessments was assessed as sufficient in 75% of cases.' },

  '1.4.1': { percent: 75, finding: 'Skills for life screening had been carried out at the start of sentence in 75% of cases.' },
  '1.4.2': {
    percent: 38,
    finding: 'Where the initial skills for life screening had indicated a need for a full assessment, this had taken place in only 38% of cases.',
  },
  '1.4.3': { percent: 71, finding: 'In 71% of cases full attention had been paid to the methods most likely to be effective with the offender.' },
  '1.4.4': { percent: 99, finding: 'In all but one case the REM classification had been recorded (109 of 110).' },
  '1.4.5': { percent: 72, finding: 'Diversity and other individual needs had been actively assessed in 72% of cases.' },
  '1.4.6': {
    percent: 74,
    finding: 'Where potentially discriminatory factors had been identified (60 cases) plans had been put in place to address them in 74% of cases.',
  },

  '1.5.1': { percent: 85, finding: 'In 85% of cases the offender was allocated to the correct tier.' },
  '1.5.2': { percent: 79, finding: 'In 79% of cases the planning accurately reflected the tier.' },
  '1.5.3': {
    percent: 94,
    finding:
      'In 94% of cases the offender manager ensured the offender understood the requirements of the sentence and consequence of non-attendance.',
  },
  '1.5.4': { percent: 86, finding: 'Planned contact levels were included in the sentence plan in 86% of cases.' },
  '1.5.5': { percent: 81, finding: 'In 81% of cases all arranged contacts were enforceable.' },
  '1.5.6': { percent: 68, finding: 'In 32% of relevant cases the plan had not been completed within the appropriate time frame.' },
  '1.5.8': { percent: 50, finding: 'In just half of the cases were roles and responsibilities of all workers clearly defined.' },
  '1.5.9': { percent: 46, finding: 'In only 46% of cases, the sentence plan gave a clear shape to supervision.' },
  '1.5.10': {
    percent: 32,
    finding: 'In only 32% of cases was there reference in the sentence plan to how any RoH posed by the offender would be managed.',
  },
  '1.5.11': {
    percent: 43,
    finding: 'In 57% of cases there was no evidence that appropriate consideration had been given to restrictive requirements.',
  },
  '1.5.12': { percent: 51, finding: 'In 32 out of 63 cases (51%) sentence plans were considered sensitive to diversity issues.' },
  '1.5.14': { percent: 43, finding: 'The overall quality of sentence planning was assessed as insufficient in 57% of cases.' },

  '2.1.1': { percent: 83, finding: 'In 83% of cases, arrangements had been put in place to prepare offenders thoroughly for interventions.' },
  '2.1.2': {
    percent: 72,
    finding: 'Offender managers showing commitment to their work with offenders was supported by our findings in 72% of cases.',
  },
  '2.1.3': {
    percent: 60,
    finding: 'In 40% of cases there was insufficient oversight and coordination of input of all workers by the offender manager.',
  },
  '2.1.4': { percent: 63, finding: 'In 37% of cases the sentence requirements were not fully implemented.' },
  '2.1.5': {
    percent: 61,
    finding: 'In 39% of cases with more than one requirement we did not find sufficient sequencing of interventions according to RoH and LoR.',
  },
  '2.1.6': { percent: 52, finding: 'Work in the community did not build sufficiently on activity in prison in 48% of cases.' },
  '2.1.7': { percent: 74, finding: 'Sentence plans were reviewed in line with national standards in 74% of cases.' },
  '2.1.8': { percent: 54, finding: 'In 54% of cases the work with offenders was assessed as flowing coherently.' },
  '2.1.9': { percent: 38, finding: 'In only 38% of cases did objectives and milestones give a clear direction to the sentence.' },
  '2.1.10': { percent: 65, finding: 'In 65% of cases we assessed the communication between the offender manager and other workers as good.' },
  '2.1.11': { percent: 57, finding: 'The figure was lower (57%) for communication between all staff and the offender.' },
  '2.1.12': {
    percent: 33,
    finding:
      'Insufficient positive, proactive and timely work between prison staff and offender managers to manage the transition from custody into the community in two-thirds of cases.',
  },
  '2.1.13': {
    percent: 52,
    finding: 'Overall we found that in only 52% of cases had the offender manager delivered all elements of the sentence in a planned way.',
  },

  '2.2.1': { percent: 78, finding: 'RoH was reviewed four months from the start of sentence in 78% of cases.' },
  '2.2.2': { percent: 82, finding: '[RoH was reviewed] at least every four months thereafter in 82% of cases.' },
  '2.2.3': { percent: 58, finding: 'In only 58% of cases were risk factors anticipated.' },
  '2.2.4': { percent: 62, finding: 'Planning to address RoH to the public was not evident in 38% of cases.' },
  '2.2.5': { percent: 60, finding: 'Planning to address RoH to known adults was not evident in 40% of cases.' },
  '2.2.6': { percent: 43, finding: 'Planning to address RoH to staff was not evident in 57% of cases.' },
  '2.2.7': {
    percent: 30,
    finding: 'Engagement in internal risk management processes in custody was not evident in seven out of the ten cases in the custody sample.',
  },
  '2.2.8': { percent: 40, finding: 'In high RoH cases, home visits were only carried out as required in 40% of cases (six).' },
  '2.2.9': { percent: 38, finding: 'Where there were safeguarding concerns home visits took place in only six out of 16 cases.' },
  '2.2.10': {
    percent: 81,
    finding:
      'In 21 out of 25 MAPPA cases the offender manager and other workers were assessed as contributing effectively to MAPPA (81%, as printed; 21 of 25 is 84%).',
  },
  '2.2.11': { percent: 68, finding: 'MAPPA were assessed as being used effectively in 17 out of 25 cases.' },
  '2.2.13': {
    percent: 58,
    finding:
      'In five recall cases [of the 12], there was no evidence that clear explanations for the recall had been given to the offender and efforts made to re-engage them.',
  },
  '2.2.12': {
    percent: 100,
    finding: 'In the 12 cases where recall action had taken place in relation to RoH issues, all had been actioned appropriately.',
  },

  '2.3.1': { percent: 65, finding: 'Victim safety was given appropriate priority in 65% of cases (31 out of 48).' },
  '2.3.2': { percent: 50, finding: 'Victim safety promoted from within the custodial setting in only two out of four cases.' },
  '2.3.3': { percent: 52, finding: 'A timely written offer of face-to-face contact was made in only 12 out of 23 statutory victim contact cases.' },
  '2.3.4': { percent: 65, finding: 'Information about the criminal justice process provided in only 15 [of 23] cases.' },
  '2.3.6': {
    percent: 71,
    finding:
      'Where the victim had taken up the offer of contact with the VLO, 71% had had the opportunity to contribute to setting licence conditions.',
  },
  '2.3.7': { percent: 83, finding: '83% of victims had been informed of release conditions.' },
  '2.3.8': { percent: 82, finding: "82% were informed of the offender's release in a timely fashion." },
  '2.3.9': { percent: 36, finding: 'In 64% of cases there was no evidence that victim awareness work had taken place where it was required.' },

  '2.4.1': {
    percent: 100,
    finding: "In all six custodial cases, satisfactory arrangements had been put in place to restrict the offenders' liberty.",
  },
  '2.4.2': { percent: 92, finding: 'Almost all offenders received a timely induction at the start of their community order or licence (92%).' },
  '2.4.3': { percent: 93, finding: 'The frequency of contact conformed to national standards in 93% of community cases.' },
  '2.4.4': {
    percent: 84,
    finding:
      '[Contact] facilitated the requirements of the sentence in 84% of cases and supported the achievement of sentence plan objectives in 84%.',
  },
  '2.4.5': { percent: 76, finding: 'The frequency of unpaid work sessions was sufficient in 29 out of 38 cases.' },
  '2.4.6': { percent: 92, finding: 'There was evidence of offender managers monitoring attendance in 92% of cases.' },
  '2.4.7': { percent: 92, finding: 'Judgements about the acceptability of absences were consistent and appropriate in 92% of cases.' },
  '2.4.8': { percent: 87, finding: 'Where breach action had been deemed necessary effective action had been undertaken in 87% of cases.' },
  '2.4.9': { percent: 83, finding: 'Case files were judged as well organised in 83% of cases.' },
  '2.4.10': { percent: 49, finding: 'Recording of information was judged to be sufficient in only 49% of cases.' },
  '2.4.11': { percent: 68, finding: 'The matching of offenders to unpaid work placements was evident in 68% of cases.' },
  '2.4.12': {
    percent: 41,
    finding:
      'In 59% of relevant custody and licence cases there was insufficient contact between the offender manager and the offender prior to release.',
  },
  '2.4.13': { percent: 44, finding: 'Of the nine PPO cases, there were five cases where the level of reporting was not enhanced.' },

  '2.5.1': { percent: 72, finding: 'Sufficient work and resources were directed at community reintegration issues in 72% of cases.' },
  '2.5.2': {
    percent: 80,
    finding: 'Immediate action was taken to preserve employment, accommodation and family ties in four out of the five relevant cases.',
  },
  '2.5.3': {
    percent: 56,
    finding:
      'In 56% of cases constructive interventions were assessed as sufficient in challenging the offender to accept responsibility for their offending behaviour and its consequences.',
  },
  '2.5.5': {
    percent: 58,
    finding:
      'In ten out of 24 cases (42%) where there was an accredited programme requirement, its provision and timing were not consistent with the sentence plan.',
  },
  '2.5.6': {
    percent: 36,
    finding:
      'Where the need for a skills for life intervention was identified, arrangements had been put in place to deliver this in only 36% of cases.',
  },
  '2.5.8': {
    percent: 58,
    finding: "Constructive interventions were considered to meet the 'help' and 'change' sentencing objectives in 58% of cases.",
  },

  '2.6.1': { percent: 94, finding: 'Restrictive interventions were fully monitored in 94% of cases.' },
  '2.6.2': { percent: 74, finding: 'In 74% of cases every reasonable action had been taken to minimise RoH.' },
  '2.6.3': { percent: 100, finding: 'In all three cases the approved premises were being used effectively as a restrictive intervention.' },
  '2.6.5': {
    percent: 25,
    finding:
      'Of eight released PPO cases where drug misuse was identified as a need only two had an additional licence condition to address that need.',
  },

  '2.7.1': { percent: 74, finding: "Arrangements for interventions took account of the offenders' diversity issues in 74% of cases." },
  '2.7.2': {
    percent: 96,
    finding: 'In 96% of the sample, offenders had been clearly informed that discriminatory behaviour would not be tolerated.',
  },
  '2.7.3': { percent: 50, finding: 'Of the four minority offenders who were singleton placements on a programme, only two had given their consent.' },

  '3.1.1': { percent: 72, finding: 'In 72% of cases (79) the offender had not been cautioned or convicted of a further offence.' },
  '3.1.2': { percent: 77, finding: "The resources allocated to the case were consistent with the offenders' RoH in 77% of cases." },
  '3.1.3': { percent: 80, finding: "[The resources were consistent with the offenders'] LoR in 80% of cases." },
  '3.1.4': { percent: 74, finding: 'Overall resources were used efficiently to achieve the outcomes planned for the offender in 74% of cases.' },
  '3.1.5': { percent: 85, finding: "The 'punish' sentencing objective was achieved in 85% of all cases." },
  '3.1.6': { percent: 65, finding: "In only 65% of cases had the 'control' objective been met." },
  '3.1.7': { percent: 44, finding: "Across Tiers 2, 3 and 4 the 'help' objective had been achieved in only 44% of cases." },
  '3.1.8': { percent: 29, finding: "[Across] Tiers 3 and 4 [the 'change' objective had been achieved] in 29% of cases." },
  '3.1.9': { percent: 15, finding: 'In only 15% of relevant cases was [increased victim awareness] judged to have occurred.' },
  '3.1.10': { percent: 19, finding: 'In only 20 cases (19%) was there evidence of a reduced threat to victims and potential victims.' },
  '3.1.11': { percent: 45, finding: 'There was no demonstrable positive change in attitudes and behaviour in 55% of cases.' },
  '3.1.12': { percent: 37, finding: 'Learning outcomes and skills had improved in only 37% of cases.' },
  '3.1.13': { percent: 56, finding: 'Only 56% of offenders had complied with the requirements of the sentence.' },

  '3.2.2': { percent: 40, finding: 'There was a lack of structured sentence planning in 60% of cases.' },
  '3.2.3': { percent: 49, finding: 'Consolidation of offender learning to reinforce new skills was evident in only 49% of cases.' },
  '3.2.4': { percent: 67, finding: 'Full attention had been paid to long-term community integration issues in 67% of cases.' },
  '3.2.5': {
    percent: 81,
    finding:
      'In 81% of cases offenders were made aware by their offender manager of community organisations which might assist them in the longer term.',
  },
};

/** Question id -> the percentage of relevant cases judged sufficient, where the report gives one. */
export const kentQuestionPercents: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(kentQuestionFindings).map(([id, { percent }]) => [id, percent]),
);

/** Appendix 2: "Each sample is made up of 40 licence cases, 60 community order cases and 10 custody cases." */
export const kentSample: { readonly cases: number; readonly byCaseType: Readonly<Record<CaseType, number>> } = {
  cases: 110,
  byCaseType: { licence: 40, community: 60, custody: 10 },
};

/**
 * Sizes of sub-groups of the 110 cases, as the report gives them, to shape a demo profile and
 * which questions are relevant ("na" elsewhere).
 */
export const kentSampleSubgroups = {
  /** "Of the nine PPO cases". */
  ppo: 9,
  /** "In 21 out of 25 MAPPA cases". */
  mappa: 25,
  /** "12 out of 23 statutory victim contact cases". */
  statutoryVictimContact: 23,
  /** "In all three cases the approved premises were being used effectively". */
  approvedPremises: 3,
  /** "home visits were only carried out as required in 40% of cases (six)" (1.2 counts 14). */
  highOrVeryHighRoh: 15,
  /** "ten out of 16 cases" with safeguarding issues. */
  safeguarding: 16,
  /** "nine of the 23 cases where there was evidence of domestic violence". */
  domesticViolence: 23,
  /** "The frequency of unpaid work sessions was sufficient in 29 out of 38 cases". */
  unpaidWork: 38,
  /** "ten out of 24 cases (42%) where there was an accredited programme requirement". */
  accreditedProgramme: 24,
  /** "There were nine cases in the sample that had been transferred between areas". */
  transferredIn: 9,
  /** "Court reports were prepared for 61 out of the 69 cases in the community and custodial sample". */
  courtReports: 61,
} as const;

/** Appendix 2: the area's caseload at the end of December 2006, which the sample represents. */
export const kentCaseload = {
  total: 5559,
  femalePercent: 9.6,
  minorityEthnicPercent: 6.7,
} as const;

/** "Service users' perspective": questionnaires sent and returned. */
export const kentServiceUsers = {
  /** "Seven of the 21 questionnaires that were sent out to victims ... were returned." */
  victim: { invited: 21, returned: 7 },
  /** "There were 11 responses to the questionnaires sent out to sentencers" (how many were sent is not given). */
  sentencer: { returned: 11 },
  /** "There were no offender questionnaires returned from the 110 offenders in the sample." */
  offender: { invited: 110, returned: 0 },
} as const;
