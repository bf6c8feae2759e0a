/**
 * People by name (issue 27, point 7), through the real local server: whoever did something is
 * named on the page by the name the identity provider gave at sign-in (the people directory),
 * or, for the JSON API's token users who never signed in, by their role in words. The oracle
 * is independent of the code: every account id that wrote anything here is known, and every
 * page a signed-in admin, inspector or staff member can reach from the home page is fetched and
 * searched for them.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '#infra/local/jwt';
import { baseUrl, call, send, type CallOptions } from '#support/api';
import { bank, createInspection, makeCase, makeRelease } from '#support/fixtures';
import { casesInFormWords, csrfOf, form, page, signIn, textOf, uploadCasesFile } from '#support/workbench';

let id: string;
const cookies: Record<'admin' | 'inspector' | 'staff', string> = { admin: '', inspector: '', staff: '' };
/** A person with a Cognito-like account id (a UUID) who uses the JSON API and never signed in. */
const cognitoLike = randomUUID();
const base = () => `/workbench/inspections/${id}`;
/** Criterion 1.2's overall question for a community case: the second marking differs on it, so a moderator sees PN-002. */
const overall = () => bank().questions.find((q) => q.summary && q.criterion === '1.2' && q.appliesTo.includes('community'))!.id;
const flipped = () => (makeCase('community', 2).answers[overall()] === 'yes' ? 'no' : 'yes');

/** Every account id that writes anything in this file: none may be read on any page. */
const ACCOUNT_IDS = () => ['local-admin', 'local-inspector', 'local-staff', 'test-admin', 'test-inspector', 'test-staff', cognitoLike];

async function asCognitoLike(path: string, options: CallOptions) {
  const token = await signLocalToken(inject('jwtSecret'), cognitoLike, ['inspector']);
  return send(baseUrl() + path, options, `Bearer ${token}`);
}

/** A form post of the page's own hidden fields plus `fields`. */
async function postForm(path: string, cookie: string, fields: Record<string, string>, from = path) {
  const shown = await page(from, { cookie });
  expect(shown.status, from).toBe(200);
  const hidden = Object.fromEntries(
    [...shown.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]),
  );
  return page(path, { cookie, ...form({ ...hidden, ...fields }) });
}

/**
 * What a person reads on a page: the HTML without the hidden form fields (which carry values
 * back to the server, never shown) and without scripts. Attributes stay in: an aria-label or a
 * title is read too.
 */
const readable = (html: string) => html.replace(/<input type="hidden"[^>]*>/g, '').replace(/<script[\s\S]*?<\/script>/g, '');

beforeAll(async () => {
  id = await createInspection('People by name');
  [cookies.admin, cookies.inspector, cookies.staff] = await Promise.all([signIn('admin'), signIn('inspector'), signIn('staff')]).then((s) =>
    s.map((x) => x.cookie),
  );
  // Ines Inspector (signed in) enters a case on the form; a token user and the Cognito-like person use the JSON API.
  const entered = await postForm(
    `${base()}/cases/new`,
    cookies.inspector,
    { caseRef: 'PN-001', caseType: 'licence', tier: '2', 'q-1.2.1': 'yes' },
    `${base()}/cases/new?caseType=licence`,
  );
  expect(entered.status).toBe(303);
  expect((await call(`/inspections/${id}/cases/PN-002`, { method: 'PUT', as: 'inspector', json: makeCase('community', 2) })).status).toBe(201);
  expect((await asCognitoLike(`/inspections/${id}/cases/PN-003`, { method: 'PUT', json: makeCase('custody', 3) })).status).toBe(201);
  // PN-001 changed by the Cognito-like person: its history has a named and a nameless saver.
  expect((await asCognitoLike(`/inspections/${id}/cases/PN-001`, { method: 'PUT', json: makeCase('licence', 1) })).status).toBe(200);
  const secondAnswers = { ...makeCase('community', 2).answers, [overall()]: flipped() };
  expect(
    (await asCognitoLike(`/inspections/${id}/cases/PN-002/second-marking`, { method: 'PUT', json: { answers: secondAnswers } })).status,
  ).toBeLessThan(300);
  expect((await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 2 } })).status).toBe(201);
  expect(
    (
      await asCognitoLike(`/inspections/${id}/leadership/4.1`, {
        method: 'PUT',
        json: { grade: 'satisfactorily-met', strengths: [], improvements: [] },
      })
    ).status,
  ).toBeLessThan(300);
  expect(
    (
      await asCognitoLike(`/inspections/${id}/write-up/sections/summary`, {
        method: 'PUT',
        json: { expectedVersion: 0, content: [{ section: '1', text: 'Written through the API.' }] },
      })
    ).status,
  ).toBeLessThan(300);
  await makeRelease(id);
  await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
});

