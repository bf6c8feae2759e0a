/**
 * The Welsh of the summaries' sentences, in the same shapes as the English ones
 * (./service-users.ts, ./evidence.ts, ./disclosure.ts): one or two answers take exact words,
 * three or more the quantity word, a routed question names the group it was put to, a
 * question with no positive answer gives its distribution. The shapes are kept in step by
 * test/unit/sentences-cy.test.ts, which reads both languages' sentences from the outside.
 *
 * Welsh puts the verb first, so a finding is a predicate after "Roedd <pwy>" ("yn fodlon ar y
 * gwasanaethau a ddarparwyd", "wedi gweld eu cynllun dedfryd"), and a count takes "o" with
 * the soft-mutated plural ("11 o ddedfrydwyr"), which avoids the numeral's own mutations and
 * genders. A first translation, for a Welsh-speaking translator to review with the rest.
 */
import { percentHalfUp, quantityWord, type QuantityWord } from './words';

const NUMBERS = ['dim', 'un', 'dau', 'tri', 'pedwar', 'pump', 'chwech', 'saith', 'wyth', 'naw'] as const;

/** One to nine in words, numerals from 10 (thousands grouped with a comma), as the English. */
export function numberWordCy(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 9 ? NUMBERS[n]! : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The contract's quantity words in Welsh, as the report's dictionary gives them. */
export const QUANTITY_CY: Readonly<Record<QuantityWord, string>> = {
  all: 'pob un',
  'all but one': 'pob un ond un',
  'the vast majority': 'y mwyafrif helaeth',
  most: 'y rhan fwyaf',
  'just over half': 'ychydig dros hanner',
  half: 'hanner',
  'just under half': 'ychydig o dan hanner',
  'a significant minority': 'lleiafrif sylweddol',
  'a small number': 'nifer fach',
  none: 'dim un',
};

/** A noun in the forms the sentences need: radical and soft-mutated ("dioddefwr", "ddioddefwr"). */
export interface NounCy {
  singular: string;
  plural: string;
  singularSoft: string;
  pluralSoft: string;
}

/** Welsh summary phrases for one audience: its noun, a predicate per closed question, the group a routed question was put to. */
export interface SummaryPhrasesCy {
  audience: string;
  noun: NounCy;
  findings: Record<string, string>;
  askedOf?: Record<string, string>;
}

/**
 * One closed question's line over those who answered, in the shapes of the English
 * `questionSentence`: "Roedd y rhan fwyaf o’r 11 o ddedfrydwyr a atebodd yn fodlon ...".
 */
export function questionSentenceCy(noun: NounCy, finding: string, positive: number, answered: number, askedWhen?: string): string {
  const who = askedWhen ? ` a oedd ${askedWhen} ac a atebodd` : ' a atebodd';
  const word = quantityWord(positive, answered);
  if (word === null) return `Ni atebodd yr un ${noun.singular}${askedWhen ? ` a oedd ${askedWhen}` : ''} y cwestiwn hwn.`;
  if (answered === 1) {
    return positive === 1
      ? `Roedd yr unig ${noun.singularSoft}${who} ${finding}.`
      : `Ni ddywedodd yr unig ${noun.singularSoft}${who} eu bod ${finding}.`;
  }
  if (answered === 2) {
    if (positive === 2) return `Roedd y ddau ${noun.singularSoft}${who} ${finding}.`;
    if (positive === 1) return `Roedd un o’r ddau ${noun.singularSoft}${who} ${finding}.`;
    return `Nid oedd yr un o’r ddau ${noun.singularSoft}${who} ${finding}.`;
  }
  const group = `${numberWordCy(answered)} o ${noun.pluralSoft}${who}`;
  if (word === 'all') return `Roedd pob un o’r ${group} ${finding}.`;
  if (word === 'none') return `Nid oedd yr un o’r ${group} ${finding}.`;
  return `Roedd ${QUANTITY_CY[word]} o’r ${group} ${finding}.`;
}

const INTERVIEWED_CY: NounCy = {
  singular: 'rheolwr troseddwyr a gyfwelwyd',
  plural: 'rheolwyr troseddwyr a gyfwelwyd',
  singularSoft: 'reolwr troseddwyr a gyfwelwyd',
  pluralSoft: 'reolwyr troseddwyr a gyfwelwyd',
};

/**
 * An interview question's line, as the English `interviewSentence`: "Roedd y rhan fwyaf o’r 87
 * o reolwyr troseddwyr a gyfwelwyd (70%) yn teimlo’n wybodus ...". `group` names who was
 * asked when not everyone interviewed was ("rheolwyr troseddwyr a oedd wedi cael arfarniad").
 */
export function interviewSentenceCy(finding: string, positive: number, answered: number, group: NounCy = INTERVIEWED_CY): string {
  const word = quantityWord(positive, answered);
  if (word === null) return `Ni atebodd yr un ${group.singular} y cwestiwn hwn.`;
  if (answered <= 2) return questionSentenceCy(group, finding, positive, answered);
  const n = numberWordCy(answered);
  const percent = percentHalfUp(positive, answered);
  if (word === 'all') return `Roedd pob un o’r ${n} o ${group.pluralSoft} ${finding}.`;
  if (word === 'none') return `Nid oedd yr un o’r ${n} o ${group.pluralSoft} ${finding}.`;
  return `Roedd ${QUANTITY_CY[word]} o’r ${n} o ${group.pluralSoft} (${percent}%) ${finding}.`;
}

/** The interviewed offender managers, or a group of them ("a oedd wedi cael arfarniad"), as a Welsh noun. */
export function interviewGroupCy(qualifier?: string): NounCy {
  if (!qualifier) return INTERVIEWED_CY;
  return {
    singular: `rheolwr troseddwyr ${qualifier}`,
    plural: `rheolwyr troseddwyr ${qualifier}`,
    singularSoft: `reolwr troseddwyr ${qualifier}`,
    pluralSoft: `reolwyr troseddwyr ${qualifier}`,
  };
}

/**
 * The questionnaires returned, in the shapes of the English `returnedSentence`: "Dychwelwyd
 * saith o’r 21 holiadur a anfonwyd at ddioddefwyr." `to` is the soft-mutated plural after "at".
 */
export function returnedSentenceCy(to: string, returned: number, invited: number): string {
  if (invited === 0 && returned === 0) return `Ni anfonwyd holiaduron at ${to}.`;
  if (returned > invited)
    return `Dychwelwyd ${numberWordCy(returned)} ${returned === 1 ? 'holiadur' : 'o holiaduron'} gan ${to}, mwy na’r ${numberWordCy(invited)} a gofnodwyd fel rhai a anfonwyd.`;
  if (invited === 1) return `${returned === 1 ? 'Dychwelwyd' : 'Ni ddychwelwyd'} yr unig holiadur a anfonwyd at ${to}.`;
  if (returned === invited)
    return invited === 2
      ? `Dychwelwyd y ddau holiadur a anfonwyd at ${to}.`
      : `Dychwelwyd pob un o’r ${numberWordCy(invited)} holiadur a anfonwyd at ${to}.`;
  if (returned === 0) return `Ni ddychwelwyd yr un o’r ${numberWordCy(invited)} holiadur a anfonwyd at ${to}.`;
  return `Dychwelwyd ${numberWordCy(returned)} o’r ${numberWordCy(invited)} holiadur a anfonwyd at ${to}.`;
}

/** A question with no positive answer, by its distribution, as the English: "O’r 11 o ddedfrydwyr a atebodd: Ynad 6, Barnwr [c]." */
export function distributionSentenceCy(noun: NounCy, answered: number | '[c]', parts: readonly (readonly [string, number | '[c]'])[]): string {
  if (answered === 0) return `Ni atebodd yr un ${noun.singular} y cwestiwn hwn.`;
  const shown = parts.filter(([, n]) => n !== 0).map(([label, n]) => `${label} ${n}`);
  const who = answered === '[c]' ? `O’r ${noun.plural} a atebodd ([c])` : `O’r ${numberWordCy(answered)} o ${noun.pluralSoft} a atebodd`;
  return `${who}: ${shown.join(', ')}.`;
}

/** A question whose counts disclosure control holds back, as the English: the question named, the number not published. */
export function suppressedSentenceCy(noun: NounCy, question: string, answered: number | '[c]'): string {
  return answered === '[c]'
    ? `Nid yw nifer y ${noun.plural} a atebodd “${question}” wedi’i gyhoeddi ([c]).`
    : `O’r ${numberWordCy(answered)} o ${noun.pluralSoft} a atebodd “${question}”, nid yw nifer y rhai a roddodd ateb cadarnhaol wedi’i gyhoeddi ([c]).`;
}

/** A finding for a question with no Welsh phrase: the question itself, quoted. */
export const positiveAnswerTo = (question: string) => `wedi rhoi ateb cadarnhaol i “${question}”`;
