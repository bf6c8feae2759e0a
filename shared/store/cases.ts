import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { QuestionBank } from '#schemas/bank';
import type { CaseInput, StoredCase } from '#schemas/case';
import { decodeCaseAnswers, encodeAnswers } from './answer-code';
import { doc, tableName } from './client';
import { type Fence, type FencedAction, GroupRefused, openFence, writeFenced } from './fence';
import { keys } from './keys';
import { TABLE } from './table';
import { InvalidInput } from '#core/errors';
import { decodeCursor, encodeCursor, queryPages } from './paging';

export type { StoredCase };

const ENTITY = 'case';

/** The case was saved by somebody else since the writer read it: what is stored now. */
export class StaleCase extends Error {
  constructor(
    readonly version: number,
    readonly updatedBy: string,
    readonly updatedAt: string,
  ) {
    super('stale case');
  }
}

function toCase(bank: QuestionBank, item: Record<string, unknown>): StoredCase {
  const { caseRef, profile, version, updatedAt, updatedBy } = item as unknown as StoredCase;
  return { caseRef, profile, answers: decodeCaseAnswers(bank, item.answerCode as string, profile.caseType), version, updatedAt, updatedBy };
}

function caseItem(bank: QuestionBank, caseRef: string, input: CaseInput, version: number, updatedAt: string, updatedBy: string, importJob?: string) {
  return {
    entity: ENTITY,
    caseRef,
    profile: input.profile,
    bankVersion: bank.version,
    answerCode: encodeAnswers(bank, input.answers),
    version,
    updatedAt,
    updatedBy,
    // Which import job wrote this version, so that a job that could not finish can take back exactly its own (undoImportJob); a later save drops it.
    ...(importJob ? { importJob } : {}),
  };
}

/** One case's write: what is written, by whom, when, and by which import job, if any. */
interface CaseWrite {
  bank: QuestionBank;
  inspectionId: string;
  caseRef: string;
  input: CaseInput;
  user: string;
  now: string;
  importJob?: string;
}

/** A new case: created only if there is none yet, handing back the one there is otherwise. */
function createAction({ bank, inspectionId, caseRef, input, user, now, importJob }: CaseWrite): FencedAction {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.case(inspectionId, caseRef), ...caseItem(bank, caseRef, input, 1, now, user, importJob) },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * A replacement: the version it replaces copied into the audit trail (an idempotent key) and
 * the new version put only if nobody replaced it meanwhile, both in one transaction.
 */
function replaceActions({ bank, inspectionId, caseRef, input, user, now, importJob }: CaseWrite, previous: Record<string, unknown>): FencedAction[] {
  // `now` was read before this attempt found the version it replaces; a writer that came in
  // meanwhile may have stamped that one later. The trail must never go back in time.
  const replacedAt = now > (previous.updatedAt as string) ? now : (previous.updatedAt as string);
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...previous, ...keys.caseVersion(inspectionId, caseRef, previous.version as number), entity: 'case-version' },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.case(inspectionId, caseRef),
          ...caseItem(bank, caseRef, input, (previous.version as number) + 1, replacedAt, user, importJob),
        },
        ConditionExpression: 'version = :seen',
        ExpressionAttributeValues: { ':seen': previous.version },
      },
    },
  ];
}

/**
 * Creates or replaces one case, behind the fence (fence.ts: by default, while the inspection
 * is open; InspectionClosed otherwise). A new case is one transaction; a replacement learns
 * the version it replaces from the refused create, then writes it to the trail and the new
 * version in one more. A concurrent writer makes us retry, so the last write wins whole.
 */
export async function putCase(
  bank: QuestionBank,
  inspectionId: string,
  caseRef: string,
  input: CaseInput,
  user: string,
  expectedVersion?: number,
  fence: Fence = openFence(inspectionId),
): Promise<'created' | 'replaced'> {
  const key = keys.case(inspectionId, caseRef);
  // With an expected version the writer saw a particular version (0: none yet): anything else
  // stored now means somebody else saved in between, and they must be told, not overwritten.
  const stale = (found: { version: number; updatedBy: string; updatedAt: string }) => new StaleCase(found.version, found.updatedBy, found.updatedAt);
  for (let attempt = 0; ; attempt++) {
    const write: CaseWrite = { bank, inspectionId, caseRef, input, user, now: new Date().toISOString() };
    let previous: Record<string, unknown>;
    try {
      await writeFenced(fence, [[createAction(write)]]);
      return 'created';
    } catch (error) {
      if (!(error instanceof GroupRefused) || !error.item) throw error;
      previous = error.item;
    }
    if (expectedVersion !== undefined && previous.version !== expectedVersion) throw stale(previous as StoredCase);
    try {
      await writeFenced(fence, [replaceActions(write, previous)]);
      return 'replaced';
    } catch (raced) {
      if (!(raced instanceof GroupRefused) || attempt >= 20) throw raced;
      if (expectedVersion !== undefined) {
        const current = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        throw stale((current.Item ?? previous) as StoredCase);
      }
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
    }
  }
}

