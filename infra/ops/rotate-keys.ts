/**
 * Rotates the session key or the origin-verify value with no deploy (docs/runbook.md, "Rotate
 * the keys"). The same two steps against a Secrets Manager secret in AWS or the local keys file
 * (OMI_KEYS_FILE), so the local test runs exactly the runbook's steps:
 *
 *   rotate:  the current key becomes the previous one (still accepted), a new key with a new kid
 *            becomes current (signs). In Secrets Manager: PutSecretValue, which moves AWSCURRENT
 *            to the new version and AWSPREVIOUS to the old one.
 *   retire:  the previous key is no longer accepted. In Secrets Manager: AWSPREVIOUS is taken off
 *            its version (UpdateSecretVersionStage).
 *
 * `rotate` refuses while a previous key is still accepted (`--force` overrides): a second
 * rotation inside the overlap would drop a key that live sessions still carry.
 *
 *   npx tsx infra/ops/rotate-keys.ts rotate session --secret-id <arn>   # or --file .data/keys.json
 *   npx tsx infra/ops/rotate-keys.ts retire session --secret-id <arn>
 *   npx tsx infra/ops/rotate-keys.ts init --file .data/keys.json [--with-origin]   # a local file, one key each
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CURRENT, PREVIOUS, type KeyName, type StoredKey, type StoredRing } from '../../shared/http/keys';

/** A kid that sorts by time and says when the key was made: k20261207T0512-3fa9. */
export function newKey(now = new Date()): StoredKey {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 13);
  return { kid: `k${stamp}-${randomBytes(2).toString('hex')}`, key: randomBytes(48).toString('base64url') };
}

type KeysFile = Partial<Record<KeyName, StoredRing>>;

const readFile = (file: string): KeysFile => JSON.parse(readFileSync(file, 'utf8')) as KeysFile;
function writeFile(file: string, keys: KeysFile): void {
  // Whole or not at all: a reader never sees half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function initFile(file: string, names: readonly KeyName[] = ['session']): void {
  writeFile(file, Object.fromEntries(names.map((name) => [name, { [CURRENT]: newKey() }])));
}

export function rotateFile(file: string, name: KeyName, force = false): StoredKey {
  const keys = readFile(file);
  const ring = keys[name];
  if (!ring) throw new Error(`${file} has no ${name} key`);
  if (ring[PREVIOUS] && !force) throw new Error(`${name}: the previous key ${ring[PREVIOUS].kid} is still accepted; retire it first (after the overlap), or --force`);
  const fresh = newKey();
  keys[name] = { [CURRENT]: fresh, [PREVIOUS]: ring[CURRENT] };
  writeFile(file, keys);
  return fresh;
}

export function retireFile(file: string, name: KeyName): string | undefined {
  const keys = readFile(file);
  const ring = keys[name];
  if (!ring) throw new Error(`${file} has no ${name} key`);
  const retired = ring[PREVIOUS]?.kid;
  keys[name] = { [CURRENT]: ring[CURRENT] };
  writeFile(file, keys);
  return retired;
}

async function secrets() {
  const sdk = await import('@aws-sdk/client-secrets-manager');
  return { sdk, client: new sdk.SecretsManagerClient({}) };
}

async function previousVersion(secretId: string): Promise<string | undefined> {
  const { sdk, client } = await secrets();
  const described = await client.send(new sdk.DescribeSecretCommand({ SecretId: secretId }));
  return Object.entries(described.VersionIdsToStages ?? {}).find(([, stages]) => stages.includes(PREVIOUS))?.[0];
}

export async function rotateSecret(secretId: string, force = false): Promise<StoredKey> {
  const { sdk, client } = await secrets();
  const previous = await previousVersion(secretId);
  if (previous && !force) throw new Error(`the previous version ${previous} is still accepted; retire it first (after the overlap), or --force`);
  const fresh = newKey();
  // PutSecretValue labels the new version AWSCURRENT and moves AWSPREVIOUS to the old one.
  await client.send(new sdk.PutSecretValueCommand({ SecretId: secretId, SecretString: JSON.stringify(fresh) }));
  return fresh;
}

export async function retireSecret(secretId: string): Promise<string | undefined> {
  const { sdk, client } = await secrets();
  const previous = await previousVersion(secretId);
  if (previous) await client.send(new sdk.UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: PREVIOUS, RemoveFromVersionId: previous }));
  return previous;
}

async function main(args: string[]): Promise<void> {
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const valued = new Set(['--file', '--secret-id']);
  const [step, name = 'session'] = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  const file = option('--file');
  const secretId = option('--secret-id');
  const force = args.includes('--force');
  if (name !== 'session' && name !== 'origin') throw new Error(`unknown key '${name}': session or origin`);
  if (!file === !secretId) throw new Error('give one of --file <keys.json> (locally) or --secret-id <arn> (AWS)');
  // Only kids and version ids are printed: never a key.
  if (step === 'init' && file) {
    initFile(file, args.includes('--with-origin') ? ['session', 'origin'] : ['session']);
    console.log(`wrote ${file}`);
  } else if (step === 'rotate') {
    const fresh = file ? rotateFile(file, name, force) : await rotateSecret(secretId!, force);
    console.log(`${name}: current key is now ${fresh.kid}; the previous one is accepted until retired`);
  } else if (step === 'retire') {
    const retired = file ? retireFile(file, name) : await retireSecret(secretId!);
    console.log(retired ? `${name}: retired ${retired}` : `${name}: nothing to retire`);
  } else {
    throw new Error('usage: rotate-keys.ts init|rotate|retire [session|origin] --file <keys.json> | --secret-id <arn> [--force]');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
