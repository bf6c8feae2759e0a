/**
 * The release store called directly against the run's DynamoDB Local: a file too big for one
 * item is cut into parts and read back whole, byte for byte; a release is listed only once its
 * own item is written; closing and reopening are conditional.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { useTestTable } from '#support/direct';
import { tableAt } from '#support/hostile';

useTestTable();
const releases = await import('#store/releases');
const inspections = await import('#store/inspections');
const fence = await import('#store/fence');
const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));

describe('the release store', () => {
  it('cuts an incompressible file into parts under the item limit and reads it back whole', async () => {
    const id = `rel-store-${randomUUID().slice(0, 8)}`;
    // Random bytes as base64 hardly compress: about 1.1 MB gzipped, so four parts.
    const big = randomBytes(800_000).toString('base64');
    const files = { en: big, cy: 'Cymraeg ✓ ŵ ŷ', json: '{"a":1}', csv: '\uFEFFpart,id\r\n' };
    const releaseId = '20260101T000000000Z-abcdef';
    const transition = {
      id: randomUUID(),
      kind: 'factual-accuracy' as const,
      releaseId,
      startedAt: '2026-01-01T00:00:00.000Z',
      startedBy: 'test',
      expiresAt: Date.now() + 60_000,
    };
    expect(
      await inspections.createInspection({
        inspectionId: id,
        area: 'X',
        fieldworkStart: '2007-11-05',
        fieldworkEnd: '2007-11-09',
        questionBankVersion: 'omi-2008.1',
        status: 'open',
        createdAt: new Date().toISOString(),
        createdBy: 't',
      }),
    ).toBe(true);
    expect(await releases.beginTransition(id, transition, 'open')).toBe(true);
    const stored = {
      releaseId,
      kind: 'factual-accuracy' as const,
      createdAt: transition.startedAt,
      createdBy: 'test',
      files: await releases.putReleaseParts(id, releaseId, files),
    };
    // Parts alone are no release: nothing lists it until its item is committed with the transition's end.
    expect(await releases.listReleases(id)).toEqual([]);
    expect(await releases.commitRelease(id, stored, 'not-the-transition', 'factual-accuracy')).toBe(false);
    expect(await releases.commitRelease(id, stored, transition.id, 'factual-accuracy')).toBe(true);
    expect(await inspections.getInspection(id)).toMatchObject({ stage: 'factual-accuracy', version: 2 });
    expect(stored.files.en.parts).toBeGreaterThan(2);
    expect(stored.files.cy.parts).toBe(1);
    const parts = await table.partition(`INSP#${id}`, 'RELPART#');
    for (const p of parts) expect((p.body as Uint8Array).byteLength).toBeLessThanOrEqual(releases.RELEASE_PART_BYTES);
    for (const file of releases.RELEASE_FILES) expect(await releases.getReleaseFile(id, stored, file)).toBe(files[file]);
    expect((await releases.listReleases(id)).map((r) => r.releaseId)).toEqual(['20260101T000000000Z-abcdef']);
    // A release whose part went missing is an error, never a short file.
    await table.db.send(
      new (await import('@aws-sdk/lib-dynamodb')).DeleteCommand({ TableName: inject('tableName'), Key: { pk: parts[1]!.pk, sk: parts[1]!.sk } }),
    );
    await expect(releases.getReleaseFile(id, stored, parts[1]!.sk.split('#')[2] as 'en')).rejects.toThrow(/parts/);
  });

  it('holds one transition at a time; closes only under its own, with no writer in flight; a recovery takes over only an expired one', async () => {
    const id = `rel-close-${randomUUID().slice(0, 8)}`;
    expect(
      await inspections.createInspection({
        inspectionId: id,
        area: 'X',
        fieldworkStart: '2007-11-05',
        fieldworkEnd: '2007-11-09',
        questionBankVersion: 'omi-2008.1',
        status: 'open',
        createdAt: new Date().toISOString(),
        createdBy: 't',
      }),
    ).toBe(true);
    const t = (n: string, expiresAt = Date.now() + 60_000) => ({
      id: n,
      kind: 'final' as const,
      releaseId: 'r',
      startedAt: 'now',
      startedBy: 't',
      expiresAt,
    });
    // A reopening needs a closed inspection; of two releases racing, one takes it.
    expect(await releases.beginTransition(id, { ...t('x'), kind: 'reopen' }, 'closed')).toBe(false);
    const both = await Promise.all([releases.beginTransition(id, t('a'), 'open'), releases.beginTransition(id, t('b'), 'open')]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const mine = both[0] ? 'a' : 'b';
    expect(await releases.closeForRelease(id, mine === 'a' ? 'b' : 'a', 'now', 't')).toBe(false);
    // A writer in flight holds the close off until it ends.
    expect(await inspections.acquireWriterLease(id, 'w1', Date.now() + 60_000, Date.now())).toBe(false);
    expect(await releases.abandonTransition(id, mine, 'open')).toBe(true);
    expect(await inspections.acquireWriterLease(id, 'w1', Date.now() + 60_000, Date.now())).toBe(true);
    expect(await releases.beginTransition(id, t('c', Date.now() - 1), 'open')).toBe(true);
    expect(await releases.closeForRelease(id, 'c', 'now', 't')).toBe(false);
    await inspections.endWriterLease(id, 'w1');
    expect(await releases.closeForRelease(id, 'c', 'now', 't')).toBe(true);
    expect((await inspections.getInspection(id))!.status).toBe('closed');
    // Past its expiry, a recovery takes it over once; the old id can no longer end it.
    const now = Date.now();
    expect(
      await Promise.all([releases.takeOverTransition(id, 'c', 'd', now + 60_000, now), releases.takeOverTransition(id, 'c', 'e', now + 60_000, now)]),
    ).toContain(true);
    expect(await releases.abandonTransition(id, 'c', 'open')).toBe(false);
    expect(await releases.beginTransition('no-such-inspection-here', t('z'), 'open')).toBe(false);
  });

  it('refuses every input write to a closed inspection in the write itself (the fence), whatever the caller read before, and stores nothing', async () => {
    const id = `rel-closed-${randomUUID().slice(0, 8)}`;
    expect(
      await inspections.createInspection({
        inspectionId: id,
        area: 'X',
        fieldworkStart: '2007-11-05',
        fieldworkEnd: '2007-11-09',
        questionBankVersion: 'omi-2008.1',
        status: 'closed',
        createdAt: new Date().toISOString(),
        createdBy: 't',
      }),
    ).toBe(true);
    const { getBank } = await import('#bank/index');
    const { makeCase } = await import('#infra/local/sample-cases');
    const cases = await import('#store/cases');
    const grades = await import('#store/grades');
    const writeUp = await import('#store/write-up');
    const evidence = await import('#store/evidence');
    const invitations = await import('#store/invitations');
    const bank = getBank('omi-2008.1')!;
    const input = makeCase('community', 1, bank);
    const writes: [string, () => Promise<unknown>][] = [
      ['case', () => cases.putCase(bank, id, 'C-1', input, 'u')],
      ['grade', () => grades.putGrade(id, '4.1', { grade: 'well-met', strengths: [], improvements: [] }, 'u')],
      ['conclusion', () => grades.putConclusion(id, { criterionId: '1.1', band: 'good', updatedAt: 'now', updatedBy: 'u' })],
      ['write-up', () => writeUp.putWriteUp(id, { summary: [], criteria: {}, recommendations: [], goodPractice: [] }, 0, 'u')],
      ['second marking', () => evidence.putSecondMarking(bank, id, 'C-1', input.answers, 'u')],
      ['interview', () => evidence.putInterview(id, 'C-1', { answers: {} }, 'u')],
      ['performance figures', () => evidence.putPerformanceFigures(id, [], 'u')],
      ['area context', () => evidence.putAreaContext(id, { caseload: 10 } as never, 'u')],
      [
        'invitations',
        () =>
          invitations.createInvitations(
            {
              inspectionId: id,
              batchId: 'b',
              audience: 'victim',
              language: 'en',
              questionnaireVersion: 'v',
              count: 1,
              createdAt: 'now',
              createdBy: 'u',
            },
            [{ tokenHash: randomBytes(32).toString('hex'), invitationId: 'i' }],
            undefined,
            fence.openFence(id),
          ),
      ],
    ];
    for (const [what, write] of writes) await expect(write(), what).rejects.toThrow(/is closed/);
    const stored = [
      ...(await table.partition(`INSP#${id}`)),
      ...(await Promise.all([0, 1, 2, 3].map((n) => table.partition(`INSP#${id}#SLOTS#${n}`)))).flat(),
    ];
    expect(stored.map((i) => i.sk)).toEqual(['INSPECTION']);
  });

  it("lands a writer's fenced write only while its lease is held: once evicted (it ran past its expiry), nothing more of it lands", async () => {
    const id = `rel-fence-${randomUUID().slice(0, 8)}`;
    expect(
      await inspections.createInspection({
        inspectionId: id,
        area: 'X',
        fieldworkStart: '2007-11-05',
        fieldworkEnd: '2007-11-09',
        questionBankVersion: 'omi-2008.1',
        status: 'open',
        createdAt: new Date().toISOString(),
        createdBy: 't',
      }),
    ).toBe(true);
    const put = (sk: string) => [[{ Put: { TableName: inject('tableName'), Item: { pk: `INSP#${id}`, sk, entity: 'probe' } } }]];
    const expiresAt = Date.now() + 60_000;
    expect(await inspections.acquireWriterLease(id, 'slow', expiresAt, Date.now())).toBe(true);
    await fence.writeFenced(fence.writerFence(id, 'slow'), put('PROBE#1'));
    expect(await inspections.evictWriterLease(id, 'slow', expiresAt)).toBe(true);
    await expect(fence.writeFenced(fence.writerFence(id, 'slow'), put('PROBE#2'))).rejects.toThrow(/closed/);
    expect((await table.partition(`INSP#${id}`, 'PROBE#')).map((i) => i.sk)).toEqual(['PROBE#1']);
    // A group whose own condition fails is skipped when asked; the rest land.
    const groups = [
      [{ Put: { TableName: inject('tableName'), Item: { pk: `INSP#${id}`, sk: 'PROBE#1' }, ConditionExpression: 'attribute_not_exists(pk)' } }],
      ...put('PROBE#3'),
    ];
    expect(await fence.writeFenced(fence.openFence(id), groups, { skipRefused: true })).toEqual([0]);
    expect((await table.partition(`INSP#${id}`, 'PROBE#')).map((i) => i.sk)).toEqual(['PROBE#1', 'PROBE#3']);
  });
});
