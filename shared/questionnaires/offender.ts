/**
 * The offender questionnaire, from the Kent report's "Service users' perspective" (Offenders):
 * induction, understanding the rules, the sentence plan (seen it, helped to set its goals),
 * contact with the offender manager (regular, and while in custody), unpaid work,
 * programmes, help to reach community resources, feeling supported.
 * Short sentences and everyday words for readers with low literacy. Questions that only some
 * offenders can answer offer "this has not happened to me", which the summaries leave out.
 */
import type { BilingualQuestionnaire } from '#schemas/questionnaire';
import { choiceOf, comments, editionsOf, no, questionOf, yes, yesNo, type Closed } from './blocks';
import { questionnaireVersions } from './versions';

/** Yes / no / "this has not happened to me" (not applicable). */
const ifApplies = (notMe: { value: string; en: string; cy: string }): Closed => ({
  type: 'single-choice',
  optional: false,
  options: [yes, no, notMe],
  positive: ['yes'],
  notApplicable: [notMe.value],
});

/** Version 1 (offender-2008.1): kept as issued, so links issued with it keep their questions. */
export const sourceV1: BilingualQuestionnaire = {
  audience: 'offender',
  version: 'offender-2008.1',
  noun: { singular: 'offender', plural: 'offenders' },
  title: {
    en: 'Your views on probation',
    cy: 'Eich barn am y gwasanaeth prawf',
  },
  intro: {
    en:
      'We are inspectors. We check how well probation works. Please tell us what you think. ' +
      'Your answers will not affect your order or licence. We will not use your name in our report.',
    cy:
      "Arolygwyr ydym ni. Rydym yn gwirio pa mor dda y mae'r gwasanaeth prawf yn gweithio. Dywedwch " +
      "wrthym beth rydych chi'n ei feddwl. Ni fydd eich atebion yn effeithio ar eich gorchymyn na'ch " +
      'trwydded. Ni fyddwn yn defnyddio eich enw yn ein hadroddiad.',
  },
  questions: [
    {
      id: 'induction',
      ...yesNo(true),
      text: {
        en: 'Soon after your order or licence started, did someone explain how it works?',
        cy: "Yn fuan ar ôl i'ch gorchymyn neu'ch trwydded ddechrau, a wnaeth rhywun esbonio sut mae'n gweithio?",
      },
      hint: {
        en: 'This meeting is called an induction.',
        cy: "Enw'r cyfarfod hwn yw cyfarfod cynefino.",
      },
      finding: 'had an induction soon after their sentence started',
    },
    {
      id: 'rules-clear',
      ...yesNo(false),
      text: {
        en: 'Do you understand the rules you must keep to, and what happens if you break them?',
        cy: "A ydych chi'n deall y rheolau y mae'n rhaid i chi eu dilyn, a beth sy'n digwydd os byddwch yn eu torri?",
      },
      finding: 'were clear about the rules of their sentence and what would happen if they broke them',
    },
    {
      id: 'sentence-plan-seen',
      ...yesNo(true),
      text: {
        en: 'Have you seen your sentence plan?',
        cy: 'A ydych chi wedi gweld eich cynllun dedfryd?',
      },
      hint: {
        en: 'Your sentence plan sets out what you will work on during your order or licence.',
        cy: "Mae eich cynllun dedfryd yn nodi beth y byddwch yn gweithio arno yn ystod eich gorchymyn neu'ch trwydded.",
      },
      finding: 'had seen their sentence plan',
    },
    {
      id: 'sentence-plan-involved',
      ...yesNo(true),
      text: {
        en: 'Did you help to set the goals in your sentence plan?',
        cy: "A wnaethoch chi helpu i bennu'r nodau yn eich cynllun dedfryd?",
      },
      finding: 'had helped to set the goals in their sentence plan',
    },
    {
      id: 'regular-contact',
      ...yesNo(false),
      text: {
        en: 'Do you see your offender manager regularly?',
        cy: "A ydych chi'n gweld eich rheolwr troseddwyr yn rheolaidd?",
      },
      hint: {
        en: 'Your offender manager is the probation worker in charge of your case.',
        cy: "Eich rheolwr troseddwyr yw'r gweithiwr prawf sy'n gyfrifol am eich achos.",
      },
      finding: 'saw their offender manager regularly',
    },
    {
      id: 'custody-contact',
      ...ifApplies({
        value: 'not-in-custody',
        en: 'I have not been in prison on this sentence',
        cy: 'Nid wyf wedi bod yn y carchar ar y ddedfryd hon',
      }),
      text: {
        en: 'If you were in prison on this sentence, did your offender manager keep in touch with you there?',
        cy: 'Os buoch yn y carchar ar y ddedfryd hon, a wnaeth eich rheolwr troseddwyr gadw mewn cysylltiad â chi yno?',
      },
      finding: 'had contact with their offender manager while in custody',
    },
    {
      id: 'unpaid-work',
      ...ifApplies({
        value: 'no-unpaid-work',
        en: 'I have not done unpaid work',
        cy: 'Nid wyf wedi gwneud gwaith di-dâl',
      }),
      text: {
        en: 'If you have done unpaid work, can you see how it helps the local community?',
        cy: "Os ydych chi wedi gwneud gwaith di-dâl, a allwch chi weld sut mae'n helpu'r gymuned leol?",
      },
      finding: 'could see the benefit of their unpaid work to the local community',
    },
    {
      id: 'programme',
      ...ifApplies({
        value: 'no-programme',
        en: 'I have not been on a programme',
        cy: 'Nid wyf wedi bod ar raglen',
      }),
      text: {
        en: 'If you have been on a programme, did it help you think about your behaviour?',
        cy: 'Os ydych chi wedi bod ar raglen, a wnaeth hi eich helpu i feddwl am eich ymddygiad?',
      },
      hint: {
        en: 'A programme is a course, often in a group, such as Think First.',
        cy: 'Cwrs yw rhaglen, mewn grŵp yn aml, fel Think First.',
      },
      finding: 'felt the programme had helped them think about their behaviour',
    },
    {
      id: 'help-received',
      type: 'multi-choice',
      optional: false,
      text: {
        en: 'Has probation helped you with any of these?',
        cy: "A yw'r gwasanaeth prawf wedi eich helpu gydag unrhyw un o'r rhain?",
      },
      hint: {
        en: 'Select all that apply.',
        cy: "Dewiswch bob un sy'n berthnasol.",
      },
      options: [
        { value: 'accommodation', en: 'Finding somewhere to live', cy: 'Dod o hyd i rywle i fyw' },
        { value: 'employment', en: 'Finding work or training', cy: 'Dod o hyd i waith neu hyfforddiant' },
        { value: 'mentor', en: 'Having a mentor', cy: 'Cael mentor' },
        {
          value: 'other-help',
          en: 'Other help, such as with drugs, alcohol or money',
          cy: 'Help arall, er enghraifft gyda chyffuriau, alcohol neu arian',
        },
        { value: 'none', en: 'None of these', cy: "Dim un o'r rhain" },
      ],
      positive: ['accommodation', 'employment', 'mentor', 'other-help'],
      notApplicable: [],
      exclusive: ['none'],
      finding: 'had been given help with housing, work or training, a mentor or other needs',
    },
    {
      id: 'supported',
      ...yesNo(true),
      text: {
        en: 'Do you feel supported by probation?',
        cy: "A ydych chi'n teimlo bod y gwasanaeth prawf yn eich cefnogi?",
      },
      finding: 'felt supported',
    },
    comments({
      en: 'Is there anything else you want to tell us?',
      cy: 'A oes unrhyw beth arall rydych chi am ei ddweud wrthym?',
    }),
  ],
};

