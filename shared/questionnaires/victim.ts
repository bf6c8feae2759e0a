/**
 * The victim questionnaire, from the Kent report's "Service users' perspective" (Victims):
 * agreement to contact, prompt contact after sentence, the role explained, needs taken into
 * account, information about the offender, attention to safety, overall satisfaction.
 * Written gently: every closed question offers "I do not know", which the summaries leave out.
 */
import {
  inLanguage,
  summaryPhrasesOf,
  type BilingualQuestion,
  type BilingualQuestionnaire,
  type QuestionnaireDefinition,
  type SummaryPhrases,
} from '../schemas/questionnaire';
import { questionnaireVersions } from './versions';

const yes = { value: 'yes', en: 'Yes', cy: 'Ie' };
const no = { value: 'no', en: 'No', cy: 'Na' };
const dontKnow = { value: 'dont-know', en: 'I do not know', cy: 'Nid wyf yn gwybod' };
/** A required yes / no / "I do not know" question; "I do not know" is left out of the summaries. */
const yesNo = (): Pick<BilingualQuestion, 'type' | 'optional' | 'options' | 'positive' | 'notApplicable'> => ({
  type: 'yes-no',
  optional: false,
  options: [yes, no, dontKnow],
  positive: ['yes'],
  notApplicable: ['dont-know'],
});

export const source: BilingualQuestionnaire = {
  audience: 'victim',
  version: questionnaireVersions.victim,
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
        cy: "A gysylltwyd â chi yn fuan ar ôl y ddedfryd?",
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
      type: 'scale',
      optional: false,
      text: {
        en: 'Overall, how satisfied are you with the service you received?',
        cy: "At ei gilydd, pa mor fodlon ydych chi â'r gwasanaeth a gawsoch?",
      },
      options: [
        { value: 'very-satisfied', en: 'Very satisfied', cy: 'Bodlon iawn' },
        { value: 'satisfied', en: 'Satisfied', cy: 'Bodlon' },
        { value: 'neither', en: 'Neither satisfied nor dissatisfied', cy: 'Ddim yn fodlon nac yn anfodlon' },
        { value: 'dissatisfied', en: 'Dissatisfied', cy: 'Anfodlon' },
        { value: 'very-dissatisfied', en: 'Very dissatisfied', cy: 'Anfodlon iawn' },
        dontKnow,
      ],
      positive: ['very-satisfied', 'satisfied'],
      notApplicable: ['dont-know'],
      finding: 'were satisfied with the services provided',
    },
    {
      id: 'comments',
      type: 'text',
      optional: true,
      maxLength: 2000,
      text: {
        en: 'Is there anything else you would like to tell us?',
        cy: 'A oes unrhyw beth arall yr hoffech ei ddweud wrthym?',
      },
      hint: {
        en: 'Please do not include names, addresses or phone numbers.',
        cy: 'Peidiwch â chynnwys enwau, cyfeiriadau na rhifau ffôn.',
      },
    },
  ],
};

export const en: QuestionnaireDefinition = inLanguage(source, 'en');
export const cy: QuestionnaireDefinition = inLanguage(source, 'cy');
/** English words for the summary sentences (not part of the public definition). */
export const phrases: SummaryPhrases = summaryPhrasesOf(source);
