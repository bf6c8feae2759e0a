/**
 * Exact rational arithmetic for scores.
 *
 * Scores are means of proportions (yes / (yes + no)), weighted 80/20, so every score is a
 * rational number. We keep them exact as bigint fractions and derive the display values
 * from the exact value, never from a float:
 *
 * - `toPercent` gives the whole-number percentage, rounded half up from the exact
 *   fraction (exactly 14.5% shows 15 however floating point would have held it);
 * - `toDecimal` gives a JS number rounded half up to a fixed number of decimal places
 *   (4 by default, the `score` shown in the summary).
 *
 * All values are kept normalised: den > 0 and gcd(|num|, den) = 1, so structural equality
 * is value equality.
 */

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** A rational as JSON-safe strings (bigints do not survive JSON.stringify). */
export interface RationalJson {
  num: string;
  den: string;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function toBigInt(x: bigint | number, what: string): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be a safe integer, got ${x}`);
  return BigInt(x);
}

/** Floor division for bigints (bigint `/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Makes a normalised rational num/den. Throws on a zero denominator or a non-integer number. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = toBigInt(num, 'numerator');
  let d = toBigInt(den, 'denominator');
  if (d === 0n) throw new RangeError('denominator must not be zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

export function sum(values: Iterable<Rational>): Rational {
  let acc = ZERO;
  for (const v of values) acc = add(acc, v);
  return acc;
}

/** The arithmetic mean, or null for no values (never 0: "no score" is not "scored zero"). */
export function mean(values: readonly Rational[]): Rational | null {
  if (values.length === 0) return null;
  const s = sum(values);
  return rational(s.num, s.den * BigInt(values.length));
}

/** floor(r * scale + 1/2): r * scale rounded to an integer, halves going up (toward +infinity). */
export function roundHalfUp(r: Rational, scale: bigint = 1n): bigint {
  // floor((2 * num * scale + den) / (2 * den))
  return floorDiv(2n * r.num * scale + r.den, 2n * r.den);
}

/** The whole-number percentage of r, rounded half up from the exact value. */
export function toPercent(r: Rational): number {
  return Number(roundHalfUp(r, 100n));
}

/**
 * r as a JS number rounded half up to `places` decimal places (default 4, e.g. 0.6333).
 * For display only; the exact value is the fraction itself.
 */
export function toDecimal(r: Rational, places = 4): number {
  if (!Number.isInteger(places) || places < 0 || places > 15) throw new RangeError('places must be an integer 0..15');
  const scale = 10n ** BigInt(places);
  return Number(roundHalfUp(r, scale)) / Number(scale);
}

/** Whole-number percentage of numerator/denominator (counts), rounded half up; null when the denominator is 0. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return toPercent(rational(numerator, denominator));
}

export function toJson(r: Rational): RationalJson {
  return { num: r.num.toString(), den: r.den.toString() };
}

export function fromJson(j: RationalJson): Rational {
  return rational(BigInt(j.num), BigInt(j.den));
}
