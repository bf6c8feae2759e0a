/**
 * Issue 24 (contract, "An inspection's life cycle"), through the local server:
 * - a case is finished when every question its type takes has an answer; an unanswered
 *   question stays unanswered (never na), and unfinished cases stay out of the figures,
 *   counted as sample.unfinished; GET .../cases says finished per case; the pages show it;
 * - a final release needs its checks: 409 not-ready naming what is missing, unless confirmed
 *   with the area's name; a ready inspection needs no confirmation;
 * - the releases page: the check first, nothing chosen, a second factual-accuracy release
 *   with nothing changed refused with a link to the first;
 * - closed means read-only: every form shown read only with a plain explanation; a post that
 *   still arrives keeps what was typed (409) and names no route and no id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { useTestTable } from '#support/direct';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { completeTheReport, settle } from '#support/ready-report';
import { csrfOf, form, page, signIn } from '#support/workbench';

const b = bank();
/** The questions a case type takes, in bank order. */
const takes = (caseType: 'community' | 'licence' | 'custody') => b.questions.filter((q) => q.appliesTo.includes(caseType)).map((q) => q.id);
/** What a person reads on a page: tags dropped. */
const visibleText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A finished case with its last question the case type takes left out: unfinished. */
function unfinishedCase(seed: number) {
  const c = makeCase('community', seed);
  const last = takes('community').at(-1)!;
  const { [last]: _dropped, ...answers } = c.answers;
  return { input: { ...c, answers }, left: last };
}

describe('finished cases', () => {
  let id = '';
  beforeAll(async () => {
    id = await createInspection('Finished cases');
  });

  it('an unanswered question stays unanswered (never na); GET .../cases says finished per case', async () => {
    const { input, left } = unfinishedCase(3);
    expect((await call(`/inspections/${id}/cases/F-1`, { method: 'PUT', as: 'inspector', json: input })).status).toBe(201);
    expect((await call(`/inspections/${id}/cases/F-2`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 4) })).status).toBe(201);
    const one = (await call(`/inspections/${id}/cases/F-1`, { as: 'staff' })).json;
    expect(one.answers[left]).toBeUndefined();
    expect(one.finished).toBe(false);
    const list = (await call(`/inspections/${id}/cases`, { as: 'staff' })).json.cases;
    expect(list.map((c: { caseRef: string; finished: boolean }) => [c.caseRef, c.finished])).toEqual([
      ['F-1', false],
      ['F-2', true],
    ]);
    // na is an answer: the same case with its last question not relevant is finished.
    expect(
      (
        await call(`/inspections/${id}/cases/F-1`, {
          method: 'PUT',
          as: 'inspector',
          json: { ...input, answers: { ...input.answers, [left]: 'na' } },
        })
      ).status,
    ).toBe(200);
    expect((await call(`/inspections/${id}/cases/F-1`, { as: 'staff' })).json.finished).toBe(true);
    expect((await call(`/inspections/${id}/cases/F-1`, { method: 'PUT', as: 'inspector', json: input })).status).toBe(200);
  });

  it('leaves unfinished cases out of the figures and counts them as sample.unfinished', async () => {
    const summary = (await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).json;
    expect(summary.sample.cases).toBe(1);
    expect(summary.sample.unfinished).toBe(1);
    expect(summary.sample.byCaseType).toMatchObject({ community: 0, licence: 1 });
    // The oracle: the figures of the finished case alone, as an inspection of only that case computes them.
    const alone = await createInspection('Finished cases, alone');
    expect((await call(`/inspections/${alone}/cases/F-2`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 4) })).status).toBe(201);
    const expected = (await call(`/inspections/${alone}/aggregate`, { method: 'POST', as: 'staff' })).json;
    expect(summary.questions).toEqual(expected.questions);
    expect(summary.criteria.map((c: { percent: number | null }) => c.percent)).toEqual(
      expected.criteria.map((c: { percent: number | null }) => c.percent),
    );
    expect(expected.sample.unfinished).toBe(0);
    const csv = (await call(`/inspections/${id}/summary?format=csv`, { as: 'staff' })).text;
    expect(csv).toContain('sample,unfinished,unfinished,cases,1');
  });

  it('a CSV row with a blank answer imports as unfinished', async () => {
    const ids = b.questions.map((q) => q.id);
    const full = makeCase('custody', 9);
    const row = (ref: string, blank?: string) => [ref, 'custody', ...ids.map((q) => (q === blank ? '' : (full.answers[q] ?? '')))].join(',');
    const csv = [['caseRef', 'caseType', ...ids].join(','), row('C-1'), row('C-2', takes('custody')[0])].join('\r\n');
    const imported = await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status, imported.text).toBe(200);
    const list = (await call(`/inspections/${id}/cases`, { as: 'staff' })).json.cases;
    expect(list.find((c: { caseRef: string }) => c.caseRef === 'C-1').finished).toBe(true);
    expect(list.find((c: { caseRef: string }) => c.caseRef === 'C-2').finished).toBe(false);
  });

  it('the case form saves a blank question as unanswered; the list, its filter, the form and the dashboard show unfinished', async () => {
    const { cookie } = await signIn('inspector');
    const shown = await page(`/workbench/inspections/${id}/cases/new?caseType=custody`, { cookie });
    const fields: Record<string, string> = {
      csrf: csrfOf(shown.text),
      owner: /name="owner" value="([^"]*)"/.exec(shown.text)![1]!,
      version: '0',
      renderedFor: 'custody',
      caseType: 'custody',
      caseRef: 'W-1',
    };
    const questions = takes('custody');
    // Every question answered but the first, left blank.
    for (const q of questions.slice(1)) fields[`q-${q}`] = 'yes';
    const saved = await page(`/workbench/inspections/${id}/cases/new`, { cookie, ...form(fields) });
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
    const stored = (await call(`/inspections/${id}/cases/W-1`, { as: 'staff' })).json;
    expect(stored.answers[questions[0]!]).toBeUndefined();
    expect(stored.finished).toBe(false);
    const caseForm = await page(`/workbench/inspections/${id}/cases/W-1`, { cookie });
    expect(visibleText(caseForm.text)).toContain('Unfinished 1 question is unanswered');
    const listed = await page(`/workbench/inspections/${id}/cases?show=unfinished`, { cookie });
    expect(listed.text).toContain('>W-1<');
    expect(listed.text).toContain('>F-1<');
    expect(listed.text).not.toContain('>F-2<');
    expect((await page(`/workbench/inspections/${id}/cases`, { cookie })).text).toContain('>F-2<');
    const dashboard = await page(`/workbench/inspections/${id}`, { cookie });
    expect(visibleText(dashboard.text)).toContain('3 cases are unfinished');
  });
});

