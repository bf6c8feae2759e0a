/**
 * The evidence pages through the real local server, signed in (issue 27): interviews entered
 * by page count in the summary as the JSON route's do; second marking is blind and refused to
 * the first marker; a moderator's agreed judgement lands on the case with its note; the
 * caseload form and the performance figures upload; a closed inspection's forms are read only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

let id: string;
let inspector: string;
let admin: string;
let staff: string;
const base = () => `/workbench/inspections/${id}`;
const fieldOf = (prefix: string, questionId: string) => `${prefix}-${questionId.replaceAll('.', '-')}`;

beforeAll(async () => {
  id = await createInspection('Evidence pages');
  inspector = (await signIn('inspector')).cookie;
  admin = (await signIn('admin')).cookie;
  staff = (await signIn('staff')).cookie;
  for (let i = 1; i <= 3; i++)
    expect((await call(`/inspections/${id}/cases/EV-${i}`, { method: 'PUT', as: 'inspector', json: makeCase('community', i) })).status).toBe(201);
});

async function postForm(path: string, cookie: string, fields: Record<string, string>) {
  const csrf = csrfOf((await page(path, { cookie })).text);
  return page(path, { cookie, ...form({ csrf, ...fields }) });
}

describe('offender manager interviews', () => {
  it("lists the sample with progress, saves an interview through the JSON route's use case, and counts it in the summary", async () => {
    const list = await page(`${base()}/interviews`, { cookie: inspector });
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/<strong>0 of 3<\/strong>/);
    const questions = (await call('/question-bank', { as: 'inspector' })).json.interviewQuestions.questions as { id: string }[];
    const [q1, q2] = questions;
    const saved = await postForm(`${base()}/interviews/EV-1`, inspector, { [`i-${q1!.id}`]: 'yes', [`i-${q2!.id}`]: 'no' });
    expect(saved.status, saved.text.slice(0, 500)).toBe(303);
    expect((await page(saved.headers.get('location')!, { cookie: inspector })).text).toMatch(/<strong>1 of 3<\/strong>/);
    const again = await page(`${base()}/interviews/EV-1`, { cookie: inspector });
    expect(again.text).toMatch(new RegExp(`id="${fieldOf('i', q1!.id)}" name="i-${q1!.id}" type="radio" value="yes" checked`));
    const summary = (await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).json;
    expect(summary.interviews.count).toBe(1);
    expect(summary.interviews.questions.find((q: { id: string }) => q.id === q1!.id)).toMatchObject({ answered: 1, positive: 1 });
  });

  it('shows a bad answer on the page with the question named, and stores nothing', async () => {
    const questions = (await call('/question-bank', { as: 'inspector' })).json.interviewQuestions.questions as { id: string }[];
    const bad = await postForm(`${base()}/interviews/EV-2`, inspector, { [`i-${questions[0]!.id}`]: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('govuk-error-summary');
    expect(bad.text).toContain(`href="#${fieldOf('i', questions[0]!.id)}"`);
    expect((await page(`${base()}/interviews`, { cookie: inspector })).text).toMatch(/<strong>1 of 3<\/strong>/);
  });

  it('is read only for staff, who cannot post', async () => {
    const view = await page(`${base()}/interviews/EV-1`, { cookie: staff });
    expect(view.status).toBe(200);
    expect(view.text).not.toContain('<form method="post" action="/workbench/inspections');
    expect(view.text).toContain('govuk-summary-list');
    expect((await page(`${base()}/interviews/EV-1`, { cookie: staff, ...form({ csrf: csrfOf(view.text) }) })).status).toBe(403);
  });

  it('answers 404 for a case that is not in the sample', async () => {
    expect((await page(`${base()}/interviews/EV-99`, { cookie: inspector })).status).toBe(404);
  });
});

describe('second marking and moderation', () => {
  it('links every case its viewer did not mark first to its blind form, and each link opens it', async () => {
    const list = await page(`${base()}/second-marking`, { cookie: admin });
    const links = [...list.text.matchAll(/href="([^"]*\/second-marking\/[^"]+)"/g)].map((m) => m[1]!);
    const firstMarked = list.text.split('You marked it first').length - 1;
    expect(links.length + firstMarked).toBe(Number(/<strong>\d+ of (\d+)<\/strong>/.exec(list.text)?.[1]));
    for (const link of links) expect((await page(link, { cookie: admin })).status, link).toBe(200);
  });

  it("shows the case blind: its questions unanswered, never the first marker's answers", async () => {
    const b = bank();
    const first = makeCase('community', 2, b);
    const blind = await page(`${base()}/second-marking/EV-2`, { cookie: admin });
    expect(blind.status).toBe(200);
    expect(blind.text).toContain('The first marking is not shown');
    const answered = Object.keys(first.answers).filter((q) => b.questions.find((x) => x.id === q)?.appliesTo.includes('community'));
    expect(answered.length).toBeGreaterThan(10);
    expect(blind.text).not.toMatch(/ checked/);
    for (const q of answered.slice(0, 5)) expect(blind.text).toContain(`id="${fieldOf('s', q)}"`);
  });

  it('saves a second marking that disagrees, and a moderator records the agreed judgement with a note on the case', async () => {
    const b = bank();
    const first = makeCase('community', 2, b);
    const summaryQuestion = b.questions.find((q) => q.summary && q.criterion === '1.2' && q.appliesTo.includes('community'))!.id;
    const firstAnswer = first.answers[summaryQuestion] ?? 'na';
    const flipped = firstAnswer === 'yes' ? 'no' : 'yes';
    const fields = Object.fromEntries(Object.entries(first.answers).map(([q, a]) => [`s-${q}`, q === summaryQuestion ? flipped : a]));
    const saved = await postForm(`${base()}/second-marking/EV-2`, admin, fields);
    expect(saved.status, saved.text.slice(0, 400)).toBe(303);
    const list = await page(saved.headers.get('location')!, { cookie: admin });
    expect(list.text).toContain('Second marking saved');
    expect(list.text).toMatch(/<strong>1 of 3<\/strong>/);

    await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
    const moderation = await page(`${base()}/moderation`, { cookie: inspector });
    expect(moderation.text).toContain(`Agreed judgement for ${summaryQuestion} in case EV-2`);
    const csrf = csrfOf(moderation.text);
    const version = /name="version" value="(\d+)"/.exec(moderation.text)![1]!;

    const noNote = await page(`${base()}/moderation/EV-2`, {
      cookie: inspector,
      ...form({ csrf, version, [`d-${summaryQuestion}`]: flipped, note: '' }),
    });
    expect(noNote.status).toBe(400);
    expect(noNote.text).toContain('href="#note-EV-2"');
    expect((await call(`/inspections/${id}/cases/EV-2`, { as: 'inspector' })).json.answers[summaryQuestion]).toBe(firstAnswer);

    // Somebody saves the case after the moderator opened the page: the decision is refused, the case as they left it.
    const otherQuestion = Object.keys(first.answers).find((q) => q !== summaryQuestion && first.answers[q] !== 'na')!;
    const edited = { ...first, answers: { ...first.answers, [otherQuestion]: first.answers[otherQuestion] === 'yes' ? 'no' : 'yes' } };
    expect((await call(`/inspections/${id}/cases/EV-2`, { method: 'PUT', as: 'inspector', json: edited })).status).toBe(200);
    const late = await page(`${base()}/moderation/EV-2`, {
      cookie: inspector,
      ...form({ csrf, version, [`d-${summaryQuestion}`]: flipped, note: 'Too late.' }),
    });
    expect(late.status).not.toBe(303);
    expect((await call(`/inspections/${id}/cases/EV-2`, { as: 'inspector' })).json.answers[summaryQuestion]).toBe(firstAnswer);
    const reopened = await page(`${base()}/moderation`, { cookie: inspector });
    const freshVersion = /name="version" value="(\d+)"/.exec(reopened.text)![1]!;
    expect(Number(freshVersion)).toBeGreaterThan(Number(version));

    const agreed = await page(`${base()}/moderation/EV-2`, {
      cookie: inspector,
      ...form({ csrf, version: freshVersion, [`d-${summaryQuestion}`]: flipped, note: 'The plan was not reviewed after the new offence.' }),
    });
    expect(agreed.status, agreed.text.slice(0, 400)).toBe(303);
    const stored = (await call(`/inspections/${id}/cases/EV-2`, { as: 'inspector' })).json;
    expect(stored.answers[summaryQuestion]).toBe(flipped);
    expect(stored.earlierVersions.length).toBeGreaterThanOrEqual(1);
    const after = await page(`${base()}/moderation`, { cookie: staff });
    expect(after.text).toContain('The plan was not reviewed after the new offence.');
  });

  it('refuses the first marker: the list says so and a post is 409', async () => {
    const newCase = await page(`${base()}/cases/new?caseType=licence`, { cookie: inspector });
    const created = await page(`${base()}/cases/new`, {
      cookie: inspector,
      ...form({
        csrf: csrfOf(newCase.text),
        caseRef: 'EV-9',
        caseType: 'licence',
        version: '0',
        renderedFor: 'licence',
        owner: /name="owner" value="([^"]*)"/.exec(newCase.text)?.[1] ?? '',
      }),
    });
    expect(created.status, created.text.slice(0, 300)).toBe(303);
    expect((await page(`${base()}/second-marking`, { cookie: inspector })).text).toContain('You marked it first');
    const mine = await page(`${base()}/second-marking/EV-9`, { cookie: inspector });
    expect(mine.text).toContain('You marked this case first');
    expect(mine.text).not.toContain('Save the second marking');
    const refused = await page(`${base()}/second-marking/EV-9`, { cookie: inspector, ...form({ csrf: csrfOf(mine.text) }) });
    expect(refused.status).toBe(409);
  });
});

describe("the area's caseload and performance figures", () => {
  it('saves the caseload form as PUT /context does, and names every field that is not a whole number', async () => {
    const bad = await postForm(`${base()}/area`, inspector, { caseload: 'lots', 'byGender.female': '-3' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#caseload"');
    expect(bad.text).toContain('href="#byGender-female"');
    expect(bad.text).toContain('value="lots"');
    const short = await postForm(`${base()}/area`, inspector, { caseload: '5559', 'byCaseType.community': '3000' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('href="#byCaseType-community"');
    expect(short.text).toContain('The caseload by case type adds up to 3000, not the caseload of 5559');
    const saved = await postForm(`${base()}/area`, inspector, { caseload: '5,559', 'byGender.male': '4900', 'byGender.female': '659' });
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
    const shown = await page(`${base()}/area`, { cookie: staff });
    expect(shown.text).toContain('5559');
    const summary = (await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).json;
    expect(summary.sample.balance.caseload).toBe(5559);
  });

  it('uploads performance figures all or nothing, and shows them', async () => {
    const upload = async (csv: string) => {
      const csrf = csrfOf((await page(`${base()}/area`, { cookie: inspector })).text);
      const body = new FormData();
      body.set('csrf', csrf);
      body.set('file', new Blob([csv], { type: 'text/csv' }), 'figures.csv');
      return page(`${base()}/area/performance-figures`, { cookie: inspector, body });
    };
    const bad = await upload('measure,target,area,national,period\nOrders completed,notanumber,80,79,2007-08\n');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('govuk-error-summary');
    expect((await page(`${base()}/area`, { cookie: inspector })).text).toContain('No performance figures uploaded yet');
    const good = await upload('measure,target,area,national,period\nOrders completed,70,80,79,2007-08\n');
    expect(good.status, good.text.slice(0, 300)).toBe(303);
    expect((await page(good.headers.get('location')!, { cookie: inspector })).text).toContain('Orders completed');
  });
});

describe('a closed inspection', () => {
  it('shows every evidence form read only, and a post that still arrives keeps what was typed and says why', async () => {
    const closedId = await createInspection('Evidence closed');
    expect((await call(`/inspections/${closedId}/cases/EC-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBe(201);
    const csrf = csrfOf((await page(`/workbench/inspections/${closedId}/area`, { cookie: inspector })).text);
    // A final release of an unfinished inspection needs the area's name typed (contract, "An inspection's life cycle").
    let release = await call(`/inspections/${closedId}/releases`, { as: 'admin', json: { kind: 'final' } });
    if (release.status === 409)
      release = await call(`/inspections/${closedId}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Evidence closed' } });
    expect(release.status, release.text.slice(0, 300)).toBe(201);
    for (const path of ['area', 'interviews/EC-1', 'second-marking/EC-1']) {
      const view = await page(`/workbench/inspections/${closedId}/${path}`, { cookie: admin });
      expect(view.status).toBe(200);
      expect(view.text).toContain('This inspection is closed');
      expect(view.text).not.toContain('<form method="post" action="/workbench/inspections');
    }
    const late = await page(`/workbench/inspections/${closedId}/area`, { cookie: inspector, ...form({ csrf, caseload: '1234' }) });
    expect(late.status).toBe(409);
    expect(late.text).toContain('An admin can reopen it');
    expect(late.text).toContain('1234');
    expect(late.text).not.toMatch(/POST \/inspections/);
  });
});

describe('the dashboard as a task list', () => {
  it('gives each task its status and what it rests on, and links only what can start', async () => {
    const fresh = await createInspection('Task list');
    const empty = await page(`/workbench/inspections/${fresh}`, { cookie: admin });
    expect(empty.text).toContain('class="govuk-task-list"');
    expect(empty.text).toMatch(
      /Offender manager interviews<\/div>\s*<div id="task-interviews-hint" class="govuk-task-list__hint">Enter the cases first<\/div>/,
    );
    expect(empty.text).toContain('govuk-task-list__status--cannot-start-yet');
    expect(empty.text).not.toContain(`href="/workbench/inspections/${fresh}/interviews"`);

    await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
    const busy = await page(base(), { cookie: inspector });
    expect(busy.text).toMatch(
      /href="[^"]+\/interviews" aria-describedby="task-interviews-hint task-interviews-status">Offender manager interviews<\/a>/,
    );
    expect(busy.text).toMatch(/task-interviews-hint" class="govuk-task-list__hint">1 of 4 cases interviewed/);
    expect(busy.text).toMatch(/task-interviews-status">\s*<strong class="govuk-tag govuk-tag--light-blue">In progress/);
    // The invitations page is the admin's: an inspector sees the task, not a link to it.
    expect(busy.text).not.toContain(`href="${base()}/invitations"`);
  });
});
