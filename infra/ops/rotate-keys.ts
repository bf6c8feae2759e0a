/**
 * Rotates the session key, the origin-verify value or the invitation key with no deploy (docs/runbook.md, "Rotate
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
 * `retire invitation` refuses until the batches' 7 days (and an hour) have passed since the
 * rotation, which the current kid records (`--force` overrides): the previous key opens the
 * batches sealed before it, and a batch may be downloaded again for that long. Retired early,
 * those batches answer 410 when downloaded again; their links themselves still work.
 *
 *   npx tsx infra/ops/rotate-keys.ts rotate session --secret-id <arn>   # or --file .data/keys.json
 *   npx tsx infra/ops/rotate-keys.ts retire session --secret-id <arn>
 *   npx tsx infra/ops/rotate-keys.ts rotate invitation --secret-id <arn>
 *   npx tsx infra/ops/rotate-keys.ts init --file .data/keys.json [--with-origin] [--with-invitation]   # a local file, one key each
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CURRENT, INVITATION_KEY_BYTES, PREVIOUS, type KeyName, type StoredKey, type StoredRing } from '#http/keys';

const KEY_NAMES: readonly KeyName[] = ['session', 'origin', 'invitation'];
/** The invitation key is AES-256's 32 bytes exactly; the others are HMAC keys and header values, longer is fine. */
const KEY_BYTES: Record<KeyName, number> = { session: 48, origin: 48, invitation: INVITATION_KEY_BYTES };

/** A kid that sorts by time and says when the key was made: k20261207T0512-3fa9. */
export function newKey(now = new Date(), name: KeyName = 'session'): StoredKey {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 13);
  return { kid: `k${stamp}-${randomBytes(2).toString('hex')}`, key: randomBytes(KEY_BYTES[name]).toString('base64url') };
}

/** When newKey made the key with this kid (to the minute), or undefined for a kid it did not make. */
export function keyMadeAt(kid: string): Date | undefined {
  const m = /^k(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})-/.exec(kid);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!)) : undefined;
}

/**
 * The days a batch may be downloaded again: issue-invitations.ts's RECOVERABLE_DAYS, not
 * imported because that module needs a table to load (test/unit/invitation-key.test.ts keeps
 * the two equal).
 */
export const INVITATION_WINDOW_DAYS = 7;
/**
 * How long the previous invitation key must stay after a rotation: a batch sealed with it is
 * downloadable for the window's days, and the functions go on sealing with it for up to their
 * 5-minute keys cache after the rotation (an hour covers that and the kid's minute).
 */
export const INVITATION_OVERLAP_MS = INVITATION_WINDOW_DAYS * 86_400_000 + 3_600_000;

export interface RetireOptions {
  force?: boolean;
  now?: Date;
}

/** Refuses to retire the invitation key's previous version while a batch it sealed may still be downloaded again. */
function checkInvitationOverlap(name: KeyName, currentKid: string | undefined, { force = false, now = new Date() }: RetireOptions): void {
  if (name !== 'invitation' || force) return;
  const rotatedAt = currentKid ? keyMadeAt(currentKid) : undefined;
  if (!rotatedAt) throw new Error(`invitation: cannot tell when the current key ${currentKid ?? '(no kid)'} was made; --force retires anyway`);
  const until = new Date(rotatedAt.getTime() + INVITATION_OVERLAP_MS);
  if (now < until) {
    throw new Error(
      `invitation: batches sealed with the previous key may be downloaded again until ${until.toISOString()}; retire after that, ` +
        'or --force (those batches then answer 410 when downloaded again; their links still work)',
    );
  }
}

type KeysFile = Partial<Record<KeyName, StoredRing>>;

const readFile = (file: string): KeysFile => JSON.parse(readFileSync(file, 'utf8')) as KeysFile;
function writeFile(file: string, keys: KeysFile): void {
  // Whole or not at all: a reader never sees half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function initFile(file: string, names: readonly KeyName[] = ['session']): void {
  writeFile(file, Object.fromEntries(names.map((name) => [name, { [CURRENT]: newKey(undefined, name) }])));
}