describe('a final release needs its checks', () => {
  it('409 not-ready naming what is missing; a wrong name does not confirm; the exact name publishes despite them', async () => {
    const id = await createInspection('Not ready');
    const { input } = unfinishedCase(5);
    expect((await call(`/inspections/${id}/cases/N-1`, { method: 'PUT', as: 'inspector', json: input })).status).toBe(201);
    expect((await call(`/inspections/${id}/cases/N-2`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 6) })).status).toBe(201);
    expect((await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 2 } })).status).toBe(201);
    const refused = expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } }), 409);
    expect(refused.type).toBe('urn:omi:problem:not-ready');
    const paths = refused.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['unfinished-cases', 'grades', 'conclusions', 'placeholders', 'open-questionnaires']));
    const messageOf = (path: string) => refused.errors.find((e: { path: string }) => e.path === path)?.message;
    expect(messageOf('unfinished-cases')).toContain('N-1');
    expect(messageOf('open-questionnaires')).toMatch(/^2 questionnaires/);
    // Nothing happened: still open, no release.
    expect((await call(`/inspections/${id}`, { as: 'staff' })).json.status).toBe('open');
    const wrong = expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'not ready' } }), 409);
    expect(wrong.errors.map((e: { path: string }) => e.path)).toContain('confirm');
    expect((await call(`/inspections/${id}/releases`, { as: 'staff' })).json.releases).toEqual([]);
    // A factual-accuracy release needs no check.
    expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' } })).status).toBe(201);
    const confirmed = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Not ready' } });
    expect(confirmed.status, confirmed.text).toBe(201);
    expect((await call(`/inspections/${id}`, { as: 'staff' })).json.status).toBe('closed');
  });

  it('figures older than the last change are missing too; a ready inspection publishes with no confirmation', async () => {
    const id = await createInspection('Ready');
    for (let i = 1; i <= 3; i++)
      expect((await call(`/inspections/${id}/cases/R-${i}`, { method: 'PUT', as: 'inspector', json: makeCase('community', 20 + i) })).status).toBe(
        201,
      );
    await completeTheReport(id);
    // Open questionnaires are shown by the check, but are not in the contract's list: they do not stop the release.
    expect((await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'sentencer', language: 'en', count: 1 } })).status).toBe(
      201,
    );
    // Wait for the stream's mark of the last write: the figures are then older than it.
    useTestTable();
    const { staleMarkerOf } = await import('#store/inspections');
    const deadline = Date.now() + 20_000;
    while (!(await staleMarkerOf(id))) {
      if (Date.now() > deadline) throw new Error('the stream did not mark the inspection within 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const stale = expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } }), 409);
    expect(stale.errors.map((e: { path: string }) => e.path)).toEqual(['stale-figures', 'open-questionnaires']);
    await settle(id);
    const made = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } });
    expect(made.status, made.text).toBe(201);
  });
});