/** The cases stored now under these references (strongly consistent), by reference. */
async function currentCases(inspectionId: string, caseRefs: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < caseRefs.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = caseRefs.slice(i, i + 100).map((ref) => keys.case(inspectionId, ref));
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed batch reads');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const result: BatchGetCommandOutput = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of result.Responses?.[tableName] ?? []) found.set(item.caseRef as string, item);
      pending = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}

/** The cases stored now under these references (strongly consistent), as cases: what an import would replace. */
export async function casesByRef(bank: QuestionBank, inspectionId: string, caseRefs: readonly string[]): Promise<Map<string, StoredCase>> {
  const found = await currentCases(inspectionId, caseRefs);
  return new Map([...found].map(([ref, item]) => [ref, toCase(bank, item)]));
}

/**
 * Creates or replaces many cases (a CSV import) behind the fence, each case whole (its trail
 * copy and new version in one transaction), as many to a transaction as fit. A case another
 * writer changed meanwhile is read again and written again, so the import's version wins
 * whole, as a single write's does. The outcome of each, in order.
 */
export async function putCases(
  bank: QuestionBank,
  inspectionId: string,
  rows: readonly { caseRef: string; input: CaseInput }[],
  user: string,
  fence: Fence,
  importJob?: string,
): Promise<('created' | 'replaced')[]> {
  const outcomes = new Array<'created' | 'replaced'>(rows.length);
  let pending = rows.map((_row, i) => i);
  for (let round = 0; pending.length; round++) {
    if (round > 20) throw new Error('cases kept changing under an import');
    const now = new Date().toISOString();
    const stored = await currentCases(
      inspectionId,
      pending.map((i) => rows[i]!.caseRef),
    );
    const groups = pending.map((i) => {
      const { caseRef, input } = rows[i]!;
      const previous = stored.get(caseRef);
      outcomes[i] = previous ? 'replaced' : 'created';
      const write: CaseWrite = { bank, inspectionId, caseRef, input, user, now, ...(importJob ? { importJob } : {}) };
      return previous ? replaceActions(write, previous) : [createAction(write)];
    });
    const raced = await writeFenced(fence, groups, { skipRefused: true });
    pending = raced.map((g) => pending[g]!);
  }
  return outcomes;
}

/**
 * Takes back what one import job wrote: each listed case whose current version that job wrote
 * goes back to its last version the job did not write (as a new version, the job's kept in the
 * trail), or, if the job made it, is deleted. A case saved since by anyone else is left alone.
 */
export async function undoImportJob(inspectionId: string, caseRefs: readonly string[], importJob: string, fence: Fence): Promise<number> {
  let undone = 0;
  for (const caseRef of caseRefs) {
    const { Item: current } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.case(inspectionId, caseRef), ConsistentRead: true }));
    if (!current || current.importJob !== importJob) continue;
    const { Items: trail = [] } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.caseVersionPrefix(caseRef) },
        ConsistentRead: true,
        ScanIndexForward: false,
      }),
    );
    const before = trail.find((v) => v.importJob !== importJob);
    const seen = {
      ConditionExpression: 'version = :seen AND importJob = :job',
      ExpressionAttributeValues: { ':seen': current.version, ':job': importJob },
    };
    const actions: FencedAction[] = before
      ? [
          {
            Put: {
              TableName: tableName,
              Item: { ...current, ...keys.caseVersion(inspectionId, caseRef, current.version as number), entity: 'case-version' },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...before,
                ...keys.case(inspectionId, caseRef),
                entity: ENTITY,
                version: (current.version as number) + 1,
                updatedAt: new Date().toISOString(),
              },
              ...seen,
            },
          },
        ]
      : [{ Delete: { TableName: tableName, Key: keys.case(inspectionId, caseRef), ...seen } }];
    // A save that came in meanwhile wins: its case is no longer the job's to take back.
    if (!(await writeFenced(fence, [actions], { skipRefused: true })).length) undone++;
  }
  return undone;
}

