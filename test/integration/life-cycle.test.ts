/**
 * An inspection's life cycle (contract, "An inspection's life cycle"; issue 24), through the
 * local server: the stage and version on GET /inspections/{id} as the work moves it on; a
 * release or reopening in the wrong stage is a 409 naming the stage; a reopening while a
 * release holds the inspection is 409 release-in-progress; and a release or reopening that
 * died half-way (its state written into the table as a crash would leave it) is undone or
 * finished by an admin, through the JSON route and the releases page's buttons, leaving the
 * invariants true.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#store/keys';
import { TABLE } from '#store/table';
import { call, expectProblem } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { casesCsv, csrfOf, form, page, signIn } from '#support/workbench';

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());
const cookies = new Map<string, Promise<string>>();
const cookieOf = (role: 'admin' | 'staff') => {
  if (!cookies.has(role))
    cookies.set(
      role,
      signIn(role).then((s) => s.cookie),
    );
  return cookies.get(role)!;
};
const browse = async (path: string, options: { as: 'admin' | 'staff'; method?: string; body?: string; headers?: Record<string, string> }) =>
  page(path, {
    cookie: await cookieOf(options.as),
    ...(options.method ? { method: options.method } : {}),
    ...(options.body ? { body: options.body } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });

const stageOf = async (id: string) => {
  const res = await call(`/inspections/${id}`, { as: 'staff' });
  expect(res.status, res.text).toBe(200);
  return { stage: res.json.stage as string, version: res.json.version as number, status: res.json.status as string };
};

async function writeUp(id: string) {
  const etag = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).headers.get('etag')!;
  return call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': etag },
    json: { summary: [{ section: '1', text: 'Drafted.' }], criteria: {}, recommendations: [], goodPractice: [] },
  });
}

const putCase = (id: string, ref: string, seed = 1) =>
  call(`/inspections/${id}/cases/${ref}`, { method: 'PUT', as: 'inspector', json: makeCase('community', seed, bank()) });

/** Sets attributes of the inspection's item straight in the table: the state a crash leaves. */
async function setOnInspection(id: string, values: Record<string, unknown>) {
  const names = Object.keys(values);
  await table.db.send(
    new UpdateCommand({
      TableName: inject('tableName'),
      Key: keys.inspection(id),
      UpdateExpression: `SET ${names.map((_n, i) => `#n${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
    }),
  );
}

async function stored(id: string) {
  const pk = keys.partitionOf(id);
  const [inspection] = await table.partition(pk, 'INSPECTION');
  const cases = await caseRecords(id);
  const slots = (await Promise.all(keys.slotPartitions(id).map((p) => table.partition(p, keys.slotPrefix)))).flat();
  const releases = await table.partition(pk, keys.releasePrefix);
  const parts = await table.partition(pk, 'RELPART#');
  return {
    inspection: inspection!,
    ttls: cases.filter((c) => c[TABLE.ttlAttribute] !== undefined).length,
    cases: cases.length,
    stamped: slots.filter((s) => s.closedAt !== undefined).length,
    slots: slots.length,
    releases,
    parts,
  };
}

const caseRecords = async (id: string) => (await Promise.all(keys.caseRecordPrefixes.map((p) => table.partition(keys.partitionOf(id), p)))).flat();
const caseExpiries = async (id: string) => (await caseRecords(id)).map((c) => c[TABLE.ttlAttribute] as number);