export function rotateFile(file: string, name: KeyName, force = false): StoredKey {
  const keys = readFile(file);
  const ring = keys[name];
  if (!ring) throw new Error(`${file} has no ${name} key`);
  if (ring[PREVIOUS] && !force)
    throw new Error(`${name}: the previous key ${ring[PREVIOUS].kid} is still accepted; retire it first (after the overlap), or --force`);
  const fresh = newKey(undefined, name);
  keys[name] = { [CURRENT]: fresh, [PREVIOUS]: ring[CURRENT] };
  writeFile(file, keys);
  return fresh;
}

export function retireFile(file: string, name: KeyName, options: RetireOptions = {}): string | undefined {
  const keys = readFile(file);
  const ring = keys[name];
  if (!ring) throw new Error(`${file} has no ${name} key`);
  const retired = ring[PREVIOUS]?.kid;
  if (retired) checkInvitationOverlap(name, ring[CURRENT].kid, options);
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

async function currentStored(secretId: string): Promise<Partial<StoredKey>> {
  const { sdk, client } = await secrets();
  const current = await client.send(new sdk.GetSecretValueCommand({ SecretId: secretId, VersionStage: CURRENT }));
  return JSON.parse(current.SecretString ?? '{}') as Partial<StoredKey>;
}

/** An invitation key is exactly 32 bytes; the session and origin keys are longer. */
const isInvitationKey = (key: string | undefined) => Buffer.from(key ?? '', 'base64url').length === INVITATION_KEY_BYTES;

export async function rotateSecret(secretId: string, force = false, name: KeyName = 'session'): Promise<StoredKey> {
  const { sdk, client } = await secrets();
  const previous = await previousVersion(secretId);
  if (previous && !force) throw new Error(`the previous version ${previous} is still accepted; retire it first (after the overlap), or --force`);
  // A secret id pasted from the wrong line would put a key of the wrong size where functions must read it.
  if (isInvitationKey((await currentStored(secretId)).key) !== (name === 'invitation')) {
    throw new Error(
      `${secretId} does not hold the ${name} key (its current key is ${name === 'invitation' ? 'not ' : ''}32 bytes); check the secret id`,
    );
  }
  const fresh = newKey(undefined, name);
  // PutSecretValue labels the new version AWSCURRENT and moves AWSPREVIOUS to the old one.
  await client.send(new sdk.PutSecretValueCommand({ SecretId: secretId, SecretString: JSON.stringify(fresh) }));
  return fresh;
}

export async function retireSecret(secretId: string, name: KeyName = 'session', options: RetireOptions = {}): Promise<string | undefined> {
  const { sdk, client } = await secrets();
  const previous = await previousVersion(secretId);
  if (previous && name === 'invitation') checkInvitationOverlap(name, (await currentStored(secretId)).kid, options);
  if (previous)
    await client.send(new sdk.UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: PREVIOUS, RemoveFromVersionId: previous }));
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
  if (!(KEY_NAMES as readonly string[]).includes(name)) throw new Error(`unknown key '${name}': ${KEY_NAMES.join(', ')}`);
  const key = name as KeyName;
  if (!file === !secretId) throw new Error('give one of --file <keys.json> (locally) or --secret-id <arn> (AWS)');
  // Only kids and version ids are printed: never a key.
  if (step === 'init' && file) {
    initFile(file, [
      'session',
      ...(args.includes('--with-origin') ? ['origin' as const] : []),
      ...(args.includes('--with-invitation') ? ['invitation' as const] : []),
    ]);
    console.log(`wrote ${file}`);
  } else if (step === 'rotate') {
    const fresh = file ? rotateFile(file, key, force) : await rotateSecret(secretId!, force, key);
    console.log(`${name}: current key is now ${fresh.kid}; the previous one is accepted until retired`);
  } else if (step === 'retire') {
    const retired = file ? retireFile(file, key, { force }) : await retireSecret(secretId!, key, { force });
    console.log(retired ? `${name}: retired ${retired}` : `${name}: nothing to retire`);
  } else {
    throw new Error('usage: rotate-keys.ts init|rotate|retire [session|origin|invitation] --file <keys.json> | --secret-id <arn> [--force]');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
