/**
 * Paper returns and reminders as rules over an invitation's states (issue 32; contract: a
 * paper return is stored as an online send is, so an answered link gets 409 and an expired
 * one 410). One inspection with invitations in every state: open, with a draft, answered
 * online, answered on paper, expired (its end moved into the past in the table, the only
 * write here that is not through the server). Then: a paper return is taken for an open
 * invitation only, and nothing stored changes otherwise; the reminders mail merge lists
 * exactly the invitations neither answered nor expired.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#store/keys';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { slotKeyOf, slotsOf } from '#support/slots';

interface Issued {
  invitationId: string;
  token: string;
  reference: string;
}

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

const answers = {
  induction: 'yes',
  'rules-clear': 'yes',
  'sentence-plan-seen': 'no',
  'sentence-plan-involved': 'no',
  'regular-contact': 'yes',
  'custody-contact': 'not-in-custody',
  'unpaid-work': 'no-unpaid-work',
  programme: 'no-programme',
  'skills-screening': 'no',
  'diversity-needs': 'no-needs',
  'help-received': ['none'],
  supported: 'yes',
};

let id: string;
const state: Record<'open' | 'drafted' | 'online' | 'paper' | 'expired', Issued> = {} as never;

const paper = (reference: string) => call(`/inspections/${id}/paper-responses`, { as: 'inspector', json: { reference, answers } });

/** Moves an invitation's end into the past, where the reference and the link keep it. */
async function expire(inv: Issued) {
  const past = new Date(Date.now() - 60_000).toISOString();
  for (const Key of [keys.invitationReference(id, inv.reference), slotKeyOf(inv.token)]) {
    await table.db.send(
      new UpdateCommand({
        TableName: inject('tableName'),
        Key,
        UpdateExpression: 'SET expiresAt = :past',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':past': past },
      }),
    );
  }
}

beforeAll(async () => {
  id = await createInspection('Paper rules');
  const res = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'offender', language: 'en', count: 5 } });
  expect(res.status).toBe(201);
  const [open, drafted, online, onPaper, expired] = res.json.invitations as Issued[];
  Object.assign(state, { open, drafted, online, paper: onPaper, expired });
  expect((await call(`/questionnaires/${online!.token}/responses`, { json: { answers } })).status).toBe(201);
  expect((await paper(onPaper!.reference)).status).toBe(201);
  const draft = await call(`/q/${drafted!.token}/induction`, {
    method: 'POST',
    body: 'induction=yes&action=continue',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(draft.status).toBe(303);
  await expire(expired!);
});

describe('a paper return', () => {
  it('is refused for every invitation that is not open (answered online or on paper: 409; expired: 410), and nothing stored changes', async () => {
    const before = JSON.stringify(await slotsOf(id));
    const refused = {
      online: (await paper(state.online.reference)).status,
      paper: (await paper(state.paper.reference)).status,
      expired: (await paper(state.expired.reference)).status,
    };
    expect(refused).toEqual({ online: 409, paper: 409, expired: 410 });
    expect(JSON.stringify(await slotsOf(id))).toBe(before);
  });
});

describe('the reminders mail merge', () => {
  it('lists exactly the invitations neither answered nor expired, a draft included', async () => {
    const res = await call(`/inspections/${id}/invitations/reminders.csv`, { as: 'admin' });
    expect(res.status).toBe(200);
    const listed = (parse(res.text, { columns: true }) as Record<string, string>[]).map((r) => r.reference).sort();
    expect(listed).toEqual([state.open.reference, state.drafted.reference].sort());
  });
});
