/**
 * Jobs: long work run off the request (shared/domain/jobs.ts). One item per job, written when
 * the route hands the work over and finished once, by whichever run of the worker completes it;
 * TTL removes it a week later.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { BatchWriteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Job, JobKind } from '#schemas/job';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { queryPages } from './paging';
import { TABLE } from './table';

const ENTITY = 'job';

export interface StoredJob extends Job {
  startedBy: string;
  /** What the worker needs to do the work: small (ids, a transition), never answers, links or tokens. */
  payload: Record<string, unknown>;
}

export async function putJob(
  job: { jobId: string; kind: JobKind; inspectionId: string; startedBy: string; startedAt: string; doing: string; payload: Record<string, unknown> },
  ttlEpoch: number,
): Promise<void> {
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.job(job.jobId), entity: ENTITY, ...job, status: 'running', [TABLE.ttlAttribute]: ttlEpoch },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getJob(jobId: string): Promise<StoredJob | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.job(jobId), ConsistentRead: true }));
  if (!Item || Item.entity !== ENTITY) return undefined;
  const { pk: _pk, sk: _sk, entity: _entity, [TABLE.ttlAttribute]: _ttl, ...job } = Item;
  return job as StoredJob;
}

/** Says what a running job is doing now; a finished job keeps its last words. */
export async function setJobDoing(jobId: string, doing: string): Promise<void> {
  await writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.job(jobId),
      UpdateExpression: 'SET doing = :doing',
      ConditionExpression: '#status = :running',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':doing': doing, ':running': 'running' },
    }),
  );
}

/** Finishes a running job once: false when it had finished already (a second delivery of its message). */
export async function finishJob(
  jobId: string,
  outcome: { status: 'done'; result: unknown; doing: string } | { status: 'failed'; problem: Job['problem']; doing: string },
): Promise<boolean> {
  const value = outcome.status === 'done' ? outcome.result : outcome.problem;
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.job(jobId),
      UpdateExpression: `SET #status = :status, doing = :doing, finishedAt = :at, ${outcome.status === 'done' ? '#result' : 'problem'} = :value`,
      ConditionExpression: '#status = :running',
      ExpressionAttributeNames: { '#status': 'status', ...(outcome.status === 'done' ? { '#result': 'result' } : {}) },
      ExpressionAttributeValues: {
        ':status': outcome.status,
        ':doing': outcome.doing,
        ':at': new Date().toISOString(),
        ':value': value ?? null,
        ':running': 'running',
      },
    }),
  );
}

/** What a job is handed beyond its message (an upload's rows), gzipped JSON in parts well under the item limit. */
export async function putJobParts(jobId: string, parts: readonly unknown[], ttlEpoch: number): Promise<void> {
  const items = parts.map((part, n) => ({
    ...keys.jobPart(jobId, n),
    entity: 'job-part',
    data: gzipSync(JSON.stringify(part)),
    [TABLE.ttlAttribute]: ttlEpoch,
  }));
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 8) throw new Error("the job's input could not be stored");
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
      if (pending.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

export async function getJobParts<T>(jobId: string): Promise<T[]> {
  const parts: T[] = [];
  for await (const page of queryPages(keys.job(jobId).pk, keys.jobPartPrefix, { consistent: true })) {
    for (const item of page) parts.push(JSON.parse(gunzipSync(item.data as Uint8Array).toString('utf8')) as T);
  }
  return parts;
}
