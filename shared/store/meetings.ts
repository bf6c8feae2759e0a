/**
 * Meetings (issue 29): one item per meeting in the inspection's partition. A meeting is an
 * input of the inspection (shared/store/inputs.ts marks it stale on a change); its notes are
 * stored beside its findings and leave the store only through the meetings' own routes.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Meeting, MeetingInput } from '../schemas/meeting';
import { doc, tableName } from './client';
import { keys } from './keys';
import { queryPages } from './paging';

function toMeeting(inspectionId: string, item: Record<string, unknown>): Meeting {
  const { meetingId, updatedAt, input } = item as { meetingId: string; updatedAt: string; input: MeetingInput };
  return { ...input, inspectionId, meetingId, updatedAt };
}

/**
 * The one write of a meeting: the place a closed-inspection guard goes (shared/domain/closing.ts),
 * as for every other input.
 */
export async function putMeeting(inspectionId: string, meetingId: string, input: MeetingInput, user: string): Promise<{ outcome: 'created' | 'replaced'; meeting: Meeting }> {
  const updatedAt = new Date().toISOString();
  const { Attributes } = await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.meeting(inspectionId, meetingId), entity: 'meeting', meetingId, input, updatedAt, updatedBy: user },
      ReturnValues: 'ALL_OLD',
    }),
  );
  return { outcome: Attributes ? 'replaced' : 'created', meeting: { ...input, inspectionId, meetingId, updatedAt } };
}

/** True when there was one to delete. */
export async function deleteMeeting(inspectionId: string, meetingId: string): Promise<boolean> {
  const { Attributes } = await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.meeting(inspectionId, meetingId), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}

export async function getMeeting(inspectionId: string, meetingId: string): Promise<Meeting | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.meeting(inspectionId, meetingId), ConsistentRead: true }));
  return Item ? toMeeting(inspectionId, Item) : undefined;
}

/** Every meeting of an inspection, in id order: a few dozen at most. */
export async function listMeetings(inspectionId: string): Promise<Meeting[]> {
  const out: Meeting[] = [];
  for await (const page of queryPages(keys.partitionOf(inspectionId), keys.meetingPrefix, { consistent: true })) {
    out.push(...page.map((item) => toMeeting(inspectionId, item)));
  }
  return out;
}
