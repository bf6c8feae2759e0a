/**
 * Invitations, the questionnaire JSON API and the /q pages' HTTP behaviour, through the real
 * local server (test/global-setup.ts). The browser journeys are in test/browser.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getQuestionnaire, questionnaireVersions } from '#questionnaires/index';
import type { Answers, Audience, Language, QuestionnaireDefinition } from '#schemas/questionnaire';
import { baseUrl, call, expectProblem } from '#support/api';
import { createInspection } from '#support/fixtures';
import { draftAttributes, slotKeyOf, slotOf } from '#support/slots';

const client = new DynamoDBClient({
  endpoint: inject('dynamoEndpoint'),
  region: 'eu-west-2',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const db = DynamoDBDocumentClient.from(client);
const table = inject('tableName');
afterAll(() => client.destroy());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Issued {
  invitationId: string;
  token: string;
  url: string;
}

async function invite(inspectionId: string, audience: Audience, language: Language, count = 1, expiresAt?: string): Promise<Issued[]> {
  const res = await call(`/inspections/${inspectionId}/invitations`, {
    as: 'admin',
    json: { audience, language, count, ...(expiresAt ? { expiresAt } : {}) },
  });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
  return res.json.invitations;
}

/** A complete, valid set of answers: the first option of every closed question, a line of text. */
function validAnswers(def: QuestionnaireDefinition): Answers {
  const answers: Answers = {};
  for (const q of def.questions) {
    if (q.type === 'text') answers[q.id] = 'Helpful staff.';
    else if (q.type === 'multi-choice') answers[q.id] = [q.options![0]!.value];
    else answers[q.id] = q.options![0]!.value;
  }
  return answers;
}

async function itemsOf(pk: string, prefix: string) {
  const res = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ConsistentRead: true,
    }),
  );
  return res.Items ?? [];
}

const form = (fields: [string, string][]) => ({
  method: 'POST',
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

let inspectionId: string;
beforeAll(async () => {
  inspectionId = await createInspection('Kent');
});

describe('POST /inspections/{id}/invitations', () => {
  it('issues N one-time links with 128-bit base64url tokens and URLs built from the request', async () => {
    const res = await call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 21 } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ inspectionId, audience: 'victim', language: 'en', questionnaireVersion: questionnaireVersions.victim });
    const invitations: Issued[] = res.json.invitations;
    expect(invitations).toHaveLength(21);
    for (const i of invitations) {
      // 128 random bits, then in clear where its slot is and what it asks: the inspection, the language, the version.
      expect(i.token).toMatch(new RegExp(`^[A-Za-z0-9_-]{22}\\.${inspectionId}\\.en\\.[a-z]+-2008\\.[0-9]+$`));
      expect(Buffer.from(i.token.slice(0, 22), 'base64url')).toHaveLength(16);
      expect(i.url).toBe(`${baseUrl()}/q/${i.token}`);
    }
    expect(new Set(invitations.map((i) => i.token)).size).toBe(21);
    expect(new Set(invitations.map((i) => i.invitationId)).size).toBe(21);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('lets only admins issue links: 401 without a token, 403 for inspectors and staff', async () => {
    const body = { audience: 'victim', language: 'en', count: 1 };
    expectProblem(await call(`/inspections/${inspectionId}/invitations`, { json: body }), 401);
    expectProblem(await call(`/inspections/${inspectionId}/invitations`, { as: 'inspector', json: body }), 403);
    expectProblem(await call(`/inspections/${inspectionId}/invitations`, { as: 'staff', json: body }), 403);
  });

  it('lists every problem with a bad request at once, and 404s an unknown inspection', async () => {
    const res = await call(`/inspections/${inspectionId}/invitations`, {
      as: 'admin',
      json: { audience: 'judge', language: 'fr', count: 0, expiresAt: '2001-01-01', name: 'x' },
    });
    const paths = expectProblem(res, 400).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['audience', 'language', 'count', 'expiresAt', 'name']));
    expectProblem(
      await call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 1001 } }),
      400,
    );
    expectProblem(
      await call('/inspections/no-such-inspection/invitations', { as: 'admin', json: { audience: 'victim', language: 'en', count: 1 } }),
      404,
    );
  });

  it('gives the links as CSV for a mail merge (Accept: text/csv or ?format=csv)', async () => {
    for (const [path, headers] of [
      [`/inspections/${inspectionId}/invitations`, { accept: 'text/csv' }],
      [`/inspections/${inspectionId}/invitations?format=csv`, {}],
    ] as const) {
      const res = await call(path, { as: 'admin', json: { audience: 'sentencer', language: 'cy', count: 3, expiresAt: '2099-12-31' }, headers });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
      const rows: Record<string, string>[] = parse(res.text, { columns: true });
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(['invitationId', 'audience', 'language', 'expiresAt', 'url', 'reference']);
        expect(row).toMatchObject({ audience: 'sentencer', language: 'cy', expiresAt: '2099-12-31T23:59:59.000Z' });
        expect(row.url).toMatch(new RegExp(`^${baseUrl()}/q/[A-Za-z0-9_-]{22}\\.[a-z0-9-]+\\.(en|cy)\\.[a-z]+-[0-9]{4}\\.[0-9]+$`));
      }
      const token = rows[0]!.url!.split('/q/')[1]!;
      expect((await call(`/questionnaires/${token}`)).json.language).toBe('cy');
    }
  });

  it('stores only SHA-256 hashes of tokens: no item anywhere holds a raw token', async () => {
    const issued = await invite(inspectionId, 'offender', 'en', 5);
    const scanned: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey }));
      scanned.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    const everything = JSON.stringify(scanned);
    for (const { token, invitationId } of issued) {
      expect(everything).not.toContain(token);
      const key = slotKeyOf(token);
      const item = scanned.find((i) => i.pk === key.pk && i.sk === key.sk);
      expect(item).toMatchObject({ entity: 'invitation', invitationId, inspectionId, audience: 'offender', language: 'en' });
      // The token's clear parts say where its slot is; only its hash is kept.
      expect(key.sk).toContain(sha256(token));
    }
    for (const item of scanned) expect(item.entity, JSON.stringify(item).slice(0, 200)).toEqual(expect.any(String));
  });
});

