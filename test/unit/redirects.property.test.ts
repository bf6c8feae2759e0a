/**
 * Every redirect target built from input stays on the site (issue 25), property-tested over
 * arbitrary strings: any length, any alphabet (Unicode, lone surrogates, controls, tabs,
 * backslashes). The oracle is the browser's own reading of a Location header, the WHATWG URL
 * parser (which drops tabs and newlines and reads `\` as `/`), not the code under test:
 * resolved against the service's address, the target keeps the service's origin, and it is a
 * header value at all (printable ASCII, or the reply would be a 500).
 *
 * The targets: `safeReturnTo` (the sign-in's returnTo, carried through the provider and used
 * by the callback) and `signInLocation` (where a signed-out request is sent, built from its
 * path, query and Referer).
 */
import * as fc from 'fast-check';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';

const SERVICE = 'https://service.example';
let safeReturnTo: (value: string | null | undefined) => string;
let signInLocation: (event: APIGatewayProxyEventV2, safe: (v: string | null | undefined) => string, stashedFormPath?: string) => string;

beforeAll(async () => {
  // session.ts loads the session store, whose client wants a table name (never used here).
  process.env.TABLE_NAME ??= 'unit-no-table';
  ({ safeReturnTo } = await import('#http/session'));
  ({ signInLocation } = await import('#http/handler'));
});

/** What a browser makes of a Location header value on our page: the URL it goes to, or null for a header it cannot send. */
function browserTarget(location: string): URL | null {
  if (!/^[\x20-\x7e]*$/.test(location)) return null;
  return new URL(location, `${SERVICE}/workbench/inspections/x`);
}

const staysOnSite = (location: string) => {
  const target = browserTarget(location);
  return target !== null && target.origin === SERVICE && location.startsWith('/');
};

/** Strings built to hit the edges: slashes, backslashes, tabs, newlines, schemes, Unicode, lone surrogates. */
const PIECES = [
  '/',
  '//',
  '\\',
  '\t',
  '\n',
  '\r',
  ' ',
  ':',
  '.',
  '..',
  '%',
  '%2F',
  '%09',
  '@',
  '#',
  '?',
  '&',
  'evil.example',
  'javascript:',
  'https:',
  '\u2028',
  '\u0000',
  '\u007f',
  '\u0085',
  'é',
  '日本',
  '\uD800',
  '\uDFFF',
  '😀',
  '\uFEFF',
  'x',
];
const crafted = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  crafted,
  crafted.map((s) => `/${s}`),
  fc.string({ unit: 'grapheme', maxLength: 3000 }).map((s) => `/${s}`),
);

describe('redirect targets built from input', () => {
  it('safeReturnTo: any string gives a path on this site, fit for a header', () => {
    void fc.assert(
      fc.property(anyString, (input) => {
        const target = safeReturnTo(input);
        expect(staysOnSite(target), JSON.stringify(input)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('safeReturnTo keeps a plain path on this site as it is', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.~-]{1,20}$/);
    const plainPath = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.option(fc.stringMatching(/^[A-Za-z0-9=&_-]{1,30}$/), { nil: undefined }))
      .map(([parts, query]) => `/${parts.join('/')}${query ? `?${query}` : ''}`);
    void fc.assert(
      fc.property(plainPath, (path) => {
        expect(safeReturnTo(path)).toBe(path);
      }),
    );
  });

  it('signInLocation: any path, query or Referer sends the browser to our own /sign-in, with a returnTo that stays on this site', () => {
    const event = (method: string, rawPath: string, rawQueryString: string, referer: string | undefined) =>
      ({
        rawPath,
        rawQueryString,
        headers: { host: 'service.example', 'x-forwarded-proto': 'https', ...(referer === undefined ? {} : { referer }) },
        requestContext: { domainName: 'service.example', http: { method } },
      }) as unknown as APIGatewayProxyEventV2;
    void fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST'),
        anyString,
        anyString,
        fc.option(
          fc.oneof(
            anyString,
            anyString.map((s) => `${SERVICE}${s}`),
          ),
          { nil: undefined },
        ),
        fc.boolean(),
        (method, path, query, referer, stash) => {
          const location = signInLocation(event(method, path, query, referer), safeReturnTo, stash ? path : undefined);
          expect(staysOnSite(location), location).toBe(true);
          const target = browserTarget(location)!;
          expect(target.pathname).toBe('/sign-in');
          const back = target.searchParams.get('returnTo');
          if (back !== null) expect(staysOnSite(back), back).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('safeReturnTo keeps an on-site path with any Unicode in it: the browser reaches the same path (decoded), and the result fits the sign-in cookie', () => {
    // Unicode beyond ASCII, but no controls, spaces, backslashes or lone surrogates: a path a person could follow.
    const segment = fc.string({ unit: fc.constantFrom('a', 'Z', '9', '-', 'é', 'ü', '日', '本', '😀', 'ß', 'ŵ'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), (parts) => {
        const path = `/${parts.join('/')}`;
        const target = safeReturnTo(path);
        expect(target.length).toBeLessThanOrEqual(2000);
        if (target !== '/') expect(decodeURIComponent(target)).toBe(path);
        // Short enough once encoded (12 bytes a character at most), it is kept, not dropped to the home page.
        if (path.length <= 150) expect(target).not.toBe('/');
      }),
      { numRuns: 500 },
    );
  });

  it('safeReturnTo never gives more than the sign-in cookie can carry, however long the input', () => {
    fc.assert(
      fc.property(anyString, fc.nat({ max: 3000 }), (input, extra) => {
        expect(safeReturnTo(`/${'é'.repeat(extra)}${input}`).length).toBeLessThanOrEqual(2000);
      }),
      { numRuns: 300 },
    );
  });
});
