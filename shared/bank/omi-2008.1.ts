import type { QuestionBank } from '../schemas/bank';

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
 * The data is frozen once published: change nothing here, add a new version instead.
 */
import { omi2008_1Criteria } from './omi-2008.1.criteria';

export const omi2008_1: QuestionBank = {
  version: 'omi-2008.1',
  criteria: omi2008_1Criteria,
  questions: [
    // 1.1 Preparing for sentence: the community and custody sample only (no court report was assessed for licence cases).
    { id: '1.1.1', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Was a court report prepared to inform sentencing?' },
    { id: '1.1.2', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Did the report take account of the seriousness level indicated by the court?' },
    { id: '1.1.3', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Was the report of the appropriate type (fast delivery or standard delivery)?' },
    { id: '1.1.4', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Was the report based on the relevant risk and needs assessments?' },
    { id: '1.1.5', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Where the e-OASys template was used, did it enhance the quality of the report?' },
    { id: '1.1.6', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Was the report prepared within the time frame set by the court?' },
    { id: '1.1.7', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Did the report make a clear proposal for sentence?' },
    { id: '1.1.8', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Did the report include appropriate information about the victim?' },
    { id: '1.1.9', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Was the report balanced, verified and factually accurate?' },
    { id: '1.1.10', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'], text: 'Did the report include an outline plan for the sentence?' },
    { id: '1.1.11', criterion: '1.1', summary: false, roh: true, appliesTo: ['community', 'custody'], text: 'Where issues of self-harm had been identified, were they clearly recorded in the report?' },
    { id: '1.1.12', criterion: '1.1', summary: true, roh: false, appliesTo: ['community', 'custody'], text: 'Overall, was the work in preparing for sentence of sufficient quality?' },

    // 1.2 Assessment of Risk of Harm: all Risk of Harm.
    { id: '1.2.1', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was a Risk of Harm screening completed at the start of the sentence or on release from custody?' },
    { id: '1.2.2', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was the Risk of Harm screening accurate, with the correct Risk of Harm classification?' },
    { id: '1.2.3', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Where the screening indicated one was needed, was a full Risk of Harm analysis completed?' },
    { id: '1.2.4', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was the full Risk of Harm analysis of sufficient quality, analysing the risk rather than describing events?' },
    { id: '1.2.5', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Did the Risk of Harm analysis accurately reflect the risk to the public?' },
    { id: '1.2.6', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Did the Risk of Harm analysis accurately reflect the risk to children?' },
    { id: '1.2.7', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Did the Risk of Harm analysis accurately reflect the risk to known adults?' },
    { id: '1.2.8', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Did the Risk of Harm analysis accurately reflect the risk to staff?' },
    { id: '1.2.9', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Did the Risk of Harm assessment cover victim issues thoroughly?' },
    { id: '1.2.10', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Did the Risk of Harm screening and analysis draw on the full range of information available, including from other agencies?' },
    { id: '1.2.11', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Where one was required, was a risk management plan completed on time?' },
    { id: '1.2.12', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was the risk management plan comprehensive, in the required format and integrated with the sentence plan?' },
    { id: '1.2.13', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Were the Risk of Harm level and any MAPPA level communicated to all staff involved in the case?' },
    { id: '1.2.14', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Where the case posed a high or very high Risk of Harm or raised safeguarding concerns, was there effective management involvement?' },
    { id: '1.2.15', criterion: '1.2', summary: true, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, was the Risk of Harm assessed comprehensively and accurately?' },

    // 1.3 Assessment of likelihood of reoffending.
    { id: '1.3.1', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was an OASys assessment completed as required at the start of the sentence?' },
    { id: '1.3.2', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was a likelihood of reoffending score (OASys, or OGRS 2 where OASys was not required) calculated at the start of the sentence?' },
    { id: '1.3.3', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were criminogenic factors assessed within the time set by national standards?' },
    { id: '1.3.4', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were positive influences, such as supportive and pro-social factors, identified?' },
    { id: '1.3.5', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the assessment draw on other relevant information?' },
    { id: '1.3.6', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where the offender was a prolific and other priority offender, was the OASys assessment comprehensive?' },
    { id: '1.3.7', criterion: '1.3', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, was the assessment of the likelihood of reoffending of sufficient quality?' },

    // 1.4 Assessment of offender engagement.
    { id: '1.4.1', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was a skills for life screening carried out at the start of the sentence?' },
    { id: '1.4.2', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where the screening indicated a need, was a full skills for life assessment carried out?' },
    { id: '1.4.3', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was full attention paid to the methods most likely to be effective with the offender?' },
    { id: '1.4.4', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Was the offender's ethnicity recorded using the race and ethnic monitoring classification?" },
    { id: '1.4.5', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were diversity and other individual needs actively assessed?' },
    { id: '1.4.6', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where potentially discriminatory factors were identified, were plans put in place to address them?' },
    { id: '1.4.7', criterion: '1.4', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, were obstacles to positive engagement identified and plans made to minimise their impact?' },

    // 1.5 Sentence planning.
    { id: '1.5.1', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was the offender allocated to the correct tier?' },
    { id: '1.5.2', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the planning accurately reflect the tier?' },
    { id: '1.5.3', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the offender manager make sure the offender understood the requirements of the sentence and the consequences of not complying?' },
    { id: '1.5.4', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the sentence plan set out planned contact levels?' },
    { id: '1.5.5', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were all arranged contacts enforceable?' },
    { id: '1.5.6', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was a sentence plan completed within the required time?' },
    { id: '1.5.7', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were the sentence plan objectives specific, outcome-focused and based on the assessment of need?' },
    { id: '1.5.8', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the sentence plan clearly define the roles and responsibilities of all workers?' },
    { id: '1.5.9', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the sentence plan give a clear shape to supervision?' },
    { id: '1.5.10', criterion: '1.5', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Did the sentence plan set out how any Risk of Harm posed by the offender would be managed?' },
    { id: '1.5.11', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was appropriate consideration given to restrictive requirements?' },
    { id: '1.5.12', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was the sentence plan sensitive to diversity issues?' },
    { id: '1.5.13', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the offender have the opportunity to take an active part in planning the sentence?' },
    { id: '1.5.14', criterion: '1.5', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, was the sentence planning of sufficient quality?' },

    // 2.1 Delivering the sentence plan.
    { id: '2.1.1', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were arrangements made to prepare the offender thoroughly for interventions?' },
    { id: '2.1.2', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the offender manager show commitment to the work with the offender?' },
    { id: '2.1.3', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the offender manager oversee and coordinate the input of all workers?' },
    { id: '2.1.4', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were the requirements of the sentence fully implemented?' },
    { id: '2.1.5', criterion: '2.1', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Where there was more than one requirement, were interventions sequenced according to Risk of Harm and likelihood of reoffending?' },
    { id: '2.1.6', criterion: '2.1', summary: false, roh: false, appliesTo: ['licence'], text: 'Did work in the community build on the activity in prison?' },
    { id: '2.1.7', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was the sentence plan reviewed in line with national standards?' },
    { id: '2.1.8', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the work with the offender flow coherently from the sentence plan?' },
    { id: '2.1.9', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did objectives and milestones give a clear direction to the sentence?' },
    { id: '2.1.10', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where more than one worker was involved, was communication between the offender manager and the other workers good?' },
    { id: '2.1.11', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was communication between all staff and the offender good?' },
    { id: '2.1.12', criterion: '2.1', summary: false, roh: false, appliesTo: ['licence', 'custody'], text: 'Did prison staff and the offender manager work together positively and in good time to prepare the offender for release?' },
    { id: '2.1.13', criterion: '2.1', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, did the offender manager deliver all elements of the sentence in a planned way?' },

    // 2.2 Protecting the public by minimising Risk of Harm: Risk of Harm, except explaining a recall.
    { id: '2.2.1', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was the Risk of Harm reviewed at the first required point (four months into a community sentence or licence, 12 months into a custodial sentence)?' },
    { id: '2.2.2', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence'], text: 'Was the Risk of Harm reviewed at least every four months after that?' },
    { id: '2.2.3', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Were Risk of Harm factors anticipated and changes in the Risk of Harm responded to?' },
    { id: '2.2.4', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was there planning to address the Risk of Harm to the public?' },
    { id: '2.2.5', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was there planning to address the Risk of Harm to known adults?' },
    { id: '2.2.6', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was there planning to address the Risk of Harm to staff?' },
    { id: '2.2.7', criterion: '2.2', summary: false, roh: true, appliesTo: ['custody'], text: "Did the offender manager take part in the prison's internal risk management processes?" },
    { id: '2.2.8', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence'], text: 'Where the offender posed a high Risk of Harm, were home visits carried out as required?' },
    { id: '2.2.9', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence'], text: "Where there were safeguarding concerns about children, were home visits made and checks made with Children's Social Care Services?" },
    { id: '2.2.10', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Where the case was managed under MAPPA, did the offender manager and other workers contribute effectively to MAPPA?' },
    { id: '2.2.11', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Where the case was managed under MAPPA, were MAPPA used to their full potential?' },
    { id: '2.2.12', criterion: '2.2', summary: false, roh: true, appliesTo: ['licence'], text: 'Where recall was needed because of the Risk of Harm, was it actioned appropriately and promptly?' },
    { id: '2.2.13', criterion: '2.2', summary: false, roh: false, appliesTo: ['licence'], text: 'Where the offender was recalled, was the reason clearly explained to them and an effort made to re-engage them?' },
    { id: '2.2.14', criterion: '2.2', summary: true, roh: true, appliesTo: ['community', 'licence', 'custody'], text: "Overall, were all reasonable actions taken to keep the offender's Risk of Harm to others to a minimum?" },

    // 2.3 Victims: victim safety is Risk of Harm; the victim contact scheme concerns custodial sentences.
    { id: '2.3.1', criterion: '2.3', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was victim safety given appropriate priority?' },
    { id: '2.3.2', criterion: '2.3', summary: false, roh: true, appliesTo: ['custody'], text: 'Was victim safety promoted from within custody, for example by using mail and visits monitoring?' },
    { id: '2.3.3', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'], text: 'In a statutory victim contact case, was a timely written offer of face-to-face contact made to the victim?' },
    { id: '2.3.4', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'], text: 'In a statutory victim contact case, was the victim given information about the criminal justice process?' },
    { id: '2.3.5', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'], text: 'Where victim contact was required, did the offender manager liaise with the victim liaison officer to make sure it took place?' },
    { id: '2.3.6', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'], text: 'Where the victim took up contact, did they have the opportunity to contribute to setting licence conditions?' },
    { id: '2.3.7', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence'], text: 'Where the victim took up contact, were they informed of the release conditions?' },
    { id: '2.3.8', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence'], text: "Where the victim took up contact, were they told of the offender's release in good time?" },
    { id: '2.3.9', criterion: '2.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where it was needed, was victim awareness work undertaken with the offender?' },
    { id: '2.3.10', criterion: '2.3', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, was consistent attention given to issues concerning victims?' },

    // 2.4 Ensuring containment and promoting compliance (Punish).
    { id: '2.4.1', criterion: '2.4', summary: false, roh: false, appliesTo: ['custody'], text: "Were satisfactory arrangements in place to restrict the offender's liberty during the custodial sentence?" },
    { id: '2.4.2', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Did the offender receive a timely induction at the start of the order or licence?' },
    { id: '2.4.3', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Did the frequency of contact meet national standards?' },
    { id: '2.4.4', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Did the frequency of contact support the requirements of the sentence and the sentence plan objectives?' },
    { id: '2.4.5', criterion: '2.4', summary: false, roh: false, appliesTo: ['community'], text: 'Where there was unpaid work, was the frequency of sessions sufficient?' },
    { id: '2.4.6', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'], text: "Was the offender's attendance monitored?" },
    { id: '2.4.7', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Were judgements about the acceptability of absences consistent and appropriate?' },
    { id: '2.4.8', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Where breach action was needed, was it taken effectively?' },
    { id: '2.4.9', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was the case file well organised?' },
    { id: '2.4.10', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was information recorded clearly, in good time and in sufficient detail?' },
    { id: '2.4.11', criterion: '2.4', summary: false, roh: false, appliesTo: ['community'], text: 'Where there was unpaid work, was the offender matched to a suitable placement?' },
    { id: '2.4.12', criterion: '2.4', summary: false, roh: false, appliesTo: ['licence', 'custody'], text: 'Was there sufficient contact between the offender manager and the offender before release?' },
    { id: '2.4.13', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Where the offender was a prolific and other priority offender, was the level of reporting enhanced to support all elements of the sentence?' },
    { id: '2.4.14', criterion: '2.4', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, were contact and enforcement planned and delivered to meet national standards and encourage engagement?' },

    // 2.5 Constructive interventions (Help and Change).
    { id: '2.5.1', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were sufficient work and resources directed at community reintegration issues?' },
    { id: '2.5.2', criterion: '2.5', summary: false, roh: false, appliesTo: ['custody'], text: 'Was immediate action taken to preserve employment, accommodation and family ties while the offender was in custody?' },
    { id: '2.5.3', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the interventions challenge the offender to accept responsibility for their offending and its consequences?' },
    { id: '2.5.4', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where it was needed, was offence-focused work undertaken and recorded?' },
    { id: '2.5.5', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Where there was an accredited programme requirement, were its provision and timing consistent with the sentence plan?' },
    { id: '2.5.6', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where a skills for life need was identified, were arrangements made to deliver an intervention?' },
    { id: '2.5.7', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where it was needed, did the offender get employment, training and education advice or interventions?' },
    { id: '2.5.8', criterion: '2.5', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Overall, did constructive interventions meet the 'help' and 'change' objectives of the sentence?" },

    // 2.6 Restrictive interventions (Control).
    { id: '2.6.1', criterion: '2.6', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were restrictive interventions fully monitored?' },
    { id: '2.6.2', criterion: '2.6', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'], text: 'Was every reasonable action taken to minimise the Risk of Harm?' },
    { id: '2.6.3', criterion: '2.6', summary: false, roh: true, appliesTo: ['community', 'licence'], text: 'Where the offender lived in approved premises, were they used effectively as a restrictive intervention to protect the public?' },
    { id: '2.6.4', criterion: '2.6', summary: false, roh: false, appliesTo: ['licence'], text: 'Were the licence requirements necessary and proportionate to the Risk of Harm and likelihood of reoffending?' },
    { id: '2.6.5', criterion: '2.6', summary: false, roh: false, appliesTo: ['licence'], text: 'Where a prolific and other priority offender with a drug misuse need was released, did the licence include a condition to address it?' },
    { id: '2.6.6', criterion: '2.6', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Overall, were restrictive interventions delivered to meet the 'control' requirements of the sentence?" },

    // 2.7 Diversity issues.
    { id: '2.7.1', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Did the arrangements for interventions take account of the offender's diversity issues?" },
    { id: '2.7.2', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was the offender clearly told that discriminatory behaviour would not be tolerated?' },
    { id: '2.7.3', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence'], text: 'Where the offender was the only minority ethnic member of a programme group, had they agreed to the placement?' },
    { id: '2.7.4', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Where the offender showed discriminatory attitudes or made discriminatory remarks, were these challenged?' },
    { id: '2.7.5', criterion: '2.7', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, was full and proper attention paid to diversity issues?' },

    // 3.1 Achievement of initial outcomes: outcomes are never counted in the Risk of Harm thread.
    { id: '3.1.1', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the offender avoid any further caution or conviction during the sentence?' },
    { id: '3.1.2', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Were the resources allocated to the case consistent with the offender's Risk of Harm?" },
    { id: '3.1.3', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Were the resources allocated to the case consistent with the offender's likelihood of reoffending?" },
    { id: '3.1.4', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Were the resources used efficiently to achieve the outcomes planned for the offender?' },
    { id: '3.1.5', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Was the 'punish' objective of the sentence achieved?" },
    { id: '3.1.6', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Was the 'control' objective of the sentence achieved?" },
    { id: '3.1.7', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Was the 'help' objective of the sentence achieved?" },
    { id: '3.1.8', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Was the 'change' objective of the sentence achieved?" },
    { id: '3.1.9', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the offender show increased victim awareness?' },
    { id: '3.1.10', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was there evidence of a reduced threat to victims and potential victims?' },
    { id: '3.1.11', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Was there positive change in the offender's attitudes and behaviour?" },
    { id: '3.1.12', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Did the offender's learning outcomes and skills improve?" },
    { id: '3.1.13', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Did the offender comply with the requirements of the sentence?' },
    { id: '3.1.14', criterion: '3.1', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, were the planned objectives achieved?' },

    // 3.2 Sustainability of progress.
    { id: '3.2.1', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was there enough continuity of offender manager that changes did not harm the work with the offender?' },
    { id: '3.2.2', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was the sentence managed through structured planning and review?' },
    { id: '3.2.3', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: "Was the offender's learning consolidated to reinforce new skills?" },
    { id: '3.2.4', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was full attention paid to long-term community integration issues?' },
    { id: '3.2.5', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Was the offender made aware of community organisations that might help them in the longer term?' },
    { id: '3.2.6', criterion: '3.2', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'], text: 'Overall, are the results capable of being sustained beyond the end of supervision?' },
  ],
};
