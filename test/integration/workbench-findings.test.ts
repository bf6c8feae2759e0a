/**
 * The workbench's findings pages through the real local server: drafts to tick and edit,
 * saved through the write-up use case (what the JSON GET returns afterwards), a stale page
 * refused, staff read only, and a moved figure marked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCasesCsv } from '#infra/local/demo-data';
import { call } from '#support/api';
import { bank, createInspection, kentSample } from '#support/fixtures';
import { form, page, signIn } from '#support/workbench';

let id: string;
let inspector: string;
let staff: string;
const base = () => `/workbench/inspections/${id}/findings`;

const hiddenOf = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([\w-]+)" value="([^"]*)">/g)].map((m) => [
      m[1]!,
      m[2]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"'),
    ]),
  );
const textareas = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<textarea [^>]*name="([\w-]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [
      m[1]!,
      m[2]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
    ]),
  );

beforeAll(async () => {
  id = await createInspection('Findings (test)');
  const csv = demoCasesCsv(
    kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
    bank(),
  );
  expect((await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
  [inspector, staff] = await Promise.all([signIn('inspector'), signIn('staff')]).then((s) => s.map((x) => x.cookie));
});

describe('findings drafted from the figures, in the workbench', () => {
  it('lists the scored criteria with their drafts, and shows each criterion’s drafts to tick', async () => {
    const index = await page(base(), { cookie: staff });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-store');
    for (const c of ['1.1', '2.7', '3.2']) expect(index.text).toContain(`${base()}/${c}`);
    expect(index.text).not.toContain(`${base()}/4.1`);
    const shown = await page(`${base()}/1.3`, { cookie: inspector });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('The write-up has no findings for this criterion yet.');
    expect(shown.text).toMatch(/drafted from question 1\.3\.1 \(\d+%\)/);
    expect(shown.text).toContain('Save findings');
    const readOnly = await page(`${base()}/1.3`, { cookie: staff });
    expect(readOnly.text).not.toContain('Save findings');
    const graded = await page(`${base()}/4.1`, { cookie: staff });
    expect(graded.status).toBe(200);
    expect(graded.text).toContain('Every drafted finding is in use, or no question of this criterion has a figure yet.');
    expect((await page(`${base()}/9.9`, { cookie: staff })).status).toBe(404);
  });

  it('saves the ticked drafts, with the inspector’s words, through the write-up use case, each linked to its figure', async () => {
    const shown = await page(`${base()}/1.3`, { cookie: inspector });
    const hidden = hiddenOf(shown.text);
    const q0 = hidden['dq-0']!;
    const p0 = Number(hidden['dp-0']);
    const res = await page(`${base()}/1.3`, {
      cookie: inspector,
      ...form({
        ...hidden,
        ...textareas(shown.text),
        'use-0': 'yes',
        'text-d-0': 'Edited: the assessment was timely in most cases.',
        'use-1': 'yes',
      }),
    });
    expect(res.status, res.text.slice(0, 400)).toBe(303);
    const saved = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    const entry = saved.json.criteria['1.3'];
    const all = [...entry.strengths, ...entry.improvements];
    expect(all).toHaveLength(2);
    expect(all).toContainEqual({ text: 'Edited: the assessment was timely in most cases.', drafted: { question: q0, percent: p0 } });
    const summary = (await call(`/inspections/${id}/summary`, { as: 'staff' })).json;
    for (const f of all) expect(f.drafted.percent).toBe(summary.questions.find((q: { id: string }) => q.id === f.drafted.question).percent);
    // Used drafts leave the list of drafts, and the report prints them.
    const again = await page(`${base()}/1.3`, { cookie: inspector });
    expect(again.text).toContain('Edited: the assessment was timely in most cases.</textarea>');
    expect(again.text).not.toContain(`name="dq-${Object.keys(hiddenOf(shown.text)).filter((k) => k.startsWith('dq-')).length - 1}"`);
    const report = (await call(`/inspections/${id}/report`, { as: 'staff' })).text;
    expect(report).toContain('Edited: the assessment was timely in most cases.');
  });

  it('refuses an empty finding naming it, and a page opened before somebody else saved, storing nothing', async () => {
    const shown = await page(`${base()}/1.4`, { cookie: inspector });
    const hidden = hiddenOf(shown.text);
    const empty = await page(`${base()}/1.4`, { cookie: inspector, ...form({ ...hidden, 'use-0': 'yes', 'text-d-0': '   ' }) });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('There is a problem');
    expect(empty.text).toContain('href="#text-d-0"');
    // Somebody saves another part through the API after the page was opened: it refuses nothing here.
    const before = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    expect(
      (
        await call(`/inspections/${id}/write-up`, {
          method: 'PUT',
          as: 'inspector',
          json: before.json,
          headers: { 'if-match': before.headers.get('etag')! },
        })
      ).status,
    ).toBe(200);
    // Then somebody saves this criterion's findings: the page opened before is refused, naming them.
    const theirs = { strengths: ['Theirs: plans were reviewed.'], improvements: [] };
    const put = await call(`/inspections/${id}/write-up/sections/criterion-1.4`, {
      method: 'PUT',
      as: 'admin',
      json: { expectedVersion: 0, content: theirs },
    });
    expect(put.status, put.text).toBe(200);
    const stale = await page(`${base()}/1.4`, { cookie: inspector, ...form({ ...hidden, ...textareas(shown.text), 'use-0': 'yes' }) });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('An inspector saved 1.4&#39;s findings after you opened this page');
    const after = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    expect(after.json.criteria['1.4']).toEqual(theirs);
  });

  it('marks a used finding whose figure has moved, on its page and in the list', async () => {
    const read = await call(`/inspections/${id}/write-up`, { as: 'inspector' });
    const body = structuredClone(read.json);
    const first = [...body.criteria['1.3'].strengths, ...body.criteria['1.3'].improvements][0];
    first.drafted.percent = (first.drafted.percent + 5) % 101;
    expect(
      (await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', json: body, headers: { 'if-match': read.headers.get('etag')! } }))
        .status,
    ).toBe(200);
    const shown = await page(`${base()}/1.3`, { cookie: staff });
    expect(shown.text).toContain('No longer matches its figure');
    expect(shown.text).toContain(`Written from ${first.drafted.percent}% for question ${first.drafted.question}`);
    const index = await page(base(), { cookie: staff });
    expect(index.text).toMatch(
      /1\.3 [^<]*<\/a><\/th><td[^>]*>[^<]*<\/td><td[^>]*>2<\/td><td[^>]*>\d+<\/td><td[^>]*><strong class="govuk-tag govuk-tag--orange">1<\/strong>/,
    );
  });
});