const questionV1 = questionOf(sourceV1);
const before = (id: string) => sourceV1.questions.slice(0, sourceV1.questions.findIndex((q) => q.id === id) + 1);

/**
 * Version 2 (offender-2008.2), four findings of the Kent report given questions: matching to
 * unpaid work ("few offenders ... were of the view that their skills had been matched to the
 * work"; asked only of those who did unpaid work), basic skills screening ("most could not
 * recall having a screening"), the wait for a programme ("one offender recalled having to
 * wait 16 months"; asked only of those on a programme) and diversity needs ("where diversity
 * issues were identified they were in the main taken into account").
 */
export const source: BilingualQuestionnaire = {
  ...sourceV1,
  version: questionnaireVersions.offender,
  questions: [
    ...before('unpaid-work'),
    {
      id: 'unpaid-work-matched',
      ...yesNo(true),
      showIf: { question: 'unpaid-work', in: ['yes', 'no'] },
      text: {
        en: 'Did your unpaid work use your skills, or help you learn new ones?',
        cy: 'A wnaeth eich gwaith di-dâl ddefnyddio eich sgiliau, neu eich helpu i ddysgu rhai newydd?',
      },
      finding: 'felt their skills had been matched to their unpaid work',
    },
    questionV1('programme'),
    {
      id: 'programme-wait',
      ...choiceOf(
        [
          { value: 'under-3-months', en: 'Less than 3 months', cy: 'Llai na 3 mis' },
          { value: '3-to-6-months', en: '3 to 6 months', cy: '3 i 6 mis' },
          { value: 'over-6-months', en: 'More than 6 months', cy: 'Mwy na 6 mis' },
        ],
        ['under-3-months'],
      ),
      showIf: { question: 'programme', in: ['yes', 'no'] },
      text: {
        en: 'How long did you wait to start your programme?',
        cy: "Pa mor hir y bu'n rhaid i chi aros i ddechrau eich rhaglen?",
      },
      finding: 'started their programme within three months',
    },
    {
      id: 'skills-screening',
      ...yesNo(true),
      text: {
        en: 'Were you asked about your reading, writing or maths, or offered help with them?',
        cy: 'A ofynnwyd i chi am eich darllen, ysgrifennu neu fathemateg, neu a gynigiwyd help i chi gyda nhw?',
      },
      finding: 'recalled a basic skills screening',
    },
    {
      id: 'diversity-needs',
      ...ifApplies({ value: 'no-needs', en: 'I did not have any needs like this', cy: 'Nid oedd gennyf unrhyw anghenion fel hyn' }),
      text: {
        en: 'Did probation take account of your needs, such as childcare, work, health, disability, religion or language?',
        cy: 'A wnaeth y gwasanaeth prawf ystyried eich anghenion, fel gofal plant, gwaith, iechyd, anabledd, crefydd neu iaith?',
      },
      finding: 'felt their individual needs had been taken into account',
    },
    ...sourceV1.questions.slice(sourceV1.questions.findIndex((q) => q.id === 'programme') + 1),
  ],
};

export const { en, cy, versions, phrases } = /* @__PURE__ */ editionsOf(sourceV1, source);
