/**
 * The victim questionnaire, from the Kent report's "Service users' perspective" (Victims):
 * agreement to contact, prompt contact after sentence, the role explained, needs taken into
 * account, information about the offender, attention to safety, overall satisfaction.
 * Written gently: every closed question offers "I do not know", which the summaries leave out.
 */
import type { BilingualQuestion, BilingualQuestionnaire } from '#schemas/questionnaire';
import { comments, editionsOf, questionOf, satisfaction, yesNo } from './blocks';
import { questionnaireVersions } from './versions';

/** Version 1 (victim-2008.1): kept as issued, so links issued with it keep their questions. */
export const sourceV1: BilingualQuestionnaire = {
  audience: 'victim',
  version: 'victim-2008.1',
  noun: { singular: 'victim', plural: 'victims' },
  title: {
    en: 'Your experience of the victim liaison service',
    cy: "Eich profiad o'r gwasanaeth cyswllt dioddefwyr",
  },
  intro: {
    en:
      'Thank you for helping us. We are inspecting the probation service in your area and would like ' +
      'to know about your contact with its victim liaison staff. Your answers are confidential and we ' +
      'will not name you in our report. If you are not sure of an answer, or a question does not apply ' +
      "to you, you can choose 'I do not know'.",
    cy:
      "Diolch am ein helpu. Rydym yn arolygu'r gwasanaeth prawf yn eich ardal a hoffem wybod am eich " +
      'cysylltiad â staff cyswllt dioddefwyr y gwasanaeth. Mae eich atebion yn gyfrinachol ac ni fyddwn ' +
      'yn eich enwi yn ein hadroddiad. Os nad ydych yn siŵr am ateb, neu os nad yw cwestiwn yn ' +
      "berthnasol i chi, gallwch ddewis 'Nid wyf yn gwybod'.",
  },
  questions: [
    {
      id: 'agreed-contact',
      ...yesNo(),
      text: {
        en: 'Did you agree to have contact with the victim liaison service?',
        cy: "A wnaethoch chi gytuno i gael cyswllt â'r gwasanaeth cyswllt dioddefwyr?",
      },
      hint: {
        en: "A victim liaison officer from probation keeps victims up to date about the offender's sentence.",
        cy: "Mae swyddog cyswllt dioddefwyr o'r gwasanaeth prawf yn rhoi'r wybodaeth ddiweddaraf i ddioddefwyr am ddedfryd y troseddwr.",
      },
      finding: 'had agreed to have contact with victim liaison staff',
    },
    {
      id: 'contact-prompt',
      ...yesNo(),
      text: {
        en: 'Were you contacted promptly after sentence?',
        cy: 'A gysylltwyd â chi yn fuan ar ôl y ddedfryd?',
      },
      finding: 'were contacted promptly after sentence',
    },
    {
      id: 'role-explained',
      ...yesNo(),
      text: {
        en: 'Was the role of the victim liaison officer explained clearly to you?',
        cy: "A gafodd rôl y swyddog cyswllt dioddefwyr ei hesbonio'n glir i chi?",
      },
      finding: 'were clear about the victim liaison role',
    },
    {
      id: 'needs-considered',
      ...yesNo(),
      text: {
        en: 'Did the service you received take account of your needs?',
        cy: 'A oedd y gwasanaeth a gawsoch yn ystyried eich anghenion?',
      },
      finding: 'felt the services they received took account of their individual needs',
    },
    {
      id: 'offender-information',
      ...yesNo(),
      text: {
        en: 'Were you given enough information about the offender?',
        cy: 'A gawsoch chi ddigon o wybodaeth am y troseddwr?',
      },
      hint: {
        en: 'For example, about their sentence, their release and any conditions they must keep to.',
        cy: "Er enghraifft, am eu dedfryd, eu rhyddhau ac unrhyw amodau y mae'n rhaid iddynt gadw atynt.",
      },
      finding: 'felt they had been given enough information about the offender',
    },
    {
      id: 'safety',
      ...yesNo(),
      text: {
        en: 'Was good attention given to your safety?',
        cy: "A roddwyd sylw da i'ch diogelwch?",
      },
      finding: 'felt good attention had been given to their safety',
    },
    {
      id: 'satisfaction',
      ...satisfaction(),
      text: {
        en: 'Overall, how satisfied are you with the service you received?',
        cy: "At ei gilydd, pa mor fodlon ydych chi â'r gwasanaeth a gawsoch?",
      },
      finding: 'were satisfied with the services provided',
    },
    comments({
      en: 'Is there anything else you would like to tell us?',
      cy: 'A oes unrhyw beth arall yr hoffech ei ddweud wrthym?',
    }),
  ],
};

