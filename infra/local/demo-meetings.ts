/**
 * The demo's meetings (issue 29), from the Kent report's "Service users' perspective" and the
 * views that run through its sections 1 to 4, in the report's own words:
 *   - offenders: two groups on programmes (Think First and IDAP: the report says eight offenders
 *     were on an accredited programme, not how they split; four and four here), twelve met one
 *     by one at unpaid work placements (seven) and at the approved premises in Maidstone (five,
 *     "three out of the five offenders"): 20 in all, with its three paragraphs and its quote;
 *   - victims: the three individual interviews and what they said (the seven questionnaires keep
 *     only what the report gives them: demo-data.ts);
 *   - key workers, case administrators, programme tutors, strategic partners and prison
 *     representatives, where the report says what they told us. The report does not count
 *     them: the numbers of people here are the demo's.
 * Every quote here was said to the inspectors for publication, so each has consent.
 */
import type { MeetingInput } from '#schemas/meeting';

const day = (d: number) => `2007-11-0${d}`;

export const kentDemoMeetings: Record<string, MeetingInput> = {
  'offenders-unpaid-work': {
    kind: 'interview',
    audience: 'offender',
    people: 7,
    date: day(5),
    place: 'Unpaid work placements',
    criteria: ['1.4', '1.5', '2.4'],
    findings: [
      'All offenders across the different groups were positive regarding their contact with the probation area. Most recalled having had a timely induction to their sentence and all were clear regarding the rules governing their sentence and what action would be taken if they failed to attend. All the offenders on unpaid work could see the benefit of their work to the local community, but there were mixed views in relation to the opportunity to develop skills. One offender felt that she had developed new skills as a result of the work, and two offenders commented that they were utilising existing skills. Few offenders, however, were of the view that their skills had been matched to the work they were undertaking. Very few of the offenders had seen a sentence plan or recalled being involved in setting goals for their sentence. Offenders who were subject to a supervision requirement as well as unpaid work described regular contact with their offender managers. For those sentenced to a standalone unpaid work requirement, contact with offender managers was more limited. All the offenders commented positively on their relationship with the unpaid work supervisor and, where appropriate, individual needs had been responded to e.g. meeting childcare needs. There was little knowledge among the offenders about basic skills and most could not recall having a screening or being offered any additional services.',
    ],
    quotes: [],
  },
  'offenders-group-1-think-first': {
    kind: 'group',
    audience: 'offender',
    people: 4,
    date: day(6),
    place: 'Think First, a general offending behaviour programme',
    criteria: ['1.5', '2.1', '2.5'],
    findings: [
      'All eight offenders who were on an accredited programme spoke positively about the programme and their relationship with their offender manager. None of the offenders recalled seeing a sentence plan, but all were clear what their sentence entailed and what was expected from them. All offenders described regular contact while on the group programme, including at three-way meetings. There were concerns expressed amongst the group about the length of time it took to start the programme. One offender recalled having to wait 16 months before commencement. There were issues for some offenders on the location of IDAP. For some offenders this required journeys of up to 90 minutes each way. All offenders indicated that the programme had made them reflect on their behaviour, and think about how their actions impacted on others.',
    ],
    quotes: [],
  },
  'offenders-group-2-idap': {
    kind: 'group',
    audience: 'offender',
    people: 4,
    date: day(6),
    place: 'IDAP, the Integrated Domestic Abuse Programme',
    criteria: ['2.5'],
    findings: [
      'Offenders on IDAP were particularly complimentary about the work offender managers had done in assisting them to access community resources.',
    ],
    quotes: [{ text: 'offender managers made the transition easy and minimised the risk of getting stressed out', consent: true }],
  },
  'offenders-approved-premises': {
    kind: 'interview',
    audience: 'offender',
    people: 5,
    date: day(7),
    place: 'The approved premises in Maidstone',
    criteria: ['1.5', '2.5', '2.6'],
    findings: [
      "Involvement in sentence planning was more positive among the approved premises offenders. Three out of the five offenders described seeing a sentence plan and being involved in setting objectives. Contact with offenders by the offender manager while they had been in custody was variable. Two offenders described ongoing contact with their offender managers while serving the custodial element of their sentence. The remaining three offenders received little or no contact at all. Contact had improved once the offenders were released and all offenders commented that they had been seen regularly by their offender manager and key worker. All five had received a timely induction into hostel rules. There were positive comments about the relationship between offenders and their offender manager and key workers, and all offenders felt they were being supported. There was clear evidence of a focus on community reintegration issues with referrals to community agencies and good use of partnerships. This included work to access 'move on' accommodation. Most offenders felt more confident in accessing community resources and in three cases a mentor had been matched to an offender to support them in their 'move on' plans.",
    ],
    quotes: [],
  },
  'victims-interviews': {
    kind: 'interview',
    audience: 'victim',
    people: 3,
    date: day(7),
    criteria: ['2.3'],
    findings: [
      'A similarly high level of satisfaction was expressed. Two out of the three victims commented that contact with the VLO had been prompt after sentence. All felt the role had been clearly explained, understood they would receive regular updates on how the sentence was progressing and would be able to influence the outcome of licence conditions. The support and accessibility of the VLOs was another positive feature. All felt that having a VLO made a huge difference to how they dealt with the preparation for release of the offender and had greatly contributed to their ability to cope. Interestingly none of the victims was aware of MAPPA, but all understood what they could do if the offenders breached their licence condition and attempted to contact them. For all victims this had been the first time that their views on the victim liaison service had been sought.',
    ],
    quotes: [{ text: 'better protected', consent: true }],
  },
  'key-workers-approved-premises': {
    kind: 'group',
    audience: 'key-worker',
    people: 4,
    date: day(7),
    place: 'The approved premises in Maidstone',
    criteria: ['1.3', '1.4', '2.7'],
    findings: [
      'Key workers employed both by the probation area and by other organisations commented on the opportunities they had to contribute to the assessment at both the pre- and post-sentence stage.',
      'Key workers commented that communication between themselves and offender managers was of a high standard. This enabled any potential barriers to engagement to be identified at an early stage.',
      "Key workers gave a range of examples from contacting other cultural organisations to gain further insight into offenders' culture and religion, to attempts made to meet offenders' cultural dietary needs.",
    ],
    quotes: [],
  },
  'key-workers-unpaid-work': {
    kind: 'group',
    audience: 'key-worker',
    people: 3,
    date: day(5),
    place: 'The unpaid work unit',
    criteria: ['2.4'],
    findings: [
      'Key workers commented that some high RoH cases and all sex offenders had restricted placements that were always supervised.',
      'Interviews with key workers indicated particular problems in recruiting weekend supervisors to resource sufficiently a number of placements.',
    ],
    quotes: [],
  },
  'case-administrators': {
    kind: 'group',
    audience: 'other',
    people: 6,
    date: day(6),
    place: 'Case administrators',
    criteria: ['1.4', '1.5', '4.4'],
    findings: [
      'Our meetings with case administrators highlighted that screening for literacy and numeracy was well embedded in the court report production process.',
      'Discussions with case administrators and managers identified a range of processes in place to allocate cases at the earliest opportunity.',
    ],
    quotes: [],
  },
  'programme-tutors': {
    kind: 'group',
    audience: 'other',
    people: 3,
    date: day(6),
    place: 'Accredited programme tutors',
    criteria: ['2.5'],
    findings: ['Programme tutors confirmed lengthy waiting lists for programmes, and a lack of programme tutors.'],
    quotes: [],
  },
  'strategic-partners': {
    kind: 'group',
    audience: 'partner',
    people: 8,
    date: day(8),
    place: 'Strategic partners',
    criteria: ['4.1', '4.6'],
    findings: [
      'Strategic partners commented positively on the attendance of staff, although there were some concerns expressed that the seniority of staff representation was not always sufficient to progress issues quickly. Partners valued the efforts made by the area to provide a more strategic joined up approach to the management of offenders and their needs.',
      "Strategic partners and key workers commented favourably on the area's commitment to partnership work and its engagement with them.",
      'There was no structured strategic process for collating and evaluating the user perspective to inform commissioning. Strategic partners also commented that this was an area that required further development.',
    ],
    quotes: [],
  },
  'prison-representatives': {
    kind: 'interview',
    audience: 'partner',
    people: 2,
    date: day(8),
    place: 'Prison representatives, including the prison offender management lead',
    criteria: ['4.1'],
    findings: [
      'The area was highly regarded by prison representatives for their proactive leadership in implementing offender management, particularly in the Sheppey cluster.',
    ],
    quotes: [{ text: 'one of the best areas, as they know how Kent prisons work', consent: true }],
  },
};

/** In the seed's words: what the report's service users' section is checked against (test/integration/seed.test.ts). */
export const KENT_MET = { offender: { individually: 12, inGroups: 8, groups: 2 }, victim: { individually: 3, inGroups: 0, groups: 0 } } as const;
