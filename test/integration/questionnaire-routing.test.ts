/**
 * Routing and versions through the real local server: a victim who declined contact is not
 * asked about it (API and pages), an answer to a hidden question is a 400 naming it, and a
 * link issued with the first version keeps its questions after the second version shipped.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getQuestionnaireVersion, questionnaireVersions } from '#questionnaires/index';
import type { Answers, QuestionnaireDefinition } from '#schemas/questionnaire';
import { call, expectProblem } from '#support/api';
import { createInspection } from '#support/fixtures';
import { slotKeyOf, slotOf } from '#support/slots';

const client = new DynamoDBClient({
  endpoint: inject('dynamoEndpoint'),
  region: 'eu-west-2',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const db = DynamoDBDocumentClient.from(client);
const table = inject('tableName');
afterAll(() => client.destroy());

const form = (fields: [string, string][]) => ({
  method: 'POST',
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

let inspectionId: string;
beforeAll(async () => {
  inspectionId = await createInspection('Kent');
});

async function invite(audience = 'victim', language = 'en'): Promise<{ token: string; invitationId: string; reference?: string }> {
  const res = await call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience, language, count: 1 } });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
  return res.json.invitations[0];
}

/** An invitation as the first version issued it (written by hand: the API now issues the second). */
async function inviteWithFirstVersion(n: number): Promise<{ token: string; invitationId: string }> {
  const token = `${Buffer.alloc(16, n).toString('base64url')}.${inspectionId}.en.victim-2008.1`;
  const invitationId = `v1-by-hand-${n}`;
  await db.send(
    new PutCommand({
      TableName: table,
      Item: {
        ...slotKeyOf(token),
        entity: 'invitation',
        invitationId,
        inspectionId,
        batchId: 'by-hand',
        audience: 'victim',
        language: 'en',
        questionnaireVersion: 'victim-2008.1',
        createdAt: new Date().toISOString(),
        // As every link is issued: its draft's two maps, empty.
        draft: {},
        seen: {},
      },
    }),
  );
  return { token, invitationId };
}

const declinedV2: Answers = { 'agreed-contact': 'no', 'mappa-aware': 'no', 'first-time-asked': 'yes' };
const CONTACT_QUESTIONS = [
  'contact-prompt',
  'role-explained',
  'needs-considered',
  'offender-information',
  'regular-updates',
  'influence-licence',
  'breach-know',
  'safety',
  'satisfaction',
];

