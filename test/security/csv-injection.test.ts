/**
 * Issue 18, item 6: no cell a person typed can start a spreadsheet formula in any CSV we send.
 * The area check refuses a leading = + @; a leading - passes it and must be escaped on output.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';

const cellsOf = (text: string): string[] => (parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat();

describe('formula injection through the area name', () => {
  it('an area "-SUM(1,2)" reaches the summary CSVs escaped', async () => {
    const id = await createInspection('-SUM(1,2)');
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    const link = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
    const token = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
    for (const res of [await call(`/inspections/${id}/summary?format=csv`, { as: 'staff' }), await call(`/reports/${token}/summary.csv`)]) {
      expect(res.status).toBe(200);
      const cells = cellsOf(res.text);
      expect(cells).toContain("'-SUM(1,2)");
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    }
  });

  it('the name check still refuses a leading =, + or @', async () => {
    for (const area of ['=SUM(1,2)', '+SUM(1,2)', '@SUM(1,2)']) {
      const res = await call('/inspections', { as: 'admin', json: { area, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } });
      expect(res.status, area).toBe(400);
    }
  });

  it('the invitations CSV has no cell starting a formula', async () => {
    const id = await createInspection('Formula');
    const res = await call(`/inspections/${id}/invitations?format=csv`, {
      as: 'admin',
      json: { audience: 'victim', language: 'en', count: 2 },
      headers: { 'x-forwarded-host': '-1+1' },
    });
    expect(res.status).toBe(201);
    expect(cellsOf(res.text).filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
