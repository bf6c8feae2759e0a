/**
 * A closed inspection's questionnaire links, as rules over every respondent route (contract,
 * "Write-up and releases": after a final release "its questionnaire links get 410, until an
 * admin reopens it"). One inspection: a link never opened, one with a draft, one answered; a
 * final release; then every respondent route of every link, page and JSON, GET and POST, is
 * refused and changes nothing stored; a reopening gives every unanswered link back. The pages
 * read the link's state before they write, so the store's own writes on a stamped link are
 * called directly too: each must refuse by its condition (a save racing the release's stamp).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { slotsOf } from '#support/slots';
import { useTestTable } from '#support/direct';
import { parseLinkToken } from '#domain/invitation-tokens';
import { routes } from '#shared/routes';
import { isSessionRoute } from '#route-table/spec';
import { page, signIn } from '#support/workbench';

const AREA = 'Closed links rules';
let id: string;
let unsent: string;
let drafted: string;
let answered: string;
let question: { id: string; options: { value: string }[] };
let answers: Record<string, unknown>;

/**
 * What may still be sent once an inspection is closed (shared/domain/closing.ts): signing out,
 * recomputing, report links, erasing answers, releasing and reopening, the improvement plan
 * (it follows publication), and marking a batch of links sent (it forgets links, changes no input).
 */
const STAYS_OPEN = [
  /^\/sign-out$/,
  /^\/recompute$/,
  /^\/report-links(\/[^/]+\/withdraw)?$/,
  /^\/erase$/,
  /^\/reopen$/,
  /^\/releases(\/recover|\/[^/]+)?$/,
  /^\/improvement-plan(\/annex)?$/,
  /^\/invitations\/[^/]+\/sent$/,
];