describe('routing (showIf) over HTTP', () => {
  it('publishes showIf in the definition; a declined victim sends only what they were asked, and an answer to a hidden question is a 400 naming it', async () => {
    const inv = await invite();
    const def = (await call(`/questionnaires/${inv.token}`)).json as QuestionnaireDefinition;
    expect(def.version).toBe(questionnaireVersions.victim);
    expect(def.questions.find((q) => q.id === 'contact-prompt')!.showIf).toEqual({ question: 'agreed-contact', in: ['yes'] });

    const hidden = await call(`/questionnaires/${inv.token}/responses`, {
      json: { answers: { ...declinedV2, 'contact-prompt': 'dont-know', safety: 'no' } },
    });
    expectProblem(hidden, 400);
    const paths = hidden.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['answers.contact-prompt', 'answers.safety']);
    expect(hidden.json.errors[0].message).toContain('not asked');

    const sent = await call(`/questionnaires/${inv.token}/responses`, { json: { answers: declinedV2 } });
    expect(sent.status).toBe(201);
    expect(sent.json.questionnaireVersion).toBe('victim-2008.2');
  });

  it('a victim who agreed to contact must answer the contact questions', async () => {
    const inv = await invite();
    const res = await call(`/questionnaires/${inv.token}/responses`, { json: { answers: { ...declinedV2, 'agreed-contact': 'yes' } } });
    expectProblem(res, 400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(CONTACT_QUESTIONS.map((id) => `answers.${id}`));
  });

  it('the pages skip the contact questions for a victim who declined, and the check page leaves them out', async () => {
    const inv = await invite();
    const t = inv.token;
    const first = await call(
      `/q/${t}/agreed-contact`,
      form([
        ['agreed-contact', 'no'],
        ['action', 'continue'],
      ]),
    );
    expect(first.headers.get('location')).toBe(`/q/${t}/mappa-aware`);
    // Typed in by hand: a hidden question is not shown; the respondent is sent on to where they are.
    const typed = await call(`/q/${t}/safety`);
    expect(typed.status).toBe(303);
    expect(typed.headers.get('location')).toBe(`/q/${t}/mappa-aware`);
    expect(
      (
        await call(
          `/q/${t}/safety`,
          form([
            ['safety', 'yes'],
            ['action', 'continue'],
          ]),
        )
      ).status,
    ).toBe(303);
    const mappa = await call(`/q/${t}/mappa-aware`);
    expect(mappa.text).toContain('Question 2 of 4');
    expect(mappa.text).toContain(`href="/q/${t}/agreed-contact"`);
    await call(
      `/q/${t}/mappa-aware`,
      form([
        ['mappa-aware', 'no'],
        ['action', 'continue'],
      ]),
    );
    await call(
      `/q/${t}/first-time-asked`,
      form([
        ['first-time-asked', 'yes'],
        ['action', 'continue'],
      ]),
    );
    const last = await call(
      `/q/${t}/comments`,
      form([
        ['comments', ''],
        ['action', 'continue'],
      ]),
    );
    expect(last.headers.get('location')).toBe(`/q/${t}/check`);
    const check = await call(`/q/${t}/check`);
    for (const id of CONTACT_QUESTIONS) expect(check.text).not.toContain(`/q/${t}/${id}?`);
    expect(check.text).toContain(`/q/${t}/mappa-aware?`);

    // Changing the answer from the check page leads to the questions it now asks, then back.
    const changed = await call(
      `/q/${t}/agreed-contact?from=check`,
      form([
        ['agreed-contact', 'yes'],
        ['action', 'continue'],
      ]),
    );
    expect(changed.headers.get('location')).toBe(`/q/${t}/contact-prompt`);
    // ... and back to "no": the contact answers are hidden again and the send goes through.
    await call(
      `/q/${t}/agreed-contact?from=check`,
      form([
        ['agreed-contact', 'no'],
        ['action', 'continue'],
      ]),
    );
    const send = await call(`/q/${t}/check`, form([]));
    expect(send.headers.get('location')).toBe(`/q/${t}/sent`);
    const stored = await slotOf(t);
    expect(stored!.answers).toEqual(declinedV2);
  });
});

describe('two questionnaire versions live side by side', () => {
  it('a link issued with victim-2008.1 still shows and accepts its own questions while new links get victim-2008.2', async () => {
    const old = await inviteWithFirstVersion(7);
    const fresh = await invite();
    const v1 = getQuestionnaireVersion('victim-2008.1', 'en')!;
    const oldDef = (await call(`/questionnaires/${old.token}`)).json as QuestionnaireDefinition;
    expect(oldDef.version).toBe('victim-2008.1');
    expect(oldDef.questions.map((q) => q.id)).toEqual(v1.questions.map((q) => q.id));
    expect(oldDef.questions.some((q) => q.showIf)).toBe(false);
    expect((await call(`/questionnaires/${fresh.token}`)).json.version).toBe('victim-2008.2');

    // Pages: the old link asks the old questions (a declined victim still gets the contact questions).
    const begin = await call(
      `/q/${old.token}/agreed-contact`,
      form([
        ['agreed-contact', 'no'],
        ['action', 'continue'],
      ]),
    );
    expect(begin.headers.get('location')).toBe(`/q/${old.token}/contact-prompt`);
    expect((await call(`/q/${old.token}/mappa-aware`)).status).toBe(404);

    // Answers in the old shape: accepted on the old link, refused on the new one.
    const v1Answers: Answers = Object.fromEntries(
      v1.questions.filter((q) => q.type !== 'text').map((q) => [q.id, q.options![q.options!.length - 1]!.value]),
    );
    v1Answers['agreed-contact'] = 'no';
    const onNew = await call(`/questionnaires/${fresh.token}/responses`, { json: { answers: v1Answers } });
    expectProblem(onNew, 400);
    expect(onNew.json.errors.map((e: { path: string }) => e.path)).toContain('answers.mappa-aware');
    const onOld = await call(`/questionnaires/${old.token}/responses`, { json: { answers: v1Answers } });
    expect(onOld.status).toBe(201);
    expect(onOld.json.questionnaireVersion).toBe('victim-2008.1');
  });
});
