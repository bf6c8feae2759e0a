/**
 * The Offender Management question bank "omi-2008.1", derived from HM Inspectorate of
 * Probation's Offender Management Inspection report on Kent Probation Area (February 2008).
 *
 * Criteria: titles as listed in the report's Appendix 4, statements as printed under each
 * heading (with "RoH" spelt out as "Risk of Harm").
 *
 * Questions: each one is the trace of a finding in sections 1-3 of the report ("in 86% of
 * cases the reports were of sufficient quality"), phrased so that "yes" means the work was
 * sufficient ("above the line"). The last question of each scored criterion is its one
 * overall (summary) judgement. `roh` marks the questions counted in the Risk of Harm thread
 * (sections 1 and 2 only). `appliesTo` is narrowed where a question concerns only some case
 * types: court reports were assessed for the community and custody sample only; release,
 * victim contact scheme and licence questions concern licence (and custody) cases; unpaid
 * work and programmes concern community (and licence) cases.
 *
 * The data is frozen once published: change nothing here (nor in ./omi-2008.1.structure.ts,
 * its criteria and questions without their texts), add a new version instead.
 */
import type { QuestionBank } from '#schemas/bank';
import { omi2008_1Structure } from './omi-2008.1.structure';

/**
 * Each question's text, by id (its structure is in ./omi-2008.1.structure.ts). Functions read
 * them from shared/texts/bank/omi-2008.1.json, written from here by `npm run texts`.
 */
