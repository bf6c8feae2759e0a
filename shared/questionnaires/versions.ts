import type { Audience } from '#schemas/questionnaire';

/**
 * The current version of each audience's questionnaire ("victim-2008.2"); en and cy share
 * it. A module of its own so that code needing only the versions does not bundle the texts.
 */
export const questionnaireVersions: Readonly<Record<Audience, string>> = /* @__PURE__ */ Object.freeze({
  offender: 'offender-2008.2',
  victim: 'victim-2008.2',
  sentencer: 'sentencer-2008.2',
});

/**
 * Every version ever issued, oldest first per audience: a link is judged by the one it was
 * issued with, so none is ever taken out. Each has its texts in shared/texts/questionnaires/.
 */
export const shippedQuestionnaireVersions: readonly string[] = /* @__PURE__ */ Object.freeze([
  'offender-2008.1',
  'offender-2008.2',
  'victim-2008.1',
  'victim-2008.2',
  'sentencer-2008.1',
  'sentencer-2008.2',
]);
