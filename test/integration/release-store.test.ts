/**
 * The release store called directly against the run's DynamoDB Local: a file too big for one
 * item is cut into parts and read back whole, byte for byte; a release is listed only once its
 * own item is written; closing and reopening are conditional.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { useTestTable } from '../support/direct';
import { tableAt } from '../support/hostile';

useTestTable();
const releases = await import('../../shared/store/releases');
const inspections = await import('../../shared/store/inspections');
const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));

describe('the release store', () => {
  it('cuts an incompressible file into parts under the item limit and reads it back whole', async () => {
    const id = `rel-store-${randomUUID().slice(0, 8)}`;
    // Random bytes as base64 hardly compress: about 1.1 MB gzipped, so four parts.
    const big = randomBytes(800_000).toString('base64');
    const files = { en: big, cy: 'Cymraeg ✓ ŵ ŷ', json: '{"a":1}', csv: '\uFEFFpart,id\r\n' };
    const stored = await releases.putRelease(id, { releaseId: '20260101T000000000Z-abcdef', kind: 'factual-accuracy', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'test' }, files);
    expect(stored.files.en.parts).toBeGreaterThan(2);
    expect(stored.files.cy.parts).toBe(1);
    const parts = await table.partition(`INSP#${id}`, 'RELPART#');
    for (const p of parts) expect((p.body as Uint8Array).byteLength).toBeLessThanOrEqual(releases.RELEASE_PART_BYTES);
    for (const file of releases.RELEASE_FILES) expect(await releases.getReleaseFile(id, stored, file)).toBe(files[file]);
    expect((await releases.listReleases(id)).map((r) => r.releaseId)).toEqual(['20260101T000000000Z-abcdef']);
    // A release whose part went missing is an error, never a short file.
    await table.db.send(new (await import('@aws-sdk/lib-dynamodb')).DeleteCommand({ TableName: inject('tableName'), Key: { pk: parts[1]!.pk, sk: parts[1]!.sk } }));
    await expect(releases.getReleaseFile(id, stored, parts[1]!.sk.split('#')[2] as 'en')).rejects.toThrow(/parts/);
  });

  it('closes an open inspection once, and reopens only a closed one', async () => {
    const id = `rel-close-${randomUUID().slice(0, 8)}`;
    expect(await inspections.createInspection({ inspectionId: id, area: 'X', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09', questionBankVersion: 'omi-2008.1', status: 'open', createdAt: new Date().toISOString(), createdBy: 't' })).toBe(true);
    expect(await releases.reopenInspection(id, 't', 'now')).toBe(false);
    const both = await Promise.all([releases.closeInspection(id, 'a', 'now'), releases.closeInspection(id, 'b', 'now')]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect((await inspections.getInspection(id))!.status).toBe('closed');
    expect(await releases.reopenInspection(id, 't', 'now')).toBe(true);
    expect((await inspections.getInspection(id))!.status).toBe('open');
    expect(await releases.closeInspection('no-such-inspection-here', 't', 'now')).toBe(false);
  });
});
