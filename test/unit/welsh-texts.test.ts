/**
 * The Welsh beside the English (issue 28): every question of each bank, every interview
 * question and every service users' finding has its Welsh, none left as the English, and the
 * Welsh keeps to the translator's glossary (shared/bank/glossary-cy.ts): one Welsh word per term.
 */
import { describe, expect, it } from 'vitest';
import { bankTextsCy, bankVersions, getBank } from '#bank/index';
import { GLOSSARY_CY } from '#bank/glossary-cy';
import { interviewSetCyFor, interviewSetFor } from '#bank/interviews';
import { audiences, summaryPhrasesCyFor, summaryPhrasesFor } from '#questionnaires/index';

/** The forms a Welsh word's first letter takes under the soft, nasal and aspirate mutations. */
const MUTATIONS: readonly [RegExp, string][] = [
  [/^p/, '(?:p|b|mh|ph)'],
  [/^t(?!h)/, '(?:t|d|nh|th)'],
  [/^c(?!h)/, '(?:c|g|ngh|ch)'],
  [/^b/, '(?:b|f|m)'],
  [/^d(?!d)/, '(?:d|dd|n)'],
  [/^g/, '(?:g|ng|)'],
  [/^ll/, '(?:ll|l)'],
  [/^m/, '(?:m|f)'],
  [/^rh/, '(?:rh|r)'],
];
function mutable(word: string): string {
  const lower = word.toLowerCase();
  for (const [first, forms] of MUTATIONS) if (first.test(lower)) return lower.replace(first, forms);
  return lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const welshPattern = (term: string) => new RegExp(term.split(' ').map(mutable).join('\\s+'), 'i');
const englishPattern = (term: string) => new RegExp(`\\b${term}\\b`, 'i');

/** Where the English has a glossary term, the Welsh has its Welsh: each pair that does not. */
function offGlossary(pairs: readonly [string, string, string][]): string[] {
  const off: string[] = [];
  for (const [where, english, welsh] of pairs) {
    for (const entry of GLOSSARY_CY) {
      if (englishPattern(entry.en).test(english) && !welshPattern(entry.stem ?? entry.cy).test(welsh))
        off.push(`${where}: "${entry.en}" without "${entry.cy}": ${welsh}`);
    }
  }
  return off;
}

describe('the Welsh beside the English', () => {
  it('gives every question of each bank its Welsh, not the English again, in the glossary’s words', () => {
    for (const version of bankVersions()) {
      const welsh = bankTextsCy(version)!;
      const questions = getBank(version)!.questions;
      expect(Object.keys(welsh).sort(), version).toEqual(questions.map((q) => q.id).sort());
      for (const q of questions) {
        expect(welsh[q.id]!.trim(), q.id).not.toBe('');
        expect(welsh[q.id], q.id).not.toBe(q.text);
      }
      expect(offGlossary(questions.map((q) => [q.id, q.text, welsh[q.id]!]))).toEqual([]);
    }
  });

  it('gives every interview question its Welsh question and finding', () => {
    for (const version of bankVersions()) {
      const english = interviewSetFor(version)!.questions;
      const welsh = interviewSetCyFor(version)!;
      expect(Object.keys(welsh).sort()).toEqual(english.map((q) => q.id).sort());
      for (const q of english) {
        expect(welsh[q.id]!.text, q.id).not.toBe(q.text);
        expect(Boolean(welsh[q.id]!.group), q.id).toBe(Boolean(q.group));
      }
      expect(
        offGlossary(
          english.flatMap((q) => [
            [q.id, q.text, welsh[q.id]!.text] as [string, string, string],
            [q.id, q.finding, welsh[q.id]!.finding] as [string, string, string],
          ]),
        ),
      ).toEqual([]);
    }
  });

  it('gives every service users’ finding its Welsh, for each audience', () => {
    for (const audience of audiences) {
      const english = summaryPhrasesFor(audience);
      const welsh = summaryPhrasesCyFor(audience);
      expect(Object.keys(welsh.findings).sort(), audience).toEqual(Object.keys(english.findings).sort());
      expect(Object.keys(welsh.askedOf ?? {}).sort(), audience).toEqual(Object.keys(english.askedOf ?? {}).sort());
      expect(offGlossary(Object.entries(english.findings).map(([id, f]) => [`${audience} ${id}`, f, welsh.findings[id]!]))).toEqual([]);
    }
  });
});