const formPost = (path: string, fields: Record<string, string>) =>
  call(path, { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

/** Every respondent route of a link, as a respondent's browser or client would call it. */
const respondentCalls = (token: string) =>
  [
    ['GET /q/{token}', () => call(`/q/${token}`)],
    ['POST /q/{token}', () => formPost(`/q/${token}`, { action: 'start' })],
    ['GET /q/{token}/{questionId}', () => call(`/q/${token}/${question.id}`)],
    ['POST /q/{token}/{questionId}', () => formPost(`/q/${token}/${question.id}`, { [question.id]: question.options[0]!.value, action: 'continue' })],
    ['GET /q/{token}/check', () => call(`/q/${token}/check`)],
    ['POST /q/{token}/check', () => formPost(`/q/${token}/check`, { action: 'send' })],
    ['GET /questionnaires/{token}', () => call(`/questionnaires/${token}`)],
    ['POST /questionnaires/{token}/responses', () => call(`/questionnaires/${token}/responses`, { json: { answers } })],
  ] as const;

/** The slots as stored, without what a read may touch on its own: the rule is about what is kept. */
const stored = async () => JSON.stringify((await slotsOf(id)).map((s) => ({ ...s })).sort((a, b) => String(a.sk).localeCompare(String(b.sk))));

beforeAll(async () => {
  id = await createInspection(AREA);
  expect((await call(`/inspections/${id}/cases/C-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status).toBe(201);
  const issued = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', count: 3, language: 'en' } });
  expect(issued.status).toBe(201);
  [unsent, drafted, answered] = issued.json.invitations.map((i: { token: string }) => i.token);
  const def = (await call(`/questionnaires/${answered}`)).json;
  question = def.questions[0];
  answers = {};
  for (const q of def.questions) if (!q.optional) answers[q.id] = q.type === 'multi-choice' ? [q.options[0].value] : q.options[0].value;
  expect((await call(`/questionnaires/${answered}/responses`, { json: { answers } })).status).toBe(201);
  expect((await formPost(`/q/${drafted}/${question.id}`, { [question.id]: question.options[0]!.value, action: 'continue' })).status).toBe(303);
  const released = await call(`/inspections/${id}/releases`, {
    as: 'admin',
    json: { kind: 'final', confirm: (await call(`/inspections/${id}`, { as: 'admin' })).json.area },
  });
  expect(released.status, released.text).toBe(201);
});

describe("a closed inspection's questionnaire links", () => {
  it('answer 410 on every respondent route, and nothing stored changes', async () => {
    const before = await stored();
    const wrong: string[] = [];
    for (const [name, token] of [
      ['never opened', unsent],
      ['with a draft', drafted],
    ] as const) {
      for (const [route, send] of respondentCalls(token)) {
        const res = await send();
        if (res.status !== 410) wrong.push(`${name}: ${route} answered ${res.status}`);
      }
    }
    // The answered link stays answered: never a form to fill again.
    for (const [route, send] of respondentCalls(answered)) {
      const res = await send();
      if (res.status < 400 && res.status !== 303) wrong.push(`answered: ${route} answered ${res.status}`);
      if (res.status === 303 && !/\/sent$/.test(res.headers.get('location') ?? ''))
        wrong.push(`answered: ${route} sent to ${res.headers.get('location')}`);
    }
    expect(wrong).toEqual([]);
    expect(await stored()).toBe(before);
  });

  it("refuse every store write on a stamped link by the write's own condition, whatever the caller read before", async () => {
    useTestTable();
    const store = await import('#store/responses');
    const before = await stored();
    for (const token of [unsent, drafted]) {
      const tokenHash = parseLinkToken(token)!.tokenHash;
      const value = question.options[0]!.value;
      expect(await store.saveDraftAnswer(id, tokenHash, question.id, value as never), 'draft answer').toBe(false);
      expect(await store.saveAnswerLanguage(id, tokenHash, 'cy'), 'language').toBe(false);
      const sent = await store.sendToSlot(
        id,
        tokenHash,
        { audience: 'victim', questionnaireVersion: 'x', answers: {}, submittedAt: new Date().toISOString(), channel: 'online' },
        new Date().toISOString(),
      );
      expect(sent.outcome, 'send').toBe('refused');
    }
    expect(await stored()).toBe(before);
  });

  it('leave no workbench page offering a form to fill in, but for the writes that stay open after a close', async () => {
    const cookie = (await signIn('admin')).cookie;
    const params: Record<string, string> = { id, caseRef: 'C-1', criterionId: '1.1', meetingId: 'new' };
    const paths = [
      ...new Set(
        routes.filter((r) => r.method === 'GET' && isSessionRoute(r) && r.path.startsWith('/workbench/inspections/{id}')).map((r) => r.path),
      ),
    ];
    const offered: string[] = [];
    for (const path of paths) {
      const url = path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? 'x');
      const res = await page(url, { cookie });
      for (const m of res.text.matchAll(/<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)) {
        // A form kept to show what is stored, read only, has nothing to send it with.
        if (!/<button(?![^>]*type="button")|type="submit"/.test(m[1]!)) continue;
        const action = /action="([^"]*)"/.exec(m[0])?.[1] ?? '';
        const within = action.startsWith(`/workbench/inspections/${id}`) ? action.slice(`/workbench/inspections/${id}`.length) : action;
        if (!STAYS_OPEN.some((re) => re.test(within))) offered.push(`${path}: ${within}`);
      }
    }
    expect(offered).toEqual([]);
  });

  it('are given back by a reopening: every unanswered link opens and takes its answers again', async () => {
    expect((await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' })).status).toBe(200);
    for (const token of [unsent, drafted]) {
      // The start page, or straight on to where the respondent left off.
      expect([200, 303]).toContain((await call(`/q/${token}`)).status);
      expect((await call(`/questionnaires/${token}`)).status).toBe(200);
    }
    expect((await call(`/questionnaires/${unsent}/responses`, { json: { answers } })).status).toBe(201);
    expect((await call(`/questionnaires/${answered}/responses`, { json: { answers } })).status).toBe(409);
  });
});
