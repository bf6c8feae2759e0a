import fc from 'fast-check';
import { isWellFormedReference, newReference, normaliseReference, REFERENCE_ALPHABET } from '#domain/references';
import { describe, expect, it } from 'vitest';
import {
  endOfUkDay,
  expiryInWords,
  hashToken,
  invitationState,
  invitationsCsv,
  isWellFormedToken,
  newToken,
  normaliseExpiry,
  ttlEpochFor,
} from '#domain/invitation-tokens';
import { originOf, wantsCsv } from '#http/request';
import {
  checkOneAnswer,
  cleanDraft,
  firstUnseen,
  missingAnswers,
  nextQuestion,
  previousQuestion,
  rawAnswerFromForm,
  RESERVED_PAGES,
} from '#domain/questionnaire-flow';
import { audiences, getQuestionnaire, getQuestionnaireVersion, languages } from '#questionnaires/index';
import { resolveAsset } from '#web/common/assets';

describe('tokens', () => {
  it('are 128 random bits in 22 base64url characters, all different', () => {
    const tokens = Array.from({ length: 2000 }, newToken);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(16);
      expect(isWellFormedToken(t)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('turn away anything that cannot be a token before any lookup', () => {
    for (const bad of ['', 'short', 'x'.repeat(23), 'a'.repeat(21) + '/', '../../etc/passwd12345', 'a'.repeat(21) + '=']) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });
});

describe('invitations', () => {
  it('are sent, expired or open; sent wins', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    expect(invitationState({}, now)).toBe('open');
    expect(invitationState({ expiresAt: '2026-06-01T12:00:01Z' }, now)).toBe('open');
    expect(invitationState({ expiresAt: '2026-06-01T12:00:00Z' }, now)).toBe('expired');
    expect(invitationState({ expiresAt: '2026-05-01T00:00:00Z', submittedAt: '2026-04-01T00:00:00Z' }, now)).toBe('submitted');
  });

  it('expire at the end of a bare date, UTC, and leave the table some time after', () => {
    expect(normaliseExpiry('2026-12-31')).toBe('2026-12-31T23:59:59.000Z');
    expect(normaliseExpiry('2026-12-31T10:00+01:00')).toBe('2026-12-31T09:00:00.000Z');
    expect(normaliseExpiry(undefined)).toBeUndefined();
    expect(ttlEpochFor('2026-12-31T23:59:59.000Z')).toBe(Date.parse('2026-12-31T23:59:59Z') / 1000 + 90 * 86_400);
    expect(ttlEpochFor(undefined)).toBeUndefined();
  });

  it('build their URL from the forwarded protocol and host', () => {
    expect(originOf({ host: 'abc123.execute-api.eu-west-2.amazonaws.com', 'x-forwarded-proto': 'https' })).toBe(
      'https://abc123.execute-api.eu-west-2.amazonaws.com',
    );
    expect(originOf({ host: '127.0.0.1:3000' })).toBe('http://127.0.0.1:3000');
    expect(originOf({ host: 'localhost:3000' })).toBe('http://localhost:3000');
    expect(originOf({ host: 'collector.example.gov.uk' })).toBe('https://collector.example.gov.uk');
    expect(originOf({ host: 'x.example', 'x-forwarded-proto': 'https,http' })).toBe('https://x.example');
    // A host that is not a host name falls back to the request context's domain name.
    expect(originOf({ host: 'evil.example/"><script>', 'x-forwarded-proto': 'https' }, 'api.example.gov.uk')).toBe('https://api.example.gov.uk');
    expect(originOf({ 'x-forwarded-proto': 'gopher' }, 'api.example.gov.uk')).toBe('https://api.example.gov.uk');
  });

  it('come as CSV when asked by ?format or Accept', () => {
    expect(wantsCsv('csv', undefined)).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'text/csv;q=0.9, application/json')).toBe(true);
    expect(wantsCsv(undefined, 'application/json, text/csv')).toBe(false);
    expect(wantsCsv(undefined, '*/*')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });

  it('make a mail-merge CSV with one row per link and no names', () => {
    const csv = invitationsCsv(
      { audience: 'victim', language: 'cy', expiresAt: '2026-12-31T23:59:59.000Z' },
      [
        { invitationId: 'i1', token: 't1', url: 'https://x/q/t1', reference: 'ABCDEFGH' },
        { invitationId: 'i2', token: 't2', url: 'https://x/q/t2', reference: '23456789' },
      ],
      { expiryInWords: true },
    );
    expect(csv).toBe(
      'invitationId,audience,language,expiresAt,url,reference,expiresOn\n' +
        'i1,victim,cy,2026-12-31T23:59:59.000Z,https://x/q/t1,ABCDEFGH,31 December 2026\n' +
        'i2,victim,cy,2026-12-31T23:59:59.000Z,https://x/q/t2,23456789,31 December 2026\n',
    );
    // The JSON API's file keeps the columns its clients read.
    expect(
      invitationsCsv({ audience: 'victim', language: 'cy' }, [{ invitationId: 'i1', token: 't1', url: 'https://x/q/t1', reference: 'ABCDEFGH' }]),
    ).toBe('invitationId,audience,language,expiresAt,url,reference\ni1,victim,cy,,https://x/q/t1,ABCDEFGH\n');
  });

  it('read a chosen day as its end in UK time, and say an expiry as that date', () => {
    // Summer time: 31 March 2027 ends at 22:59:59 UTC; winter: 15 January at 23:59:59 UTC; the clocks go back on 31 October 2027.
    expect(normaliseExpiry(endOfUkDay('2027-03-31'))).toBe('2027-03-31T22:59:59.000Z');
    expect(normaliseExpiry(endOfUkDay('2027-01-15'))).toBe('2027-01-15T23:59:59.000Z');
    expect(normaliseExpiry(endOfUkDay('2027-10-31'))).toBe('2027-10-31T23:59:59.000Z');
    expect(normaliseExpiry(endOfUkDay('2027-03-28'))).toBe('2027-03-28T22:59:59.000Z');
    for (const day of ['2027-03-31', '2027-01-15', '2027-10-31', '2027-03-28']) {
      expect(expiryInWords(normaliseExpiry(endOfUkDay(day))!)).toBe(
        new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      );
    }
    // The JSON route's date alone (the end of that day in UTC) reads as that date too, never "1 April 2027 at 00:59".
    expect(expiryInWords(normaliseExpiry('2027-03-31')!)).toBe('31 March 2027');
    expect(expiryInWords('2027-03-31T14:00:00Z')).toBe('31 March 2027 at 15:00');
  });

  it('draw paper references of 8 unambiguous characters, independent draws, and read them back as typed', () => {
    const drawn = Array.from({ length: 2000 }, newReference);
    for (const r of drawn) expect(r).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(new Set(drawn).size).toBe(drawn.length);
    // Every character of the alphabet turns up, and none of the ambiguous ones.
    expect(new Set(drawn.join('')).size).toBe(REFERENCE_ALPHABET.length);
    expect(drawn.join('')).not.toMatch(/[01ILO]/);
    expect(normaliseReference(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(isWellFormedReference('ABCDEFGH')).toBe(true);
    expect(isWellFormedReference('ABCDEFG0')).toBe(false);
  });
});

describe('the way through a questionnaire', () => {
  const def = getQuestionnaireVersion('offender-2008.1', 'en')!;
  const ids = def.questions.map((q) => q.id);

  it('never names a question like one of the fixed pages', () => {
    for (const a of audiences)
      for (const l of languages)
        for (const q of getQuestionnaire(a, l).questions) {
          expect(RESERVED_PAGES as readonly string[]).not.toContain(q.id);
        }
  });

  it('goes forward and back in order, and resumes at the first question not yet seen', () => {
    expect(nextQuestion(def, ids[0]!)?.id).toBe(ids[1]);
    expect(nextQuestion(def, ids.at(-1)!)).toBeUndefined();
    expect(previousQuestion(def, ids[0]!)).toBeUndefined();
    expect(previousQuestion(def, ids[2]!)?.id).toBe(ids[1]);
    expect(firstUnseen(def, [])?.id).toBe(ids[0]);
    expect(firstUnseen(def, [ids[0]!, ids[1]!, ids[3]!])?.id).toBe(ids[2]);
    expect(firstUnseen(def, ids)).toBeUndefined();
  });

  it('checks one page: required must be answered, values must be options, optional may be blank', () => {
    const required = def.questions.find((q) => q.type === 'yes-no' && !q.optional)!;
    const multi = def.questions.find((q) => q.type === 'multi-choice')!;
    const text = def.questions.find((q) => q.type === 'text' && q.optional)!;
    expect(checkOneAnswer(def, required, undefined)).toEqual({ ok: false, message: expect.stringContaining(required.text) });
    expect(checkOneAnswer(def, required, 'maybe')).toEqual({ ok: false, message: expect.stringContaining('Select one of the answers') });
    expect(checkOneAnswer(def, required, 'yes')).toEqual({ ok: true, answer: 'yes' });
    expect(checkOneAnswer(def, multi, [])).toMatchObject({ ok: false });
    expect(checkOneAnswer(def, text, '   ')).toEqual({ ok: true, answer: undefined });
    expect(checkOneAnswer(def, text, 'x'.repeat(text.maxLength! + 1))).toEqual({ ok: false, message: 'Enter no more than 2,000 characters' });

    const form = new URLSearchParams([
      [multi.id, multi.options![1]!.value],
      [multi.id, multi.options![0]!.value],
      [required.id, 'no'],
    ]);
    expect(rawAnswerFromForm(multi, form)).toEqual([multi.options![1]!.value, multi.options![0]!.value]);
    expect(rawAnswerFromForm(required, form)).toBe('no');
    expect(rawAnswerFromForm(text, form)).toBeUndefined();
  });

  it('keeps only draft answers that still fit the questionnaire, and names what is missing', () => {
    const draft = cleanDraft(def, { [ids[0]!]: 'yes', [ids[1]!]: 'not-an-option', 'no-such-question': 'yes' });
    expect(draft).toEqual({ [ids[0]!]: 'yes' });
    const missing = missingAnswers(def, draft).map((m) => m.questionId);
    expect(missing).toEqual(def.questions.filter((q) => !q.optional && q.id !== ids[0]).map((q) => q.id));
  });
});

describe('assets', () => {
  it('maps the pages’ asset URLs onto GOV.UK Frontend’s dist folder', () => {
    expect(resolveAsset('css/govuk-frontend.min.css')).toMatchObject({
      file: 'govuk-frontend.min.css',
      contentType: 'text/css; charset=utf-8',
      binary: false,
    });
    expect(resolveAsset('js/govuk-frontend.min.js')).toMatchObject({ file: 'govuk-frontend.min.js', contentType: 'text/javascript; charset=utf-8' });
    expect(resolveAsset('fonts/bold-b542beb274-v2.woff2')).toMatchObject({
      file: 'assets/fonts/bold-b542beb274-v2.woff2',
      contentType: 'font/woff2',
      binary: true,
    });
    expect(resolveAsset('images/favicon.ico')).toMatchObject({ file: 'assets/images/favicon.ico', contentType: 'image/x-icon', binary: true });
    expect(resolveAsset('manifest.json')).toMatchObject({ file: 'assets/manifest.json' });
    for (const bad of [
      '',
      '..',
      '../package.json',
      'fonts/../../x.css',
      'fonts/.x.woff',
      'fonts/a/b.woff2',
      'index.scss',
      'images/x.exe',
      'css/other.css',
      '/etc/passwd',
    ]) {
      expect(resolveAsset(bad), bad).toBeUndefined();
    }
  });

  it('never resolves any path to a file outside the allowed names', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('.', '/', '\\', 'a', 'fonts', 'images', 'css', '%2e', '.woff2', '..', ':', '\0') }), (path) => {
        const asset = resolveAsset(path);
        if (!asset) return true;
        return (
          !asset.file.includes('..') &&
          !asset.file.includes('\\') &&
          !asset.file.includes('\0') &&
          /^(govuk-frontend\.min\.(css|js)|assets\/manifest\.json|assets\/(fonts|images)\/[A-Za-z0-9][A-Za-z0-9_.-]*)$/.test(asset.file)
        );
      }),
      { numRuns: 2000 },
    );
  });
});