describe('GET /questionnaires/{token}', () => {
  it.each([
    ['victim', 'en'],
    ['victim', 'cy'],
    ['sentencer', 'en'],
    ['sentencer', 'cy'],
    ['offender', 'en'],
    ['offender', 'cy'],
  ] as const)('returns the %s questionnaire in %s', async (audience, language) => {
    const [inv] = await invite(inspectionId, audience, language);
    const res = await call(`/questionnaires/${inv!.token}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(getQuestionnaire(audience, language));
    expect(res.json).toMatchObject({ audience, language, version: expect.stringMatching(new RegExp(`^${audience}-`)) });
  });

  it('answers 404 for an unknown token, well-formed or not, with no hint whether it ever existed', async () => {
    const unknown = Buffer.alloc(16, 7).toString('base64url');
    const a = expectProblem(await call(`/questionnaires/${unknown}`), 404);
    const b = expectProblem(await call('/questionnaires/not-a-token'), 404);
    expect(a.detail).toBe(b.detail);
    expect(a.detail).not.toContain(unknown);
    expectProblem(await call(`/questionnaires/${unknown}/responses`, { json: { answers: {} } }), 404);
  });
});

describe('POST /questionnaires/{token}/responses', () => {
  it('lists every problem in one 400: missing required answer, value not an option, unknown question, over-long text', async () => {
    const [inv] = await invite(inspectionId, 'victim', 'en');
    const def = getQuestionnaire('victim', 'en');
    const answers: Record<string, unknown> = validAnswers(def);
    // Two questions that route nothing and are always asked (routing is tested in questionnaire-routing.test.ts).
    const [first, second] = def.questions.filter(
      (q) => q.type !== 'text' && !q.optional && !q.showIf && !def.questions.some((o) => o.showIf?.question === q.id),
    );
    const text = def.questions.find((q) => q.type === 'text')!;
    delete answers[first!.id];
    answers[second!.id] = 'perhaps';
    answers['favourite-colour'] = 'blue';
    answers[text.id] = 'x'.repeat(text.maxLength! + 1);
    const problem = expectProblem(await call(`/questionnaires/${inv!.token}/responses`, { json: { answers } }), 400);
    const byPath = Object.fromEntries(problem.errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [`answers.${first!.id}`, `answers.${second!.id}`, 'answers.favourite-colour', `answers.${text.id}`].sort(),
    );
    expect(byPath[`answers.${text.id}`]).toMatch(/2,000/);
    // Nothing was stored: the same token still answers.
    expect((await call(`/questionnaires/${inv!.token}/responses`, { json: { answers: validAnswers(def) } })).status).toBe(201);
  });

  it('gives Welsh messages for a Welsh questionnaire', async () => {
    const [inv] = await invite(inspectionId, 'sentencer', 'cy');
    const problem = expectProblem(await call(`/questionnaires/${inv!.token}/responses`, { json: { answers: {} } }), 400);
    expect(problem.errors.length).toBeGreaterThan(5);
    expect(problem.errors[0]!.message).toMatch(/^Dewiswch/);
  });

  it('rejects a body that is not the right shape or type', async () => {
    const [inv] = await invite(inspectionId, 'victim', 'en');
    expectProblem(await call(`/questionnaires/${inv!.token}/responses`, { json: { answers: [] } }), 400);
    expectProblem(await call(`/questionnaires/${inv!.token}/responses`, { json: { answers: {}, extra: 1 } }), 400);
    expectProblem(
      await call(`/questionnaires/${inv!.token}/responses`, { body: 'answers=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
    );
    expectProblem(await call(`/questionnaires/${inv!.token}/responses`, { body: '{', headers: { 'content-type': 'application/json' } }), 400);
  });

  it('stores a response once: 201, then 409 for the same token (and the questionnaire GET says 409 too)', async () => {
    const [inv] = await invite(inspectionId, 'offender', 'cy');
    const def = getQuestionnaire('offender', 'cy');
    const answers = validAnswers(def);
    const sentAt = new Date().toISOString();
    const first = await call(`/questionnaires/${inv!.token}/responses`, { json: { answers } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'received', questionnaireVersion: def.version });
    expectProblem(await call(`/questionnaires/${inv!.token}/responses`, { json: { answers } }), 409);
    expectProblem(await call(`/questionnaires/${inv!.token}`), 409);

    const stored = (await slotOf(inv!.token))!;
    expect(stored).toMatchObject({
      entity: 'response',
      invitationId: inv!.invitationId,
      audience: 'offender',
      language: 'cy',
      questionnaireVersion: def.version,
      answers,
    });
    const { pk: _pk, sk: _sk, ...attributes } = stored;
    expect(JSON.stringify(attributes)).not.toContain(inv!.token);
    expect(JSON.stringify(attributes)).not.toContain(sha256(inv!.token));
    // The table's stream marks the inspection stale for the scheduled aggregation, off the request path.
    // Another file's test runs the real dispatcher over every stale inspection, and its workers may
    // recompute this one and clear the marker between two polls: a snapshot begun after the send
    // shows the marker was there too.
    const noticed = async () =>
      (await itemsOf('STALE', `INSP#${inspectionId}`)).length === 1 ||
      (await itemsOf(`INSP#${inspectionId}`, 'SUMMARY')).some((snapshot) => String(snapshot.startedAt) > sentAt);
    const deadline = Date.now() + 10_000;
    while (!(await noticed()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await noticed()).toBe(true);
  });

  it('answers 410 for an expired link, in the API and on the pages', async () => {
    // Far enough ahead that a loaded machine still opens it before it expires.
    const expiresAt = Date.now() + 6000;
    const [inv] = await invite(inspectionId, 'victim', 'cy', 1, new Date(expiresAt).toISOString());
    expect((await call(`/questionnaires/${inv!.token}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 200));
    expectProblem(await call(`/questionnaires/${inv!.token}`), 410);
    expectProblem(await call(`/questionnaires/${inv!.token}/responses`, { json: { answers: validAnswers(getQuestionnaire('victim', 'cy')) } }), 410);
    const page = await call(`/q/${inv!.token}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain('<html lang="cy"');
    expect(page.text).toContain('Mae&#39;r ddolen hon wedi dod i ben');
  });

  it('answers 410 for an invitation written into the table already expired', async () => {
    const token = `${Buffer.alloc(16, 42).toString('base64url')}.${inspectionId}.en.sentencer-2008.1`;
    await db.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...slotKeyOf(token),
          entity: 'invitation',
          invitationId: 'expired-by-hand',
          inspectionId,
          batchId: 'by-hand',
          audience: 'sentencer',
          language: 'en',
          questionnaireVersion: 'sentencer-2008.1',
          createdAt: '2020-01-01T00:00:00.000Z',
          expiresAt: '2020-02-01T00:00:00.000Z',
          draft: {},
          seen: {},
        },
      }),
    );
    expectProblem(await call(`/questionnaires/${token}`), 410);
    expect((await call(`/q/${token}/check`)).status).toBe(410);
  });

  it('lets exactly one of 20 concurrent sends with one token through, and stores exactly one response', async () => {
    const [inv] = await invite(inspectionId, 'sentencer', 'en');
    const answers = validAnswers(getQuestionnaire('sentencer', 'en'));
    const results = await Promise.all(Array.from({ length: 20 }, () => call(`/questionnaires/${inv!.token}/responses`, { json: { answers } })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await slotOf(inv!.token))!.submittedAt).toEqual(expect.any(String));
  });
});

describe('the /q pages over HTTP', () => {
  it('answers 404 with a bilingual GOV.UK page for an unknown link, and for an unknown question', async () => {
    const res = await call(`/q/${Buffer.alloc(16, 9).toString('base64url')}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="en"');
    expect(res.text).toContain('Page not found');
    expect(res.text).toContain('Heb ddod o hyd i&#39;r dudalen');
    const [inv] = await invite(inspectionId, 'victim', 'en');
    expect((await call(`/q/${inv!.token}/no-such-question`)).status).toBe(404);
  });

  it('keeps answers as the respondent goes, resumes at the first unanswered question, sends once', async () => {
    const [inv] = await invite(inspectionId, 'victim', 'en');
    const def = getQuestionnaire('victim', 'en');
    const [q1, q2, q3] = def.questions;
    const start = await call(`/q/${inv!.token}`);
    expect(start.status).toBe(200);
    expect(start.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(start.headers.get('cache-control')).toBe('no-store');
    expect(start.headers.get('referrer-policy')).toBe('no-referrer');

    const begin = await call(`/q/${inv!.token}`, form([]));
    expect(begin.status).toBe(303);
    expect(begin.headers.get('location')).toBe(`/q/${inv!.token}/${q1!.id}`);

    // No answer: the same page again, 400, with the error summary and "Error:" in the title.
    const empty = await call(`/q/${inv!.token}/${q1!.id}`, form([['action', 'continue']]));
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<title>Error: ');
    expect(empty.text).toContain('There is a problem');
    expect(empty.text).toContain(`href="#${q1!.id}"`);
    expect(empty.text).not.toContain(' checked');

    const answered = await call(
      `/q/${inv!.token}/${q1!.id}`,
      form([
        [q1!.id, 'yes'],
        ['action', 'continue'],
      ]),
    );
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`/q/${inv!.token}/${q2!.id}`);

    // Save and come back later: kept, then the same link continues at the first unanswered question.
    const saved = await call(
      `/q/${inv!.token}/${q2!.id}`,
      form([
        [q2!.id, 'no'],
        ['action', 'save'],
      ]),
    );
    expect(saved.headers.get('location')).toBe(`/q/${inv!.token}/saved`);
    expect((await call(`/q/${inv!.token}/saved`)).text).toContain('Your answers have been saved');
    const back = await call(`/q/${inv!.token}`);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/q/${inv!.token}/${q3!.id}?resumed=1`);
    const page2 = await call(`/q/${inv!.token}/${q2!.id}`);
    expect(page2.text).toMatch(/value="no" checked/);
    expect(page2.text.match(/ checked/g)).toHaveLength(1);

    // Answer the rest, check, then send twice at once (a double click): one response, both land on the confirmation.
    for (const q of def.questions.slice(2)) {
      const fields: [string, string][] = q.type === 'text' ? [[q.id, '']] : [[q.id, q.options![0]!.value]];
      expect((await call(`/q/${inv!.token}/${q.id}`, form([...fields, ['action', 'continue']]))).status).toBe(303);
    }
    const check = await call(`/q/${inv!.token}/check`);
    expect(check.status).toBe(200);
    expect(check.text).toContain('Check your answers before sending');
    const sends = await Promise.all([call(`/q/${inv!.token}/check`, form([])), call(`/q/${inv!.token}/check`, form([]))]);
    for (const s of sends) {
      expect(s.status).toBe(303);
      expect(s.headers.get('location')).toBe(`/q/${inv!.token}/sent`);
    }
    expect((await slotOf(inv!.token))!.submittedAt).toEqual(expect.any(String));
    expect((await call(`/q/${inv!.token}/sent`)).text).toContain('Questionnaire sent');
    const used = await call(`/q/${inv!.token}`);
    expect(used.status).toBe(409);
    expect(used.text).toContain('This link has already been used');
    expect((await call(`/q/${inv!.token}/${q1!.id}`, form([[q1!.id, 'no']]))).status).toBe(409);
    // The draft went with the send: the one write took it out, so no copy of the answers is left beside the response.
    const response = (await slotOf(inv!.token))!;
    expect(response.submittedAt).toEqual(expect.any(String));
    expect(draftAttributes(response)).toEqual([]);
  });

  it('refuses to send from the check page while required answers are missing, naming each', async () => {
    const [inv] = await invite(inspectionId, 'offender', 'en');
    const res = await call(`/q/${inv!.token}/check`, form([]));
    expect(res.status).toBe(400);
    // Required and asked before any answer (questions routed on an answer are not asked yet).
    const required = getQuestionnaire('offender', 'en').questions.filter((q) => !q.optional && !q.showIf);
    expect(res.text.match(/<li><a href="\/q\//g)).toHaveLength(required.length);
    expect((await call(`/questionnaires/${inv!.token}`)).status).toBe(200);
  });
});

describe('GET /assets/{path+}', () => {
  const dist = new URL('../../node_modules/govuk-frontend/dist/govuk/', import.meta.url);

  it('serves GOV.UK Frontend with the right types and a year of caching', async () => {
    const css = await call('/assets/css/govuk-frontend.min.css?v=1');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.text).toBe(readFileSync(new URL('govuk-frontend.min.css', dist), 'utf8'));
    const js = await call('/assets/js/govuk-frontend.min.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await call('/assets/js/init.mjs')).text).toContain('initAll()');
    const font = await fetch(`${baseUrl()}/assets/fonts/bold-b542beb274-v2.woff2`);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(Buffer.from(await font.arrayBuffer()).equals(readFileSync(new URL('assets/fonts/bold-b542beb274-v2.woff2', dist)))).toBe(true);
    const png = await fetch(`${baseUrl()}/assets/images/govuk-icon-180.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).equals(readFileSync(new URL('assets/images/govuk-icon-180.png', dist)))).toBe(true);
    expect((await call('/assets/manifest.json')).status).toBe(200);
  });

  it.each([
    '/assets/..%2F..%2Fpackage.json',
    '/assets/fonts/..%2F..%2F..%2F..%2F..%2Fpackage.json',
    '/assets/fonts/%2e%2e%2fmanifest.json',
    '/assets/images/../../../package.json',
    '/assets/index.scss',
    '/assets/fonts/nope.woff2',
    '/assets/fonts/.hidden',
    '/assets/css/../govuk-frontend.min.js',
  ])('answers 404 for %s', async (path) => {
    expect((await call(path)).status).toBe(404);
  });
});

describe('the store functions the aggregation uses', () => {
  it('listInvitationBatches counts invitations per batch; allResponses pages through the responses', async () => {
    Object.assign(process.env, {
      TABLE_NAME: table,
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    const { listInvitationBatches } = await import('#store/invitations');
    const { allResponses } = await import('#store/responses');
    const id = await createInspection('Gwent');
    await invite(id, 'victim', 'en', 4);
    const cy = await invite(id, 'victim', 'cy', 2, '2099-01-31');
    const def = getQuestionnaire('victim', 'cy');
    expect((await call(`/questionnaires/${cy[0]!.token}/responses`, { json: { answers: validAnswers(def) } })).status).toBe(201);

    const batches = await listInvitationBatches(id);
    expect(batches.sort((a, b) => a.language.localeCompare(b.language))).toEqual([
      expect.objectContaining({ audience: 'victim', language: 'cy', count: 2, expiresAt: '2099-01-31T23:59:59.000Z' }),
      expect.objectContaining({ audience: 'victim', language: 'en', count: 4 }),
    ]);
    expect(batches.find((b) => b.language === 'en')).not.toHaveProperty('expiresAt');
    const pages = [];
    for await (const page of allResponses(id)) pages.push(...page);
    expect(pages).toEqual([
      {
        invitationId: cy[0]!.invitationId,
        audience: 'victim',
        language: 'cy',
        questionnaireVersion: def.version,
        answers: validAnswers(def),
        submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        channel: 'online',
      },
    ]);
  });
});
