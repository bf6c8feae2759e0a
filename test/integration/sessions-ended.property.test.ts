/**
 * The sessions page's "N sessions ended" notice as a rule over its address (issue 32: its check
 * of `?ended=` was not asserted anywhere). Ending sessions redirects to `?ended=<count>`; anyone
 * can send that address to an admin, so the page must say only what a count can say:
 *
 * - the notice shows exactly when the value is a count (1 to 4 decimal digits), and says that
 *   number ("1 session ended", "N sessions ended");
 * - for anything else (negative, fractional, huge, words, Unicode digits, control characters)
 *   the page is the plain sessions page: nothing echoed, never a 500.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, signIn } from '#support/workbench';

/**
 * Fewer draws in a mutation run (OMI_PROPERTY_RUNS), where each mutant reruns the file. fast-check
 * counts a property's `examples` among its numRuns, so each property adds room for its (at most 20) first.
 */
const RUNS = Number(process.env.OMI_PROPERTY_RUNS ?? 40) + 20;

let admin: string;
beforeAll(async () => {
  admin = (await signIn('admin')).cookie;
});

const sessionsAt = (query: string) => page(`/workbench/sessions${query}`, { cookie: admin });
/** The page less what changes from one request to the next (the form token). */
const steady = (text: string) => text.replace(/name="csrf" value="[^"]*"/g, '');
const notice = /<p class="govuk-notification-banner__heading">([^<]*)<\/p>/;

describe('the sessions page says how many sessions were ended only for a count', () => {
  it('for any value of ?ended=', async () => {
    const plain = await sessionsAt('');
    expect(plain.status).toBe(200);
    expect(plain.text).not.toMatch(notice);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat({ max: 9999 }).map(String),
          fc.stringMatching(/^0{1,3}[0-9]$/),
          fc.integer({ min: -9999, max: -1 }).map(String),
          fc.bigInt({ min: 10_000n, max: 10n ** 40n }).map(String),
          fc.double({ noNaN: false }).map(String),
          fc.constantFrom('', ' 1', '1 ', '+1', '1e3', '0x10', '١٢', '１２', 'Infinity', 'NaN', '<b>3</b>', '3\n', '3\u0000'),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
        ),
        async (value) => {
          const res = await sessionsAt(`?ended=${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`);
          expect(res.status).toBe(200);
          const shown = notice.exec(res.text)?.[1];
          if (/^[0-9]{1,4}$/.test(value)) {
            const count = Number.parseInt(value, 10);
            expect(shown).toBe(`${count} ${count === 1 ? 'session' : 'sessions'} ended. Their next page asks them to sign in again.`);
          } else {
            expect(shown).toBeUndefined();
            expect(steady(res.text)).toBe(steady(plain.text));
          }
        },
      ),
      {
        numRuns: RUNS,
        examples: [['0'], ['1'], ['2'], ['9999'], ['10000'], ['-1'], ['1.5'], ['0001']],
      },
    );
  }, 120_000);
});