/** Asked only of victims who agreed to contact: the questions about that contact (Kent: "of the five victims who had agreed to contact"). */
const ifContact = { showIf: { question: 'agreed-contact', in: ['yes'] } };
const questionV1 = questionOf(sourceV1);
const routed = (id: string): BilingualQuestion => ({ ...questionV1(id), ...ifContact });

/**
 * Version 2 (victim-2008.2): the contact questions are asked only of victims who agreed to
 * contact, and the five findings of the Kent report's victim interviews get questions:
 * regular updates and influencing licence conditions ("understood they would receive regular
 * updates ... and would be able to influence the outcome of licence conditions"), knowing what
 * to do on a breach ("all understood what they could do if the offenders breached their
 * licence condition"), MAPPA ("none of the victims was aware of MAPPA") and whether their
 * views had been sought before ("the first time that their views ... had been sought").
 */
export const source: BilingualQuestionnaire = {
  ...sourceV1,
  version: questionnaireVersions.victim,
  questions: [
    { ...questionV1('agreed-contact'), askedOf: 'had agreed to contact' },
    routed('contact-prompt'),
    routed('role-explained'),
    routed('needs-considered'),
    routed('offender-information'),
    {
      id: 'regular-updates',
      ...yesNo(),
      ...ifContact,
      text: {
        en: 'Were you told you would get regular updates on how the sentence was going?',
        cy: 'A ddywedwyd wrthych y byddech yn cael y wybodaeth ddiweddaraf yn rheolaidd am sut roedd y ddedfryd yn mynd?',
      },
      finding: 'understood they would receive regular updates on how the sentence was progressing',
    },
    {
      id: 'influence-licence',
      ...yesNo(),
      ...ifContact,
      text: {
        en: "Were you able to have a say in the conditions of the offender's licence?",
        cy: "A oeddech chi'n gallu dweud eich barn am amodau trwydded y troseddwr?",
      },
      hint: {
        en: 'Licence conditions are rules the offender must keep to after leaving prison, such as not contacting you.',
        cy: "Mae amodau trwydded yn rheolau y mae'n rhaid i'r troseddwr gadw atynt ar ôl gadael y carchar, fel peidio â chysylltu â chi.",
      },
      finding: 'felt able to influence the licence conditions',
    },
    {
      id: 'breach-know',
      ...yesNo(),
      ...ifContact,
      text: {
        en: 'Do you know what to do if the offender breaks a licence condition, for example by trying to contact you?',
        cy: "A ydych chi'n gwybod beth i'w wneud os yw'r troseddwr yn torri amod trwydded, er enghraifft drwy geisio cysylltu â chi?",
      },
      finding: 'knew what to do if the offender breached a licence condition',
    },
    routed('safety'),
    routed('satisfaction'),
    {
      id: 'mappa-aware',
      ...yesNo(),
      text: {
        en: 'Before today, had you heard of MAPPA (Multi-Agency Public Protection Arrangements)?',
        cy: "Cyn heddiw, a oeddech chi wedi clywed am MAPPA (Trefniadau Amlasiantaethol Diogelu'r Cyhoedd)?",
      },
      hint: {
        en: 'MAPPA is how the police, probation and prison services work together to manage offenders who may cause serious harm.',
        cy: "MAPPA yw'r ffordd y mae'r heddlu, y gwasanaeth prawf a'r gwasanaeth carchardai yn cydweithio i reoli troseddwyr a allai achosi niwed difrifol.",
      },
      finding: 'were aware of MAPPA',
    },
    {
      id: 'first-time-asked',
      ...yesNo(),
      text: {
        en: 'Is this the first time you have been asked for your views on the victim liaison service?',
        cy: "Ai dyma'r tro cyntaf i rywun ofyn am eich barn am y gwasanaeth cyswllt dioddefwyr?",
      },
      finding: 'said this was the first time their views on the victim liaison service had been sought',
    },
    questionV1('comments'),
  ],
};

export const { en, cy, versions, phrases } = /* @__PURE__ */ editionsOf(sourceV1, source);
