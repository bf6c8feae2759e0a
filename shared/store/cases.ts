import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { QuestionBank } from '../schemas/bank';
import type { CaseInput, StoredCase } from '../schemas/case';
import { decodeCaseAnswers, encodeAnswers } from './answer-code';
import { doc, tableName } from './client';
import { mapLimit } from '../concurrency';
import { keys } from './keys';
import { TABLE } from './table';
import { InvalidInput } from '../core/errors';
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

function caseItem(bank: QuestionBank, caseRef: string, input: CaseInput, version: number, updatedAt: string, updatedBy: string) {
  return {
    entity: ENTITY,
    caseRef,
    profile: input.profile,
    bankVersion: bank.version,
    answerCode: encodeAnswers(bank, input.answers),
    version,
    updatedAt,
    updatedBy,
  };
}

/**
 * Creates or replaces one case. A new case is one conditional put. A replacement first
 * copies the version it replaces into the audit trail (an idempotent key, so a retry or a
 * crash in between leaves nothing wrong), then puts the new version only if nobody else
 * replaced it meanwhile; a concurrent writer makes us retry, so the last write wins whole.
 */
export async function putCase(
  bank: QuestionBank,
  inspectionId: string,
  caseRef: string,
  input: CaseInput,
  user: string,
  expectedVersion?: number,
): Promise<'created' | 'replaced'> {
  const key = keys.case(inspectionId, caseRef);
  // With an expected version the writer saw a particular version (0: none yet): anything else
  // stored now means somebody else saved in between, and they must be told, not overwritten.
  const stale = (found: { version: number; updatedBy: string; updatedAt: string }) => new StaleCase(found.version, found.updatedBy, found.updatedAt);
  for (let attempt = 0; ; attempt++) {
    const now = new Date().toISOString();
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key, ...caseItem(bank, caseRef, input, 1, now, user) },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'created';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
      // ReturnValuesOnConditionCheckFailure comes back in the low-level format even from the document client.
      const previous = unmarshall(error.Item);
      if (expectedVersion !== undefined && previous.version !== expectedVersion) throw stale(previous as StoredCase);
      // `now` was read before this attempt found the version it replaces; a writer that came
      // in meanwhile may have stamped that one later. The trail must never go back in time.
      const replacedAt = now > (previous.updatedAt as string) ? now : (previous.updatedAt as string);
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...previous, ...keys.caseVersion(inspectionId, caseRef, previous.version as number), entity: 'case-version' },
        }),
      );
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, ...caseItem(bank, caseRef, input, (previous.version as number) + 1, replacedAt, user) },
            ConditionExpression: 'version = :seen',
            ExpressionAttributeValues: { ':seen': previous.version },
          }),
        );
        return 'replaced';
      } catch (raced) {
        if (!(raced instanceof ConditionalCheckFailedException) || attempt >= 20) throw raced;
        if (expectedVersion !== undefined) {
          const now = await doc.send(new GetCommand({ TableName: tableName, Key: key }));
          throw stale((now.Item ?? previous) as StoredCase);
        }
        await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
      }
    }
  }
}

export async function getCase(bank: QuestionBank, inspectionId: string, caseRef: string): Promise<{ current: StoredCase; earlier: StoredCase[] } | undefined> {
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

export async function listCases(bank: QuestionBank, inspectionId: string, cursor?: string, limit = 200): Promise<{ cases: StoredCase[]; nextCursor?: string }> {
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

const EXPIRY_WRITERS = 16;

/**
 * Sets DynamoDB's TTL on every case record of an inspection (cases and their history, second
 * markings and theirs, interviews), or removes it with `null`. Each item is updated only if it
 * still exists, so a record deleted meanwhile is not brought back as a bare key. Returns how many
 * items were updated.
 */
export async function setCaseRecordsExpiry(inspectionId: string, expiresAtEpoch: number | null): Promise<number> {
  const pk = keys.partitionOf(inspectionId);
  const sortKeys: string[] = [];
  for (const prefix of keys.caseRecordPrefixes) {
    for await (const page of queryPages(pk, prefix, { projection: 'sk' })) for (const item of page) sortKeys.push(item.sk as string);
  }
  const updated = await mapLimit(sortKeys, EXPIRY_WRITERS, async (sk) => {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk, sk },
          UpdateExpression: expiresAtEpoch === null ? 'REMOVE #ttl' : 'SET #ttl = :ttl',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
          ...(expiresAtEpoch === null ? {} : { ExpressionAttributeValues: { ':ttl': expiresAtEpoch } }),
        }),
      );
      return 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return 0;
    }
  });
  return updated.reduce<number>((sum, one) => sum + one, 0);
}
