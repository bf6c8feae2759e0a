/**
 * The service users' questionnaires (offender, victim, sentencer) in English and Welsh, and
 * the words of the respondent pages in both languages.
 *
 * The definitions are authored in ./offender.ts, ./victim.ts and ./sentencer.ts and read from
 * the JSON files written from them (shared/text-files.ts), one version and language at a time
 * when first needed, so no bundle carries them. Definitions are deep-frozen: callers get the
 * shared objects and must not change them.
 * `validateAnswers` lives in `./validate` (not re-exported here, to keep imports acyclic).
 */
import type { Audience, Language, QuestionnaireDefinition, SummaryPhrases } from '#schemas/questionnaire';
import { deepFreeze } from '#core/freeze';
import { readTextFile } from '#shared/text-files';
import type { SummaryPhrasesCy } from '#summaries/sentences-cy';
import { answerErrorsCy, answerErrorsEn, grouped, type AnswerErrorText } from './answer-errors';
import { questionnaireVersions, shippedQuestionnaireVersions } from './versions';

export const audiences: readonly Audience[] = Object.freeze(['offender', 'victim', 'sentencer'] as const);
export const languages: readonly Language[] = Object.freeze(['en', 'cy'] as const);

/** The current definition for an audience in a language (frozen). */
export function getQuestionnaire(audience: Audience, language: Language): QuestionnaireDefinition {
  const definition = getQuestionnaireVersion(questionnaireVersions[audience], language);
  if (!definition) throw new Error(`no texts for ${questionnaireVersions[audience]}`);
  return definition;
}

/**
 * The definition of one version in a language (frozen), or undefined for a version never
 * shipped. The version may come from a link's clear text, so only a listed one names a file.
 */
export function getQuestionnaireVersion(version: string, language: Language): QuestionnaireDefinition | undefined {
  if (!shippedQuestionnaireVersions.includes(version) || !languages.includes(language)) return undefined;
  return readTextFile(`questionnaires/${version}.${language}.json`) as QuestionnaireDefinition;
}

/** The versions shipped for an audience, oldest first. */
export function versionsOf(audience: Audience): string[] {
  return shippedQuestionnaireVersions.filter((v) => v.startsWith(`${audience}-`));
}

export { questionnaireVersions, shippedQuestionnaireVersions } from './versions';
export type { AnswerErrorText } from './answer-errors';

/** English nouns and finding phrases for the summary sentences, of an audience's current version. */
export function summaryPhrasesFor(audience: Audience): SummaryPhrases {
  return readTextFile(`questionnaires/${questionnaireVersions[audience]}.phrases.json`) as SummaryPhrases;
}

/** Welsh nouns and finding predicates for the Welsh report's sentences, of an audience's current version. */
export function summaryPhrasesCyFor(audience: Audience): SummaryPhrasesCy {
  return readTextFile(`questionnaires/${questionnaireVersions[audience]}.phrases.cy.json`) as SummaryPhrasesCy;
}

/** The name of each language in that language, for the language switch link. */
export const languageNames: Readonly<Record<Language, string>> = /* @__PURE__ */ Object.freeze({ en: 'English', cy: 'Cymraeg' });

/* ------------------------------------------------------------------------------------------
 * Words of the respondent pages (GOV.UK style). Every key exists in both languages; the
 * functions build messages around a number or a question's text.
 * ---------------------------------------------------------------------------------------- */

export interface PageText {
  serviceName: string;
  skipToMain: string;
  back: string;
  exitThisPage: string;
  exitThisPageActivated: string;
  start: string;
  beforeYouStart: string;
  confidential: string;
  takesMinutes: (minutes: number) => string;
  continue: string;
  saveAndComeBack: string;
  answersSaved: string;
  questionXOfY: (x: number, y: number) => string;
  optional: string;
  optionalSuffix: string;
  yes: string;
  no: string;
  dontKnow: string;
  or: string;
  selectAnOption: string;
  selectAllThatApply: string;
  doNotIncludePersonal: string;
  charactersRemaining: (n: number) => string;
  charactersTooMany: (n: number) => string;
  checkAnswersTitle: string;
  yourAnswers: string;
  question: string;
  answer: string;
  notAnswered: string;
  change: string;
  changeAnswerTo: (questionText: string) => string;
  nowSend: string;
  send: string;
  sentTitle: string;
  sentThanks: string;
  sentNext: string;
  thereIsAProblem: string;
  errorPrefix: string;
  errorTitlePrefix: string;
  linkUsedTitle: string;
  linkUsedBody: string;
  linkExpiredTitle: string;
  linkExpiredBody: string;
  pageNotFoundTitle: string;
  pageNotFoundBody: string;
  tooManyRequestsTitle: string;
  tooManyRequestsBody: string;
  serviceProblemTitle: string;
  serviceProblemBody: string;
  accessibility: string;
  privacy: string;
  crownCopyright: string;
  errors: AnswerErrorText;
}

