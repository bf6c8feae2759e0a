/**
 * Restores the table and proves the copy is whole (docs/runbook.md, "Restore from backup").
 *
 *   pitr    --source <table> --target <new table> --time <ISO time>   point-in-time restore to a new table, then check it
 *   check   --table <table> [--against <export.jsonl>]                counts per item kind (equal to the export's, if given),
 *                                                                     and every inspection's stored summary recomputed from
 *                                                                     the restored inputs and compared
 *   export  --table <table> --file <export.jsonl>                     every item, as DynamoDB JSON, one a line
 *   import  --table <new table> --file <export.jsonl>                 a table with the stack's keys and index, then every item
 *
 * `export` and `import` are the drill on DynamoDB Local (test/infra/restore.test.ts: export,
 * wipe, restore, compare), and a way to copy a restored table's items back into the stack's own
 * table. Only counts, kinds and inspection ids are printed: never an item.
 *
 * The summaries are recomputed by the product's own code (shared/domain/aggregate.ts) reading
 * the restored table, so TABLE_NAME is set to it before that code loads. That code stores what
 * it computes (the snapshot and its comment pages, as an aggregation does): the stored summary
 * is read before, and compared with what was recomputed; the counts are taken before either.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from '#store/table';

type Item = Record<string, AttributeValue>;

/**
 * An item's kind from its keys, without the ids: an inspection's case is INSP/CASE, a slot in
 * one of its slot partitions INSP#SLOTS/SLOT (labels and ids alternate in a pk; an sk's label
 * is its first part; keys.ts has the formats).
 */
export function kindOf(item: Item): string {
  const pk = item[TABLE.partitionKey]?.S ?? '?';
  const sk = item[TABLE.sortKey]?.S ?? '?';
  const pkLabels = pk
    .split('#')
    .filter((_, i) => i % 2 === 0)
    .join('#');
  return `${pkLabels}/${sk.split('#')[0]}`;
}

async function* scan(client: DynamoDBClient, table: string): AsyncGenerator<Item> {
  let start: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

export async function countKinds(client: DynamoDBClient, table: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const item of scan(client, table)) counts[kindOf(item)] = (counts[kindOf(item)] ?? 0) + 1;
  return sorted(counts);
}

const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

/**
 * DynamoDB JSON keeps binary values (a summary snapshot is gzipped bytes) as bytes, which
 * JSON.stringify would turn into an object of numbered keys: they travel as base64 instead.
 */
const BYTES = '$base64';
const replacer = (_key: string, value: unknown) => (value instanceof Uint8Array ? { [BYTES]: Buffer.from(value).toString('base64') } : value);
const reviver = (_key: string, value: unknown) =>
  value && typeof value === 'object' && BYTES in value && Object.keys(value).length === 1
    ? new Uint8Array(Buffer.from(String((value as Record<string, unknown>)[BYTES]), 'base64'))
    : value;

