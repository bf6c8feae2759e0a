/**
 * Drafting from a sub-group's figure on the workbench's findings page (issue 28, item 9),
 * through the real local server: the figure in words for the group asked for, counted by hand
 * from test/support/sub-group-cases.ts; the disclosure rule's warning when it would be held
 * back; the draft saved with its `group`; a bad choice named; staff read it and cannot save.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { CASES, putSubGroupCases, Q } from '#support/sub-group-cases';
import { form, page, signIn, textOf } from '#support/workbench';

let id: string;
let inspector: string;
let staff: string;
const criterionPage = () => `/workbench/inspections/${id}/findings/2.1`;
const withGroup = (group: string, question = Q) => `${criterionPage()}?question=${encodeURIComponent(question)}&group=${encodeURIComponent(group)}`;

const hiddenOf = (html: string) =>
  Object.fromEntries([...html.matchAll(/<input type="hidden" name="([\w-]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
const textareas = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<textarea [^>]*name="([\w-]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [
      m[1]!,
      m[2]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
    ]),
  );

beforeAll(async () => {
  id = await createInspection('Sub-group findings (test)');
  await putSubGroupCases(id);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
  [inspector, staff] = await Promise.all([signIn('inspector'), signIn('staff')]).then((s) => s.map((x) => x.cookie));
});

describe("a sub-group's figure on the findings page", () => {
  it('offers every question of the criterion and every group, as a form that works without JavaScript', async () => {
    const shown = await page(criterionPage(), { cookie: inspector });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Draft from a sub-group’s figure');
    expect(shown.text).toMatch(/<form method="get" action="[^"]+\/findings\/2\.1#sub-group-figure"/);
    for (const label of [
      'Tier 4 cases',
      'PPO cases',
      'MAPPA level 2 cases',
      'cases that had been transferred between areas',
      'custodial cases',
      'licence cases',
      'very high Risk of Harm cases',
    ]) {
      expect(shown.text).toContain(`>${label}</option>`);
    }
    expect(shown.text).toContain(`<option value="${Q}">`);
  });

  it('gives "all three Tier 4 cases", says a published file would hold it back, and drafts from it', async () => {
    const shown = await page(withGroup('tier:4'), { cookie: inspector });
    expect(shown.status, shown.text.slice(0, 300)).toBe(200);
    const text = textOf(shown.text);
    expect(text).toContain(`Question ${Q}: All three Tier 4 cases (3 of 3, 100%).`);
    expect(text).toContain('Not for publication');
    expect(text).toContain('In all three Tier 4 cases the offender manager showed commitment to the work with the offender.');
    expect(text).toContain(`Strength: drafted from question ${Q} for Tier 4 cases (100%)`);
  });

  it('words a group of six with no warning: its figure may be published', async () => {
    const shown = await page(withGroup('transferred:no'), { cookie: inspector });
    const text = textOf(shown.text);
    expect(text).toContain(`Question ${Q}: Three of the six cases that had not been transferred between areas (3 of 6, 50%).`);
    expect(text).not.toContain('Not for publication');
    expect(text).toContain('In only three of the six cases that had not been transferred between areas the offender manager showed commitment');
  });

  it('saves the sub-group draft with its group, through the write-up, and keeps the whole-sample draft on offer', async () => {
    const shown = await page(withGroup('tier:4'), { cookie: inspector });
    const hidden = hiddenOf(shown.text);
    const n = Object.entries(hidden)
      .find(([k, v]) => k.startsWith('dg-') && v === 'tier:4')![0]
      .slice(3);
    expect(hidden[`dq-${n}`]).toBe(Q);
    const res = await page(criterionPage(), { cookie: inspector, ...form({ ...hidden, ...textareas(shown.text), [`use-${n}`]: 'yes' }) });
    expect(res.status, res.text.slice(0, 400)).toBe(303);
    const entry = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.criteria['2.1'];
    expect(entry.strengths).toContainEqual({
      text: 'In all three Tier 4 cases the offender manager showed commitment to the work with the offender.',
      drafted: { question: Q, percent: 100, group: 'tier:4' },
    });
    const again = await page(criterionPage(), { cookie: inspector });
    expect(textOf(again.text)).toContain(`Drafted from question ${Q} for Tier 4 cases at 100%.`);
    // The whole sample's draft of the same question is still there to use.
    expect(Object.entries(hiddenOf(again.text)).some(([k, v]) => k.startsWith('dq-') && v === Q)).toBe(true);
  });

  it("marks a saved sub-group finding whose group's figure has moved since", async () => {
    const [ref, profile] = CASES[2]!;
    expect(profile.tier).toBe(4);
    const res = await call(`/inspections/${id}/cases/${ref}`, {
      as: 'inspector',
      method: 'PUT',
      json: { profile, answers: { ...makeCase(profile.caseType, 902, bank()).answers, [Q]: 'no' } },
    });
    expect(res.status, res.text).toBe(200);
    const text = textOf((await page(criterionPage(), { cookie: inspector })).text);
    expect(text).toContain(`No longer matches its figure Written from 100% for question ${Q} (Tier 4 cases); the figure is now 67%.`);
  });

  it('names a question from another criterion and an unknown group in the error summary, and a forged group on save', async () => {
    const bad = await page(withGroup('tier:9', '1.1.1'), { cookie: inspector });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('There is a problem');
    expect(bad.text).toContain('href="#sg-question"');
    expect(bad.text).toContain('href="#sg-group"');
    expect(bad.text).toContain('aria-describedby="sg-group-error"');
    const shown = await page(withGroup('ppo:no'), { cookie: inspector });
    const hidden = hiddenOf(shown.text);
    const n = Object.keys(hidden)
      .find((k) => k.startsWith('dg-'))!
      .slice(3);
    const before = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    const forged = await page(criterionPage(), {
      cookie: inspector,
      ...form({ ...hidden, ...textareas(shown.text), [`use-${n}`]: 'yes', [`dg-${n}`]: 'gender:female' }),
    });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain(`href="#text-d-${n}"`);
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json).toEqual(before);
  });

  it('shows staff the figure, read only', async () => {
    const shown = await page(withGroup('mappaLevel:0'), { cookie: staff });
    expect(shown.status).toBe(200);
    expect(textOf(shown.text)).toContain(`Question ${Q}: Three of the five cases not managed under MAPPA (3 of 5, 60%).`);
    expect(shown.text).not.toContain('Save findings');
  });
});