describe('the stage and version', () => {
  it('move on with the work: set-up, fieldwork, drafting, factual accuracy, published, and drafting again on reopening', async () => {
    const id = await createInspection('Stages');
    expect(await stageOf(id)).toEqual({ stage: 'set-up', version: 1, status: 'open' });
    expect((await putCase(id, 'S-1')).status).toBe(201);
    expect(await stageOf(id)).toEqual({ stage: 'fieldwork', version: 2, status: 'open' });
    // A second case moves nothing.
    expect((await putCase(id, 'S-2')).status).toBe(201);
    expect((await stageOf(id)).version).toBe(2);
    expect((await writeUp(id)).status).toBe(200);
    expect(await stageOf(id)).toEqual({ stage: 'drafting', version: 3, status: 'open' });
    expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' } })).status).toBe(201);
    expect(await stageOf(id)).toEqual({ stage: 'factual-accuracy', version: 4, status: 'open' });
    const releasing = Math.floor(Date.now() / 1000);
    expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Stages' } })).status).toBe(201);
    const released = Math.ceil(Date.now() / 1000);
    expect(await stageOf(id)).toEqual({ stage: 'published', version: 5, status: 'closed' });
    // Every case record expires the case retention (README: OMI_CASE_RETENTION_DAYS, 730 days by default) after the final release.
    const expiries = await caseExpiries(id);
    expect(expiries.length).toBeGreaterThan(0);
    for (const at of expiries) expect(at).toSatisfy((t: number) => t >= releasing + 730 * 86_400 && t <= released + 730 * 86_400);
    // The wrong stage: a 409 that names it; retrying changes nothing.
    for (const kind of ['final', 'factual-accuracy']) {
      const again = expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind } }), 409);
      expect(again.type).toBe('urn:omi:problem:inspection-closed');
      expect(again.detail).toMatch(/stage is published/);
    }
    const reopened = await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.json).toMatchObject({ status: 'open', stage: 'drafting', version: 6 });
    const twice = expectProblem(await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' }), 409);
    expect(twice.detail).toMatch(/not closed: its stage is drafting/);
    expect((await call(`/inspections/${id}/releases`, { as: 'admin' })).json.releases).toHaveLength(2);
    expect(await stageOf(id)).toEqual({ stage: 'drafting', version: 6, status: 'open' });
  });

  it('are shown on the home list and the dashboard', async () => {
    const id = await createInspection('Stage tags');
    await putCase(id, 'T-1');
    const dashboard = await browse(`/workbench/inspections/${id}`, { as: 'staff' });
    expect(dashboard.text).toMatch(/govuk-tag--green">Open<\/strong> <strong class="govuk-tag govuk-tag--blue">Fieldwork<\/strong>/);
    const home = await browse('/', { as: 'staff' });
    expect(home.text).toMatch(/Stage tags<\/a>[\s\S]*?Open<\/strong> <strong class="govuk-tag govuk-tag--blue">Fieldwork<\/strong>/);
  });
});

