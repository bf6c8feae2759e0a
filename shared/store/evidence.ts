/** Evidence beyond the case file (issue 14): second markings, interviews, performance figures, the area's caseload. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { QuestionBank } from '#schemas/bank';
import type { CaseAnswers } from '#schemas/case';
import type { AreaContext, InterviewInput, PerformanceFigure } from '#schemas/evidence';
import type * as z from 'zod/mini';
import { decodeAnswers, encodeAnswers } from './answer-code';
import { doc, tableName } from './client';
import { type FencedAction, openFence, putFenced, writeFenced } from './fence';
import { keys } from './keys';
import { queryAll, queryPages } from './paging';

type Answers = z.infer<typeof CaseAnswers>;

export interface StoredSecondMarking {
  caseRef: string;
  answers: Answers;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Puts the second marking; one it replaces is copied into the audit trail in the same
 * transaction (both markings are kept), which lands only while the inspection is open.
 */
export async function putSecondMarking(
  bank: QuestionBank,
  inspectionId: string,
  caseRef: string,
  answers: Answers,
  user: string,
): Promise<'created' | 'replaced'> {
  const now = new Date().toISOString();
  const { Item: previous } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.secondMarking(inspectionId, caseRef) }));
  const copy: FencedAction[] = previous
    ? [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...previous,
              ...keys.secondMarkingVersion(inspectionId, caseRef, previous.updatedAt as string),
              entity: 'second-marking-version',
            },
          },
        },
      ]
    : [];
  const marking: FencedAction = {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.secondMarking(inspectionId, caseRef),
        entity: 'second-marking',
        caseRef,
        bankVersion: bank.version,
        answerCode: encodeAnswers(bank, answers),
        updatedAt: now,
        updatedBy: user,
      },
    },
  };
  await writeFenced(openFence(inspectionId), [[...copy, marking]]);
  return previous ? 'replaced' : 'created';
}

/** Every second marking of an inspection: a third of a sample of about 100 cases, small enough to hold. */
export async function listSecondMarkings(bank: QuestionBank, inspectionId: string): Promise<StoredSecondMarking[]> {
  return (await queryAll(keys.partitionOf(inspectionId), keys.secondMarkingPrefix)).map((item) => ({
    caseRef: item.caseRef as string,
    answers: decodeAnswers(bank, item.answerCode as string),
    updatedAt: item.updatedAt as string,
    updatedBy: item.updatedBy as string,
  }));
}

export interface StoredInterview extends InterviewInput {
  caseRef: string;
  updatedAt: string;
}

export function putInterview(inspectionId: string, caseRef: string, input: InterviewInput, user: string): Promise<'created' | 'replaced'> {
  return putFenced(openFence(inspectionId), {
    ...keys.interview(inspectionId, caseRef),
    entity: 'interview',
    caseRef,
    answers: input.answers,
    updatedAt: new Date().toISOString(),
    updatedBy: user,
  });
}

export async function* allInterviews(inspectionId: string): AsyncGenerator<StoredInterview[]> {
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.interviewPrefix)) {
    yield page.map((item) => ({
      caseRef: item.caseRef as string,
      answers: item.answers as InterviewInput['answers'],
      updatedAt: item.updatedAt as string,
    }));
  }
}

export interface StoredPerformanceFigures {
  figures: PerformanceFigure[];
  updatedAt: string;
}

export async function putPerformanceFigures(inspectionId: string, figures: PerformanceFigure[], user: string): Promise<void> {
  const item = {
    ...keys.performanceFigures(inspectionId),
    entity: 'performance-figures',
    figures,
    updatedAt: new Date().toISOString(),
    updatedBy: user,
  };
  await writeFenced(openFence(inspectionId), [[{ Put: { TableName: tableName, Item: item } }]]);
}

export async function getPerformanceFigures(inspectionId: string): Promise<StoredPerformanceFigures | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.performanceFigures(inspectionId) }));
  return Item ? { figures: Item.figures as PerformanceFigure[], updatedAt: Item.updatedAt as string } : undefined;
}

export interface StoredAreaContext {
  context: AreaContext;
  updatedAt: string;
}

export function putAreaContext(inspectionId: string, context: AreaContext, user: string): Promise<'created' | 'replaced'> {
  return putFenced(openFence(inspectionId), {
    ...keys.areaContext(inspectionId),
    entity: 'area-context',
    context,
    updatedAt: new Date().toISOString(),
    updatedBy: user,
  });
}

export async function getAreaContext(inspectionId: string): Promise<StoredAreaContext | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.areaContext(inspectionId) }));
  return Item ? { context: Item.context as AreaContext, updatedAt: Item.updatedAt as string } : undefined;
}

export async function getSecondMarking(bank: QuestionBank, inspectionId: string, caseRef: string): Promise<StoredSecondMarking | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.secondMarking(inspectionId, caseRef) }));
  return Item
    ? { caseRef, answers: decodeAnswers(bank, Item.answerCode as string), updatedAt: Item.updatedAt as string, updatedBy: Item.updatedBy as string }
    : undefined;
}

export async function getInterview(inspectionId: string, caseRef: string): Promise<(StoredInterview & { updatedBy: string }) | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.interview(inspectionId, caseRef) }));
  return Item
    ? { caseRef, answers: Item.answers as InterviewInput['answers'], updatedAt: Item.updatedAt as string, updatedBy: Item.updatedBy as string }
    : undefined;
}

export interface StoredModerationDecision {
  caseRef: string;
  /** The questions the moderator decided, and what they decided. */
  decided: Answers;
  note: string;
  decidedAt: string;
  decidedBy: string;
}

/** The latest decision on a case replaces the one before: the case's own history keeps every version it changed. */
export async function putModerationDecision(inspectionId: string, decision: StoredModerationDecision): Promise<void> {
  await putFenced(openFence(inspectionId), {
    ...keys.moderationDecision(inspectionId, decision.caseRef),
    entity: 'moderation-decision',
    ...decision,
  });
}

export async function listModerationDecisions(inspectionId: string): Promise<StoredModerationDecision[]> {
  return (await queryAll(keys.partitionOf(inspectionId), keys.moderationDecisionPrefix)).map((item) => ({
    caseRef: item.caseRef as string,
    decided: item.decided as StoredModerationDecision['decided'],
    note: item.note as string,
    decidedAt: item.decidedAt as string,
    decidedBy: item.decidedBy as string,
  }));
}