export async function getCase(
  bank: QuestionBank,
  inspectionId: string,
  caseRef: string,
): Promise<{ current: StoredCase; earlier: StoredCase[] } | undefined> {
  const [{ Item }, history] = await Promise.all([
    doc.send(new GetCommand({ TableName: tableName, Key: keys.case(inspectionId, caseRef) })),
    doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.caseVersionPrefix(caseRef) },
        ScanIndexForward: false,
      }),
    ),
  ]);
  if (!Item) return undefined;
  return { current: toCase(bank, Item), earlier: (history.Items ?? []).map((item) => toCase(bank, item)) };
}

/** Whether the inspection has more than `limit` cases (a release that big runs as a job): counted, not read. */
export async function hasMoreCasesThan(inspectionId: string, limit: number): Promise<boolean> {
  let counted = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.casePrefix },
        Select: 'COUNT',
        ExclusiveStartKey,
      }),
    );
    counted += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && counted <= limit);
  return counted > limit;
}

export async function listCases(
  bank: QuestionBank,
  inspectionId: string,
  cursor?: string,
  limit = 200,
): Promise<{ cases: StoredCase[]; nextCursor?: string }> {
  const result = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.casePrefix },
      Limit: limit,
      ExclusiveStartKey: caseCursor(inspectionId, cursor),
    }),
  );
  return { cases: (result.Items ?? []).map((item) => toCase(bank, item)), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/**
 * A cursor this list gave out: exactly a case's key in this inspection. Anything else (another
 * key shape, a key outside the CASE# range) DynamoDB would refuse with a ValidationException,
 * which must be the client's 400, not our 500.
 */
function caseCursor(inspectionId: string, cursor: string | undefined): Record<string, string> | undefined {
  const key = decodeCursor(cursor, { attribute: 'pk', value: keys.partitionOf(inspectionId) });
  if (key && (Object.keys(key).sort().join(',') !== 'pk,sk' || !key.sk!.startsWith(keys.casePrefix))) {
    throw new InvalidInput([{ path: 'query.cursor', message: 'Not a cursor this list gave out' }]);
  }
  return key;
}

/** Every case of an inspection, a DynamoDB page (up to 1 MB) at a time: memory stays flat. */
export async function* allCases(bank: QuestionBank, inspectionId: string): AsyncGenerator<StoredCase[]> {
  for await (const items of queryPages(keys.partitionOf(inspectionId), keys.casePrefix)) yield items.map((item) => toCase(bank, item));
}

/**
 * Sets DynamoDB's TTL on every case record of an inspection (cases and their history, second
 * markings and theirs, interviews), or removes it with `null`, behind the fence of the release
 * or reopening that does it. Each item is updated only if it still exists, so a record deleted
 * meanwhile is not brought back as a bare key. Returns how many items were changed.
 */
export async function setCaseRecordsExpiry(inspectionId: string, expiresAtEpoch: number | null, fence: Fence): Promise<number> {
  const pk = keys.partitionOf(inspectionId);
  const sortKeys: string[] = [];
  for (const prefix of keys.caseRecordPrefixes) {
    for await (const page of queryPages(pk, prefix, { projection: `sk, ${TABLE.ttlAttribute}`, consistent: true })) {
      // Already as wanted (a finish or undo run again, an undo of a release that never set it): nothing to write.
      for (const item of page) if ((item[TABLE.ttlAttribute] ?? null) !== expiresAtEpoch) sortKeys.push(item.sk as string);
    }
  }
  const groups: FencedAction[][] = sortKeys.map((sk) => [
    {
      Update: {
        TableName: tableName,
        Key: { pk, sk },
        UpdateExpression: expiresAtEpoch === null ? 'REMOVE #ttl' : 'SET #ttl = :ttl',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
        ...(expiresAtEpoch === null ? {} : { ExpressionAttributeValues: { ':ttl': expiresAtEpoch } }),
      },
    },
  ]);
  const gone = await writeFenced(fence, groups, { skipRefused: true });
  return sortKeys.length - gone.length;
}
