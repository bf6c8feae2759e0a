/**
 * The offender manager interviews uploaded as a CSV on the interviews page (issue 27, item 2):
 * one row per sample case, caseRef then one column per interview question; the form's words
 * (Yes, No, Not relevant) or the codes; every problem named by row and column in plain words;
 * all or nothing. The oracle: the same answers sent one case at a time through the JSON route
 * to a twin inspection give the same interview figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { csrfOf, page, signIn } from '#support/workbench';

let inspector: string;
let staff: string;
let uploaded: string;
let twin: string;
const CASES = 6;

beforeAll(async () => {
  inspector = (await signIn('inspector')).cookie;
  staff = (await signIn('staff')).cookie;
  [uploaded, twin] = await Promise.all([createInspection('Interviews upload'), createInspection('Interviews by JSON')]);
  for (const id of [uploaded, twin]) {
    for (let i = 1; i <= CASES; i++)
      expect((await call(`/inspections/${id}/cases/IU-${i}`, { method: 'PUT', as: 'inspector', json: makeCase('community', i) })).status).toBe(201);
  }
});

const interviewsUrl = (id: string) => `/workbench/inspections/${id}/interviews`;

async function upload(id: string, csv: string) {
  const opened = await page(interviewsUrl(id), { cookie: inspector });
  const body = new FormData();
  body.set('csrf', csrfOf(opened.text));
  body.set('file', new Blob([csv], { type: 'text/csv' }), 'interviews.csv');
  return page(interviewsUrl(id), { cookie: inspector, body });
}

const summaryOf = async (id: string) => (await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).json;
const summaryItems = (html: string) => [...html.matchAll(/<li><a href="#file">([^<]*)<\/a><\/li>/g)].map((m) => m[1]!.replaceAll('&quot;', '"'));

describe('the interviews upload', () => {
  it('lists every problem by row and column in plain words, and saves nothing', async () => {
    const csv = [
      'caseRef,om.informed,om.role,om.appraisal',
      'IU-1,yes,maybe,No',
      'IU-2,Yes,no,',
      'IU-1,no,no,no',
      'NOPE-9,yes,yes,yes',
      'IU-3,sometimes,yes',
    ].join('\n');
    const refused = await upload(uploaded, csv);
    expect(refused.status).toBe(400);
    expect(summaryItems(refused.text)).toEqual([
      'The file has 3 problems: no interview was saved.',
      'Row 2, column om.role: "maybe" is not an answer: use yes, no or not relevant (na), or leave it empty',
      'Row 4, column caseRef: case IU-1 is also on row 2: use one row per case',
      'Row 6 has 3 columns; the header has 4',
    ]);
    // The rows themselves good, a case that is not in the sample is named by its row too.
    const notInSample = await upload(uploaded, 'caseRef,om.informed\nIU-1,yes\nNOPE-9,no\n');
    expect(notInSample.status).toBe(400);
    expect(summaryItems(notInSample.text)).toEqual([
      'The file has 1 problem: no interview was saved.',
      'Row 3, column caseRef: case NOPE-9 is not in the sample: enter the case before its interview',
    ]);
    const header = await upload(uploaded, 'case,om.informed,om.nope\nIU-1,yes,no\n');
    expect(summaryItems(header.text)).toEqual([
      'The file has 3 problems: no interview was saved.',
      expect.stringContaining('Column 1 of the header, "case", is not caseRef or a question of interview set interviews-2008.1'),
      expect.stringContaining('Column 3 of the header, "om.nope"'),
      'The caseRef column is missing: each row needs the case it is for',
    ]);
    expect((await summaryOf(uploaded)).interviews.count).toBe(0);
    expect((await page(interviewsUrl(uploaded), { cookie: inspector })).text).toMatch(/<strong>0 of 6<\/strong>/);
  });

  it('saves every row through the JSON route’s use case: the same figures as the same answers sent by the JSON route', async () => {
    const answers: Record<string, string>[] = Array.from({ length: CASES }, (_, i) => ({
      'om.informed': i < 4 ? 'yes' : 'no',
      'om.appraisal': i < 3 ? 'yes' : 'no',
      'om.appraisal-linked': i < 2 ? 'yes' : i < 3 ? 'no' : 'na',
      ...(i % 2 ? { 'om.role': 'yes' } : {}),
    }));
    const words: Record<string, string> = { yes: 'Yes', no: 'no', na: 'Not relevant' };
    const columns = ['om.informed', 'om.role', 'om.appraisal', 'om.appraisal-linked'];
    const csv = [
      `caseRef,${columns.join(',')}`,
      ...answers.map((a, i) => [`IU-${i + 1}`, ...columns.map((c) => (a[c] ? words[a[c]!] : ''))].join(',')),
    ].join('\r\n');
    const done = await upload(uploaded, csv);
    expect(done.status, done.text.slice(0, 400)).toBe(303);
    const shown = await page(done.headers.get('location')!, { cookie: inspector });
    expect(shown.text).toContain('6 interviews uploaded');
    expect(shown.text).toMatch(/<strong>6 of 6<\/strong>/);
    for (let i = 0; i < CASES; i++) {
      expect(
        (await call(`/inspections/${twin}/interviews/IU-${i + 1}`, { method: 'PUT', as: 'inspector', json: { answers: answers[i] } })).status,
      ).toBe(201);
    }
    const [byUpload, byJson] = await Promise.all([summaryOf(uploaded), summaryOf(twin)]);
    expect(byUpload.interviews.count).toBe(6);
    expect(byUpload.interviews).toEqual(byJson.interviews);
    // The same file again replaces the same interviews: nothing is counted twice.
    expect((await upload(uploaded, csv)).status).toBe(303);
    expect((await summaryOf(uploaded)).interviews).toEqual(byJson.interviews);
    // Staff read the list; the upload is not offered to them.
    const read = await page(interviewsUrl(uploaded), { cookie: staff });
    expect(read.text).not.toContain('type="file"');
  });

  it('is refused once the inspection is closed (409, nothing saved), and no longer offered', async () => {
    const before = (await summaryOf(uploaded)).interviews;
    const opened = await page(interviewsUrl(uploaded), { cookie: inspector });
    expect((await call(`/inspections/${uploaded}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Interviews upload' } })).status).toBe(
      201,
    );
    const body = new FormData();
    body.set('csrf', csrfOf(opened.text));
    body.set('file', new Blob(['caseRef,om.informed\nIU-1,no\n'], { type: 'text/csv' }), 'interviews.csv');
    const refused = await page(interviewsUrl(uploaded), { cookie: inspector, body });
    expect(refused.status).toBe(409);
    expect(summaryItems(refused.text)[0]).toContain('This inspection is closed');
    expect(refused.text).not.toContain('type="file"');
    expect((await call(`/inspections/${uploaded}/summary`, { as: 'staff' })).json.interviews).toEqual(before);
  });
});
