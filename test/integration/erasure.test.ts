/**
 * Issue 18, item 5: after DELETE /inspections/{id}/responses no respondent's words are served
 * by any route a role or a report link reaches (the figures may stay); and no comment outlives
 * the retention period, in a new computation or in a snapshot already stored.
 */
import { keys } from '#store/keys';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { getQuestionnaire } from '#questionnaires/index';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { tableAt, validAnswers } from '#support/hostile';

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

async function respond(id: string, words: string[]) {
  const inv = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: words.length } });
  expect(inv.status).toBe(201);
  for (const [i, { token }] of (inv.json.invitations as { token: string }[]).entries()) {
    const def = (await call(`/questionnaires/${token}`)).json;
    const sent = await call(`/questionnaires/${token}/responses`, {
      json: { answers: validAnswers(def, `I want to say ${words[i]} about my officer.`) },
    });
    expect(sent.status, sent.text.slice(0, 200)).toBe(201);
  }
}

async function linkToken(id: string) {
  const link = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
  return /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
}

/** Every route that serves a summary, by role and by link, as text. */
async function everything(id: string, token: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const paths: [string, boolean][] = [
    [`/inspections/${id}/summary`, true],
    [`/inspections/${id}/summary?format=csv`, true],
    [`/inspections/${id}/report`, true],
    [`/reports/${token}`, false],
    [`/reports/${token}/summary.json`, false],
    [`/reports/${token}/summary.csv`, false],
  ];
  for (const [path, signedIn] of paths) {
    const res = await call(path, signedIn ? { as: 'staff' } : {});
    expect(res.status, path).toBe(200);
    out[path] = res.text;
  }
  return out;
}

describe('erasure takes the words out of everything served', () => {
  it('no comment is served after DELETE .../responses; the figures stay', async () => {
    const id = await createInspection('Erasure');
    const words = ['Quillfeather', 'Marrowbank', 'Tinselgrove'];
    await respond(id, words);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    const token = await linkToken(id);
    const before = await everything(id, token);
    // Comments are for staff: the signed-in report shows them, a report link's page does not.
    expect(before[`/inspections/${id}/report`]).toContain('Quillfeather');
    expect(before[`/reports/${token}`]).not.toContain('Quillfeather');
    expect(before[`/inspections/${id}/summary`]).toContain('Marrowbank');

    const erased = await call(`/inspections/${id}/responses`, { method: 'DELETE', as: 'admin' });
    expect(erased.status).toBe(200);

    const after = await everything(id, token);
    for (const [path, text] of Object.entries(after)) {
      for (const word of words) expect(text, `${path} still serves ${word}`).not.toContain(word);
    }
    const summary = JSON.parse(after[`/inspections/${id}/summary`]!);
    expect(summary.serviceUsers.victim.returned).toBe(3);
    expect(summary.commentsRemoved).toBe('erased');
    expect(after[`/inspections/${id}/report`]).toContain('3 comments are not shown because the responses were erased');
    const [item] = await table.partition(`INSP#${id}`, 'SUMMARY');
    const stored = gunzipSync(item!.body as Uint8Array).toString('utf8');
    for (const word of words) expect(stored).not.toContain(word);
  });
});

describe('retention', () => {
  it('a response past retention gives its figures but not its words', async () => {
    const id = await createInspection('Retention');
    await respond(id, ['Freshmeadow']);
    const def = getQuestionnaire('victim', 'en');
    const old = new Date(Date.now() - 800 * 86_400_000).toISOString();
    await table.db.send(
      new PutCommand({
        TableName: inject('tableName'),
        Item: {
          ...keys.slot(id, 'a0'.repeat(32)),
          entity: 'response',
          invitationId: 'old-one',
          audience: 'victim',
          language: 'en',
          questionnaireVersion: def.version,
          answers: validAnswers(def, 'Oldharbour was here'),
          submittedAt: old,
        },
      }),
    );
    const agg = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' });
    expect(agg.status).toBe(200);
    expect(agg.json.serviceUsers.victim.returned).toBe(2);
    expect(agg.text).toContain('Freshmeadow');
    expect(agg.text).not.toContain('Oldharbour');
    expect(Date.parse(agg.json.commentsExpireAt)).toBeGreaterThan(Date.now() + 700 * 86_400_000);
  });

  it('a stored snapshot loses its comments once their retention has passed', async () => {
    const id = await createInspection('Expiry');
    await respond(id, ['Brightwater']);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    const [item] = await table.partition(`INSP#${id}`, 'SUMMARY');
    const snapshot = JSON.parse(gunzipSync(item!.body as Uint8Array).toString('utf8'));
    expect(JSON.stringify(snapshot)).toContain('Brightwater');
    snapshot.commentsExpireAt = new Date(Date.now() - 1000).toISOString();
    await table.db.send(new PutCommand({ TableName: inject('tableName'), Item: { ...item, body: gzipSync(JSON.stringify(snapshot)) } }));

    const token = await linkToken(id);
    for (const [path, text] of Object.entries(await everything(id, token))) expect(text, path).not.toContain('Brightwater');
    const [after] = await table.partition(`INSP#${id}`, 'SUMMARY');
    expect(gunzipSync(after!.body as Uint8Array).toString('utf8')).not.toContain('Brightwater');
  });
});
