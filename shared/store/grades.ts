import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PutLeadership } from '../schemas/inspection';
import { doc, tableName } from './client';
import { keys } from './keys';

export interface StoredGrade extends PutLeadership {
  criterionId: string;
  updatedAt: string;
  updatedBy: string;
}

export async function putGrade(inspectionId: string, criterionId: string, grade: PutLeadership, user: string): Promise<'created' | 'replaced'> {
  const { Attributes } = await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.grade(inspectionId, criterionId), entity: 'grade', criterionId, ...grade, updatedAt: new Date().toISOString(), updatedBy: user },
      ReturnValues: 'ALL_OLD',
    }),
  );
  return Attributes ? 'replaced' : 'created';
}

export async function listGrades(inspectionId: string): Promise<StoredGrade[]> {
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.gradePrefix },
    }),
  );
  return (Items ?? []).map((item) => {
    const { criterionId, grade, strengths, improvements, updatedAt, updatedBy } = item as StoredGrade;
    return { criterionId, grade, strengths, improvements, updatedAt, updatedBy };
  });
}

export interface StoredConclusion {
  criterionId: string;
  band: 'good' | 'priority' | 'urgent-priority';
  text?: string;
  updatedAt: string;
  updatedBy: string;
}

/** The lead inspector's recorded conclusion on a scored criterion: the word the report uses. */
export async function putConclusion(inspectionId: string, conclusion: StoredConclusion): Promise<'created' | 'replaced'> {
  const { Attributes } = await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.conclusion(inspectionId, conclusion.criterionId), entity: 'conclusion', ...conclusion },
      ReturnValues: 'ALL_OLD',
    }),
  );
  return Attributes ? 'replaced' : 'created';
}

export async function listConclusions(inspectionId: string): Promise<StoredConclusion[]> {
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.conclusionPrefix },
    }),
  );
  return (Items ?? []).map((item) => {
    const { criterionId, band, text, updatedAt, updatedBy } = item as StoredConclusion;
    return { criterionId, band, ...(text ? { text } : {}), updatedAt, updatedBy };
  });
}
