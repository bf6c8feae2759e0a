/**
 * The case form in sections (issue 27, point 5), through the real local server: a contents
 * list with each criterion's count of unanswered questions and the whole case's count, a Save
 * button in every section that saves the whole form and returns to that section, the list's
 * filter for unfinished cases, and read-only views (staff, a closed inspection) as text.
 * The counts are checked against the question bank and the stored case, not the page's code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { form, page, signIn } from '#support/workbench';

let id: string;
let inspector: string;
let staff: string;
const base = () => `/workbench/inspections/${id}`;
const hidden = (html: string) =>
  Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
const sectionId = (criterionId: string) => `criterion-${criterionId.replaceAll('.', '-')}`;
/** The contents list as [anchor, heading, what is left], read off the page. */
const contents = (html: string) =>
  [
    ...(/<ol class="govuk-list" id="case-contents">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '').matchAll(
      /<a class="govuk-link" href="#([\w-]+)">([^<]*)<\/a>(?: — ([^<]*))?<\/li>/g,
    ),
  ].map((m) => [m[1]!, m[2]!, m[3] ?? ''] as const);

/** What the bank says should be left in each criterion of a case of this type with these answers. */
function expectedLeft(caseType: 'community' | 'licence' | 'custody', answers: Record<string, string>) {
  const b = bank();
  return b.criteria
    .filter((c) => c.section !== 4)
    .map((c) => ({ c, asked: b.questions.filter((q) => q.criterion === c.id && q.appliesTo.includes(caseType)) }))
    .filter(({ asked }) => asked.length > 0)
    .map(({ c, asked }) => {
      const n = asked.filter((q) => !answers[q.id]).length;
      return [sectionId(c.id), `${c.id} ${c.title}`, n === 0 ? 'all answered' : `${n} left`] as const;
    });
}

beforeAll(async () => {
  id = await createInspection('Case form sections');
  [inspector, staff] = await Promise.all([signIn('inspector'), signIn('staff')]).then((s) => s.map((x) => x.cookie));
  // A community case with every question of 1.1 and 2.1 left out, and one of 1.2.
  const b = bank();
  const full = makeCase('community', 7, b);
  const answers = Object.fromEntries(Object.entries(full.answers).filter(([q]) => !q.startsWith('1.1.') && !q.startsWith('2.1.') && q !== '1.2.1'));
  const res = await call(`/inspections/${id}/cases/SEC-1`, { as: 'inspector', method: 'PUT', json: { ...full, answers } });
  expect(res.status).toBe(201);
});