export async function exportTable(client: DynamoDBClient, table: string, file: string): Promise<number> {
  const out = createWriteStream(file, { mode: 0o600 });
  let n = 0;
  for await (const item of scan(client, table)) {
    if (!out.write(`${JSON.stringify(item, replacer)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    n++;
  }
  await new Promise<void>((res, rej) => out.end((error?: Error | null) => (error ? rej(error) : res())));
  return n;
}

async function* readExport(file: string): AsyncGenerator<Item> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
    if (line.trim()) yield JSON.parse(line, reviver) as Item;
}

export async function countExport(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const item of readExport(file)) counts[kindOf(item)] = (counts[kindOf(item)] ?? 0) + 1;
  return sorted(counts);
}

export async function importTable(client: DynamoDBClient, table: string, file: string): Promise<number> {
  // The same keys, index, stream and TTL as the stack's table (infra/local/table.ts mirrors the CDK app).
  const { ensureTable } = await import('#infra/local/table');
  await ensureTable(client, table);
  let batch: Item[] = [];
  let n = 0;
  const flush = async () => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`${requests.length} items still unprocessed after 10 retries`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
      requests = (res.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
    n += batch.length;
    batch = [];
  };
  for await (const item of readExport(file)) {
    batch.push(item);
    if (batch.length === 25) await flush();
  }
  if (batch.length > 0) await flush();
  return n;
}

/** Fields that say when or under which snapshot a summary was made, not what it says. */
const WHEN = new Set(['startedAt', 'computedAt', 'generatedAt', 'pageSet', 'commentPages', 'commentsExpireAt']);
const withoutWhen = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutWhen)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => !WHEN.has(k))
            .map(([k, v]) => [k, withoutWhen(v)]),
        )
      : value;

export interface SummaryCheck {
  inspectionId: string;
  result: 'equal' | 'different' | 'stale';
  differences?: string[];
}

/** Each stored summary against one recomputed from the table's own inputs. TABLE_NAME must name `table` before this runs. */
export async function checkSummaries(client: DynamoDBClient, table: string): Promise<SummaryCheck[]> {
  const stale = new Set<string>();
  const withSummary: string[] = [];
  for await (const item of scan(client, table)) {
    const kind = kindOf(item);
    const id = (item[TABLE.partitionKey]?.S ?? '').split('#')[1] ?? '';
    if (kind === 'STALE/INSP') stale.add((item[TABLE.sortKey]?.S ?? '').split('#')[1] ?? '');
    if (kind === 'INSP/SUMMARY') withSummary.push(id);
  }
  const { computeSummary } = await import('#domain/aggregate');
  const { getSummarySnapshot } = await import('#store/summaries');
  const checks: SummaryCheck[] = [];
  for (const inspectionId of withSummary.sort()) {
    // Changed after its last aggregation: the stored summary is known to be behind, by design.
    if (stale.has(inspectionId)) {
      checks.push({ inspectionId, result: 'stale' });
      continue;
    }
    const stored = withoutWhen(await getSummarySnapshot(inspectionId)) as Record<string, unknown>;
    const fresh = withoutWhen(JSON.parse(JSON.stringify(await computeSummary(inspectionId)))) as Record<string, unknown>;
    const differences = [...new Set([...Object.keys(stored), ...Object.keys(fresh)])].filter(
      (k) => JSON.stringify(stored[k]) !== JSON.stringify(fresh[k]),
    );
    checks.push({ inspectionId, result: differences.length === 0 ? 'equal' : 'different', ...(differences.length ? { differences } : {}) });
  }
  return checks;
}

export interface CheckReport {
  counts: Record<string, number>;
  countsDiffer: string[];
  summaries: SummaryCheck[];
  ok: boolean;
}

export async function check(client: DynamoDBClient, table: string, against?: Record<string, number>): Promise<CheckReport> {
  const counts = await countKinds(client, table);
  const countsDiffer = against ? [...new Set([...Object.keys(counts), ...Object.keys(against)])].filter((k) => counts[k] !== against[k]).sort() : [];
  const summaries = await checkSummaries(client, table);
  return { counts, countsDiffer, summaries, ok: countsDiffer.length === 0 && summaries.every((s) => s.result !== 'different') };
}

export async function restorePointInTime(client: DynamoDBClient, source: string, target: string, time: Date): Promise<void> {
  await client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: source, TargetTableName: target, RestoreDateTime: time }));
  // A restore of a few GB takes minutes to hours.
  await waitUntilTableExists({ client, maxWaitTime: 6 * 3600 }, { TableName: target });
}

async function main(args: string[]): Promise<void> {
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const need = (flag: string) => option(flag) ?? fail(`${args[0]} needs ${flag}`);
  const client = new DynamoDBClient({});
  const step = args[0];
  if (step === 'export') {
    console.log(`exported ${await exportTable(client, need('--table'), need('--file'))} items`);
  } else if (step === 'import') {
    console.log(`imported ${await importTable(client, need('--table'), need('--file'))} items`);
  } else if (step === 'check' || step === 'pitr') {
    let table = option('--table');
    if (step === 'pitr') {
      table = need('--target');
      const time = new Date(need('--time'));
      if (Number.isNaN(time.getTime())) fail('--time must be an ISO date and time');
      await restorePointInTime(client, need('--source'), table, time);
      console.log(`restored ${need('--source')} as of ${time.toISOString()} into ${table}`);
    }
    if (!table) fail('check needs --table');
    process.env.TABLE_NAME = table;
    const against = option('--against') ? await countExport(option('--against')!) : undefined;
    const report = await check(client, table, against);
    console.log(JSON.stringify(report, null, 2));
    if (!report.ok) process.exitCode = 1;
  } else {
    fail('usage: restore.ts export|import|check|pitr ... (see the top of infra/ops/restore.ts)');
  }
  client.destroy();
}

function fail(message: string): never {
  throw new Error(message);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
