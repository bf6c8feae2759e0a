/**
 * The Kent demo's write-up: the report's own words (HMI Probation, Offender Management
 * Inspection of Kent, February 2008): the summary of each section and of Risk of Harm, the
 * strengths and areas for improvement of criteria 1.1 to 3.2 as printed (section 4's are the
 * grades' points, in demo-data.ts), the eight recommendations tied to the criteria they
 * answer, and the four good-practice case studies. Seeded through the write-up use case (PUT
 * /inspections/{id}/write-up), so the demo report reads like the real one section by section.
 *
 * Taken from the text of the report with page breaks joined; the figures in it are the
 * report's, which the demo's data carries exactly (demo-data.ts) but where the report
 * contradicts itself (KENT_FIGURE_CONFLICTS there).
 */
import type { DraftedFrom, WriteUp, WrittenText } from '#schemas/write-up';

/**
 * The figure each lettered finding was drafted from, where the seed ties the finding to a
 * question (its first such figure: a finding may cite several), so that the figures-and-words
 * check covers the demo's findings. `percent` is the seed's figure, exact in the demo's data
 * (demo-data.ts); stated negatively in the words ("in 40% of cases there was insufficient
 * oversight"), it is the question's own share (60). Findings with no figure, or whose figure
 * belongs to no question of the bank ("93% of community cases ... allocated"), stay plain.
 *
 * 2.2 strength (c) keeps the seed's words "21 out of 25 ... (81%)": 21 of 25 is 84%, the
 * figure drafted from; the check is right to flag the seed's own contradiction.
 */