describe('the releases page', () => {
  it('shows the check first with nothing chosen; refuses a second factual-accuracy release with nothing changed, linking to the first', async () => {
    const id = await createInspection('Release page');
    expect((await call(`/inspections/${id}/cases/P-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 31) })).status).toBe(201);
    await settle(id);
    const { cookie } = await signIn('admin');
    const shown = await page(`/workbench/inspections/${id}/releases`, { cookie });
    const text = visibleText(shown.text);
    expect(text.indexOf('Check before a final release')).toBeGreaterThan(-1);
    expect(text.indexOf('Check before a final release')).toBeLessThan(text.indexOf('Make a release'));
    expect(text).toContain('Leadership grades');
    expect(text).toContain('Write-up not written yet');
    expect(shown.text).not.toMatch(/type="radio"[^>]*checked/);
    const csrf = csrfOf(shown.text);
    const first = await page(`/workbench/inspections/${id}/releases`, { cookie, ...form({ csrf, kind: 'factual-accuracy' }) });
    expect(first.status).toBe(303);
    const releaseId = /made=([^&]+)/.exec(first.headers.get('location')!)![1]!;
    const second = await page(`/workbench/inspections/${id}/releases`, { cookie, ...form({ csrf, kind: 'factual-accuracy' }) });
    expect(second.status).toBe(409);
    expect(second.text).toContain(`href="/workbench/inspections/${id}/releases/${decodeURIComponent(releaseId)}/report"`);
    expect(visibleText(second.text)).toContain('Nothing has changed since the release of');
    expect((await call(`/inspections/${id}/releases`, { as: 'staff' })).json.releases).toHaveLength(1);
    // Once something changes, another is made.
    expect((await call(`/inspections/${id}/cases/P-2`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 32) })).status).toBe(201);
    await settle(id);
    expect((await page(`/workbench/inspections/${id}/releases`, { cookie, ...form({ csrf, kind: 'factual-accuracy' }) })).status).toBe(303);
    expect((await call(`/inspections/${id}/releases`, { as: 'staff' })).json.releases).toHaveLength(2);
  });
});

describe('closed means read-only', () => {
  let id = '';
  let inspector = '';
  let admin = '';
  beforeAll(async () => {
    id = await createInspection('Closed forms');
    expect((await call(`/inspections/${id}/cases/K-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 41) })).status).toBe(201);
    inspector = (await signIn('inspector')).cookie;
    admin = (await signIn('admin')).cookie;
  });

  /** No route and no inspection id in what a person reads; who can reopen it is said. */
  const plain = (html: string) => {
    const text = visibleText(html);
    expect(text).not.toMatch(/(?:GET|POST|PUT|DELETE) \//);
    expect(text).not.toContain(id);
    return text;
  };

  it('a post that arrives after the close keeps what was typed, says so plainly, and saves nothing', async () => {
    // Forms opened while open.
    const caseForm = await page(`/workbench/inspections/${id}/cases/K-1`, { cookie: inspector });
    const gradeForm = await page(`/workbench/inspections/${id}/grades/4.1`, { cookie: inspector });
    const writeUp = await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector });
    expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Closed forms' } })).status).toBe(201);

    const first = takes('community')[0]!;
    const stored = (await call(`/inspections/${id}/cases/K-1`, { as: 'staff' })).json;
    const changed = stored.answers[first] === 'no' ? 'yes' : 'no';
    const fields: Record<string, string> = {
      csrf: csrfOf(caseForm.text),
      owner: /name="owner" value="([^"]*)"/.exec(caseForm.text)![1]!,
      version: String(stored.version),
      renderedFor: 'community',
      caseType: 'community',
    };
    for (const [q, a] of Object.entries(stored.answers as Record<string, string>)) fields[`q-${q}`] = a;
    fields[`q-${first}`] = changed;
    const posted = await page(`/workbench/inspections/${id}/cases/K-1`, { cookie: inspector, ...form(fields) });
    expect(posted.status).toBe(409);
    expect(plain(posted.text)).toContain('This inspection is closed');
    expect(posted.text).toContain('An admin can reopen it');
    // What was typed is on the page, read only, as text rather than greyed-out inputs; nothing was saved.
    expect(posted.text).not.toMatch(/<input[^>]+type="radio"/);
    expect(posted.text).toMatch(
      new RegExp(
        `${first.replaceAll('.', '\\.')}</span>[^<]*<span[^>]*>[^<]*</span></dt><dd class="govuk-summary-list__value">${changed === 'yes' ? 'Yes' : 'No'}</dd>`,
      ),
    );
    expect(posted.text).not.toContain('Save case');
    expect((await call(`/inspections/${id}/cases/K-1`, { as: 'staff' })).json.answers[first]).toBe(stored.answers[first]);

    const grade = await page(`/workbench/inspections/${id}/grades/4.1`, {
      cookie: inspector,
      ...form({ csrf: csrfOf(gradeForm.text), grade: 'well-met', strengths: 'Typed before the close', improvements: '' }),
    });
    expect(grade.status).toBe(409);
    expect(plain(grade.text)).toContain('An admin can reopen it');
    expect(grade.text).toContain('Typed before the close');
    expect(grade.text).not.toContain('Save grade');

    const words = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: inspector,
      ...form({ csrf: csrfOf(writeUp.text), etag: /name="etag" value="([^"]*)"/.exec(writeUp.text)![1]!, 'summary.1': 'Written before the close' }),
    });
    expect(words.status).toBe(409);
    expect(plain(words.text)).toContain('An admin can reopen it');
    expect(words.text).toContain('Written before the close');
  });

  it('every form of a closed inspection is shown read only, with the plain explanation', async () => {
    const pages = {
      case: `/workbench/inspections/${id}/cases/K-1`,
      'new case': `/workbench/inspections/${id}/cases/new?caseType=community`,
      grade: `/workbench/inspections/${id}/grades/4.2`,
      conclusion: `/workbench/inspections/${id}/grades/1.1`,
      findings: `/workbench/inspections/${id}/findings/1.1`,
      'write-up': `/workbench/inspections/${id}/write-up`,
      upload: `/workbench/inspections/${id}`,
      'paper returns': `/workbench/inspections/${id}/paper-returns`,
    };
    for (const [what, path] of Object.entries(pages)) {
      const shown = await page(path, { cookie: admin });
      expect(shown.status, what).toBe(200);
      expect(shown.text, what).toContain('id="closed-notice"');
      expect(plain(shown.text), what).toContain('This inspection is closed');
      expect(shown.text, what).not.toMatch(/<button type="submit" class="govuk-button" data-module="govuk-button">(Save|Upload|Continue)/);
    }
    const upload = new FormData();
    upload.set('csrf', csrfOf((await page(pages.upload, { cookie: admin })).text));
    upload.set('file', new Blob(['caseRef,caseType\r\nW-1,community\r\n'], { type: 'text/csv' }), 'cases.csv');
    const refused = await page(`/workbench/inspections/${id}/cases`, { cookie: admin, body: upload });
    expect(refused.status).toBe(409);
    expect(plain(refused.text)).toContain('An admin can reopen it');
  });
});
