import { describe, expect, it } from 'vitest';
import { pointLetter } from '#web/common/point-letter';

describe('the letter of a finding', () => {
  it('runs a to z, then aa, ab ... without repeating one (a list may hold 40)', () => {
    const letters = Array.from({ length: 60 }, (_, i) => pointLetter(i));
    expect(letters.slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(letters.slice(25, 28)).toEqual(['z', 'aa', 'ab']);
    expect(letters[51]).toBe('az');
    expect(letters[52]).toBe('ba');
    expect(new Set(letters).size).toBe(60);
  });
});
