/**
 * Read-only views as text (issue 27, item 8): whoever may not edit a page (staff, an inspector
 * on the improvement plan, anyone once the inspection is closed) reads what was recorded as a
 * GOV.UK summary list, never a form of greyed-out inputs. Those who may edit still get the form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection, makeCase, makeRelease, meetingBody } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

let staff: string;
let inspector: string;

beforeAll(async () => {
  [staff, inspector] = (await Promise.all([signIn('staff'), signIn('inspector')])).map((s) => s.cookie) as [string, string];
});

/** The page's main content, without the header's sign-out form (a hidden CSRF field and a button). */
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** A control a person could type in, tick or choose: none may be shown to a reader, greyed out or not. */
const CONTROLS = /<input(?![^>]*type="hidden")|<textarea|<select|\sdisabled|\sreadonly/;
const rowOf = (html: string, key: string) =>
  new RegExp(`<dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">([\\s\\S]*?)</dd>`).exec(html)?.[1];

/** A final release needs a case to report on: one, then the release, which closes the inspection. */
async function close(id: string) {
  expect((await call(`/inspections/${id}/cases/C-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBe(201);
  await makeRelease(id, 'final');
}

describe('read-only views', () => {
  it('show staff a meeting, and everyone a closed inspection’s meeting, as text; an inspector gets the form while it is open', async () => {
    const id = await createInspection('Read-only meetings');
    expect((await call(`/inspections/${id}/meetings/om-group`, { method: 'PUT', as: 'inspector', json: meetingBody() })).status).toBe(201);
    const url = `/workbench/inspections/${id}/meetings/om-group`;
    const read = await page(url, { cookie: staff });
    expect(read.status).toBe(200);
    expect(mainOf(read.text)).not.toMatch(CONTROLS);
    expect(rowOf(read.text, 'Kind of meeting')).toBe('Group');
    expect(rowOf(read.text, 'Who took part')).toBe('Offenders');
    expect(rowOf(read.text, 'Where')).toBe('Think First');
    expect(rowOf(read.text, 'Findings for the report')).toBe(
      '<p class="govuk-body">All four offenders spoke positively about the programme.</p><p class="govuk-body">None recalled seeing a sentence plan.</p>',
    );
    expect(rowOf(read.text, 'In the speaker’s words')).toBe('It made me think about what I did.');
    expect(rowOf(read.text, 'Published')).toBe('Yes: the speaker agreed');
    expect(read.text).not.toContain('Save meeting');

    const write = await page(url, { cookie: inspector });
    expect(mainOf(write.text)).toMatch(/<textarea[^>]*name="findings"/);
    expect(mainOf(write.text)).not.toMatch(/\sdisabled/);

    await close(id);
    const closed = await page(url, { cookie: inspector });
    expect(closed.status).toBe(200);
    expect(mainOf(closed.text)).not.toMatch(CONTROLS);
    expect(closed.text).toContain('id="closed-notice"');
    expect(rowOf(closed.text, 'Date')).toBe('2007-11-06');

    // The improvement plan: an inspector reads it (admins and staff record it).
    const plan = await page(`/workbench/inspections/${id}/improvement-plan`, { cookie: inspector });
    expect(plan.status).toBe(200);
    expect(mainOf(plan.text)).not.toMatch(CONTROLS);
    expect(plan.text).toContain('id="plan-state"');
    const planWriter = await page(`/workbench/inspections/${id}/improvement-plan`, { cookie: staff });
    expect(mainOf(planWriter.text)).toMatch(/<input[^>]*name="receivedAt"/);
    expect(mainOf(planWriter.text)).not.toMatch(/\sdisabled/);
  });

  it('show the write-up (its words and the Risk of Harm setting) as text to staff, and as a form to an inspector', async () => {
    const id = await createInspection('Read-only settings');
    const etag = (await call(`/inspections/${id}/write-up`, { as: 'inspector' })).headers.get('etag')!;
    const writeUp = {
      summary: [{ section: '1', text: 'Assessment was timely.\n\nPlans were clear.' }],
      criteria: { '1.1': { strengths: ['Reports were prepared on time.'], improvements: [] } },
      recommendations: [{ text: 'Complete assessments on time.', criteria: ['1.1'] }],
      goodPractice: [],
      rohTablesInternal: true,
    };
    const saved = await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', headers: { 'if-match': etag }, json: writeUp });
    expect(saved.status, saved.text).toBe(200);
    const read = await page(`/workbench/inspections/${id}/write-up`, { cookie: staff });
    expect(read.status).toBe(200);
    expect(mainOf(read.text)).not.toMatch(CONTROLS);
    expect(rowOf(read.text, 'Section 1: Assessment and sentence planning')).toBe(
      '<p class="govuk-body">Assessment was timely.</p><p class="govuk-body">Plans were clear.</p>',
    );
    expect(rowOf(read.text, '1.1 strengths')).toBe('<p class="govuk-body">Reports were prepared on time.</p>');
    expect(rowOf(read.text, '1.1 areas for improvement')).toBe('Nothing written');
    expect(rowOf(read.text, 'Recommendation')).toBe('<p class="govuk-body">Complete assessments on time.</p>');
    expect(rowOf(read.text, 'Risk of Harm questions’ case counts')).toMatch(/^Kept internal/);
    const write = await page(`/workbench/inspections/${id}/write-up`, { cookie: inspector });
    expect(write.text).toMatch(/id="rohTablesInternal" name="rohTablesInternal" type="checkbox" value="yes" checked/);
    expect(mainOf(write.text)).toMatch(/<textarea[^>]*name="criteria\.1\.1\.strengths"/);
  });

  it('show a paper return’s answers typed after the inspection closed as text, saving nothing', async () => {
    const id = await createInspection('Read-only paper');
    const [invitation] = (await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'sentencer', language: 'en', count: 1 } }))
      .json.invitations;
    const base = `/workbench/inspections/${id}/paper-returns`;
    const start = await page(base, { cookie: inspector });
    const found = await page(base, { cookie: inspector, ...form({ csrf: csrfOf(start.text), reference: invitation.reference }) });
    expect(found.status).toBe(200);
    const firstChoice = /name="([\w-]+)" type="radio" value="([^"]+)"/.exec(found.text)!;
    const label = new RegExp(`type="radio" value="${firstChoice[2]}"[^>]*>\\s*<label[^>]*>([^<]+)</label>`).exec(found.text)![1]!;
    await close(id);
    const typed = await page(base, {
      cookie: inspector,
      ...form({ csrf: csrfOf(found.text), stage: 'answers', reference: invitation.reference, [firstChoice[1]!]: firstChoice[2]! }),
    });
    expect(typed.status).toBe(409);
    expect(mainOf(typed.text)).not.toMatch(CONTROLS);
    expect(typed.text).toContain('id="typed-answers"');
    expect(typed.text).toContain(`<dd class="govuk-summary-list__value">${label}</dd>`);
    expect(typed.text).toContain('Not answered');
    // The start page of a closed inspection: nothing to type in.
    const closedStart = await page(base, { cookie: inspector });
    expect(mainOf(closedStart.text)).not.toMatch(CONTROLS);
    expect(closedStart.text).toContain('Paper returns cannot be entered while the inspection is closed.');
    expect((await call(`/inspections/${id}/invitations/reminders.csv`, { as: 'admin' })).text.trim().split(/\r?\n/)).toHaveLength(2);
  });
});
