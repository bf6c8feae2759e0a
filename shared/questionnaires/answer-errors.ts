/**
 * The answer checks' messages in English and Welsh, a module of their own so that code which
 * only checks answers (the JSON send, paper returns) does not bundle the words of the
 * respondent pages. `pageText[lang].errors` are these same objects, named one by one: a
 * property read there would keep the page words in every bundle that imports the index.
 */
import type { Language } from '#schemas/questionnaire';

export interface AnswerErrorText {
  selectAnswer: (questionText: string) => string;
  selectAtLeastOne: (questionText: string) => string;
  enterAnswer: (questionText: string) => string;
  notAnOption: (questionText: string) => string;
  duplicate: (questionText: string) => string;
  exclusive: (optionLabel: string, questionText: string) => string;
  notText: (questionText: string) => string;
  tooLong: (maxLength: number) => string;
  unknownQuestion: string;
  answersNotObject: string;
  notAsked: (questionText: string, becauseOf: string) => string;
}

/** 2000 -> "2,000" (both languages group thousands with a comma). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const answerErrorsEn: Readonly<AnswerErrorText> = /* @__PURE__ */ Object.freeze<AnswerErrorText>({
  selectAnswer: (q) => `Select an answer to: ${q}`,
  selectAtLeastOne: (q) => `Select at least one answer to: ${q}`,
  enterAnswer: (q) => `Enter an answer to: ${q}`,
  notAnOption: (q) => `Select one of the answers listed for: ${q}`,
  duplicate: (q) => `Select each answer only once for: ${q}`,
  exclusive: (label, q) => `You cannot select "${label}" with another answer for: ${q}`,
  notText: (q) => `Enter your answer as text for: ${q}`,
  tooLong: (n) => `Enter no more than ${grouped(n)} characters`,
  unknownQuestion: 'There is no question with this id in this questionnaire',
  answersNotObject: 'Answers must be an object of question ids and answers',
  notAsked: (q, because) => `This question is not asked, because of the answer to "${because}": ${q}`,
});

export const answerErrorsCy: Readonly<AnswerErrorText> = /* @__PURE__ */ Object.freeze<AnswerErrorText>({
  selectAnswer: (q) => `Dewiswch ateb i: ${q}`,
  selectAtLeastOne: (q) => `Dewiswch o leiaf un ateb i: ${q}`,
  enterAnswer: (q) => `Rhowch ateb i: ${q}`,
  notAnOption: (q) => `Dewiswch un o'r atebion a restrir ar gyfer: ${q}`,
  duplicate: (q) => `Dewiswch bob ateb unwaith yn unig ar gyfer: ${q}`,
  exclusive: (label, q) => `Ni allwch ddewis "${label}" gydag ateb arall ar gyfer: ${q}`,
  notText: (q) => `Rhowch eich ateb fel testun ar gyfer: ${q}`,
  tooLong: (n) => `Rhowch ${grouped(n)} o nodau neu lai`,
  unknownQuestion: "Nid oes cwestiwn â'r dynodydd hwn yn yr holiadur hwn",
  answersNotObject: "Rhaid i'r atebion fod yn wrthrych o ddynodyddion cwestiynau ac atebion",
  notAsked: (q, because) => `Ni ofynnir y cwestiwn hwn, oherwydd yr ateb i "${because}": ${q}`,
});

export const answerErrors: Readonly<Record<Language, Readonly<AnswerErrorText>>> = /* @__PURE__ */ Object.freeze({
  en: answerErrorsEn,
  cy: answerErrorsCy,
});