export const omi2008_1Texts: Readonly<Record<string, string>> = {
  // 1.1 Preparing for sentence: the community and custody sample only (no court report was assessed for licence cases).
  '1.1.1': 'Was a court report prepared to inform sentencing?',
  '1.1.2': 'Did the report take account of the seriousness level indicated by the court?',
  '1.1.3': 'Was the report of the appropriate type (fast delivery or standard delivery)?',
  '1.1.4': 'Was the report based on the relevant risk and needs assessments?',
  '1.1.5': 'Where the e-OASys template was used, did it enhance the quality of the report?',
  '1.1.6': 'Was the report prepared within the time frame set by the court?',
  '1.1.7': 'Did the report make a clear proposal for sentence?',
  '1.1.8': 'Did the report include appropriate information about the victim?',
  '1.1.9': 'Was the report balanced, verified and factually accurate?',
  '1.1.10': 'Did the report include an outline plan for the sentence?',
  '1.1.11': 'Where issues of self-harm had been identified, were they clearly recorded in the report?',
  '1.1.12': 'Overall, was the work in preparing for sentence of sufficient quality?',

  // 1.2 Assessment of Risk of Harm: all Risk of Harm.
  '1.2.1': 'Was a Risk of Harm screening completed at the start of the sentence or on release from custody?',
  '1.2.2': 'Was the Risk of Harm screening accurate, with the correct Risk of Harm classification?',
  '1.2.3': 'Where the screening indicated one was needed, was a full Risk of Harm analysis completed?',
  '1.2.4': 'Was the full Risk of Harm analysis of sufficient quality, analysing the risk rather than describing events?',
  '1.2.5': 'Did the Risk of Harm analysis accurately reflect the risk to the public?',
  '1.2.6': 'Did the Risk of Harm analysis accurately reflect the risk to children?',
  '1.2.7': 'Did the Risk of Harm analysis accurately reflect the risk to known adults?',
  '1.2.8': 'Did the Risk of Harm analysis accurately reflect the risk to staff?',
  '1.2.9': 'Did the Risk of Harm assessment cover victim issues thoroughly?',
  '1.2.10': 'Did the Risk of Harm screening and analysis draw on the full range of information available, including from other agencies?',
  '1.2.11': 'Where one was required, was a risk management plan completed on time?',
  '1.2.12': 'Was the risk management plan comprehensive, in the required format and integrated with the sentence plan?',
  '1.2.13': 'Were the Risk of Harm level and any MAPPA level communicated to all staff involved in the case?',
  '1.2.14': 'Where the case posed a high or very high Risk of Harm or raised safeguarding concerns, was there effective management involvement?',
  '1.2.15': 'Overall, was the Risk of Harm assessed comprehensively and accurately?',

  // 1.3 Assessment of likelihood of reoffending.
  '1.3.1': 'Was an OASys assessment completed as required at the start of the sentence?',
  '1.3.2': 'Was a likelihood of reoffending score (OASys, or OGRS 2 where OASys was not required) calculated at the start of the sentence?',
  '1.3.3': 'Were criminogenic factors assessed within the time set by national standards?',
  '1.3.4': 'Were positive influences, such as supportive and pro-social factors, identified?',
  '1.3.5': 'Did the assessment draw on other relevant information?',
  '1.3.6': 'Where the offender was a prolific and other priority offender, was the OASys assessment comprehensive?',
  '1.3.7': 'Overall, was the assessment of the likelihood of reoffending of sufficient quality?',

  // 1.4 Assessment of offender engagement.
  '1.4.1': 'Was a skills for life screening carried out at the start of the sentence?',
  '1.4.2': 'Where the screening indicated a need, was a full skills for life assessment carried out?',
  '1.4.3': 'Was full attention paid to the methods most likely to be effective with the offender?',
  '1.4.4': "Was the offender's ethnicity recorded using the race and ethnic monitoring classification?",
  '1.4.5': 'Were diversity and other individual needs actively assessed?',
  '1.4.6': 'Where potentially discriminatory factors were identified, were plans put in place to address them?',
  '1.4.7': 'Overall, were obstacles to positive engagement identified and plans made to minimise their impact?',

  // 1.5 Sentence planning.
  '1.5.1': 'Was the offender allocated to the correct tier?',
  '1.5.2': 'Did the planning accurately reflect the tier?',
  '1.5.3': 'Did the offender manager make sure the offender understood the requirements of the sentence and the consequences of not complying?',
  '1.5.4': 'Did the sentence plan set out planned contact levels?',
  '1.5.5': 'Were all arranged contacts enforceable?',
  '1.5.6': 'Was a sentence plan completed within the required time?',
  '1.5.7': 'Were the sentence plan objectives specific, outcome-focused and based on the assessment of need?',
  '1.5.8': 'Did the sentence plan clearly define the roles and responsibilities of all workers?',
  '1.5.9': 'Did the sentence plan give a clear shape to supervision?',
  '1.5.10': 'Did the sentence plan set out how any Risk of Harm posed by the offender would be managed?',
  '1.5.11': 'Was appropriate consideration given to restrictive requirements?',
  '1.5.12': 'Was the sentence plan sensitive to diversity issues?',
  '1.5.13': 'Did the offender have the opportunity to take an active part in planning the sentence?',
  '1.5.14': 'Overall, was the sentence planning of sufficient quality?',

  // 2.1 Delivering the sentence plan.
  '2.1.1': 'Were arrangements made to prepare the offender thoroughly for interventions?',
  '2.1.2': 'Did the offender manager show commitment to the work with the offender?',
  '2.1.3': 'Did the offender manager oversee and coordinate the input of all workers?',
  '2.1.4': 'Were the requirements of the sentence fully implemented?',
  '2.1.5': 'Where there was more than one requirement, were interventions sequenced according to Risk of Harm and likelihood of reoffending?',
  '2.1.6': 'Did work in the community build on the activity in prison?',
  '2.1.7': 'Was the sentence plan reviewed in line with national standards?',
  '2.1.8': 'Did the work with the offender flow coherently from the sentence plan?',
  '2.1.9': 'Did objectives and milestones give a clear direction to the sentence?',
  '2.1.10': 'Where more than one worker was involved, was communication between the offender manager and the other workers good?',
  '2.1.11': 'Was communication between all staff and the offender good?',
  '2.1.12': 'Did prison staff and the offender manager work together positively and in good time to prepare the offender for release?',
  '2.1.13': 'Overall, did the offender manager deliver all elements of the sentence in a planned way?',

  // 2.2 Protecting the public by minimising Risk of Harm: Risk of Harm, except explaining a recall.
  '2.2.1':
    'Was the Risk of Harm reviewed at the first required point (four months into a community sentence or licence, 12 months into a custodial sentence)?',
  '2.2.2': 'Was the Risk of Harm reviewed at least every four months after that?',
  '2.2.3': 'Were Risk of Harm factors anticipated and changes in the Risk of Harm responded to?',
  '2.2.4': 'Was there planning to address the Risk of Harm to the public?',
  '2.2.5': 'Was there planning to address the Risk of Harm to known adults?',
  '2.2.6': 'Was there planning to address the Risk of Harm to staff?',
  '2.2.7': "Did the offender manager take part in the prison's internal risk management processes?",
  '2.2.8': 'Where the offender posed a high Risk of Harm, were home visits carried out as required?',
  '2.2.9': "Where there were safeguarding concerns about children, were home visits made and checks made with Children's Social Care Services?",
  '2.2.10': 'Where the case was managed under MAPPA, did the offender manager and other workers contribute effectively to MAPPA?',
  '2.2.11': 'Where the case was managed under MAPPA, were MAPPA used to their full potential?',
  '2.2.12': 'Where recall was needed because of the Risk of Harm, was it actioned appropriately and promptly?',
  '2.2.13': 'Where the offender was recalled, was the reason clearly explained to them and an effort made to re-engage them?',
  '2.2.14': "Overall, were all reasonable actions taken to keep the offender's Risk of Harm to others to a minimum?",

  // 2.3 Victims: victim safety is Risk of Harm; the victim contact scheme concerns custodial sentences.
  '2.3.1': 'Was victim safety given appropriate priority?',
  '2.3.2': 'Was victim safety promoted from within custody, for example by using mail and visits monitoring?',
  '2.3.3': 'In a statutory victim contact case, was a timely written offer of face-to-face contact made to the victim?',
  '2.3.4': 'In a statutory victim contact case, was the victim given information about the criminal justice process?',
  '2.3.5': 'Where victim contact was required, did the offender manager liaise with the victim liaison officer to make sure it took place?',
  '2.3.6': 'Where the victim took up contact, did they have the opportunity to contribute to setting licence conditions?',
  '2.3.7': 'Where the victim took up contact, were they informed of the release conditions?',
  '2.3.8': "Where the victim took up contact, were they told of the offender's release in good time?",
  '2.3.9': 'Where it was needed, was victim awareness work undertaken with the offender?',
  '2.3.10': 'Overall, was consistent attention given to issues concerning victims?',

  // 2.4 Ensuring containment and promoting compliance (Punish).
  '2.4.1': "Were satisfactory arrangements in place to restrict the offender's liberty during the custodial sentence?",
  '2.4.2': 'Did the offender receive a timely induction at the start of the order or licence?',
  '2.4.3': 'Did the frequency of contact meet national standards?',
  '2.4.4': 'Did the frequency of contact support the requirements of the sentence and the sentence plan objectives?',
  '2.4.5': 'Where there was unpaid work, was the frequency of sessions sufficient?',
  '2.4.6': "Was the offender's attendance monitored?",
  '2.4.7': 'Were judgements about the acceptability of absences consistent and appropriate?',
  '2.4.8': 'Where breach action was needed, was it taken effectively?',
  '2.4.9': 'Was the case file well organised?',
  '2.4.10': 'Was information recorded clearly, in good time and in sufficient detail?',
  '2.4.11': 'Where there was unpaid work, was the offender matched to a suitable placement?',
  '2.4.12': 'Was there sufficient contact between the offender manager and the offender before release?',
  '2.4.13':
    'Where the offender was a prolific and other priority offender, was the level of reporting enhanced to support all elements of the sentence?',
  '2.4.14': 'Overall, were contact and enforcement planned and delivered to meet national standards and encourage engagement?',

  // 2.5 Constructive interventions (Help and Change).
  '2.5.1': 'Were sufficient work and resources directed at community reintegration issues?',
  '2.5.2': 'Was immediate action taken to preserve employment, accommodation and family ties while the offender was in custody?',
  '2.5.3': 'Did the interventions challenge the offender to accept responsibility for their offending and its consequences?',
  '2.5.4': 'Where it was needed, was offence-focused work undertaken and recorded?',
  '2.5.5': 'Where there was an accredited programme requirement, were its provision and timing consistent with the sentence plan?',
  '2.5.6': 'Where a skills for life need was identified, were arrangements made to deliver an intervention?',
  '2.5.7': 'Where it was needed, did the offender get employment, training and education advice or interventions?',
  '2.5.8': "Overall, did constructive interventions meet the 'help' and 'change' objectives of the sentence?",

  // 2.6 Restrictive interventions (Control).
  '2.6.1': 'Were restrictive interventions fully monitored?',
  '2.6.2': 'Was every reasonable action taken to minimise the Risk of Harm?',
  '2.6.3': 'Where the offender lived in approved premises, were they used effectively as a restrictive intervention to protect the public?',
  '2.6.4': 'Were the licence requirements necessary and proportionate to the Risk of Harm and likelihood of reoffending?',
  '2.6.5': 'Where a prolific and other priority offender with a drug misuse need was released, did the licence include a condition to address it?',
  '2.6.6': "Overall, were restrictive interventions delivered to meet the 'control' requirements of the sentence?",

  // 2.7 Diversity issues.
  '2.7.1': "Did the arrangements for interventions take account of the offender's diversity issues?",
  '2.7.2': 'Was the offender clearly told that discriminatory behaviour would not be tolerated?',
  '2.7.3': 'Where the offender was the only minority ethnic member of a programme group, had they agreed to the placement?',
  '2.7.4': 'Where the offender showed discriminatory attitudes or made discriminatory remarks, were these challenged?',
  '2.7.5': 'Overall, was full and proper attention paid to diversity issues?',

  // 3.1 Achievement of initial outcomes: outcomes are never counted in the Risk of Harm thread.
  '3.1.1': 'Did the offender avoid any further caution or conviction during the sentence?',
  '3.1.2': "Were the resources allocated to the case consistent with the offender's Risk of Harm?",
  '3.1.3': "Were the resources allocated to the case consistent with the offender's likelihood of reoffending?",
  '3.1.4': 'Were the resources used efficiently to achieve the outcomes planned for the offender?',
  '3.1.5': "Was the 'punish' objective of the sentence achieved?",
  '3.1.6': "Was the 'control' objective of the sentence achieved?",
  '3.1.7': "Was the 'help' objective of the sentence achieved?",
  '3.1.8': "Was the 'change' objective of the sentence achieved?",
  '3.1.9': 'Did the offender show increased victim awareness?',
  '3.1.10': 'Was there evidence of a reduced threat to victims and potential victims?',
  '3.1.11': "Was there positive change in the offender's attitudes and behaviour?",
  '3.1.12': "Did the offender's learning outcomes and skills improve?",
  '3.1.13': 'Did the offender comply with the requirements of the sentence?',
  '3.1.14': 'Overall, were the planned objectives achieved?',

  // 3.2 Sustainability of progress.
  '3.2.1': 'Was there enough continuity of offender manager that changes did not harm the work with the offender?',
  '3.2.2': 'Was the sentence managed through structured planning and review?',
  '3.2.3': "Was the offender's learning consolidated to reinforce new skills?",
  '3.2.4': 'Was full attention paid to long-term community integration issues?',
  '3.2.5': 'Was the offender made aware of community organisations that might help them in the longer term?',
  '3.2.6': 'Overall, are the results capable of being sustained beyond the end of supervision?',
};

/** The bank as `getBank` serves it (structure and texts), for the texts' build step and the tests. */
export const omi2008_1: QuestionBank = {
  ...omi2008_1Structure,
  questions: omi2008_1Structure.questions.map((question) => ({ ...question, text: omi2008_1Texts[question.id] ?? '' })),
};
