/**
 * Formula escaping as a rule over arbitrary typed text (issue 32): whatever a person types into
 * a field that a CSV export carries, no cell of the export starts a spreadsheet formula (=, +,
 * -, @, a tab or a carriage return, OWASP's list). The improvement plan carries the most free
 * text (the action, its owner, each progress note, and the recommendation's own words from the
 * write-up); its CSV is served to the JSON API and to the workbench alike. Each export is
 * parsed as a spreadsheet would read it, so a cell quoted by hand counts as its contents.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection, makeCase, replaceWriteUp } from '#support/fixtures';
import { page, signIn } from '#support/workbench';

const FORMULA_START = /^[=+\-@\t\r]/;
const cellsOf = (text: string): string[] => (parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat();

/** Typed text that a spreadsheet would take for a formula: a dangerous first character, then anything. */
const formulaLike = () =>
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', '\t='), fc.string({ minLength: 1, maxLength: 30 }))
    .map(([head, tail]) => `${head}${tail}`)
    .filter((s) => s.trim().length > 0);

let id: string;
let recommendation: string;
let cookie: string;

beforeAll(async () => {
  id = await createInspection('CSV rules');
  expect((await call(`/inspections/${id}/cases/X-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
  const recommendations = [{ text: '=HYPERLINK("http://evil.example","Sentence plans")', criteria: ['1.5'] }];
  const put = await replaceWriteUp(id, { summary: [], criteria: {}, recommendations, goodPractice: [] });
  expect(put.status, put.text).toBe(200);
  recommendation = put.json.recommendations[0].id;
  expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'CSV rules' } })).status).toBe(201);
  cookie = (await signIn('admin')).cookie;
});

describe("the improvement plan's CSV", () => {
  it('starts no cell with a formula, whatever is typed in its action, owner and progress notes, through the API and the workbench', async () => {
    await fc.assert(
      fc.asyncProperty(formulaLike(), formulaLike(), formulaLike(), async (action, owner, note) => {
        const current = await call(`/inspections/${id}/improvement-plan`, { as: 'staff' });
        const saved = await call(`/inspections/${id}/improvement-plan`, {
          method: 'PUT',
          as: 'staff',
          headers: { 'if-match': current.headers.get('etag')! },
          json: { actions: [{ recommendation, action, owner, due: '2008-01-15', progress: [{ date: '2008-01-02', text: note }], status: 'open' }] },
        });
        // Text the plan refuses (only spaces once trimmed, too long) is not exported at all.
        if (saved.status === 400) return;
        expect(saved.status, saved.text).toBe(200);
        for (const res of [
          await call(`/inspections/${id}/improvement-plan.csv`, { as: 'admin' }),
          await page(`/workbench/inspections/${id}/improvement-plan.csv`, { cookie }),
        ]) {
          expect(res.status).toBe(200);
          const cells = cellsOf(res.text);
          expect(cells.some((c) => c.includes('HYPERLINK'))).toBe(true);
          expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
        }
      }),
      { numRuns: 15 },
    );
  });
});
