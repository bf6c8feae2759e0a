/**
 * The upload parser on every cut of a valid body (issue 26, finding 1): each cut is refused
 * as unreadable or read whole, and none leaves an `error` event unheard (which would be an
 * uncaught exception: the end of a Lambda environment, or of `npm start`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInput } from '#core/errors';
import { parseMultipart } from '#http/multipart';

const B = 'XyZb0undary';
const body = Buffer.from(
  `--${B}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\ntok\r\n--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\ncaseRef,caseType\r\nK-1,licence\r\n--${B}--\r\n`,
);
const type = `multipart/form-data; boundary=${B}`;

let uncaught: unknown[] = [];
const listener = (e: unknown) => uncaught.push(e);
beforeEach(() => {
  uncaught = [];
  process.on('uncaughtException', listener);
});
afterEach(() => {
  process.off('uncaughtException', listener);
});

describe('parseMultipart', () => {
  it('refuses every cut short of the closing boundary with InvalidInput, and nothing goes uncaught', async () => {
    const end = body.indexOf(`--${B}--`) + `--${B}--`.length;
    for (let cut = 0; cut <= body.length; cut++) {
      const outcome = await parseMultipart(type, body.subarray(0, cut), 1000).then(
        (parsed) => parsed,
        (error: unknown) => error,
      );
      if (cut < end) expect(outcome, `cut at ${cut}`).toBeInstanceOf(InvalidInput);
      else expect(outcome, `cut at ${cut}`).toMatchObject({ fields: { csrf: 'tok' }, files: [{ filename: 'a.csv' }] });
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(uncaught).toEqual([]);
  });

  it('asks beforeFile about the fields sent ahead of the file, and its refusal is the answer', async () => {
    const seen: Record<string, string>[] = [];
    const refused = new Error('refused');
    const outcome = await parseMultipart(type, body, 1000, (fields) => {
      seen.push({ ...fields });
      throw refused;
    }).catch((e: unknown) => e);
    expect(seen).toEqual([{ csrf: 'tok' }]);
    expect(outcome).toBe(refused);
  });
});