export const pageText: Readonly<Record<Language, PageText>> = /* @__PURE__ */ deepFreeze({
  en: {
    serviceName: 'Probation inspection questionnaire',
    skipToMain: 'Skip to main content',
    back: 'Back',
    exitThisPage: 'Exit this page',
    exitThisPageActivated: 'Loading.',
    start: 'Start now',
    beforeYouStart: 'Before you start',
    confidential: 'Your answers are confidential. We will not use your name in our report.',
    takesMinutes: (m) => `It takes about ${m} minutes.`,
    continue: 'Continue',
    saveAndComeBack: 'Save and come back later',
    answersSaved: 'Your answers have been saved',
    questionXOfY: (x, y) => `Question ${x} of ${y}`,
    optional: 'Optional',
    optionalSuffix: '(optional)',
    yes: 'Yes',
    no: 'No',
    dontKnow: 'I do not know',
    or: 'or',
    selectAnOption: 'Select an option',
    selectAllThatApply: 'Select all that apply.',
    doNotIncludePersonal: 'Please do not include names, addresses or phone numbers.',
    charactersRemaining: (n) => `You have ${grouped(n)} ${n === 1 ? 'character' : 'characters'} remaining`,
    charactersTooMany: (n) => `You have ${grouped(n)} ${n === 1 ? 'character' : 'characters'} too many`,
    checkAnswersTitle: 'Check your answers before sending',
    yourAnswers: 'Your answers',
    question: 'Question',
    answer: 'Answer',
    notAnswered: 'Not answered',
    change: 'Change',
    changeAnswerTo: (q) => `your answer to: ${q}`,
    nowSend: 'Now send your answers',
    send: 'Send',
    sentTitle: 'Questionnaire sent',
    sentThanks: 'Thank you for your answers.',
    sentNext: 'You can now close this page.',
    thereIsAProblem: 'There is a problem',
    errorPrefix: 'Error:',
    errorTitlePrefix: 'Error: ',
    linkUsedTitle: 'This link has already been used',
    linkUsedBody: 'This questionnaire has already been sent. Each link can only be used once.',
    linkExpiredTitle: 'This link has expired',
    linkExpiredBody: 'You can no longer answer this questionnaire.',
    pageNotFoundTitle: 'Page not found',
    pageNotFoundBody: 'If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.',
    tooManyRequestsTitle: 'Too many attempts',
    tooManyRequestsBody: 'Sorry, there have been too many attempts. Wait a minute and try again.',
    serviceProblemTitle: 'Sorry, there is a problem with the service',
    serviceProblemBody: 'Try again later.',
    accessibility: 'Accessibility statement',
    privacy: 'Privacy',
    crownCopyright: '© Crown copyright',
    errors: answerErrorsEn,
  },
  cy: {
    serviceName: 'Holiadur arolygiad prawf',
    skipToMain: "Neidio i'r prif gynnwys",
    back: 'Yn ôl',
    exitThisPage: 'Gadael y dudalen hon',
    exitThisPageActivated: 'Yn llwytho.',
    start: 'Dechrau nawr',
    beforeYouStart: 'Cyn i chi ddechrau',
    confidential: 'Mae eich atebion yn gyfrinachol. Ni fyddwn yn defnyddio eich enw yn ein hadroddiad.',
    takesMinutes: (m) => `Mae'n cymryd tua ${m} munud.`,
    continue: 'Parhau',
    saveAndComeBack: 'Cadw a dod yn ôl yn nes ymlaen',
    answersSaved: "Mae eich atebion wedi'u cadw",
    questionXOfY: (x, y) => `Cwestiwn ${x} o ${y}`,
    optional: 'Dewisol',
    optionalSuffix: '(dewisol)',
    yes: 'Ie',
    no: 'Na',
    dontKnow: 'Nid wyf yn gwybod',
    or: 'neu',
    selectAnOption: 'Dewiswch opsiwn',
    selectAllThatApply: "Dewiswch bob un sy'n berthnasol.",
    doNotIncludePersonal: 'Peidiwch â chynnwys enwau, cyfeiriadau na rhifau ffôn.',
    charactersRemaining: (n) => `Mae gennych ${grouped(n)} ${n === 1 ? 'nod' : 'o nodau'} yn weddill`,
    charactersTooMany: (n) => `Mae gennych ${grouped(n)} ${n === 1 ? 'nod' : 'o nodau'} yn ormod`,
    checkAnswersTitle: 'Gwirio eich atebion cyn anfon',
    yourAnswers: 'Eich atebion',
    question: 'Cwestiwn',
    answer: 'Ateb',
    notAnswered: 'Heb ei ateb',
    change: 'Newid',
    changeAnswerTo: (q) => `eich ateb i: ${q}`,
    nowSend: 'Nawr anfonwch eich atebion',
    send: 'Anfon',
    sentTitle: "Holiadur wedi'i anfon",
    sentThanks: 'Diolch am eich atebion.',
    sentNext: "Gallwch gau'r dudalen hon nawr.",
    thereIsAProblem: 'Mae problem wedi codi',
    errorPrefix: 'Gwall:',
    errorTitlePrefix: 'Gwall: ',
    linkUsedTitle: "Mae'r ddolen hon eisoes wedi cael ei defnyddio",
    linkUsedBody: "Mae'r holiadur hwn eisoes wedi cael ei anfon. Dim ond unwaith y gellir defnyddio pob dolen.",
    linkExpiredTitle: "Mae'r ddolen hon wedi dod i ben",
    linkExpiredBody: 'Ni allwch ateb yr holiadur hwn mwyach.',
    pageNotFoundTitle: "Heb ddod o hyd i'r dudalen",
    pageNotFoundBody:
      "Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.",
    tooManyRequestsTitle: 'Gormod o ymdrechion',
    tooManyRequestsBody: "Mae'n ddrwg gennym, bu gormod o ymdrechion. Arhoswch funud a rhowch gynnig arall arni.",
    serviceProblemTitle: "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
    serviceProblemBody: 'Rhowch gynnig arall arni yn nes ymlaen.',
    accessibility: 'Datganiad hygyrchedd',
    privacy: 'Preifatrwydd',
    crownCopyright: '© Hawlfraint y Goron',
    errors: answerErrorsCy,
  },
});
