/**
 * Words for numbers and proportions in the summaries' plain-English sentences.
 */

import { QUANTITY_WORDS } from '#schemas/vocabulary';

const WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

export interface NumberWordOptions {
  /** Capitalise the first letter, for the start of a sentence ("Seven of the 21 ..."). */
  capitalise?: boolean;
}

/**
 * One to nine in words, numerals from 10 ("10", "21", "1,200": thousands grouped with a comma),
 * as the contract and the Kent report write them.
 *
 * Zero is "none": every sentence that can hold a zero reads "None of the 110 questionnaires
 * ...", never "zero of". Anything that is not a whole number from 0 up (which no count is) is
 * written as a numeral, unchanged.
 */
export function numberWord(n: number, options: NumberWordOptions = {}): string {
  const word = Number.isInteger(n) && n >= 0 && n <= 9 ? WORDS[n]! : numeral(n);
  return options.capitalise ? capitalise(word) : word;
}

/** `numberWord` for the start of a sentence: "Seven", "None", "21". */
export function capitalisedNumberWord(n: number): string {
  return numberWord(n, { capitalise: true });
}

function numeral(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export { QUANTITY_WORDS };
export type QuantityWord = (typeof QUANTITY_WORDS)[number];

/**
 * The contract's quantity word for p = positive / answered, the table read top to bottom
 * (the first row that fits wins):
 *
 *   p = 1 -> "all"; positive = answered - 1 with answered >= 3 -> "all but one";
 *   p >= 0.8 "the vast majority"; p >= 0.6 "most"; p > 0.5 "just over half"; p = 0.5 "half";
 *   p >= 0.4 "just under half"; p >= 0.2 "a significant minority"; p > 0 "a small number";
 *   p = 0 "none".
 *
 * Compared in exact integer arithmetic (5 x positive >= 4 x answered, ...), never floats.
 * Returns null when nobody answered (there is no proportion). Throws a RangeError for counts
 * that cannot happen (negative, fractional, or positive > answered).
 */
export function quantityWord(positive: number, answered: number): QuantityWord | null {
  if (!Number.isSafeInteger(positive) || !Number.isSafeInteger(answered) || positive < 0 || positive > answered) {
    throw new RangeError(`quantityWord: impossible counts ${positive} of ${answered}`);
  }
  if (answered === 0) return null;
  const p = positive;
  const a = answered;
  if (p === a) return 'all';
  if (a >= 3 && p === a - 1) return 'all but one';
  if (5 * p >= 4 * a) return 'the vast majority';
  if (5 * p >= 3 * a) return 'most';
  if (2 * p > a) return 'just over half';
  if (2 * p === a) return 'half';
  if (5 * p >= 2 * a) return 'just under half';
  if (5 * p >= a) return 'a significant minority';
  if (p > 0) return 'a small number';
  return 'none';
}

/**
 * A whole percentage, rounded half up from the exact fraction (the contract's rule):
 * floor((200 x part + whole) / (2 x whole)). Null when the whole is 0.
 */
export function percentHalfUp(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const numerator = 200 * part + whole;
  const denominator = 2 * whole;
  return (numerator - (numerator % denominator)) / denominator;
}
