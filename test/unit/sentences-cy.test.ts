/**
 * The Welsh service users' and interviews' sentences keep the English ones' shapes (issue 28):
 * for every count of answers up to 40, routed or not, the English and the Welsh sentence are
 * read back from the outside, each by its own reader written here, to the same shape and the
 * same numbers. The readers are this file's, not the code's: a Welsh template that drifts (a
 * cruder one, a lost case for one or two answers) reads to a different shape.
 */
import { describe, expect, it } from 'vitest';
import { interviewSentence } from '#summaries/evidence';
import { questionSentence, returnedSentence } from '#summaries/service-users';
import { interviewGroupCy, interviewSentenceCy, questionSentenceCy, returnedSentenceCy } from '#summaries/sentences-cy';

const EN_NUMBERS: Record<string, number> = { none: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const CY_NUMBERS: Record<string, number> = { dim: 0, un: 1, dau: 2, tri: 3, pedwar: 4, pump: 5, chwech: 6, saith: 7, wyth: 8, naw: 9 };
const EN_QUANTITY: Record<string, string> = {
  'all but one': 'all-but-one',
  'the vast majority': 'vast-majority',
  most: 'most',
  'just over half': 'over-half',
  half: 'half',
  'just under half': 'under-half',
  'a significant minority': 'significant-minority',
  'a small number': 'small-number',
};
const CY_QUANTITY: Record<string, string> = {
  'pob un ond un': 'all-but-one',
  'y mwyafrif helaeth': 'vast-majority',
  'y rhan fwyaf': 'most',
  'ychydig dros hanner': 'over-half',
  hanner: 'half',
  'ychydig o dan hanner': 'under-half',
  'lleiafrif sylweddol': 'significant-minority',
  'nifer fach': 'small-number',
};
const en = (w: string) => EN_NUMBERS[w.toLowerCase()] ?? Number(w.replace(/,/g, ''));
const cy = (w: string) => CY_NUMBERS[w] ?? Number(w.replace(/,/g, ''));

type Shape = { shape: string; n?: number; percent?: number };

/** An English question sentence's shape: questionSentence's cases, read from its words. */
function englishShape(s: string): Shape {
  let m: RegExpExecArray | null;
  if (/^No .* answered this question\.$/.test(s)) return { shape: 'nobody' };
  if (/^The one .* answered did not say they /.test(s)) return { shape: 'one-no' };
  if (/^The one .* answered /.test(s)) return { shape: 'one-yes' };
  if (/^Both /.test(s)) return { shape: 'both' };
  if (/^One of the two /.test(s)) return { shape: 'one-of-two' };
  if (/^Neither of the two /.test(s)) return { shape: 'neither' };
  if ((m = /^(.+?) of the (\S+) /.exec(s)) && EN_QUANTITY[m[1]!.toLowerCase()]) {
    const percent = /\((\d+)%\)/.exec(s)?.[1];
    return { shape: EN_QUANTITY[m[1]!.toLowerCase()]!, n: en(m[2]!), ...(percent ? { percent: Number(percent) } : {}) };
  }
  if ((m = /^All (\S+) /.exec(s))) return { shape: 'all', n: en(m[1]!) };
  if ((m = /^None of the (\S+) /.exec(s))) return { shape: 'none', n: en(m[1]!) };
  return { shape: `unread: ${s}` };
}

/** A Welsh question sentence's shape, read from its words. */
function welshShape(s: string): Shape {
  let m: RegExpExecArray | null;
  if (/^Ni atebodd yr un .* y cwestiwn hwn\.$/.test(s)) return { shape: 'nobody' };
  if (/^Ni ddywedodd yr unig .* a atebodd eu bod /.test(s)) return { shape: 'one-no' };
  if (/^Roedd yr unig /.test(s)) return { shape: 'one-yes' };
  if (/^Roedd y ddau /.test(s)) return { shape: 'both' };
  if (/^Roedd un o’r ddau /.test(s)) return { shape: 'one-of-two' };
  if (/^Nid oedd yr un o’r ddau /.test(s)) return { shape: 'neither' };
  if ((m = /^Roedd (.+?) o’r (\S+) o /.exec(s)) && CY_QUANTITY[m[1]!]) {
    const percent = /\((\d+)%\)/.exec(s)?.[1];
    return { shape: CY_QUANTITY[m[1]!]!, n: cy(m[2]!), ...(percent ? { percent: Number(percent) } : {}) };
  }
  if ((m = /^Roedd pob un o’r (\S+) o /.exec(s))) return { shape: 'all', n: cy(m[1]!) };
  if ((m = /^Nid oedd yr un o’r (\S+) o /.exec(s))) return { shape: 'none', n: cy(m[1]!) };
  return { shape: `unread: ${s}` };
}

const counts = function* (max = 40) {
  for (let answered = 0; answered <= max; answered++) for (let positive = 0; positive <= answered; positive++) yield [positive, answered] as const;
};

describe('the Welsh sentences keep the English shapes', () => {
  const victim = { singular: 'victim', plural: 'victims' };
  const dioddefwr = { singular: 'dioddefwr', plural: 'dioddefwyr', singularSoft: 'ddioddefwr', pluralSoft: 'ddioddefwyr' };

  it('for a question, over every count of answers up to 40, routed or not', () => {
    for (const routed of [false, true]) {
      for (const [positive, answered] of counts()) {
        const english = questionSentence(victim, 'were satisfied', positive, answered, routed ? 'had agreed to contact' : undefined);
        const welsh = questionSentenceCy(dioddefwr, 'yn fodlon', positive, answered, routed ? 'wedi cytuno i gael cyswllt' : undefined);
        expect(welshShape(welsh), `${positive} of ${answered}: ${english} / ${welsh}`).toEqual(englishShape(english));
        // The finding ends the sentence, and a routed question names its group, in both.
        if (answered > 0) expect(welsh).toMatch(/ yn fodlon\.$/);
        expect(welsh.includes('wedi cytuno i gael cyswllt')).toBe(english.includes('had agreed to contact'));
      }
    }
  });

  it('for an interview question, with the percentage where the English gives it', () => {
    for (const grouped of [false, true]) {
      for (const [positive, answered] of counts(90)) {
        const english = interviewSentence(
          'felt well informed',
          positive,
          answered,
          grouped ? 'offender managers who had had an appraisal' : undefined,
        );
        const welsh = interviewSentenceCy(
          'yn teimlo’n wybodus',
          positive,
          answered,
          interviewGroupCy(grouped ? 'a oedd wedi cael arfarniad' : undefined),
        );
        expect(welshShape(welsh), `${positive} of ${answered}: ${english} / ${welsh}`).toEqual(englishShape(english));
      }
    }
  });

  it('for the questionnaires returned', () => {
    const shape = (s: string, lang: 'en' | 'cy'): string => {
      const rules: [RegExp, RegExp, string][] = [
        [/^No questionnaires were sent/, /^Ni anfonwyd holiaduron/, 'none-sent'],
        [/more than the/, /mwy na’r/, 'more-than-sent'],
        [/^The one questionnaire .* was not returned/, /^Ni ddychwelwyd yr unig holiadur/, 'one-not'],
        [/^The one questionnaire .* was returned/, /^Dychwelwyd yr unig holiadur/, 'one'],
        [/^Both questionnaires/, /^Dychwelwyd y ddau holiadur/, 'both'],
        [/^All (\S+) questionnaires/, /^Dychwelwyd pob un o’r (\S+) holiadur/, 'all'],
        [/^None of the (\S+) questionnaires/, /^Ni ddychwelwyd yr un o’r (\S+) holiadur/, 'none'],
        [/^(\S+) of the (\S+) questionnaires/, /^Dychwelwyd (\S+) o’r (\S+) holiadur/, 'some'],
      ];
      for (const [english, welsh, name] of rules) {
        const m = (lang === 'en' ? english : welsh).exec(s);
        if (m) return [name, ...m.slice(1).map((w) => (lang === 'en' ? en(w) : cy(w)))].join(' ');
      }
      return `unread: ${s}`;
    };
    for (const [returned, invited] of [...counts(25), [3, 2] as const, [1, 0] as const, [0, 0] as const]) {
      const english = returnedSentence('victims', returned, invited);
      const welsh = returnedSentenceCy('ddioddefwyr', returned, invited);
      expect(shape(welsh, 'cy'), `${returned} of ${invited}: ${english} / ${welsh}`).toBe(shape(english, 'en'));
    }
  });
});
