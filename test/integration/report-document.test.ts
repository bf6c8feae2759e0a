/**
 * The whole document (issue 28): the cover with a publication month the inspectorate sets,
 * the foreword, acknowledgements, inspection team and abbreviations as authored parts of the
 * write-up, the next-steps decision as the inspectorate records it, and no internal ids in
 * what is published, through the real local server, in English and Welsh.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCasesCsv } from '#infra/local/demo-data';
import { kentDemoWriteUp } from '#infra/local/demo-write-up';
import { call } from '#support/api';
import { bank, createInspection, kentSample } from '#support/fixtures';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

let id: string;
const pages: Record<string, string> = {};

beforeAll(async () => {
  id = await createInspection('Document (test)');
  const csv = demoCasesCsv(
    kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
    bank(),
  );
  expect((await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
  const before = await call(`/inspections/${id}/write-up`, { as: 'inspector' });
  const writeUp = {
    ...kentDemoWriteUp,
    foreword: {
      ...kentDemoWriteUp.foreword!,
      paragraphs: [
        { text: kentDemoWriteUp.foreword!.paragraphs[0]!.text, textCy: 'Rhagair yn Gymraeg.' },
        ...kentDemoWriteUp.foreword!.paragraphs.slice(1),
      ],
    },
    nextSteps: { decision: 'further-inspection' as const, text: { text: 'The decision was taken at the inspectorate’s moderation meeting.' } },
  };
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    json: writeUp,
    headers: { 'if-match': before.headers.get('etag')! },
  });
  expect(put.status, put.text).toBe(200);
  // A stale ETag is still refused: the new parts change nothing in how the write-up is replaced.
  const stale = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    json: writeUp,
    headers: { 'if-match': before.headers.get('etag')! },
  });
  expect(stale.status).toBe(412);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
  const release = await call(`/inspections/${id}/releases`, { method: 'POST', as: 'admin', json: { kind: 'factual-accuracy' } });
  expect(release.status, release.text).toBe(201);
  const link = new URL((await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'staff' })).json.url).pathname;
  const r = `/inspections/${id}/releases/${release.json.releaseId}/report`;
  for (const [name, path, as] of [
    ['staff', `/inspections/${id}/report`, 'staff'],
    ['link', link, undefined],
    ['release', r, 'staff'],
    ['releaseCy', `${r}?lang=cy`, 'staff'],
  ] as const) {
    const res = await call(path, as ? { as } : {});
    expect(res.status, name).toBe(200);
    pages[name] = res.text;
  }
}, 120_000);

describe('the published report is the whole document', () => {
  it('has a cover with the area, the inspection dates and the month the inspectorate set, not the day of the release', () => {
    const text = textOf(pages.release!);
    expect(text).toContain('Published February 2008');
    expect(text).toContain('5 to 9 November 2007');
    expect(text).not.toContain(`Published ${new Date().getUTCDate()}`);
    expect(textOf(pages.releaseCy!)).toMatch(/Cyhoeddwyd Chwefror 2008/);
  });

  it('carries the foreword, acknowledgements, inspection team and abbreviations in the seed’s words, Welsh where written', () => {
    const text = textOf(pages.release!);
    expect(text).toContain('Kent Probation Area had approached the implementation of offender management');
    expect(text).toContain('Andrew Bridges, HM Chief Inspector of Probation');
    expect(text).toContain('We would like to express our thanks to the Kent Probation Board');
    expect(text).toContain('HM Inspectors Lisa Cox, Melva Burton, Les Smith, Steve Woodgate');
    expect(text).toMatch(/MAPPA Multi-Agency Public Protection Arrangements/);
    const cy = pages.releaseCy!;
    expect(cy).toContain('Rhagair yn Gymraeg.');
    expect(cy).toMatch(/<span lang="en"(?: id="untranslated-\d+")?>Greater attention was needed/);
  });

  it('shows no internal id to the public (the question bank version is for staff)', () => {
    for (const name of ['link', 'release', 'releaseCy']) expect(pages[name], name).not.toContain('omi-2008.1');
    expect(pages.staff).toContain('omi-2008.1');
  });

  it('states the next-steps decision the inspectorate recorded, beside the Risk of Harm thread and the section scores', () => {
    const text = textOf(pages.release!);
    expect(text).toMatch(
      /The decision is the inspectorate’s, taken beside the figures: the Risk of Harm thread \d+%; section 1 \d+%, section 2 \d+%, section 3 \d+%\./,
    );
    expect(text).toContain('HMI Probation will carry out a further focused inspection of Risk of Harm work in Document (test)');
    expect(text).toContain('The decision was taken at the inspectorate’s moderation meeting.');
  });

  it('says how many sentencers replied without inventing how many were sent', () => {
    const text = textOf(pages.release!);
    expect(text).not.toMatch(/questionnaires sent to sentencers were returned/);
    expect(text).toContain('No questionnaires were returned by sentencers.');
  });
});