describe('people by name', () => {
  it('the dashboard says who entered the cases by name, or by role for a token user', async () => {
    const dashboard = textOf((await page(base(), { cookie: cookies.staff })).text);
    // Ines Inspector's PN-001 was saved again since by the Cognito-like person: all three were last saved by token users.
    expect(dashboard).toContain('Who entered them Entered by Cases An inspector 3 ');
    expect(dashboard).not.toContain(cognitoLike);
  });

  it('a case history names each saver; the case list names who saved each case last', async () => {
    await postForm(`${base()}/cases/PN-001`, cookies.inspector, { caseType: 'licence', tier: '3' });
    const history = textOf((await page(`${base()}/cases/PN-001`, { cookie: cookies.staff })).text);
    expect(history).toMatch(/Version 3: Ines Inspector, /);
    expect(history).toMatch(/Version 2: An inspector, /);
    expect(history).toMatch(/Version 1: Ines Inspector, /);
    const list = textOf((await page(`${base()}/cases`, { cookie: cookies.staff })).text);
    expect(list).toMatch(/PN-001 .*Ines Inspector/);
  });

  it('the case form refuses a stale save naming who saved in between', async () => {
    const opened = await page(`${base()}/cases/PN-003`, { cookie: cookies.inspector });
    const version = /name="version" value="(\d+)"/.exec(opened.text)![1]!;
    expect((await asCognitoLike(`/inspections/${id}/cases/PN-003`, { method: 'PUT', json: makeCase('custody', 4) })).status).toBe(200);
    const hidden = Object.fromEntries(
      [...opened.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]),
    );
    const refused = await page(`${base()}/cases/PN-003`, { cookie: cookies.inspector, ...form({ ...hidden, version, caseType: 'custody' }) });
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toContain('An inspector saved this case');
    expect(readable(refused.text)).not.toContain(cognitoLike);
  });

  it('the write-up, the grades and second marking name who saved; the releases list names who made each', async () => {
    const writeUp = textOf((await page(`${base()}/write-up`, { cookie: cookies.staff })).text);
    expect(writeUp).toContain('Last saved by An inspector');
    const grades = textOf((await page(`${base()}/grades`, { cookie: cookies.staff })).text);
    expect(grades).toMatch(/4\.1 .*Satisfactorily met An inspector/i);
    const marking = textOf((await page(`${base()}/second-marking`, { cookie: cookies.staff })).text);
    expect(marking).toMatch(/PN-002 Community An inspector An inspector/);
    const releases = await page(`${base()}/releases`, { cookie: cookies.staff });
    expect(releases.text).toContain('>Made by</th>');
    expect(textOf(releases.text)).toMatch(/Factual accuracy An admin/);
  });

  it('the moderation page names both markers, and who agreed the judgement', async () => {
    const moderation = await page(`${base()}/moderation`, { cookie: cookies.inspector });
    expect(textOf(moderation.text)).toMatch(/First marked by An inspector( \(HMI Probation\))?; second marked by An inspector\./);
    const version = /name="version" value="(\d+)"/.exec(moderation.text)![1]!;
    const agreed = await page(`${base()}/moderation/PN-002`, {
      cookie: cookies.inspector,
      ...form({ csrf: csrfOf(moderation.text), version, [`d-${overall()}`]: flipped(), note: 'Agreed after discussion.' }),
    });
    expect(agreed.status, agreed.text.slice(0, 400)).toBe(303);
    expect(textOf((await page(`${base()}/moderation`, { cookie: cookies.staff })).text)).toMatch(/Agreed by Ines Inspector, /);
  });

  it('an upload over a case entered by hand names who saved it', async () => {
    const csrf = csrfOf((await page(base(), { cookie: cookies.inspector })).text);
    const asked = await uploadCasesFile(id, cookies.inspector, csrf, casesInFormWords(['PN-001']));
    expect(asked.status).toBe(409);
    expect(textOf(asked.text)).toMatch(/PN-001 2 Ines Inspector /);
    expect(readable(asked.text)).not.toMatch(/local-inspector/);
  });

  it('every page says who is signed in by name, with their role', async () => {
    expect(textOf((await page(base(), { cookie: cookies.inspector })).text)).toContain('Signed in as Ines Inspector (inspector)');
    expect(textOf((await page('/', { cookie: cookies.staff })).text)).toContain('Signed in as Sam Staff (staff)');
  });

  it('the sessions list names everyone signed in', async () => {
    const sessions = textOf((await page('/workbench/sessions', { cookie: cookies.admin })).text);
    for (const name of ['Alex Admin', 'Ines Inspector', 'Sam Staff']) expect(sessions).toContain(name);
  });

  it.each(['admin', 'inspector', 'staff'] as const)('no page a signed-in %s can reach shows an account id', async (role) => {
    const seen = new Set<string>();
    const queue = ['/', base(), '/workbench/sessions'];
    const shown: string[] = [];
    while (queue.length && seen.size < 400) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await page(path, { cookie: cookies[role] });
      if (res.status !== 200 || !res.headers.get('content-type')?.startsWith('text/html')) continue;
      shown.push(path);
      const text = readable(res.text);
      for (const sub of ACCOUNT_IDS()) expect(text.includes(sub), `${path} shows ${sub}`).toBe(false);
      expect(text, path).not.toMatch(/\blocal-(admin|inspector|staff|seed)/);
      for (const m of res.text.matchAll(/href="([^"#]+)/g)) {
        const href = m[1]!.replaceAll('&amp;', '&');
        // This inspection's pages and the workbench's own; not files, not other inspections, not signing out.
        if (!(href === '/' || href.startsWith(base()) || href === '/workbench/sessions')) continue;
        if (/\.(csv|json)(\?|$)/.test(href) || /lang=cy/.test(href)) continue;
        if (!seen.has(href)) queue.push(href);
      }
    }
    // The crawl reached the pages that name people: it is not vacuous.
    expect(shown).toEqual(
      expect.arrayContaining([
        base(),
        `${base()}/cases/PN-001`,
        `${base()}/write-up`,
        `${base()}/releases`,
        `${base()}/grades`,
        `${base()}/second-marking`,
        `${base()}/moderation`,
      ]),
    );
    if (role === 'admin') expect(shown).toContain(`${base()}/invitations`);
    if (role === 'admin') expect(shown).toContain('/workbench/sessions');
  });
});