export const KENT_DRAFTED: Readonly<Record<string, DraftedFrom>> = {
  '1.1 strength (a)': { question: '1.1.1', percent: 88 },
  '1.1 strength (b)': { question: '1.1.5', percent: 85 },
  '1.1 strength (c)': { question: '1.1.7', percent: 90 },
  '1.1 improvement (c)': { question: '1.1.10', percent: 64 },
  '1.2 strength (a)': { question: '1.2.1', percent: 90, group: 'caseType:community' },
  '1.2 strength (b)': { question: '1.2.5', percent: 87 },
  '1.2 strength (c)': { question: '1.2.13', percent: 92 },
  '1.2 improvement (b)': { question: '1.2.4', percent: 58 },
  '1.2 improvement (c)': { question: '1.2.12', percent: 22, group: 'caseType:community' },
  '1.3 strength (a)': { question: '1.3.1', percent: 79 },
  '1.3 strength (b)': { question: '1.3.7', percent: 75 },
  '1.3 improvement (a)': { question: '1.3.3', percent: 80 },
  '1.3 improvement (b)': { question: '1.3.6', percent: 44, group: 'ppo:yes' },
  '1.4 strength (a)': { question: '1.4.1', percent: 75 },
  '1.4 strength (b)': { question: '1.4.3', percent: 71 },
  '1.4 strength (c)': { question: '1.4.4', percent: 99 },
  '1.4 strength (d)': { question: '1.4.5', percent: 72 },
  '1.4 improvement (a)': { question: '1.4.2', percent: 38 },
  '1.5 strength (a)': { question: '1.5.1', percent: 85 },
  '1.5 strength (c)': { question: '1.5.3', percent: 94 },
  '1.5 strength (d)': { question: '1.5.4', percent: 86 },
  '1.5 improvement (a)': { question: '1.5.1', percent: 85 },
  '1.5 improvement (b)': { question: '1.5.14', percent: 43 },
  '1.5 improvement (c)': { question: '1.5.10', percent: 32 },
  '1.5 improvement (d)': { question: '1.5.12', percent: 51 },
  '2.1 strength (a)': { question: '2.1.1', percent: 83 },
  '2.1 strength (b)': { question: '2.1.2', percent: 72 },
  '2.1 improvement (a)': { question: '2.1.13', percent: 52 },
  '2.1 improvement (b)': { question: '2.1.5', percent: 61 },
  '2.1 improvement (c)': { question: '2.1.7', percent: 74 },
  '2.1 improvement (d)': { question: '2.1.10', percent: 65 },
  '2.1 improvement (e)': { question: '2.1.12', percent: 33 },
  '2.2 strength (a)': { question: '2.2.1', percent: 78 },
  '2.2 strength (b)': { question: '2.2.12', percent: 100 },
  '2.2 strength (c)': { question: '2.2.10', percent: 84 },
  '2.2 improvement (a)': { question: '2.2.4', percent: 62 },
  '2.2 improvement (b)': { question: '2.2.8', percent: 40 },
  '2.2 improvement (c)': { question: '2.2.11', percent: 68 },
  '2.2 improvement (d)': { question: '2.2.13', percent: 58 },
  '2.3 strength (a)': { question: '2.3.6', percent: 71 },
  '2.3 improvement (a)': { question: '2.3.1', percent: 65 },
  '2.3 improvement (b)': { question: '2.3.3', percent: 52 },
  '2.3 improvement (c)': { question: '2.3.9', percent: 36 },
  '2.4 strength (a)': { question: '2.4.1', percent: 100 },
  '2.4 strength (b)': { question: '2.4.2', percent: 92 },
  '2.4 strength (c)': { question: '2.4.6', percent: 92 },
  '2.4 strength (d)': { question: '2.4.7', percent: 92 },
  '2.4 strength (e)': { question: '2.4.9', percent: 83 },
  '2.4 improvement (a)': { question: '2.4.12', percent: 41 },
  '2.4 improvement (b)': { question: '2.4.13', percent: 44, group: 'ppo:yes' },
  '2.4 improvement (c)': { question: '2.4.10', percent: 49 },
  '2.4 improvement (d)': { question: '2.4.11', percent: 68 },
  '2.5 strength (a)': { question: '2.5.1', percent: 72 },
  '2.5 strength (b)': { question: '2.5.2', percent: 80 },
  '2.5 improvement (a)': { question: '2.5.8', percent: 58 },
  '2.5 improvement (b)': { question: '2.5.5', percent: 58 },
  '2.5 improvement (c)': { question: '2.5.6', percent: 36 },
  '2.6 strength (a)': { question: '2.6.1', percent: 94 },
  '2.6 strength (b)': { question: '2.6.3', percent: 100 },
  '2.6 improvement (a)': { question: '2.6.5', percent: 25, group: 'ppo:yes' },
  '2.7 strength (a)': { question: '2.7.1', percent: 74 },
  '2.7 strength (c)': { question: '2.7.2', percent: 96 },
  '2.7 improvement (a)': { question: '2.7.3', percent: 50 },
  '3.1 strength (c)': { question: '3.1.1', percent: 72 },
  '3.1 strength (d)': { question: '3.1.2', percent: 77 },
  '3.1 strength (e)': { question: '3.1.5', percent: 85 },
  '3.1 improvement (a)': { question: '3.1.9', percent: 15 },
  '3.1 improvement (c)': { question: '3.1.11', percent: 45 },
  '3.1 improvement (e)': { question: '3.1.6', percent: 65 },
  '3.1 improvement (f)': { question: '3.1.13', percent: 56 },
  '3.2 strength (a)': { question: '3.2.5', percent: 81 },
  '3.2 improvement (b)': { question: '3.2.2', percent: 40 },
  '3.2 improvement (c)': { question: '3.2.3', percent: 49 },
  '3.2 improvement (d)': { question: '3.2.4', percent: 67 },
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Each finding with the figure it was drafted from, where it has one. */
function withDrafted(criteria: WriteUp['criteria']): WriteUp['criteria'] {
  const mark = (criterion: string, kind: 'strength' | 'improvement', list: WrittenText[]): WrittenText[] =>
    list.map((t, i) => {
      const drafted = KENT_DRAFTED[`${criterion} ${kind} (${LETTERS[i]})`];
      if (!drafted) return t;
      return typeof t === 'string' ? { text: t, drafted } : { ...t, drafted: t.drafted ?? drafted };
    });
  return Object.fromEntries(
    Object.entries(criteria).map(([id, c]) => [
      id,
      { strengths: mark(id, 'strength', c.strengths), improvements: mark(id, 'improvement', c.improvements) },
    ]),
  );
}

export const kentDemoWriteUp: WriteUp = {
  summary: [
    {
      section: '1',
      text: 'Work in relation to preparing for sentence was a strong feature for the area. Court reports were well received by sentencers, although there were issues with the timeliness of fast delivery reports. An assessment of criminogenic need had been completed comprehensively in most cases but was not always timely. Key workers commented positively on the opportunity they had to contribute to assessments at the pre-sentence stage. In three-quarters of cases a skills for life screening had taken place, and diversity issues had been actively assessed in most cases. The overall quality of sentence planning was disappointing. It was not seen as central to offender management and many plans contained general, rather than specific, objectives related to offender need and Risk of Harm. In a small number of cases, no plan had been completed and in a third of cases the plan had not been completed within national time frames. There was little evidence that the sentence planning process was made meaningful for offenders. Evidence from cases files showed hardly any contribution by offenders in the overall sentence planning process.',
    },
    {
      section: '1',
      text: "Where a skills for life screening had indicated the need for a full assessment this was undertaken in just over a third of cases. Lack of provision and offender managers' confidence in the services available were affecting offenders' access to appropriate services. Case tiering was inaccurate in a small number of cases. We were concerned to find inconsistent management oversight of the tiering process.",
    },
    {
      section: '2',
      text: "Most offenders were prepared well for interventions, although the sequencing of interventions was far less satisfactory. While we saw some examples of good communication, especially between programme tutors, approved premises key workers and offender managers, this was a variable picture. The quality of contact between prisons and offender managers to prepare offenders for release was insufficient. There were examples of constructive liaison with victims by the victim liaison officer, but there were a few cases where it was difficult to assess if contact had occurred due to poor recording. The amount and quality of work to raise offenders' victim awareness was absent in the vast majority of cases.",
    },
    {
      section: '2',
      text: "The delivery of constructive interventions to meet the 'help' and 'change' sentencing objectives was limited. In too many cases we could not confirm that offence-focused work had been undertaken, aside from accredited programmes. There were particular delays in the commencement of programmes and a lack of evening programmes and tutor resource compounded this further. Arrangements to provide skills for life interventions were poor.",
    },
    {
      section: '2',
      text: 'Offender managers worked hard to secure compliance and used enforcement appropriately. Restrictive interventions were well monitored and the approved premises was used effectively to manage high Risk of Harm offenders in the community. Where diversity issues were identified they were in the main taken into account in the delivery of interventions.',
    },
    {
      section: '3',
      text: "Overall resources were allocated according to the assessed likelihood of reoffending and Risk of Harm, although this was less prevalent for prolific and other priority offenders. Most offenders had not been cautioned or convicted of a further offence during their sentence. The 'punish' sentence objective had been well achieved in almost all cases, followed by the 'control' sentence objective. There was less evidence that the 'help' and 'change' sentence objectives had been met and victim awareness had not improved in a significant number of cases. Lack of offender management continuity had impacted negatively on some cases. Active reviewing and rescoring of OASys was not regularly undertaken; as such there was limited evidence to demonstrate improvements in attitudes or behaviour.",
    },
    {
      section: '4',
      text: "There was a comprehensive business planning process that focused on national and local criminal justice priorities. A strong focus on performance, complemented by a rigorous reporting structure, was yielding positive results. The area was highly regarded by partners for its approach to partnership work. There was a range of interventions available or being considered and this enabled the area to contribute to a number of wider criminal justice and community safety strategies. There were strong links made at the Strategic Management Board for Multi-Agency Public Protection Arrangements, and the area had been praised for its openness to learning from other agencies. A sub-contracting plan had been approved at Board level to improve the area's role in commissioning.",
    },
    {
      section: '4',
      text: 'Resource deployment and workforce planning had evolved with the offender management model. A transparent resource allocation model, using tiering data, was in place and was used to ensure equitable staff profiles according to workload demands. Although the area had a staff training plan and dedicated resource for probation service officer development, a significant minority of staff we spoke to felt unprepared for their role as offender managers. Some probation service officers we spoke to had been unable to undertake the National Vocational Qualification level 3 certificate. Despite the implementation of a new supervision policy, the frequency and quality of supervision was not sufficient in every case.',
    },
    {
      section: '4',
      text: 'The use of coordinated qualitative information was underdeveloped as was the collation and evaluation of service user views to improve delivery across a range of work strands. There were significant gaps in education, alcohol and accommodation services.',
    },
    {
      section: 'roh',
      text: 'The area had made a significant contribution to Multi-Agency Public Protection Arrangements. It was praised by partner agencies for its approach to continuous learning and development and this had helped to forge strong relationships at the Strategic Management Board level. Level 1 cases, however, were not always being processed through the formal Multi-Agency Public Protection Arrangements.',
    },
    {
      section: 'roh',
      text: "The area had made improvements in the timeliness of initial Risk of Harm assessments. We saw some excellent examples of risk and potential risk posed by offenders being well managed but this was not a consistent picture. In the majority of cases an initial screening had been completed, and in the main we agreed with the Risk of Harm classification. The offenders' Risk of Harm and Multi-Agency Public Protection Arrangements level had been well communicated to all staff involved in the case and the review of Risk of Harm was generally timely. The approved premises were seen as a high quality service in the contribution it made to public protection. Recall was used appropriately and in a timely way in the vast majority of cases.",
    },
    {
      section: 'roh',
      text: 'In too many cases the quality of risk assessment and management was not good enough. Offender managers were not always verifying information or using the full range of information available to them from other organisations. Risk analyses often contained historical information that was not always relevant to the case. In some instances the quality of information was insufficient in providing a clear analysis of what the harm was and its potential impact on others. Risk management plans did not follow the approved structure and were not comprehensive in a number of cases.',
    },
    {
      section: 'roh',
      text: 'The involvement of management in high and very high Risk of Harm cases was not consistently evident and ongoing planning to minimise the Risk of Harm was absent in some cases. There was a lack of home visits to reduce public protection and safeguarding concerns.',
    },
  ],
  criteria: withDrafted({
    '1.1': {
      strengths: [
        'Court reports were prepared for 61 out of the 69 cases in the community and custodial sample. Overall we found the quality of reports in preparing for sentence satisfactory in 86% of cases. Nearly all reports had taken account of the seriousness level indicated by the court.',
        'Most reports were of the appropriate type – i.e. fast delivery or standard - and based on the relevant risk and needs assessments. In 85% of the 52 reports where it had been used, we judged that the quality had been enhanced by the e-OASys template. All reports had been prepared within the time frame specified by the court. Although satisfied with the quality of court reports sentencers expressed concern with the timeliness of reports, in particular FDRs.',
        'In 90% of reports a clear proposal for sentence was made. There was a good concordance rate for community sentences. In 84% of the 50 court reports where a community proposal had been made it had been followed by the court. Two court reports had been written on PPOs and in both cases the seriousness of the offence was clearly outlined.',
      ],
      improvements: [
        'Appropriate victim information was included in just over half of the court reports written.',
        'Just over a third of reports were not assessed as balanced, verified and factually accurate. In most cases this related to a lack of verification of information provided by the offender and other agencies.',
        'In 64% of reports an outline plan was included. Where issues of self-harm had been identified, this was clearly recorded in 11 out of 16 reports.',
        'In the two PSRs on PPOs, one author had outlined the LoR and avoided labelling the offender as a PPO, but in the other report these disciplines had not been observed.',
      ],
    },
    '1.2': {
      strengths: [
        'A RoH screening had been completed in 90% of community sentence cases and 93% of licence cases. In most cases it had been completed at the start of sentence or on release from custody and was assessed as accurate in 89% of cases.',
        'RoH analyses accurately reflected the RoH to the public in 87% of cases.',
        'In those cases that had been classified as posing a high or very high RoH, this had been communicated to all relevant staff in 87% of cases. Similarly in those cases that were managed within MAPPA, the MAPPA level was communicated to all staff involved in 92% of cases.',
        'In those cases that were referred to the approved premises, all were considered appropriate and nearly all were accepted. There was only one case where a referral to approved premises should have been made and had not been.',
      ],
      improvements: [
        'In seven cases no RoH screening had been completed and in 14 cases the RoH classification was not considered correct. In some instances the offender manager had overlooked risk factors such as previous convictions.',
        "In those cases where a full RoH analysis was completed the overall quality of this was assessed as sufficient in 58% of cases. A theme noted by the inspection team was that the RoH analysis tended to describe events rather than analyse risk. While RoH analyses accurately reflected the risk to the public in most cases this was lower for RoH to children (79%), known adults (76%) and staff (78%). In less than half of cases (44%) the RoH assessment covered victim issues thoroughly. In 52% of cases the RoH screening and analysis drew on the full range of information available. Offender managers were not always proactive in following up information from other agencies e.g. Children's Social Care Services, to enable a holistic assessment of risk to be made. In 24 cases no RoH analysis was completed where the screening indicated one should have been done. In 14 cases there was no recorded acceptable explanation as to why an analysis had not been completed.",
        'The inspection team found a number of issues relating to both the quality and timeliness of risk management plans, although in those community cases assessed as high/very high RoH all had been completed within the five day time limit. In the custodial and licence sample only a quarter of plans were considered comprehensive. This was lower for the community case sample at just 22%. In some cases the plan did not follow the required format. A previous format developed by the area was being used that did not sufficiently identify the staff involved in the management of the case or how the risk posed would be managed. In too many cases the plans lacked detail and were insufficiently integrated with the sentence plan. In a small number of cases (two each) across both the community and licence case samples, a risk management plan had not been completed when it should have been.',
        'There was insufficient evidence of effective middle or higher management involvement in cases where there were safeguarding issues (ten out of 16 cases). In five out of 14 cases there was no evidence of management involvement where the offender was assessed as high or very high RoH. The inspection team found a number of risk analyses and risk management plans that had been countersigned by management despite them being of insufficient quality.',
      ],
    },
    '1.3': {
      strengths: [
        'In 79% of cases an OASys was completed as required at the start of sentence. This was a similar figure in respect of PPO cases. In 91% of cases an OASys score was calculated at the start of sentence. In nearly all cases where an OASys assessment was not required an OGRS 2 score had been calculated.',
        'The overall quality of the LoR assessments was assessed as sufficient in 75% of cases. Positive influences such as supportive and pro-social factors were identified in 90% of cases. In 82% of cases the assessments drew on other relevant information. Key workers employed both by the probation area and by other organisations commented on the opportunities they had to contribute to the assessment at both the pre- and post-sentence stage.',
      ],
      improvements: [
        'In 21 cases criminogenic factors were not assessed within the time frames prescribed by national standards and in eight cases no assessment of criminogenic need had been completed.',
        'Of the nine PPO cases, only four OASys assessments were assessed as comprehensive.',
      ],
    },
    '1.4': {
      strengths: [
        'Skills for life screening had been carried out at the start of sentence in 75% of cases. Our meetings with case administrators highlighted that screening for literacy and numeracy was well embedded in the court report production process. At the time of the inspection the area had recently moved to an arrangement whereby case administrators recorded the completion of a screening as a contact on the case recording system.',
        'In 71% of cases full attention had been paid to the methods most likely to be effective with the offender. Key workers commented that communication between themselves and offender managers was of a high standard. This enabled any potential barriers to engagement to be identified at an early stage.',
        'In all but one case the REM classification had been recorded.',
        'Diversity and other individual needs had been actively assessed in 72% of cases. This was supported by some of our interviews with offenders who told us that the area was generally responsive to their childcare and employment commitments. For those offenders where potentially discriminatory factors had been identified (60 cases) plans had been put in place to address them in 74% of cases.',
      ],
      improvements: [
        "Where the initial skills for life screening had taken place and indicated a need for a full assessment, this had taken place in only 38% of cases. Offender managers interviewed expressed their belief that the provision for skills for life was unsuitable for offenders. It mainly took place off probation premises in a 'classroom' environment. We were concerned, however, that the decision not to refer for a full assessment was based on the offender manager's view of that provision. We saw limited evidence of discussion with offenders by offender managers on the alternative options available that could support their attendance in that environment.",
      ],
    },
    '1.5': {
      strengths: [
        'In 85% of cases the offender was allocated to the correct tier, and in 79% of cases the planning accurately reflected the tier. We were pleased to see evidence, on file, of a tiering matrix that demonstrated a structured approach in most cases.',
        'In 93% of community cases the offender was allocated to the offender manager within the specified time limits. Discussions with case administrators and managers identified a range of processes in place to allocate cases at the earliest opportunity.',
        'In 94% of cases there was evidence that the offender manager ensured the offender understood the requirements of the sentence and consequence of non-attendance. This was confirmed by the offenders we met who were overwhelmingly clear about the rules of supervision.',
        'Planned contact levels were included in the sentence plan in 86% of cases and in 81% of cases all arranged contacts were enforceable.',
      ],
      improvements: [
        'While most cases were correctly tiered we found 16 cases that were not. In some cases where the LoR was low but the sentence had a number of requirements, such cases were being managed at Tier 2. In another case where the sentence requirements were less complicated and the LoR low, this was being managed at Tier 3. Although we found evidence of the use of a tiering matrix, the basis on which the offender manager overrode the emergent decision was not always clear. The inspection team was concerned to find that tiering decisions were mainly the responsibility of offender managers and processes for management oversight were inconsistent.',
        'The overall quality of sentence planning was assessed as insufficient in 57% of cases. The inspection team found that the completion of sentence plans was seen by offender managers as an administrative process rather than an active tool to support the management of offenders. In six cases no sentence plan had been prepared and in 32% of relevant cases the plan had not been completed within the appropriate time frame. In a number of cases the sentence plan objectives were not outcome focused and tended to describe general areas of work rather than specific objectives related to the assessment of need. In just half of the cases were roles and responsibilities of all workers clearly defined. There were similar issues in relation to sentence planning for custodial cases. In only two of the relevant seven custodial cases did the sentence plan distinguish between those elements of work that would be delivered in custody and those in the community. It was unsurprising that in only 46% of cases, the sentence plan gave a clear shape to supervision.',
        'In only 32% of cases was there reference in the sentence plan to how any RoH posed by the offender would be managed. It was not always clear from planning documents whether objectives were sequenced according to RoH. In 57% of cases there was no evidence that appropriate consideration had been given to restrictive requirements.',
        'In 32 out of 63 cases (51%) sentence plans were considered sensitive to diversity issues. Although identified, diversity issues were not always recorded.',
        'There was limited evidence that the offender had had the opportunity to participate actively in the planning process. In some instances the inspection team came across sentence plans that were not signed by the offender and information in the case record did not always specifically identify that the plan had been discussed with them. In other cases the OASys Self-Assessment Questionnaire had not been completed.',
      ],
    },
    '2.1': {
      strengths: [
        'In 83% of cases, arrangements had been put in place to prepare offenders thoroughly for interventions. We saw examples in case files of timely pre-group work being undertaken by offender managers.',
        "There were some good examples of offender managers showing commitment to their work with offenders - this was supported by our findings in 72% of cases. We saw several examples of offender managers sign-posting offenders to community resources to meet practical 'help' issues. In some cases there was evidence of ongoing liaison between offender managers, programme tutors and approved premises key workers.",
        'There were nine cases in the sample that had been transferred between areas; of these, two were assessed as high RoH. In seven cases an updated OASys assessment was received from the exporting area and in eight cases the first appointment to see the offender was made by Kent Probation Area within the prescribed time limits. In only one of the two high RoH cases was the risk management plan updated as required.',
      ],
      improvements: [
        'Overall we found that in only 52% of cases had the offender manager delivered all elements of the sentence in a planned way. In 40% of cases there was insufficient oversight and coordination of input of all workers by the offender manager. In a number of cases we found limited evidence that the sentence plan had been followed through in a consistent way and in 37% of cases the sentence requirements were not fully implemented.',
        'In 39% of cases with more than one requirement in an order or licence we did not find sufficient sequencing of interventions according to RoH and LoR. Work in the community did not build sufficiently on activity in prison in 48% of cases. Whilst education and substance abuse input was identified here, typically other interventions such as offence-focused work were identified as the key issues requiring further work on release (12 of 15 relevant cases).',
        "While sentence plans were reviewed in line with national standards in 74% of cases, the quality of content left room for improvement. In a number of cases the review of OASys was a duplicate of the initial assessment, having been 'pulled through' with little evidence of the sentence plan being updated or a new plan developed. Evidence that the sentence plan was driving the work with offenders was lacking. In 54% of cases the work with offenders was assessed as flowing coherently, and in only 38% of cases did objectives and milestones give a clear direction to the sentence. There was a lack of attention to verifying additional information and in only 32% of cases the sentence plan review integrated other plans as appropriate.",
        'The quality and frequency of communication in those cases where there was more than one worker was variable. In 65% of cases we assessed the communication between the offender manager and other workers as good. This was particularly evident with approved premises key workers and accredited programme tutors. The figure was lower (57%) for communication between all staff and the offender. In a number of unpaid work cases where there were other requirements, the contact between the offender manager and the unpaid work unit was limited, often leading to the requirements being managed separately. The area was aware of this and an instruction had recently been issued to improve the management of such cases.',
        'We found preparation for release lacking in a number of cases. There was insufficient positive, proactive and timely work between prison staff and offender managers to manage the transition from custody into the community in two-thirds of cases. There was a lack of contact between the offender and the offender manager prior to release. In some cases the OASys, sentence plan and risk management plan were not updated on release. This resulted, in some cases, in insufficient attention being given to identified criminogenic needs and the inclusion of appropriate licence conditions.',
        'Of the nine cases that were transferred between areas, a home visit had been made in only four cases (44%). All three Tier 4 cases that had been transferred between areas had a home visit within the timescales prescribed nationally.',
        'The movement of offenders whilst in custody was not always communicated to offender managers. Of the six cases in the custody sample that had been moved, the move had been promptly communicated to the offender manager in four cases. In none of the cases was the move consistent with the sentence plan.',
      ],
    },
    '2.2': {
      strengths: [
        'RoH was reviewed four months from the start of sentence in 78% of cases and at least every four months thereafter in 82% of cases. In the relevant custodial cases all had been reviewed no later than 12 months after sentence. In those cases managed at Tier 4 there was a higher rate of frequency in reviewing RoH.',
        'There was evidence of recall being used effectively to promote public protection. In the 12 cases where recall action had take place in relation to RoH issues, all had been actioned appropriately. In nine cases this formed part of the risk management process – i.e. they were recalled because of concerns about the RoH they posed.',
        'In 21 out of 25 MAPPA cases the offender manager and other workers were assessed as contributing effectively to MAPPA (81%). There was evidence in some of the cases we assessed of ongoing liaison between offender managers and other staff involved in the management of risk. In other cases where additional information required a reassessment of risk and referral to MAPPA this had been promptly actioned.',
      ],
      improvements: [
        'There was room for improvement in ongoing planning to address RoH issues and responsiveness to changing RoH. Planning to address RoH to the public, known adults and staff was not evident in 38%, 40% and 57% of cases respectively. We found that while RoH was being regularly revisited in most cases, this tended to be a duplicate of the initial RoH assessment, with limited evidence of active reviewing or planning of RoH issues. There were also cases where new offences had been committed or additional information was made available that did not always feature in the review of risk. This supported our finding that offender managers were not always proactive in the management of risk and in only 58% of cases were risk factors anticipated. Engagement in internal risk management processes in custody was not evident in seven out of the ten cases in the custody sample.',
        "Home visits were not seen as a priority in making a holistic assessment of RoH. In high RoH cases, home visits were only carried out as required in 40% of cases (six) and appropriately at a later stage in one case. In eight cases no home visit had been conducted and there was limited evidence on the case record to indicate why this was the case. Where there were safeguarding concerns home visits took place in only six out of 16 cases. In a number of cases the offender manager did not verify with Children's Social Care Services whether there were any identified issues with children residing at a particular address.",
        'MAPPA were assessed as being used effectively in 17 out of 25 cases and we were pleased to find evidence of proactive joint working with the police public protection unit. However, there were eight cases where MAPPA were not used to their full potential. In some cases, MAPPA meetings were convened just prior to release from prison, leaving insufficient time for planning appropriately for release. In other cases there were few multi-agency structures to manage risk other than the offender manager working individually with the offender. MAPPA decisions were not always recorded and integrated with sentence planning documents.',
        'In five recall cases, there was no evidence that clear explanations for the recall had been given to the offender and efforts made to re-engage them.',
      ],
    },
    '2.3': {
      strengths: [
        "There were examples of constructive liaison with victims by the VLO, including one case where a 'non contact' condition had been applied to a licence despite the victim choosing not to have contact with the VLO. In those statutory victim contact cases where the victim had taken up the offer of contact with the VLO, 71% had had the opportunity to contribute to setting licence conditions. 83% of victims had been informed of release conditions and 82% were informed of the offender's release in a timely fashion. Victims that were interviewed as part of the inspection held the work of the VLO in high regard, with one victim stating that they felt \"better protected\".",
      ],
      improvements: [
        "Victim safety was given appropriate priority in 65% of cases (31 out of 48). There were examples of victim safety not being promoted from within the custodial setting - in only two out of four cases had this occurred. Potentially fertile prison sources of RoH information such as mail and visits' monitoring were not always considered by offender managers.",
        'There was evidence that a timely written offer of face-to-face contact was made in only 12 out of 23 statutory victim contact cases and information about the criminal justice process provided in only 15 cases. Where victim contact occurred this was well managed and we saw cases where appropriate licence conditions to protect victims had been set. However, in a number of cases it was difficult to evidence whether victim contact had taken place due to the quality of recording. In some cases the offender manager had not considered it their role to liaise with the VLO to confirm victim contact had taken place. In six cases there was no evidence that any victim liaison had taken place when it should have done. In other cases there was insufficient recording on the file.',
        'We were disappointed to find that in 64% of cases there was no evidence that victim awareness work had taken place where it was required. In some cases this may have been due to a lack of recording, while in other cases victim work was not identified as a key objective in sentence planning and therefore not focused within the supervision process. In a small number of cases the offender manager did not see victim work as a high priority and did not sufficiently link work on victim awareness to the management of RoH.',
      ],
    },
    '2.4': {
      strengths: [
        "In all six custodial cases, satisfactory arrangements had been put in place to restrict the offenders' liberty during their sentence. There were no reported escapes or significant security threats in the custodial sample inspected.",
        'Almost all offenders received a timely induction at the start of their community order or licence (92%). We found evidence of good attention to some elements of attendance management. Overall the frequency of contact conformed to national standards in 93% of community cases, facilitated the requirements of the sentence in 84% of cases and supported the achievement of sentence plan objectives in 84%. The frequency of unpaid work sessions was sufficient in 29 out of 38 cases and facilitated the requirements of the sentence in 31 cases.',
        'Monitoring of attendance and enforcement practice was at a high standard. There was evidence of offender managers monitoring attendance in 92% of cases. Where there was an additional curfew or exclusion requirement this was effectively enforced in ten out of 11 cases.',
        'Judgements about the acceptability of absences were consistent and appropriate in 92% of cases. Where breach action had been deemed necessary effective action had been undertaken in 87% of cases and resolved in 79% of cases. The timely instigation and resolution of enforcement for the 13 relevant cases managed at Tier 4 was 100%.',
        'Case files were judged as well organised in 83% of cases, the recording of information was clear in 86% of cases and timely in 85% of cases.',
        "In nearly three-quarters of unpaid work cases, placements were judged to be suitably demanding and of benefit to the community. In the five cases managed at Tier 4, four had been assessed as suitably demanding and matched to the offenders' needs. Key workers commented that some high RoH cases and all sex offenders had restricted placements that were always supervised.",
      ],
      improvements: [
        'In 59% of relevant custody and licence cases there was insufficient contact between the offender manager and the offender prior to release. In some instances offender managers attributed this to the newness of the implementation of phase two of the offender management model.',
        'Of the nine PPO cases, there were five cases where the level of reporting was not enhanced and had not supported all elements of the sentence. In two cases the sentence was a standalone unpaid work requirement, where minimum weekly reporting was required. In our discussions with offender managers we were advised of a police officer vacancy in one of the PPO teams, and that this impacted on the availability of additional surveillance and information.',
        'Recording of information was judged to be sufficient in only 49% of cases. While information recorded was assessed as clear and timely it was not always sufficiently detailed. In discussions with offender managers it was clear that thought had been given to how the case would be managed but in a number of cases the recording of this was sparse and often did not reflect the work undertaken during an individual contact.',
        'As indicated by comments from the offenders interviewed, the matching of offenders to unpaid work placements was evident in 68% of cases. Interviews with key workers indicated particular problems in recruiting weekend supervisors to resource sufficiently a number of placements.',
      ],
    },
    '2.5': {
      strengths: [
        'Sufficient work and resources were directed at community reintegration issues in 72% of cases. There was evidence of offender managers liaising with both partner agencies and community based services to meet offender needs.',
        'For offenders in custody there was evidence that immediate action was taken to preserve employment, accommodation and family ties in four out of the five relevant cases, and positive community links and resources in five out of the relevant seven cases.',
        "There was good access to initial ETE advice and employment interventions. ETE surgery sessions provided detailed information, advice and guidance relevant to the offenders' needs. There was a strong focus on offender specific issues such as making disclosure of past offences in job and training applications. Offenders also benefited from the ALPS project, which provided short training opportunities and careers advice. The Transit to Work programme was considered effective at developing offenders' potential to obtain and sustain employment.",
        'There was evidence that residents at the approved premises in Maidstone could access specialist interventions such as drug treatment. We saw examples of motivational interviewing and pro-social modelling taking place, although these interventions were not always featured in the sentence plan. All the offenders we met at the approved premises commented positively on their increased confidence in accessing community resources.',
      ],
      improvements: [
        "Constructive interventions were considered to meet the 'help' and 'change' sentencing objectives in 58% of cases. In 56% of cases constructive interventions were assessed as sufficient in challenging the offender to accept responsibility for their offending behaviour and its consequences. This was partly compounded by the lack of recording to evidence that offence focused work had been undertaken. While we were pleased to see evidence of offence focused worksheets in some cases, these were not consistently used where needed. In a small number of cases there was no evidence of offence focused work, while in others work tended to be directed towards practical issues rather than the factors that contributed to the offending behaviour.",
        'In ten out of 24 cases (42%) where there was an accredited programme requirement, its provision and timing were not consistent with the sentence plan. Clear and acceptable reasons for this were not recorded in nine of those ten cases. We found improved practice in timing and provision of programmes for those cases managed at Tier 4. There were considerable delays in the commencement of programmes, which was disappointing given that this issue had been identified in a previous ESI and a recommendation made to reflect this. There were difficulties with sufficient programme availability in the evening for employed offenders and this was particularly relevant for the OSAP programme. Programme tutors confirmed lengthy waiting lists for programmes, and a lack of programme tutors.',
        'For those cases where the need for a skills for life intervention was identified, arrangements had been put in place to deliver this in only 36% of cases. There was limited skills for life provision offered on probation premises, with most taking place off site in colleges and other educational establishments. In addition, provision across the county was inconsistent with some parts of the area having no provision at all. The lack of appropriate skills for life provision was having an impact on overall service delivery and the achievement of targets.',
        'There were no skills for life provision or accredited programmes that took place within the approved premises.',
      ],
    },
    '2.6': {
      strengths: [
        'Restrictive interventions were fully monitored in 94% of cases and in 74% of cases every reasonable action had been taken to minimise RoH.',
        'In all three cases the approved premises were being used effectively as a restrictive intervention. There was evidence of timely liaison between offender managers and approved premises key workers, although attendance at three-way meetings was inconsistent. An information exchange protocol and SLA between interventions and offender management for the approved premises had been established. Both documents set out clear expectations for practice in RoH management in the community. Approved premises staff were clear regarding their contribution to public protection and the offenders we met there were also clear about what action would be taken if they failed to comply with their sentence and the approved premises rules.',
        'In all cases licence requirements were assessed as necessary and, in the vast majority of cases, proportionate to the RoH and LoR. We saw evidence of prompt action in two cases released on licence at short notice to apply for licence conditions that protected the public and victim.',
      ],
      improvements: [
        'Of eight released PPO cases where drug misuse was identified as a need only two had an additional licence condition to address that need.',
      ],
    },
    '2.7': {
      strengths: [
        "Arrangements for interventions took account of the offenders' diversity issues in 74% of cases. We saw examples of reporting being scheduled to support offenders' employment and childcare commitments. In other cases there was recorded justifiable decision-making leading to the exclusion of some offenders from group work programmes based on health and in one case age barriers. Overall we were pleased to find a staff group that were in the main alert to diversity issues; however, consideration given to how an offender's case would be managed to meet diversity needs was not always fully recorded in planning documents.",
        "In the two approved premises cases where diversity needs were identified, both needs were met by the approved premises regime. Key workers gave a range of examples from contacting other cultural organisations to gain further insight into offenders' culture and religion, to attempts made to meet offenders' cultural dietary needs. In addition, approved premises rules had been translated into different languages.",
        'In 96% of the sample, offenders had been clearly informed that discriminatory behaviour would not be tolerated. In a small number of cases we saw evidence of offender managers who were confident enough to challenge discriminatory remarks made by offenders.',
      ],
      improvements: [
        'Of the four minority offenders who were singleton placements on a programme, only two had given their consent to such a placement. Additionally, the composition of staff and arrangements to support a single minority offender in a mixed setting had been actively considered in only a third of such cases.',
      ],
    },
    '3.1': {
      strengths: [
        "The management of offenders' RoH within the approved premises was seen as a clear strength. There was a range of restrictive measures that met the 'control' sentence objective in place, including alcohol/drug testing and monitoring and CCTV. Fast track enforcement arrangements were in place in the event of failure to comply and we saw a number of cases where recall was promptly implemented.",
        'There was evidence of some responsiveness to changes in RoH issues. In 18 cases there had been an increase in restrictive interventions and a decrease in three cases. In three cases there was an increase in the MAPPA level and a decrease in five cases.',
        'In 72% of cases (79) the offender had not been cautioned or convicted of a further offence.',
        "The resources allocated to the case were consistent with the offenders' RoH in 77% of cases and LoR in 80% of cases. Overall resources were used efficiently to achieve the outcomes planned for the offender in 74% of cases.",
        "The 'punish' sentencing objective was achieved in 85% of all cases, and in 92% of all Tier 4 cases.",
        "There was evidence of community payback schemes being of benefit to the local community. Two schemes were entered for awards in 2007, of which one won the Howard League for Penal Reform's Community Programmes award. The award was made in recognition of the reparative work benefiting the public and the skills given to offenders. The other (Thanet) was a runner-up at the national Justice Awards 2007 for its outstanding contribution to engaging communities.",
        "Attainment and retention of employment was good. In the first six months of 2007/2008, 292 offenders entered sustained employment compared to a period target of 173, representing a performance over target of 141%. Generally there was good attainment by those offenders on Transit to Work programmes with high rates of retention and achievement: 93% retention, and 100% pass rate for those completing. Offenders exhibited good development of personal and social skills and improved awareness of employers' requirements, such as punctuality and responsibility.",
      ],
      improvements: [
        'There was limited evidence that the offender had demonstrated increased victim awareness; in only 15% of relevant cases was this judged to have occurred. In only 20 cases (19%) was there evidence of a reduced threat to victims and potential victims.',
        'It was concerning that in nine of the 23 cases where there was evidence of domestic violence it was not known whether the offender manager had contacted the police domestic violence unit to enquire about call out reports to addresses linked to the offender. It was therefore unclear how RoH issues were being addressed and managed in these particular cases.',
        "OASys had been rescored in 69% of cases. In a number of cases the basis of the rescoring was unclear. There was limited recorded evidence to substantiate the scores and in a number of assessments historical and irrelevant information had been 'pulled through' the assessment making it difficult to judge where progress had been made and how. The most recent OASys score showed an improvement over the initial score in only 32% of cases. Progress against criminogenic needs had largely remained unchanged or had deteriorated across the top three priority factors. There was no demonstrable positive change in attitudes and behaviour in 55% of cases. Learning outcomes and skills had improved in only 37% of cases.",
        "In six out of nine PPO cases, there was no evidence that the offenders' PPO status was matched to increased resources.",
        "It was surprising that in only 65% of cases had the 'control' objective been met, despite the attention given by offender managers to compliance and enforcement. Across Tiers 2, 3 and 4 the 'help' objective had been achieved in only 44% of cases and the 'change' objective across Tiers 3 and 4 in 29% of cases.",
        'There was limited evidence of benefits to the community as a result of the sentence aside from unpaid work undertaken - but this was only in 58% of cases. Only 56% of offenders had complied with the requirements of the sentence. This was in part due to the lack of offender motivation. In other cases there was evidence that requirements had not been fully implemented, an example of this was the long waiting lists for some accredited programmes. The reduction of seriousness of offending and the frequency of offending was evident in only 14 and 24 cases respectively.',
      ],
    },
    '3.2': {
      strengths: [
        'In 81% of cases offenders were made aware by their offender manager of community organisations which might assist them in the longer term.',
      ],
      improvements: [
        'There had been a single offender manager in only 20% of cases. 25% of the sample had had three or more offender managers and we judged that these changes had had a detrimental effect in over half of these cases. In a number of cases there was a lack of continuity of work; assessments were not always sufficiently reviewed, leading to poor initial decisions being carried throughout the sentence.',
        'There was a lack of structured sentence planning in 60% of cases. The inspection found that offender managers were not actively using the tools available to them to provide a structured approach to the management of the sentence. In particular the review and reassessment of work overall was not a high priority and appeared to focus on meeting timescales within processes as opposed to focusing on the more qualitative aspects of offender management.',
        'Consolidation of offender learning to reinforce new skills was evident in only 49% of cases.',
        'Full attention had been paid to long-term community integration issues in 67% of cases. Offender managers reported difficulties in accessing appropriate accommodation generally and specifically for high RoH cases.',
      ],
    },
  }),
  recommendations: [
    {
      text: 'accurate Risk of Harm screenings are undertaken in all cases. Risk assessments and risk management plans are completed to a sufficient quality in all cases where a need is identified',
      criteria: ['1.2', '2.2'],
    },
    {
      text: 'a higher profile is given to sentence planning. All sentence plans and reviews are completed on time and are sufficiently focused on outcome objectives',
      criteria: ['1.5', '2.1'],
    },
    {
      text: 'where statutory victim contact is required this is undertaken in a timely manner in all applicable cases. The amount of victim awareness work undertaken is increased in relevant cases',
      criteria: ['2.3'],
    },
    {
      text: 'constructive interventions are delivered in all relevant cases to help offenders and to change their behaviour, and this is evidenced in case file records',
      criteria: ['2.5'],
    },
    {
      text: 'prolific and other priority offenders are given an enhanced service',
      criteria: ['2.4', '3.1', '4.3'],
    },
    {
      text: 'in conjunction with the Learning and Skills Council gaps in provision of education services and accommodation for offenders are met',
      criteria: ['4.6'],
    },
    {
      text: 'the training needs of probation service officers are analysed and a comprehensive training plan is developed and implemented',
      criteria: ['4.4'],
    },
    {
      text: 'all staff receive regular and high quality supervision leading to practice improvement',
      criteria: ['4.4'],
    },
  ],
  goodPractice: [
    {
      title: 'Motivating the offender',
      text: 'Jean was subject to a two-year suspended sentence order for theft from her employer. Jean had suffered from depression in the past and had twice attempted suicide. Jean had two children, both of whom had significant behavioural problems. Throughout the period of supervision the offender manager supported Jean to improve her perception of herself and encourage her to take more control in her life. Referrals were made for counselling and education support. The approach adopted by the offender manager encouraged Jean to accept more responsibility for her actions. This resulted in a letter of apology written by Jean to her former employer. Jean had since undertaken a computer course, funded by the probation area, and had applied for higher education. The skills learned during supervision and the support of the counselling service meant that Jean had better control over her finances and improved parenting of her children.',
      criteria: ['2.1'],
    },
    {
      title: 'Risk of Harm management',
      text: "David was released on licence to an approved premises, having committed an offence of affray against a family member. There was a long history of domestic abuse and Children's Social Care Services were heavily involved with the family. The offender manager was proactive in the ongoing management of the risks posed by this case. Risk assessments were routinely updated when new information was received. MAPPAs were utilised effectively and action points from meetings were integrated into a comprehensive risk management plan. Details of all the staff involved in the case were clearly recorded. The offender manager had developed a strong positive relationship with Children's Social Care Services and there was regular communication. Following recall of the offender from the approved premises the offender manager ensured that risk information was shared with the establishment and retained good contact with the offender supervisor. When David was moved to open conditions, the offender manager, with support from MAPPAs, made representation to the prison service to reconsider their decision on the grounds of risk. This was successful and David was soon returned to closed conditions. The offender manager's alertness to potential risk triggers, regular communication with all agencies and the support of MAPPAs resulted in good risk management that protected potential victims.",
      criteria: ['2.2'],
    },
    {
      title: 'Community reintegration',
      text: 'Rodney was released to the approved premises following a ten-year sentence for numerous drug offences. On release the offender manager involved Rodney in identifying key problem areas and setting realistic sentence objectives. The approach taken by the offender manager enabled Rodney to take some ownership of his behaviour. During the course of supervision Rodney was referred to a drug counselling agency and additional counselling services. To ensure he was appropriately supported the offender manager had arranged for mentor support to assist Rodney in accessing his drug service. At the four month stage there had been considerable progress and Rodney had remained drug-free throughout that entire period.',
      criteria: ['2.5'],
    },
    {
      title: 'Addressing barriers',
      text: 'Jane was convicted of driving with excess alcohol and sentenced to a 12 month suspended sentence order. Jane presented with a range of complex issues relating to severe mental health and chronic alcohol misuse. This impacted significantly on her ability to comply with the supervision requirement of her order. In engaging with Jane the offender manager arranged appointments early in the morning so that Jane could attend while still sober. In addition the offender manager contacted the community mental health team and undertook a joint home visit in order for a full assessment of her mental health needs to be undertaken.',
      criteria: ['2.7'],
    },
  ],
  // Issue 28: the whole document, in the seed's words.
  cover: { publicationMonth: '2008-02' },
  foreword: {
    paragraphs: [
      {
        text: 'Kent Probation Area had approached the implementation of offender management against a backdrop of active involvement alongside prisons in the county over many years. The two organisations had worked productively together to model joint work at the Sheppey prison cluster, much of which was pioneering. The size and geography of the area brought particular challenges in relating to local authorities and associated partner agencies, but the probation area had worked hard to foster positive working arrangements despite these complexities.',
      },
      {
        text: 'Greater attention was needed to strengthen some core pillars of practice if offender management was to operate successfully. Although offender managers were diligent in managing attendance and compliance issues, sentence planning lacked quality from beginning to end and failed to produce desired outcomes in many cases. Risk of Harm work required greater attention to detail. Improved supervision of staff could help to address such issues. There also needed to be more evaluation of success factors and more heed taken of service users, including sentencers.',
      },
      {
        text: 'To their credit the area was handling some challenging offenders well at its approved premises, where a real contribution to public protection was seen. In some cases this took the form of prompt and appropriate recall of offenders whose Risk of Harm was seen to be escalating. We recognised the significance of the potential reoffending prevented by this careful work.',
      },
    ],
    signedBy: { text: 'Andrew Bridges, HM Chief Inspector of Probation' },
  },
  acknowledgements: [
    {
      text: 'We would like to express our thanks to the Kent Probation Board, its managers and staff for the considerable assistance received in enabling the inspection to proceed smoothly. Without their help, most especially in arranging a complicated programme of interviews with offender managers, the work could not have been completed successfully.',
    },
    {
      text: 'The inspection also depended on the contribution made by local area assessors who assisted with the offender manager interviews. Their participation and commitment were greatly appreciated.',
    },
  ],
  inspectionTeam: [
    { role: { text: 'HM Assistant Chief Inspector' }, names: 'Kate White' },
    { role: { text: 'HM Inspectors' }, names: 'Lisa Cox, Melva Burton, Les Smith, Steve Woodgate' },
    { role: { text: 'Practice Assessors' }, names: 'Pamela Hill, Karen Rooney, Ushma Sharma, Paula Williams' },
    { role: { text: 'Ofsted Inspectors' }, names: 'Andrew Boughton, Alastair Pearson, Allan Woods' },
    { role: { text: 'Information Manager' }, names: 'Kevin Ball' },
    { role: { text: 'Inspection Admin Officer' }, names: 'Anita McGuckin' },
    { role: { text: 'Publications Team' }, names: 'Deborah Hewitt, Zach Rathore' },
    { role: { text: 'Area Assessors' }, names: 'Mark Collinson, Tina Hughes, Jo Kenny, Heather Mackey, Jo Norman, Kate Pellatt' },
  ],
  abbreviations: [
    { term: 'CCTV', meaning: { text: 'Closed circuit television' } },
    { term: 'CDAP', meaning: { text: 'Community Domestic Abuse Programme' } },
    { term: 'CDRP', meaning: { text: 'Crime and Disorder Reduction Partnership' } },
    { term: 'CJSSS', meaning: { text: 'Simple, Speedy, Summary Justice' } },
    { term: 'CJS', meaning: { text: 'Criminal Justice System' } },
    { term: 'CO', meaning: { text: 'Chief Officer' } },
    { term: 'DAT', meaning: { text: 'Drug Action Team' } },
    { term: 'ESF', meaning: { text: 'European social fund' } },
    { term: 'ESI', meaning: { text: 'Effective Supervision Inspection' } },
    { term: 'ETE', meaning: { text: 'Employment, Training and Education' } },
    { term: 'FDR', meaning: { text: 'Fast delivery report' } },
    { term: 'HMI Probation', meaning: { text: "Her Majesty's Inspectorate of Probation" } },
    { term: 'HMPS', meaning: { text: "Her Majesty's Prison Service" } },
    { term: 'HR', meaning: { text: 'Human Resources' } },
    { term: 'IDAP', meaning: { text: 'Integrated Domestic Abuse Programme' } },
    { term: 'LAA', meaning: { text: 'Local Area Agreement' } },
    { term: 'LCJB', meaning: { text: 'Local Criminal Justice Board' } },
    { term: 'LoR', meaning: { text: 'Likelihood of reoffending' } },
    { term: 'KPI', meaning: { text: 'Key performance indicator' } },
    { term: 'MAPPA', meaning: { text: 'Multi-Agency Public Protection Arrangements' } },
    { term: 'MBA', meaning: { text: 'Master of Business Administration' } },
    { term: 'NAPO', meaning: { text: 'National Association of Probation Officers' } },
    { term: 'NOMS', meaning: { text: 'National Offender Management Service' } },
    { term: 'NPD', meaning: { text: 'National Probation Directorate' } },
    { term: 'NVQ', meaning: { text: 'National Vocational Qualification' } },
    { term: 'OASys/eOASys', meaning: { text: 'Offender Assessment System/electronic OASys' } },
    { term: 'OGRS2', meaning: { text: 'Offender Group Reconviction Score2' } },
    { term: 'OLASS', meaning: { text: 'Offender learning and skills service' } },
    { term: 'OMI', meaning: { text: 'Offender management inspection' } },
    { term: 'OMU', meaning: { text: 'Offender Management Unit' } },
    { term: 'OSAP', meaning: { text: 'Offender Substance Abuse Programme' } },
    { term: 'PDA', meaning: { text: 'Practice development assessors' } },
    { term: 'PO', meaning: { text: 'Probation officer' } },
    { term: 'PPO', meaning: { text: 'Prolific and other priority offender' } },
    { term: 'PSO', meaning: { text: 'Probation service officer' } },
    { term: 'PSR', meaning: { text: 'Pre-sentence report' } },
    { term: 'REM', meaning: { text: 'Race and ethnic monitoring' } },
    { term: 'RoH', meaning: { text: 'Risk of Harm' } },
    { term: 'ROM', meaning: { text: 'Regional offender manager' } },
    { term: 'SDR', meaning: { text: 'Standard delivery report' } },
    { term: 'SFO', meaning: { text: 'Serious further offence' } },
    { term: 'SLA', meaning: { text: 'Service level agreement' } },
    { term: 'SMB', meaning: { text: 'Strategic Management Board' } },
    { term: 'SMT', meaning: { text: 'Senior management team' } },
    { term: 'TPO', meaning: { text: 'Trainee probation officer' } },
    { term: 'VLO', meaning: { text: 'Victim liaison officer' } },
  ],
  // The seed states the decision ("There will not be a further inspection in Kent"), not a rule.
  nextSteps: { decision: 'no-further-inspection' },
  // "There were 11 responses to the questionnaires sent out to sentencers": how many were sent, the seed does not say.
  sentNotStated: ['sentencer'],
};
