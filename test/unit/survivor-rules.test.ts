/**
 * Rules that mutants surviving the sampled Stryker run showed untested (bench/RESULTS.md
 * lists each survivor and its verdict). Each is written as the rule, not as the mutant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainst, figuresIn, type QuestionFigure } from '#domain/figure-check';
import { openApiDocument } from '#http/openapi';
import { originOf } from '#http/request';
import { deployedRoutes } from '#shared/routes';
import { pounds } from '#web/report/context';
import { reportTextCy } from '#web/report/text-cy';
import { reportTextEn } from '#web/report/text-en';

/** Figures written out by hand: `percent` is what the report prints, worked out by eye. */
const fig = (yes: number, no: number, percent: number): QuestionFigure => ({ yes, no, percent });
const AT = { 70: fig(7, 3, 70), 79: fig(79, 21, 79), 82: fig(41, 9, 82), 86: fig(43, 7, 86), 95: fig(19, 1, 95) };
const status = (text: string, figure: QuestionFigure) => checkAgainst(text, '2.1.3', undefined, figure).status;

describe('figures in words', () => {
  // Every hedge the contract reads, with a figure inside its range and one outside.
  const hedges: [words: string, inside: keyof typeof AT, outside: keyof typeof AT][] = [
    ['over 80%', 82, 79],
    ['more than 80%', 82, 79],
    ['just over 80%', 82, 95],
    ['under 90%', 82, 95],
    ['less than 90%', 82, 95],
    ['fewer than 90%', 82, 95],
    ['just under 85%', 82, 70],
    ['just under 85%', 82, 86],
    ['nearly 85%', 82, 86],
    ['almost 85%', 82, 70],
    ['about 80%', 82, 70],
    ['around 80%', 82, 70],
    ['approximately 80%', 82, 70],
    ['roughly 80%', 82, 70],
  ];
  it.each(hedges)('"%s" is a range: it holds %i and not %i', (words, inside, outside) => {
    expect(status(`in ${words} of cases`, AT[inside])).toBe('agrees');
    expect(status(`in ${words} of cases`, AT[outside])).toBe('disagrees');
  });

  it('"x of y" is no count when x is more than y or y is nought (a page, a rank)', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(99), (a, b) => {
        fc.pre(a > b || b === 0);
        expect(figuresIn(`see ${a} of ${b}`).flatMap((c) => c.parts)).toEqual([]);
      }),
    );
  });

  it('a bracket restating a figure is one claim with it, whatever the spacing inside the bracket', () => {
    for (const text of ['in 65% of cases (31 out of 48)', 'in 65% of cases ( 31 out of 48 )', 'in 65% of cases (\t31 out of 48)']) {
      expect(figuresIn(text), text).toHaveLength(1);
      expect(status(text, fig(31, 17, 65)), text).toBe('agrees');
    }
  });
});

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as {
    paths: Record<string, Record<string, { operationId: string; requestBody?: { required: boolean; content: Record<string, unknown> } }>>;
  };
  const routes = deployedRoutes();
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  it('documents the body of every operation that takes one, with the media type the route accepts', () => {
    const withBody = routes.filter(
      (r) => r.body && operations.some((o) => o.method === r.method.toLowerCase() && o.path === r.path.replace(/\{(\w+)\+\}/g, '{$1}')),
    );
    expect(withBody.length).toBeGreaterThan(5);
    for (const route of withBody) {
      const { op } = operations.find((o) => o.method === route.method.toLowerCase() && o.path === route.path.replace(/\{(\w+)\+\}/g, '{$1}'))!;
      const type = route.body!.kind === 'csv' ? 'text/csv' : 'application/json';
      expect(Object.keys(op.requestBody?.content ?? {}), `${route.method} ${route.path}`).toEqual([type]);
      expect(op.requestBody?.required, `${route.method} ${route.path}`).toBe(!(route.body!.kind === 'json' && route.body!.optional));
    }
  });

  it("names each operation by its method and its path's words, camel-cased, and nothing else", () => {
    for (const { path, method, op } of operations) {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(op.operationId.toLowerCase()).toBe(`${method}${path.replace(/[^a-zA-Z0-9]/g, '')}`.toLowerCase());
    }
  });
});

describe('the origin links are built from', () => {
  it('is plain http for a loopback host, with or without a port, and https for any other', () => {
    const octet = fc.nat(255);
    const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
    fc.assert(
      fc.property(octet, octet, octet, port, (a, b, c, p) => {
        const suffix = p === undefined ? '' : `:${p}`;
        expect(originOf({ host: `127.${a}.${b}.${c}${suffix}` })).toBe(`http://127.${a}.${b}.${c}${suffix}`);
        expect(originOf({ host: `localhost${suffix}` })).toBe(`http://localhost${suffix}`);
        expect(originOf({ host: `${a === 127 ? 128 : a}.${b}.${c}.1${suffix}` })).toMatch(/^https:\/\//);
      }),
    );
  });
});

describe('report words', () => {
  it('a budget in whole thousands from a million up reads in millions, as the Kent report writes it; any other in pounds', () => {
    expect(pounds(19_817_000)).toBe('£19.817m');
    expect(pounds(2_000_000)).toBe('£2m');
    expect(pounds(19_817_456)).toBe('£19,817,456');
    expect(pounds(950_000)).toBe('£950,000');
  });

  it('the cases needing a moderator start with a capital, for any number of them, in English and Welsh', () => {
    for (const text of [reportTextEn, reportTextCy]) {
      for (let n = 1; n <= 12; n++) {
        const sentence = text.flagged(Array.from({ length: n }, (_, i) => `C${i + 1}`));
        expect(sentence).toMatch(/^[\p{Lu}\d]/u);
        expect(sentence).not.toMatch(/undefined|NaN/);
      }
    }
  });
});