describe('a release holds the inspection', () => {
  let id: string;
  beforeAll(async () => {
    id = await createInspection('Held');
    await putCase(id, 'H-1');
  });

  it('a reopening, a release and a recovery while a release runs are refused with 409 release-in-progress (a second final: inspection-closed)', async () => {
    await setOnInspection(id, {
      transition: {
        id: 'running',
        kind: 'factual-accuracy',
        releaseId: '20260101T000000000Z-aaaaaa',
        startedAt: new Date().toISOString(),
        startedBy: 'test',
        expiresAt: Date.now() + 60_000,
      },
    });
    expect(expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Held' } }), 409).type).toBe(
      'urn:omi:problem:release-in-progress',
    );
    expect(expectProblem(await call(`/inspections/${id}/releases/recover`, { as: 'admin', json: { action: 'undo' } }), 409).type).toBe(
      'urn:omi:problem:release-in-progress',
    );
    await setOnInspection(id, {
      status: 'closed',
      transition: {
        id: 'running',
        kind: 'final',
        releaseId: '20260101T000000000Z-aaaaaa',
        startedAt: new Date().toISOString(),
        startedBy: 'test',
        expiresAt: Date.now() + 60_000,
      },
    });
    const reopen = expectProblem(await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' }), 409);
    expect(reopen.type).toBe('urn:omi:problem:release-in-progress');
    expect(reopen.detail).toMatch(/final release .* is under way/);
    expect(expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Held' } }), 409).type).toBe(
      'urn:omi:problem:inspection-closed',
    );
    // Writes meet the close too.
    expect(expectProblem(await putCase(id, 'H-2'), 409).type).toBe('urn:omi:problem:inspection-closed');
    expectProblem(await call(`/inspections/${id}/releases/recover`, { as: 'inspector', json: { action: 'undo' } }), 403);
  });
});

describe('a release or reopening that died half-way', () => {
  /** An inspection with cases and links, then the state a final release leaves when it dies after closing, stamping half the links, TTL-ing some cases and writing a part. */
  async function crashedFinal(area: string) {
    const id = await createInspection(area);
    for (let i = 1; i <= 4; i++) expect((await putCase(id, `C-${i}`, i)).status).toBe(201);
    const links = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 4 } });
    expect(links.status).toBe(201);
    const startedAt = new Date(Date.now() - 600_000).toISOString();
    const releaseId = `${startedAt.replace(/[-:.]/g, '')}-abcdef`;
    await setOnInspection(id, {
      status: 'closed',
      closedAt: startedAt,
      transition: { id: 'dead', kind: 'final', releaseId, startedAt, startedBy: 'test-admin', expiresAt: Date.now() - 1000 },
    });
    const pk = keys.partitionOf(id);
    const slots = (await Promise.all(keys.slotPartitions(id).map((p) => table.partition(p, keys.slotPrefix)))).flat();
    for (const s of slots.slice(0, 2))
      await table.db.send(
        new UpdateCommand({
          TableName: inject('tableName'),
          Key: { pk: s.pk, sk: s.sk },
          UpdateExpression: 'SET closedAt = :c',
          ExpressionAttributeValues: { ':c': startedAt },
        }),
      );
    const cases = await table.partition(pk, 'CASE#');
    for (const c of cases.slice(0, 2)) {
      await table.db.send(
        new UpdateCommand({
          TableName: inject('tableName'),
          Key: { pk, sk: c.sk },
          UpdateExpression: 'SET #t = :t',
          ExpressionAttributeNames: { '#t': TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':t': 2_000_000_000 },
        }),
      );
    }
    await table.db.send(
      new UpdateCommand({
        TableName: inject('tableName'),
        Key: keys.releasePart(id, releaseId, 'en', 0),
        UpdateExpression: 'SET entity = :e',
        ExpressionAttributeValues: { ':e': 'release-part' },
      }),
    );
    return { id, releaseId };
  }

  it('is shown on the releases page, and undone by an admin: open, no TTL, no link closed, no part left, nothing listed', async () => {
    const { id } = await crashedFinal('Crashed undo');
    const page = await browse(`/workbench/inspections/${id}/releases`, { as: 'admin' });
    expect(page.text).toMatch(/A final release started .* stopped before it finished/);
    const undone = await browse(`/workbench/inspections/${id}/releases/recover`, {
      as: 'admin',
      method: 'POST',
      ...form({ csrf: csrfOf(page.text), action: 'undo' }),
    });
    expect(undone.status, undone.text.slice(0, 500)).toBe(303);
    const after = await stored(id);
    expect(after.inspection.status).toBe('open');
    expect(after.inspection.transition).toBeUndefined();
    expect({ ttls: after.ttls, stamped: after.stamped, releases: after.releases.length, parts: after.parts.length }).toEqual({
      ttls: 0,
      stamped: 0,
      releases: 0,
      parts: 0,
    });
    expect(after.slots).toBe(4);
    expect((await putCase(id, 'C-5')).status).toBe(201);
    expect((await browse(`/workbench/inspections/${id}/releases?recovered=undo`, { as: 'admin' })).text).toMatch(/It has been undone/);
  });

  it('is finished by an admin (the JSON route): published, every case with its TTL, every unsent link closed, one complete release of all four cases', async () => {
    const { id, releaseId } = await crashedFinal('Crashed finish');
    const done = await call(`/inspections/${id}/releases/recover`, { as: 'admin', json: { action: 'finish' } });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ inspectionId: id, recovered: 'final', action: 'finish', release: { releaseId, kind: 'final' } });
    const after = await stored(id);
    expect(after.inspection).toMatchObject({ status: 'closed', stage: 'published' });
    expect(after.inspection.transition).toBeUndefined();
    expect({ ttls: after.ttls, stamped: after.stamped }).toEqual({ ttls: after.cases, stamped: 4 });
    expect(after.releases.map((r) => r.releaseId)).toEqual([releaseId]);
    const json = await call(`/inspections/${id}/releases/${releaseId}/summary`, { as: 'staff' });
    expect(json.status, json.text.slice(0, 300)).toBe(200);
    expect(json.json.sample.cases).toBe(4);
    // Done: nothing left to recover, and retrying changes nothing.
    expect(expectProblem(await call(`/inspections/${id}/releases/recover`, { as: 'admin', json: { action: 'finish' } }), 409).detail).toMatch(
      /nothing to finish or undo/,
    );
  });

  it('a reopening that died is finished (open, drafting, no TTL, no link closed) or undone (closed as released)', async () => {
    for (const action of ['finish', 'undo'] as const) {
      const id = await createInspection(`Reopen ${action}`);
      for (let i = 1; i <= 3; i++) await putCase(id, `R-${i}`, i);
      await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 3 } });
      expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: `Reopen ${action}` } })).status).toBe(201);
      const closedAt = (await stored(id)).inspection.closedAt as string;
      // It took the stamp off one link and the TTL off one case, then died.
      await setOnInspection(id, {
        transition: { id: 'dead', kind: 'reopen', closedAt, startedAt: new Date().toISOString(), startedBy: 'test', expiresAt: Date.now() - 1 },
      });
      const slots = (await Promise.all(keys.slotPartitions(id).map((p) => table.partition(p, keys.slotPrefix)))).flat();
      await table.db.send(
        new UpdateCommand({ TableName: inject('tableName'), Key: { pk: slots[0]!.pk, sk: slots[0]!.sk }, UpdateExpression: 'REMOVE closedAt' }),
      );
      const res = await call(`/inspections/${id}/releases/recover`, { as: 'admin', json: { action } });
      expect(res.status, res.text).toBe(200);
      const after = await stored(id);
      expect(after.inspection.transition).toBeUndefined();
      if (action === 'finish') {
        expect(after.inspection).toMatchObject({ status: 'open', stage: 'drafting' });
        expect({ ttls: after.ttls, stamped: after.stamped }).toEqual({ ttls: 0, stamped: 0 });
      } else {
        expect(after.inspection).toMatchObject({ status: 'closed', stage: 'published' });
        expect({ ttls: after.ttls, stamped: after.stamped }).toEqual({ ttls: after.cases, stamped: 3 });
      }
    }
  });
});

