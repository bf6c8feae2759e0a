/**
 * The blocks the three questionnaires share: the yes / no answers, the closed-question shape,
 * the free-text question each ends with, and what each exports (every version in both
 * languages, the summary phrases). Each questionnaire keeps its own words; only shapes are here.
 */
import {
  inLanguage,
  summaryPhrasesOf,
  type BilingualQuestion,
  type BilingualQuestionnaire,
  type QuestionnaireDefinition,
  type SummaryPhrases,
} from '#schemas/questionnaire';

export const yes = { value: 'yes', en: 'Yes', cy: 'Ie' };
export const no = { value: 'no', en: 'No', cy: 'Na' };
export const dontKnow = { value: 'dont-know', en: 'I do not know', cy: 'Nid wyf yn gwybod' };

export type Closed = Pick<BilingualQuestion, 'type' | 'optional' | 'options' | 'positive' | 'notApplicable'>;

/** A required yes / no question, by default with "I do not know", which the summaries leave out. */
export const yesNo = (withDontKnow = true): Closed => ({
  type: 'yes-no',
  optional: false,
  options: withDontKnow ? [yes, no, dontKnow] : [yes, no],
  positive: ['yes'],
  notApplicable: withDontKnow ? ['dont-know'] : [],
});

/** A required single choice of the questionnaire's own answers, then "I do not know", which the summaries leave out. */
export const choiceOf = (options: NonNullable<BilingualQuestion['options']>, positive: string[]): Closed => ({
  type: 'single-choice',
  optional: false,
  options: [...options, dontKnow],
  positive,
  notApplicable: ['dont-know'],
});

/** Satisfaction scale: the two satisfied points are positive. */
export const satisfaction = (): Closed => ({
  type: 'scale',
  optional: false,
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
});

/** The last question of each: optional free text, with the same plea to leave out personal details. */
export const comments = (text: { en: string; cy: string }): BilingualQuestion => ({
  id: 'comments',
  type: 'text',
  optional: true,
  maxLength: 2000,
  text,
  hint: {
    en: 'Please do not include names, addresses or phone numbers.',
    cy: 'Peidiwch â chynnwys enwau, cyfeiriadau na rhifau ffôn.',
  },
});

/** A question of an earlier version, as issued, to carry into the next one. */
export const questionOf =
  (earlier: BilingualQuestionnaire) =>
  (id: string): BilingualQuestion =>
    earlier.questions.find((q) => q.id === id)!;

/** What each questionnaire exports: the current version in both languages, every version oldest first, the summary phrases. */
export function editionsOf(
  sourceV1: BilingualQuestionnaire,
  source: BilingualQuestionnaire,
): {
  en: QuestionnaireDefinition;
  cy: QuestionnaireDefinition;
  versions: readonly { en: QuestionnaireDefinition; cy: QuestionnaireDefinition }[];
  /** English words for the summary sentences (not part of the public definition). */
  phrases: SummaryPhrases;
} {
  const en = inLanguage(source, 'en');
  const cy = inLanguage(source, 'cy');
  return {
    en,
    cy,
    versions: [
      { en: inLanguage(sourceV1, 'en'), cy: inLanguage(sourceV1, 'cy') },
      { en, cy },
    ],
    phrases: summaryPhrasesOf(source),
  };
}
