/**
 * The exact fractions under every score: the operations the scoring module exports but the
 * scoring tests do not reach, and the errors a caller sees (found by mutation testing:
 * these lines could change without a test failing).
 */
import { describe, expect, it } from 'vitest';
import { compare, div, equals, rational, roundHalfUp, sub, suggestBand, toDecimal } from '#scoring/index';

const r = (n: number, d = 1) => rational(n, d);

describe('rational', () => {
  it('subtracts, divides and compares exactly', () => {
    expect(sub(r(1, 2), r(1, 3))).toEqual(r(1, 6));
    expect(sub(r(1, 3), r(1, 2))).toEqual(r(-1, 6));
    expect(sub(r(2, 5), r(2, 5))).toEqual(r(0));
    expect(div(r(1, 2), r(3, 4))).toEqual(r(2, 3));
    expect(div(r(-1, 2), r(3, 4))).toEqual({ num: -2n, den: 3n });
    expect(div(r(1, 2), r(-3, 4))).toEqual({ num: -2n, den: 3n });
    expect(() => div(r(1), r(0))).toThrow(new RangeError('division by zero'));
    expect(compare(r(1, 3), r(1, 2))).toBe(-1);
    expect(compare(r(1, 2), r(1, 3))).toBe(1);
    expect(compare(r(2, 4), r(1, 2))).toBe(0);
    expect(compare(r(-1, 2), r(1, 3))).toBe(-1);
    expect(compare(r(2, 3), r(3, 5))).toBe(1);
    expect(equals(r(2, 4), r(1, 2))).toBe(true);
    expect(equals(r(1, 2), r(1, 3))).toBe(false);
    expect(equals(r(1, 2), r(2, 2))).toBe(false);
  });

  it('keeps the sign on the numerator, fully reduced, and rounds negatives half up (toward +infinity)', () => {
    expect(rational(-4, 6)).toEqual({ num: -2n, den: 3n });
    expect(rational(4, -6)).toEqual({ num: -2n, den: 3n });
    expect(rational(-4, -6)).toEqual({ num: 2n, den: 3n });
    expect(rational(0, -5)).toEqual({ num: 0n, den: 1n });
    expect(roundHalfUp(r(-5, 4))).toBe(-1n);
    expect(roundHalfUp(r(-3, 2))).toBe(-1n);
    expect(roundHalfUp(r(-1, 2))).toBe(0n);
    expect(roundHalfUp(r(-7, 3))).toBe(-2n);
    expect(roundHalfUp(r(5, 4))).toBe(1n);
    expect(toDecimal(r(2, 3), 0)).toBe(1);
    expect(toDecimal(r(1, 3), 15)).toBe(0.333333333333333);
    for (const places of [-1, 1.5, 16]) expect(() => toDecimal(r(1, 3), places), String(places)).toThrow(RangeError);
  });

  it('says what is wrong with a bad numerator, denominator or number of places', () => {
    expect(() => rational(1.5)).toThrow(new RangeError('numerator must be a safe integer, got 1.5'));
    expect(() => rational(1, Number.MAX_SAFE_INTEGER + 1)).toThrow(/^denominator must be a safe integer, got 9007199254740992$/);
    expect(() => rational(1, 0)).toThrow(new RangeError('denominator must not be zero'));
    expect(() => toDecimal(r(1, 3), 16)).toThrow(new RangeError('places must be an integer 0..15'));
    expect(() => suggestBand(Number.NaN)).toThrow(new RangeError('percent must be a finite number, got NaN'));
  });
});