describe('writers in flight', () => {
  it('a final release waits for an upload under way: the inspection stays open until its lease ends, then closes', async () => {
    const id = await createInspection('Waiting release');
    await putCase(id, 'U-1');
    await setOnInspection(id, { writers: { uploading: Date.now() + 60_000 } });
    const release = call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Waiting release' } });
    await new Promise((r) => setTimeout(r, 2000));
    expect((await stageOf(id)).status, 'closed while an upload was still writing').toBe('open');
    // No new upload may start while the release waits.
    const late = await call(`/inspections/${id}/cases`, { as: 'inspector', body: casesCsv('L', 2), headers: { 'content-type': 'text/csv' } });
    expect(expectProblem(late, 409).detail).toMatch(/final release is closing it/);
    await table.db.send(
      new UpdateCommand({ TableName: inject('tableName'), Key: keys.inspection(id), UpdateExpression: 'REMOVE writers.uploading' }),
    );
    const made = await release;
    expect(made.status, made.text).toBe(201);
    expect(await stageOf(id)).toMatchObject({ status: 'closed', stage: 'published' });
  });

  it('a final release evicts a writer lease past its expiry (a crashed upload) instead of waiting for it', async () => {
    const id = await createInspection('Evicted writer');
    await putCase(id, 'W-1');
    await setOnInspection(id, { writers: { crashed: Date.now() - 1000 } });
    const res = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Evicted writer' } });
    expect(res.status, res.text).toBe(201);
    expect((await stored(id)).inspection.writers).toEqual({});
  });
});