describe('the case form in sections', () => {
  it('lists every section with what is left in it, and the whole case’s count', async () => {
    const stored = (await call(`/inspections/${id}/cases/SEC-1`, { as: 'admin' })).json;
    const shown = await page(`${base()}/cases/SEC-1`, { cookie: inspector });
    expect(shown.status).toBe(200);
    const listed = contents(shown.text);
    expect(listed[0]).toEqual(['section-profile', 'Case type and profile', '']);
    expect(listed.slice(1)).toEqual(expectedLeft('community', stored.answers));
    expect(listed.slice(1).some(([, , left]) => left === 'all answered')).toBe(true);
    // Every anchor names a section of the page, and each section has its own Save button returning to it.
    for (const [anchor] of listed) {
      expect(shown.text, anchor).toContain(`<section id="${anchor}"`);
      expect(shown.text, anchor).toContain(`name="returnTo" value="${anchor}"`);
    }
    const asked = bank().questions.filter(
      (q) => q.appliesTo.includes('community') && bank().criteria.find((c) => c.id === q.criterion)!.section !== 4,
    );
    const left = asked.filter((q) => !stored.answers[q.id]).length;
    expect(left).toBeGreaterThan(2);
    expect(shown.text).toContain(`${left} questions are unanswered, of ${asked.length} asked`);
  });

  it('saves the whole form from any section and returns to that section', async () => {
    const path = `${base()}/cases/SEC-1`;
    const shown = await page(path, { cookie: inspector });
    const before = (await call(`/inspections/${id}/cases/SEC-1`, { as: 'admin' })).json;
    const fields: Record<string, string> = { ...hidden(shown.text), caseType: 'community', tier: '3' };
    for (const [q, a] of Object.entries(before.answers as Record<string, string>)) fields[`q-${q}`] = a;
    // One answer typed in 1.1, another in 2.1; saved with 2.1's button.
    const in11 = bank().questions.find((q) => q.criterion === '1.1' && q.appliesTo.includes('community'))!.id;
    const in21 = bank().questions.find((q) => q.criterion === '2.1' && q.appliesTo.includes('community'))!.id;
    fields[`q-${in11}`] = 'yes';
    fields[`q-${in21}`] = 'no';
    const saved = await page(path, { cookie: inspector, ...form({ ...fields, returnTo: 'criterion-2-1' }) });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path}?saved=1&in=criterion-2-1#criterion-2-1`);
    const after = (await call(`/inspections/${id}/cases/SEC-1`, { as: 'admin' })).json;
    expect(after.answers[in11]).toBe('yes');
    expect(after.answers[in21]).toBe('no');
    expect(after.profile.tier).toBe(3);
    expect(after.version).toBe(before.version + 1);
    // The page returned to shows the banner inside that section, and the counts as now stored.
    const back = await page(`${path}?saved=1&in=criterion-2-1`, { cookie: inspector });
    const section = /<section id="criterion-2-1"[\s\S]*?<\/section>/.exec(back.text)![0];
    expect(section).toContain('Case SEC-1 saved');
    expect(contents(back.text).slice(1)).toEqual(expectedLeft('community', after.answers));
    // A section id that is not one is ignored: the page opens at the top, nothing else changes.
    const odd = await page(path, {
      cookie: inspector,
      ...form({
        ...hidden(back.text),
        ...Object.fromEntries(Object.entries(after.answers as Record<string, string>).map(([q, a]) => [`q-${q}`, a])),
        caseType: 'community',
        tier: '3',
        returnTo: 'https://evil.example/#x',
      }),
    });
    expect(odd.status).toBe(303);
    expect(odd.headers.get('location')).toBe(`${path}?saved=1`);
  });

  it('saves a new case from a section too, and opens it at that section', async () => {
    const shown = await page(`${base()}/cases/new?caseType=licence`, { cookie: inspector });
    expect(contents(shown.text).slice(1)).toEqual(expectedLeft('licence', {}));
    const res = await page(`${base()}/cases/new`, {
      cookie: inspector,
      ...form({ ...hidden(shown.text), caseRef: 'SEC-3', caseType: 'licence', 'q-1.3.1': 'yes', returnTo: 'criterion-1-3' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base()}/cases/SEC-3?saved=1&in=criterion-1-3#criterion-1-3`);
    expect((await call(`/inspections/${id}/cases/SEC-3`, { as: 'admin' })).json.answers).toEqual({ '1.3.1': 'yes' });
  });

  it('keeps the conflict page: a save from a section over somebody else’s is refused, with the typed answers kept', async () => {
    const path = `${base()}/cases/SEC-1`;
    const stale = await page(path, { cookie: inspector });
    const current = (await call(`/inspections/${id}/cases/SEC-1`, { as: 'admin' })).json;
    expect(
      (await call(`/inspections/${id}/cases/SEC-1`, { as: 'admin', method: 'PUT', json: { profile: current.profile, answers: current.answers } }))
        .status,
    ).toBe(200);
    const res = await page(path, {
      cookie: inspector,
      ...form({ ...hidden(stale.text), caseType: 'community', 'q-1.2.1': 'na', returnTo: 'criterion-1-2' }),
    });
    expect(res.status).toBe(409);
    expect(res.text).toContain('after you opened it');
    expect(res.text).toMatch(/name="q-1.2.1" type="radio" value="na" checked/);
  });

  it('shows staff the case as text, unanswered questions as unanswered, with the contents list and no inputs', async () => {
    const shown = await page(`${base()}/cases/SEC-1`, { cookie: staff });
    expect(shown.status).toBe(200);
    expect(shown.text).not.toMatch(/<input[^>]+type="radio"|<select|disabled/);
    expect(shown.text).not.toContain('Save case');
    expect(contents(shown.text).length).toBeGreaterThan(5);
    const stored = (await call(`/inspections/${id}/cases/SEC-1`, { as: 'admin' })).json;
    const unanswered = bank().questions.find((q) => q.appliesTo.includes('community') && q.criterion !== '4.1' && !stored.answers[q.id])!;
    const row = new RegExp(
      `${unanswered.id.replaceAll('.', '\\.')}</span>[^<]*<span[^>]*>[^<]*</span></dt><dd class="govuk-summary-list__value">([\\s\\S]*?)</dd>`,
    ).exec(shown.text);
    expect(row?.[1]).toContain('Unanswered');
    const answered = Object.entries(stored.answers as Record<string, string>).find(([, a]) => a === 'no')![0];
    expect(shown.text).toMatch(
      new RegExp(`${answered.replaceAll('.', '\\.')}</span>[^<]*<span[^>]*>[^<]*</span></dt><dd class="govuk-summary-list__value">No</dd>`),
    );
  });

  it('keeps the list’s filter for unfinished cases', async () => {
    const b = bank();
    expect((await call(`/inspections/${id}/cases/SEC-2`, { as: 'inspector', method: 'PUT', json: makeCase('licence', 9, b) })).status).toBe(201);
    const all = await page(`${base()}/cases`, { cookie: inspector });
    expect(all.text).toContain('>SEC-2</a>');
    const unfinished = await page(`${base()}/cases?show=unfinished`, { cookie: inspector });
    expect(unfinished.text).toContain('>SEC-1</a>');
    expect(unfinished.text).not.toContain('>SEC-2</a>');
  });
});
