/**
 * Issue 18, item 2: masking is linear. A 2,000-character comment built to make a regex retry
 * at every position costs no more than ten times an English comment of the same length,
 * measured in the same run (a ratio, so a slow or busy machine does not matter).
 */
import { describe, expect, it, vi } from 'vitest';
import { getQuestionnaire } from '#questionnaires/index';
import { maskFreeText } from '#summaries/mask';
import { summariseServiceUsers, breakdownByLanguage } from '#summaries/index';

vi.mock('#summaries/mask', async (importOriginal) => {
  const original = await importOriginal<typeof import('#summaries/mask')>();
  return { ...original, maskFreeText: vi.fn(original.maskFreeText) };
});

const LENGTH = 2000;
const english = 'The staff were helpful and kind, and I felt listened to at every meeting. '.repeat(40).slice(0, LENGTH);

/** The fastest of several runs of masking `text` `times` times, in ms. */
function cost(text: string, times = 20, runs = 5): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (let i = 0; i < times; i++) maskFreeText(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const hostile: Record<string, string> = {
  'one mathematical digit': '𝟏'.repeat(LENGTH / 2),
  'one letter': 'a'.repeat(LENGTH),
  digits: '7'.repeat(LENGTH),
  'dots then @': '.'.repeat(LENGTH - 1) + '@',
  'letters and dots then @': 'a.'.repeat(LENGTH / 2 - 1) + 'x@',
  'an @ then domain characters': 'a@' + 'b-'.repeat(LENGTH / 2 - 1),
  titles: 'Mr '.repeat(Math.floor(LENGTH / 3)),
  'phone-like digits': '0 '.repeat(LENGTH / 2),
};

describe('masking time', () => {
  for (const [name, text] of Object.entries(hostile)) {
    it(`${name}: at most 10x an English comment of the same length`, () => {
      cost(english, 5, 1); // warm up
      const base = Math.max(cost(english), 0.05);
      const ratio = cost(text) / base;
      expect(ratio, `${name}: ${ratio.toFixed(1)}x English`).toBeLessThanOrEqual(10);
    });
  }

  it('each comment is masked once, not again for the language breakdown', async () => {
    const mask = await import('#summaries/mask');
    const spy = vi.mocked(mask.maskFreeText);
    spy.mockClear();
    const def = getQuestionnaire('victim', 'en');
    const text = def.questions.find((q) => q.type === 'text')!;
    const responses = Array.from({ length: 7 }, (_, i) => ({
      answers: { [text.id]: `Comment ${i}` },
      language: (i % 2 ? 'cy' : 'en') as 'en' | 'cy',
    }));
    const input = { victim: { invited: 7, responses } };
    summariseServiceUsers(input);
    breakdownByLanguage(input);
    expect(spy).toHaveBeenCalledTimes(7);
  });
});
