/**
 * The invitation key rotated under a running server (docs/runbook.md, "Rotate the keys"): with
 * the runbook's own command against the server's keys file (OMI_KEYS_FILE, read at most once a
 * second here; the Secrets Manager secret in AWS), a batch issued before the rotation downloads
 * again with the very same links, a batch issued after it is sealed with the new key, and
 * retiring the previous key inside the batches' 7 days is refused, the file left as it was.
 * Oracles: the file first issued, the keys file and the sealed item read straight from the table.
 *
 * The rotation is the shared server's, and harmless to the other files running beside this one:
 * the previous key stays accepted, so their batches open whichever key sealed them.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';

const ROOT = new URL('../../', import.meta.url).pathname;
const keysFile = () => inject('keysFile');
type Ring = { AWSCURRENT: { kid: string; key: string }; AWSPREVIOUS?: { kid: string; key: string } };
const invitationRing = () => (JSON.parse(readFileSync(keysFile(), 'utf8')) as { invitation: Ring }).invitation;

/** `npx tsx infra/ops/rotate-keys.ts <args> --file <the server's keys file>`, as the runbook has it; it never prints a key. */
async function runbook(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/ops/rotate-keys.ts', ...args, '--file', keysFile()], {
    cwd: ROOT,
  });
  for (const key of Object.values(invitationRing())) expect(stdout).not.toContain(key.key);
  return stdout;
}
/** Past the server's keys cache (1 s), so every function has read the file again. */
const afterCache = () => new Promise((r) => setTimeout(r, 1_300));

/** The kid the batch's sealed secret names (`v2.<kid>.…`), read straight from the table. */
async function sealedKid(inspectionId: string, batchId: string): Promise<string | undefined> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  try {
    const { Item } = await doc.send(
      new GetCommand({ TableName: inject('tableName'), Key: { pk: `INSP#${inspectionId}`, sk: `INVBATCHKEY#${batchId}` } }),
    );
    const [version, kid] = String(Item?.sealedSecret).split('.');
    return version === 'v2' ? kid : undefined;
  } finally {
    doc.destroy();
  }
}

async function issue(inspectionId: string, count: number): Promise<{ batchId: string; csv: string }> {
  const res = await call(`/inspections/${inspectionId}/invitations?format=csv`, { as: 'admin', json: { audience: 'victim', language: 'en', count } });
  expect(res.status, res.text).toBe(201);
  const batchId = /-([0-9a-f]{8}-[0-9a-f]{4})\.csv"/.exec(res.headers.get('content-disposition') ?? '')![1]!;
  return { batchId, csv: res.text };
}
const downloadAgain = (inspectionId: string, batchId: string) => call(`/inspections/${inspectionId}/invitations/${batchId}.csv`, { as: 'admin' });

describe('the invitation key rotated (keys file) while batches wait to be downloaded again', () => {
  it('a batch from before the rotation gives the same links; new batches use the new key; retiring inside the 7 days is refused', async () => {
    const id = await createInspection('Invitation key rotation');
    const firstKid = invitationRing().AWSCURRENT.kid;
    const before = await issue(id, 6);
    expect(await sealedKid(id, before.batchId)).toBe(firstKid);

    expect(await runbook('rotate', 'invitation')).toMatch(/invitation: current key is now/);
    const secondKid = invitationRing().AWSCURRENT.kid;
    expect(secondKid).not.toBe(firstKid);
    await afterCache();

    const again = await downloadAgain(id, before.batchId);
    expect(again.status, again.text).toBe(200);
    expect(again.text).toBe(before.csv);
    // The links still open their questionnaires (the same tokens, their hashes unchanged).
    const token = before.csv.trim().split(/\r?\n/)[1]!.split(',')[4]!.split('/q/')[1]!;
    expect((await call(`/questionnaires/${token}`)).status).toBe(200);

    const after = await issue(id, 3);
    expect(await sealedKid(id, after.batchId)).toBe(secondKid);
    expect((await downloadAgain(id, after.batchId)).text).toBe(after.csv);

    // Inside the batches' 7 days the previous key stays: refused, and the file is left as it was.
    const ring = readFileSync(keysFile(), 'utf8');
    await expect(runbook('retire', 'invitation')).rejects.toThrow(/downloaded again until .*--force/);
    expect(readFileSync(keysFile(), 'utf8')).toBe(ring);
    await afterCache();
    expect((await downloadAgain(id, before.batchId)).text).toBe(before.csv);
  }, 90_000);
});
