/**
 * The performance figures are all or nothing under any order of uploads (issue 28): fast-check
 * `commands` through the real local server, by the JSON route and the workbench page, good
 * files of every shape (the five original columns, Appendix 1 with its scores, the whole Kent
 * file) and files with one bad cell among good rows. After every command the summary holds
 * exactly the measures of the last good file, in its order: a bad file changes nothing, a good
 * one replaces the last whole. The oracle reads a file's measures with csv-parse alone, not with
 * the parser under test.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { csrfOf, page, signIn } from '#support/workbench';
import { kentPerformanceCsv } from '#infra/local/demo-evidence';

const GOOD = [
  'measure,target,area,national,period\r\nVictim contact,85%,98%,93%,2007 Q2\r\nOrders completed,75%,68%,63%,2007 Q2\r\n',
  [
    'measure,target,area,national,period,kind,domain,previous,grade,note',
    'Victim Contact,85%,98%,93%,Q2,,public-protection,95%,4,',
    'Approved Premises,,,,Q2,later,public-protection,,,Data Available in Q4',
    'Public Protection,,,,Q2,domain-score,public-protection,,4,',
    'Area score,,,,Q2,area-score,,,2,',
  ].join('\n'),
  kentPerformanceCsv(),
];
const BAD = [
  'measure,target,area,national,period\r\nVictim contact,85%,98%,93%,2007 Q2\r\nEthnic Monitoring,95%,####,97%,2007 Q2\r\n',
  'measure,target,area,national,period,grade\r\nVictim contact,85%,98%,93%,Q2,4\r\nOrders,75%,68%,63%,Q2,5\r\n',
  'measure,target,area,national,period,domain,predicted,significant\r\nReduce Re-offending,n/a,8.6%,n/a,Q2,reoffending,9.4%,\r\n',
  `${kentPerformanceCsv()}Sub-Contracting,,,,Q2,,later,operational-capability,,,,,,,\r\n`,
];
/** The oracle: the first cell of every row after the header. */
const measuresOf = (csv: string) => (parse(csv, { skip_empty_lines: true }) as string[][]).slice(1).map((row) => row[0] ?? '');

interface Model {
  measures: string[] | null;
}
interface Real {
  id: string;
  cookie: string;
}

async function check(model: Model, real: Real) {
  const res = await call(`/inspections/${real.id}/aggregate`, { method: 'POST', as: 'staff' });
  expect(res.status).toBe(200);
  const figures = res.json.performanceFigures as { measure: string }[] | null;
  expect(figures === null ? null : figures.map((f) => f.measure)).toEqual(model.measures);
}

class Upload implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly good: boolean,
    readonly file: number,
    readonly byPage: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const csv = this.good ? GOOD[this.file % GOOD.length]! : BAD[this.file % BAD.length]!;
    if (this.byPage) {
      const csrf = csrfOf((await page(`/workbench/inspections/${real.id}/area`, { cookie: real.cookie })).text);
      const body = new FormData();
      body.set('csrf', csrf);
      body.set('file', new Blob([csv], { type: 'text/csv' }), 'figures.csv');
      const res = await page(`/workbench/inspections/${real.id}/area/performance-figures`, { cookie: real.cookie, body });
      expect(res.status).toBe(this.good ? 303 : 400);
      if (!this.good) expect(res.text).toMatch(/govuk-error-summary[\s\S]*Row \d+, column \w+: /);
    } else {
      const res = await call(`/inspections/${real.id}/performance-figures`, {
        method: 'PUT',
        as: 'inspector',
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.status, res.text.slice(0, 300)).toBe(this.good ? 200 : 400);
      if (!this.good) for (const e of res.json.errors as { path: string; message: string }[]) expect(e.message).toMatch(/^Row \d+, column \w+: /);
    }
    if (this.good) model.measures = measuresOf(csv);
    await check(model, real);
  }
  toString = () => `Upload(${this.good ? 'good' : 'bad'} ${this.file}${this.byPage ? ' by page' : ''})`;
}

let cookie: string;
beforeAll(async () => {
  cookie = (await signIn('inspector')).cookie;
});

describe('performance figures by upload', () => {
  it('hold exactly the last good file, whatever the order of good and bad uploads, by route or page', async () => {
    const commands = [fc.tuple(fc.boolean(), fc.nat(3), fc.boolean()).map(([good, file, byPage]) => new Upload(good, file, byPage))];
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 6 }), async (cmds) => {
        const id = await createInspection('Performance model');
        const real = { id, cookie };
        await check({ measures: null }, real);
        await fc.asyncModelRun(() => ({ model: { measures: null }, real }), cmds);
        runs++;
      }),
      { numRuns: 12, endOnFailure: true },
    );
    expect(runs).toBe(12);
  }, 600_000);
});
