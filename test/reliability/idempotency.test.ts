/**
 * State changes retried (contract, "An inspection's life cycle"): the same Idempotency-Key
 * with the same body gets the first answer and never a second effect; with another body, 422.
 * A batch of invitations can be downloaded again until it is marked sent or 7 days have
 * passed, then 410. Oracles are other routes (the reminders file lists every issued link,
 * the releases list, a case's history), never the idempotency records themselves.
 */
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { baseUrl, call, expectProblem, tokenFor, type CallResult } from '#support/api';
import { casesCsv, createInspection, kentSample } from '#support/fixtures';

const key = () => `test-${randomUUID()}`;

const tableDoc = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );

/** What the table holds of an inspection's batches besides their hashes: the sealed secrets (read straight from the table). */
async function sealedSecretsOf(inspectionId: string): Promise<number> {
  const doc = tableDoc();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: inject('tableName'),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `INSP#${inspectionId}`, ':prefix': 'INVBATCHKEY#' },
    }),
  );
  doc.destroy();
  return Items?.length ?? 0;
}

/** POSTs with a key, waiting out a first attempt still in flight (409 request-in-progress) as a client would. */
async function postWithKey(
  path: string,
  idempotencyKey: string,
  options: { json?: unknown; body?: string; headers?: Record<string, string> },
): Promise<CallResult> {
  for (let i = 0; ; i++) {
    const res = await call(path, {
      as: 'admin',
      method: 'POST',
      ...options,
      headers: { ...(options.headers ?? {}), 'idempotency-key': idempotencyKey },
    });
    if (res.status !== 409 || res.json?.type !== 'urn:omi:problem:request-in-progress' || i > 30) return res;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Sends the whole request, then hangs up without reading any reply: the reply is lost, the work is not. */
async function sendAndHangUp(path: string, body: string, headers: Record<string, string>): Promise<void> {
  const url = new URL(baseUrl() + path);
  await new Promise<void>((resolve) => {
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.destroy();
      resolve();
    });
    // A moment for the server to have read the request (a hang-up mid-body would be a request lost, not a reply).
    req.end(body, () =>
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300),
    );
  });
}

async function reminderIds(inspectionId: string): Promise<string[]> {
  const res = await call(`/inspections/${inspectionId}/invitations/reminders.csv`, { as: 'admin' });
  expect(res.status).toBe(200);
  return res.text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0]!);
}

const invitationBody = (count: number, audience = 'offender') => ({ audience, language: 'en', count });

describe('POST .../invitations with an Idempotency-Key', () => {
  it('a reply lost on the way: the retry with the same key gets the same links, and only one batch exists', async () => {
    const id = await createInspection('Idempotent links');
    const k = key();
    const body = JSON.stringify(invitationBody(40));
    await sendAndHangUp(`/inspections/${id}/invitations`, body, {
      authorization: `Bearer ${await tokenFor('admin')}`,
      'content-type': 'application/json',
      'idempotency-key': k,
    });
    // The hung-up request did its work (a reply lost, not a request): its 40 links are there.
    for (let i = 0; (await reminderIds(id)).length < 40; i++) {
      if (i > 60) throw new Error('the hung-up request issued nothing');
      await new Promise((r) => setTimeout(r, 500));
    }
    const retried = await postWithKey(`/inspections/${id}/invitations`, k, { body, headers: { 'content-type': 'application/json' } });
    expect(retried.status, retried.text).toBe(201);
    expect(retried.json.invitations).toHaveLength(40);
    const again = await postWithKey(`/inspections/${id}/invitations`, k, { body, headers: { 'content-type': 'application/json' } });
    expect(again.json).toEqual(retried.json);
    // One batch of 40 issued, and the links handed back are those (the reminders list every unanswered link).
    const ids = await reminderIds(id);
    expect(ids.sort()).toEqual(retried.json.invitations.map((i: { invitationId: string }) => i.invitationId).sort());
    for (const link of retried.json.invitations.slice(0, 3)) {
      expect((await call(`/questionnaires/${link.token}`)).status).toBe(200);
    }
  }, 90_000);

  it('duplicates sent at once issue one batch between them', async () => {
    const id = await createInspection('Idempotent at once');
    const k = key();
    const replies = await Promise.all([1, 2, 3].map(() => postWithKey(`/inspections/${id}/invitations`, k, { json: invitationBody(25, 'victim') })));
    for (const r of replies) expect(r.status, r.text).toBe(201);
    expect(new Set(replies.map((r) => r.json.batchId)).size).toBe(1);
    expect(await reminderIds(id)).toHaveLength(25);
  });

  it('the same key with another body is refused with 422, issuing nothing', async () => {
    const id = await createInspection('Idempotent reuse');
    const k = key();
    expect((await postWithKey(`/inspections/${id}/invitations`, k, { json: invitationBody(3) })).status).toBe(201);
    const p = expectProblem(await postWithKey(`/inspections/${id}/invitations`, k, { json: invitationBody(4) }), 422);
    expect(p.type).toBe('urn:omi:problem:idempotency-key-reused');
    expect(await reminderIds(id)).toHaveLength(3);
    // A key that is not one (a space in it) is a bad request, not a new key.
    expectProblem(
      await call(`/inspections/${id}/invitations`, { as: 'admin', json: invitationBody(1), headers: { 'idempotency-key': 'has space' } }),
      400,
    );
  });
});

