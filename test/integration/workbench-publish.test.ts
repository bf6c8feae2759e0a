/**
 * The workbench's write-up, releases, reopening and breakdowns pages through the local
 * server: the form posts go through the same use cases as the JSON routes (a stale form is
 * refused with a clear error and overwrites nothing), and the summary carries the breakdowns
 * in its JSON and CSV.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

const unescapeHtml = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** What a browser would send back of the form: every textarea and input, as shown. */
const fieldsOf = (html: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[unescapeHtml(m[1]!)] = unescapeHtml(m[2]!);
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*>/g)) {
    // A box or a radio is sent only when it is ticked.
    if (m[1] !== 'kind' && (!/type="(checkbox|radio)"/.test(m[0]) || / checked/.test(m[0]))) out[unescapeHtml(m[1]!)] = unescapeHtml(m[2]!);
  }
  return out;
};

describe('the workbench: write-up, releases, breakdowns', () => {
  let id: string;
  let admin: string;
  let inspector: string;
  let staff: string;
  beforeAll(async () => {
    id = await createInspection('Publish pages');
    for (let i = 1; i <= 12; i++) {
      const c = makeCase(i % 3 === 0 ? 'licence' : 'community', i);
      c.profile.ppo = i <= 6;
      c.profile.gender = i % 2 ? 'male' : 'female';
      expect((await call(`/inspections/${id}/cases/P-${i}`, { method: 'PUT', as: 'inspector', json: c })).status).toBe(201);
    }
    const [a, i, s] = await Promise.all([signIn('admin'), signIn('inspector'), signIn('staff')]);
    [admin, inspector, staff] = [a.cookie, i.cookie, s.cookie];
  });

  it("saves the write-up from the form, as the JSON route stores it, keeping a drafted finding's link", async () => {
    // A drafted finding, put through the JSON API.
    const etag = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).headers.get('etag')!;
    const drafted = { text: 'In 75% of cases the plan was reviewed.', drafted: { question: '1.2.1', percent: 75 } };
    expect(
      (
        await call(`/inspections/${id}/write-up`, {
          method: 'PUT',
          as: 'inspector',
          headers: { 'if-match': etag },
          json: { summary: [], criteria: { '1.2': { strengths: [drafted], improvements: [] } }, recommendations: [], goodPractice: [] },
        })
      ).status,
    ).toBe(200);
    const shown = await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toContain('no-store');
    const fields = fieldsOf(shown.text);
    expect(fields['criteria.1.2.strengths']).toBe(drafted.text);
    const posted = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: inspector,
      ...form({
        ...fields,
        csrf: csrfOf(shown.text),
        'summary.1': 'Assessment was mostly timely.',
        'summary.1.cy': 'Roedd asesu yn amserol gan amlaf.',
        'criteria.1.2.strengths': `In 76% of cases the plan was reviewed.\n\nRisk assessments were thorough.`,
        'criteria.1.2.improvements': 'Plans did not always address diversity.',
        'rec.0.text': 'Complete OASys within five working days.',
        'rec.0.criteria': '1.2, 2.2',
        'gp.0.title': 'Victim contact',
        'gp.0.text': 'The VLO called within a day.',
        'gp.0.criteria': '2.5',
      }),
    });
    expect(posted.status, posted.text.slice(0, 500)).toBe(303);
    expect(posted.headers.get('location')).toBe(`/workbench/inspections/${id}/write-up?saved=1`);
    const stored = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(stored.summary).toEqual([{ section: '1', text: 'Assessment was mostly timely.', textCy: 'Roedd asesu yn amserol gan amlaf.' }]);
    // A list of a new length: a finding keeps its link only if its words came back unchanged.
    expect(stored.criteria['1.2'].strengths).toEqual(['In 76% of cases the plan was reviewed.', 'Risk assessments were thorough.']);
    expect(stored.criteria['1.2'].improvements).toEqual(['Plans did not always address diversity.']);
    expect(stored.recommendations).toEqual([
      { id: expect.stringMatching(/^rec-[0-9a-f]{8}$/), text: 'Complete OASys within five working days.', criteria: ['1.2', '2.2'] },
    ]);
    expect(stored.goodPractice).toEqual([{ title: 'Victim contact', text: 'The VLO called within a day.', criteria: ['2.5'] }]);
    const saved = await page(`/workbench/inspections/${id}/write-up?saved=1`, { cookie: staff });
    expect(saved.text).toContain('The write-up has been saved');
    // Staff read it, and have no Save button.
    expect(saved.text).not.toContain('Save the write-up');
  });

  it('keeps the drafted link when the paragraphs stay in place', async () => {
    const etag = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).headers.get('etag')!;
    const body = {
      summary: [],
      criteria: {
        '1.2': { strengths: [{ text: 'In 75% of cases the plan was reviewed.', drafted: { question: '1.2.1', percent: 75 } }], improvements: [] },
      },
      recommendations: [],
      goodPractice: [],
    };
    expect((await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', headers: { 'if-match': etag }, json: body })).status).toBe(
      200,
    );
    const shown = await page(`/workbench/inspections/${id}/write-up`, { cookie: admin });
    const posted = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: admin,
      ...form({ ...fieldsOf(shown.text), csrf: csrfOf(shown.text), 'criteria.1.2.strengths': 'In 77% of cases the plan was reviewed.' }),
    });
    expect(posted.status).toBe(303);
    const stored = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(stored.criteria['1.2'].strengths).toEqual([
      { text: 'In 77% of cases the plan was reviewed.', drafted: { question: '1.2.1', percent: 75 } },
    ]);
  });

  it("keeps a recommendation's id when its words change on the form, so an improvement plan's actions stay attached", async () => {
    const etag = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).headers.get('etag')!;
    const body = { summary: [], criteria: {}, recommendations: [{ id: 'rec-kept', text: 'Plan sentences.', criteria: ['1.5'] }], goodPractice: [] };
    expect((await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', headers: { 'if-match': etag }, json: body })).status).toBe(
      200,
    );
    const shown = await page(`/workbench/inspections/${id}/write-up`, { cookie: admin });
    expect(fieldsOf(shown.text)['rec.0.id']).toBe('rec-kept');
    const posted = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: admin,
      ...form({ ...fieldsOf(shown.text), csrf: csrfOf(shown.text), 'rec.0.text': 'Plan every sentence with the offender.' }),
    });
    expect(posted.status).toBe(303);
    const stored = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(stored.recommendations).toEqual([{ id: 'rec-kept', text: 'Plan every sentence with the offender.', criteria: ['1.5'] }]);
  });

  it("lands two people's saves of different criteria from forms opened at the same time, and says who saved each", async () => {
    const [mine, yours] = await Promise.all([
      page(`/workbench/inspections/${id}/write-up`, { cookie: inspector }),
      page(`/workbench/inspections/${id}/write-up`, { cookie: admin }),
    ]);
    const first = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: inspector,
      ...form({ ...fieldsOf(mine.text), csrf: csrfOf(mine.text), 'criteria.2.1.strengths': 'Inspector: interventions started promptly.' }),
    });
    expect(first.status, first.text.slice(0, 400)).toBe(303);
    const second = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: admin,
      ...form({ ...fieldsOf(yours.text), csrf: csrfOf(yours.text), 'criteria.3.1.improvements': 'Admin: outcomes were rarely measured.' }),
    });
    expect(second.status, second.text.slice(0, 400)).toBe(303);
    const stored = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(stored.criteria['2.1'].strengths).toEqual(['Inspector: interventions started promptly.']);
    expect(stored.criteria['3.1'].improvements).toEqual(['Admin: outcomes were rarely measured.']);
    const shown = await page(`/workbench/inspections/${id}/write-up`, { cookie: staff });
    expect(shown.text).toMatch(/id="criterion-2-1"[^<]*<\/h3>\s*<p class="govuk-body-s[^"]*">Last saved by [^<]+ on /);
  });

  it('refuses a stale section naming who saved it, with their text beside yours, and keeps either as chosen', async () => {
    const shown = await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector });
    const etag = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).headers.get('etag')!;
    const theirs = { summary: [{ section: '2', text: 'Saved by someone else.' }], criteria: {}, recommendations: [], goodPractice: [] };
    expect((await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'admin', headers: { 'if-match': etag }, json: theirs })).status).toBe(200);
    const stale = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: inspector,
      ...form({ ...fieldsOf(shown.text), csrf: csrfOf(shown.text), 'summary.3': 'My late text.' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('govuk-error-summary');
    expect(stale.text).toMatch(/An inspector saved Summary on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d, after you opened this page/);
    expect(stale.text).toContain('My late text.');
    expect(stale.text).toMatch(
      /Their text \(An inspector\): Section 2[^<]*<\/p>\s*<div class="govuk-inset-text"[^>]*><p class="govuk-body">Saved by someone else\.<\/p>/,
    );
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json).toEqual(theirs);
    // Saving again without a choice saves nothing and asks for one.
    const fields: Record<string, string> = { ...fieldsOf(stale.text), csrf: csrfOf(stale.text) };
    delete fields['keep:summary'];
    const unchosen = await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector, ...form(fields) });
    expect(unchosen.status).toBe(400);
    expect(unchosen.text).toContain('href="#keep-summary"');
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json).toEqual(theirs);
    // Theirs kept: nothing of mine lands.
    expect(
      (await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector, ...form({ ...fields, 'keep:summary': 'theirs' }) })).status,
    ).toBe(303);
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json).toEqual(theirs);
    // Mine kept: it replaces theirs, on the version the conflict showed.
    expect((await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector, ...form({ ...fields, 'keep:summary': 'mine' }) })).status).toBe(
      303,
    );
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.summary).toEqual([{ section: '3', text: 'My late text.' }]);
  });

  it('names each bad field: an unknown criterion, too long a text, more Welsh than English', async () => {
    const shown = await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector });
    const bad = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: inspector,
      ...form({
        ...fieldsOf(shown.text),
        csrf: csrfOf(shown.text),
        'rec.0.text': 'A recommendation.',
        'rec.0.criteria': '1.9',
        'summary.4': 'x'.repeat(4001),
        'criteria.2.1.strengths': 'One.',
        'criteria.2.1.strengths.cy': 'Un.\n\nDau.',
        'criteria.2.2.strengths': 'One.',
        'criteria.2.2.strengths.cy': 'y'.repeat(20_000),
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#summary-4"');
    expect(bad.text).toContain('href="#criteria-2-1-strengths-cy"');
    // A Welsh text the schema refuses is named by its own box, not the English one beside it.
    expect(bad.text).toContain('href="#criteria-2-2-strengths-cy"');
    // Every link of the error summary lands on an element of the page.
    const summary = bad.text.slice(bad.text.indexOf('govuk-error-summary'), bad.text.indexOf('</ul>', bad.text.indexOf('govuk-error-summary')));
    for (const [, target] of summary.matchAll(/href="#([^"]+)"/g)) expect(bad.text, target).toContain(`id="${target}"`);
    const again = await page(`/workbench/inspections/${id}/write-up`, {
      cookie: inspector,
      ...form({ ...fieldsOf(shown.text), csrf: csrfOf(shown.text), 'rec.0.text': 'A recommendation.', 'rec.0.criteria': '1.9' }),
    });
    expect(again.status).toBe(400);
    expect(again.text).toContain('href="#rec-0-criteria"');
    expect(again.text).toContain('No criterion 1.9');
  });

  it('shows the breakdowns, with [c] for small groups, and the diversity view; the summary JSON and CSV carry them', async () => {
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    const summary = (await call(`/inspections/${id}/summary`, { as: 'staff' })).json;
    const ppo = summary.breakdowns.find((b: { by: string }) => b.by === 'ppo');
    expect(ppo.groups.map((g: { value: string; cases: number }) => [g.value, g.cases])).toEqual([
      ['yes', 6],
      ['no', 6],
      ['not-recorded', 0],
    ]);
    const custody = summary.breakdowns.find((b: { by: string }) => b.by === 'caseType').groups.find((g: { value: string }) => g.value === 'custody');
    expect(Object.values(custody.criteria).every((v) => v === '[c]')).toBe(true);
    const csv = (await call(`/inspections/${id}/summary?format=csv`, { as: 'staff' })).text;
    expect(csv).toContain('breakdown,ppo:yes,yes,cases,6');
    expect(csv).toMatch(/breakdown,caseType:custody,custody,percent:1\.1,\[c\]/);
    const shown = await page(`/workbench/inspections/${id}/breakdowns`, { cookie: staff });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('id="diversity"');
    expect(shown.text).toContain('Criterion 2.7');
    expect(shown.text).toContain('PPO (6)');
  });

  it('makes, lists and opens releases; a final closes; an admin reopens', async () => {
    const shown = await page(`/workbench/inspections/${id}/releases`, { cookie: admin });
    expect(shown.text).toContain('No release has been made yet.');
    // A final release needs the area's name typed; nothing is chosen for the admin.
    expect(shown.text).not.toMatch(/name="kind"[^>]*checked/);
    const unconfirmed = await page(`/workbench/inspections/${id}/releases`, {
      cookie: admin,
      ...form({ csrf: csrfOf(shown.text), kind: 'final', confirmArea: 'publish pages' }),
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain('The name typed is not Publish pages');
    expect((await call(`/inspections/${id}/releases`, { as: 'staff' })).json.releases).toEqual([]);
    const made = await page(`/workbench/inspections/${id}/releases`, {
      cookie: admin,
      ...form({ csrf: csrfOf(shown.text), kind: 'final', confirmArea: 'Publish pages' }),
    });
    expect(made.status).toBe(303);
    const listed = await page(made.headers.get('location')!, { cookie: admin });
    expect(listed.text).toContain('The release has been made');
    expect(listed.text).toContain('Reopen the inspection');
    const reportHref = /href="([^"]+\/report)"/.exec(listed.text)![1]!;
    const report = await page(reportHref, { cookie: staff });
    expect(report.status).toBe(200);
    expect((await page(reportHref, { cookie: staff })).text).toBe(report.text);
    expect(report.text).toContain(`${reportHref.replace(/\/report$/, '')}/summary.csv`);
    expect((await page(`${reportHref.replace(/\/report$/, '')}/summary.json`, { cookie: staff })).status).toBe(200);
    // A report link to the release, from its row: it opens the frozen bytes.
    const linkPage = await page(`/workbench/inspections/${id}/report-links`, {
      cookie: admin,
      ...form({ csrf: csrfOf(listed.text), hours: '24', releaseId: /name="releaseId" value="([^"]+)"/.exec(listed.text)![1]! }),
    });
    expect(linkPage.status).toBe(201);
    const url = /id="made-link"[^>]*value="([^"]+)"/.exec(linkPage.text)![1]!;
    // A report link adds the annex's line to the contents (a plan not received yet); the rest is the same frozen bytes.
    expect((await call(new URL(url).pathname)).text.replace(/<li id="annex-contents">[^\n]*<\/li>/, '')).toBe(
      (await page(reportHref, { cookie: staff })).text.replace(
        /\/workbench\/inspections\/[^"]+\/summary\.(json|csv)/g,
        (_m, ext: string) => `${new URL(url).pathname}/summary.${ext}`,
      ),
    );
    // A second final: a clear error on the page.
    const again = await page(`/workbench/inspections/${id}/releases`, {
      cookie: admin,
      ...form({ csrf: csrfOf(shown.text), kind: 'final', confirmArea: 'Publish pages' }),
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('govuk-error-summary');
    // In plain words: no route and no inspection id on the page.
    expect(again.text).toContain('An admin can reopen it');
    expect(again.text).not.toContain('/reopen)');
    expect(again.text).not.toContain(`Inspection ${id}`);
    // Missing kind.
    expect((await page(`/workbench/inspections/${id}/releases`, { cookie: admin, ...form({ csrf: csrfOf(shown.text) }) })).status).toBe(400);
    // The write-up form is read only now.
    expect((await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector })).text).not.toContain('Save the write-up');
    const reopened = await page(`/workbench/inspections/${id}/reopen`, { cookie: admin, ...form({ csrf: csrfOf(shown.text) }) });
    expect(reopened.status).toBe(303);
    expect((await call(`/inspections/${id}`, { as: 'staff' })).json.status).toBe('open');
    expect((await page(`/workbench/inspections/${id}/releases`, { cookie: staff })).text).not.toContain('Make the release');
  });
});
