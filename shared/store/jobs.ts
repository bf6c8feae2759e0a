/**
 * Jobs: long work run off the request (shared/domain/jobs.ts). One item per job, written when
 * the route hands the work over and finished once, by whichever run of the worker completes it;
 * TTL removes it a week later.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Job, JobKind } from '../schemas/job';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { TABLE } from './table';

const ENTITY = 'job';

export interface StoredJob extends Job {
  startedBy: string;
  /** What the worker needs to do the work: small (ids, a transition), never answers, links or tokens. */
  payload: Record<string, unknown>;
}

export async function putJob(job: { jobId: string; kind: JobKind; inspectionId: string; startedBy: string; startedAt: string; doing: string; payload: Record<string, unknown> }, ttlEpoch: number): Promise<void> {
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
export async function finishJob(jobId: string, outcome: { status: 'done'; result: unknown; doing: string } | { status: 'failed'; problem: Job['problem']; doing: string }): Promise<boolean> {
  const value = outcome.status === 'done' ? outcome.result : outcome.problem;
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.job(jobId),
      UpdateExpression: `SET #status = :status, doing = :doing, finishedAt = :at, ${outcome.status === 'done' ? '#result' : 'problem'} = :value`,
      ConditionExpression: '#status = :running',
      ExpressionAttributeNames: { '#status': 'status', ...(outcome.status === 'done' ? { '#result': 'result' } : {}) },
      ExpressionAttributeValues: { ':status': outcome.status, ':doing': outcome.doing, ':at': new Date().toISOString(), ':value': value ?? null, ':running': 'running' },
    }),
  );
}