describe('a batch of invitations downloaded again', () => {
  it('gives the same file until the batch is marked sent, then 410; unknown batches 404', async () => {
    const id = await createInspection('Batch again');
    const first = await call(`/inspections/${id}/invitations?format=csv`, { as: 'admin', json: invitationBody(12, 'sentencer') });
    expect(first.status).toBe(201);
    const json = await call(`/inspections/${id}/invitations`, { as: 'admin', json: invitationBody(2, 'victim') });
    const batchFile = /-([0-9a-f]{8}-[0-9a-f]{4})\.csv"/.exec(first.headers.get('content-disposition') ?? '')![1]!;
    const again = await call(`/inspections/${id}/invitations/${batchFile}.csv`, { as: 'admin' });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('cache-control')).toContain('no-store');
    expect((await call(`/inspections/${id}/invitations/${batchFile}.csv`, { as: 'inspector' })).status).toBe(403);
    expectProblem(await call(`/inspections/${id}/invitations/nosuchbatch.csv`, { as: 'admin' }), 404);
    expectProblem(await call(`/inspections/${id}/invitations/${batchFile}.txt`, { as: 'admin' }), 404);

    const sent = await call(`/inspections/${id}/invitations/${batchFile}/sent`, { as: 'admin', method: 'POST' });
    expect(sent.status).toBe(200);
    expect(sent.json.sentAt).toEqual(expect.any(String));
    expect((await call(`/inspections/${id}/invitations/${batchFile}/sent`, { as: 'admin', method: 'POST' })).json.sentAt).toBe(sent.json.sentAt);
    expectProblem(await call(`/inspections/${id}/invitations/${batchFile}.csv`, { as: 'admin' }), 410);
    // Only the other batch's secret is left: the sent one's is deleted, not merely refused.
    expect(await sealedSecretsOf(id)).toBe(1);
    // The other batch is untouched.
    expect((await call(`/inspections/${id}/invitations/${json.json.batchId}.csv`, { as: 'admin' })).status).toBe(200);
    // The links themselves still work: only the means to print them again is gone.
    const url = first.text.trim().split(/\r?\n/)[1]!.split(',')[4]!;
    expect((await call(`/questionnaires/${url.split('/q/')[1]}`)).status).toBe(200);
  });

  it('answers 410 once its 7 days are over, whether or not TTL has deleted its secret yet', async () => {
    const id = await createInspection('Batch expired');
    const issued = await call(`/inspections/${id}/invitations`, { as: 'admin', json: invitationBody(2) });
    const doc = tableDoc();
    // Eight days on: the batch item's window is moved into the past, as time would.
    await doc.send(
      new UpdateCommand({
        TableName: inject('tableName'),
        Key: { pk: `INSP#${id}`, sk: `INVBATCH#offender#en#${issued.json.batchId}` },
        UpdateExpression: 'SET recoverableUntil = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 86_400_000).toISOString() },
      }),
    );
    expectProblem(await call(`/inspections/${id}/invitations/${issued.json.batchId}.csv`, { as: 'admin' }), 410);
    doc.destroy();
  });
});

describe('releases, reopening and CSV imports retried with the same key', () => {
  it('a release retried is one release; a reopen retried is one reopen; an import retried writes each case once', async () => {
    const id = await createInspection('Idempotent release');
    const csv = casesCsv(kentSample().slice(0, 3));
    const k = key();
    const imported = await postWithKey(`/inspections/${id}/cases`, k, { body: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.json.created).toBe(3);
    const reimported = await postWithKey(`/inspections/${id}/cases`, k, { body: csv, headers: { 'content-type': 'text/csv' } });
    expect(reimported.json).toEqual(imported.json);
    const ref = kentSample()[0]!.caseRef;
    expect((await call(`/inspections/${id}/cases/${ref}`, { as: 'admin' })).json.earlierVersions).toEqual([]);
    expectProblem(
      await postWithKey(`/inspections/${id}/cases`, k, { body: csv.replace(/\r?\n[^\n]*\r?\n?$/, '\n'), headers: { 'content-type': 'text/csv' } }),
      422,
    );

    const rk = key();
    const release = await postWithKey(`/inspections/${id}/releases`, rk, { json: { kind: 'factual-accuracy' } });
    expect(release.status, release.text).toBe(201);
    expect((await postWithKey(`/inspections/${id}/releases`, rk, { json: { kind: 'factual-accuracy' } })).json).toEqual(release.json);
    expectProblem(await postWithKey(`/inspections/${id}/releases`, rk, { json: { kind: 'final' } }), 422);
    expect((await call(`/inspections/${id}/releases`, { as: 'admin' })).json.releases).toHaveLength(1);

    const inspection = (await call(`/inspections/${id}`, { as: 'admin' })).json;
    let final = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } });
    if (final.status === 409 && final.json?.type === 'urn:omi:problem:not-ready') {
      final = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: inspection.area } });
    }
    expect(final.status, final.text).toBe(201);
    const ok = key();
    const reopened = await postWithKey(`/inspections/${id}/reopen`, ok, {});
    expect(reopened.status, reopened.text).toBe(200);
    // Without the key a second reopen is refused (409, the inspection is open); with it, the first answer.
    expect((await postWithKey(`/inspections/${id}/reopen`, ok, {})).json).toEqual(reopened.json);
    expectProblem(await call(`/inspections/${id}/reopen`, { as: 'admin', method: 'POST' }), 409);
  });
});
