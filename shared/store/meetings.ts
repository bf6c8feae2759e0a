/**
 * Meetings (issue 29): one item per meeting in the inspection's partition. A meeting is an
 * input of the inspection (shared/store/inputs.ts marks it stale on a change); its notes are
 * stored beside its findings and leave the store only through the meetings' own routes.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Meeting, MeetingInput } from '#schemas/meeting';
import { doc, tableName } from './client';
import { GroupRefused, openFence, putFenced, writeFenced } from './fence';
import { keys } from './keys';
import { queryAll } from './paging';

function toMeeting(inspectionId: string, item: Record<string, unknown>): Meeting {
  const { meetingId, updatedAt, input } = item as { meetingId: string; updatedAt: string; input: MeetingInput };
  return { ...input, inspectionId, meetingId, updatedAt };
}

/** The one write of a meeting, fenced like every other input's. */
export async function putMeeting(
  inspectionId: string,
  meetingId: string,
  input: MeetingInput,
  user: string,
): Promise<{ outcome: 'created' | 'replaced'; meeting: Meeting }> {
  const updatedAt = new Date().toISOString();
  // An input: refused in the write itself once the inspection is closed (fence.ts), whatever the caller read.
  const outcome = await putFenced(openFence(inspectionId), {
    ...keys.meeting(inspectionId, meetingId),
    entity: 'meeting',
    meetingId,
    input,
    updatedAt,
    updatedBy: user,
  });
  return { outcome, meeting: { ...input, inspectionId, meetingId, updatedAt } };
}

/** True when there was one to delete. */
export async function deleteMeeting(inspectionId: string, meetingId: string): Promise<boolean> {
  try {
    await writeFenced(openFence(inspectionId), [
      [{ Delete: { TableName: tableName, Key: keys.meeting(inspectionId, meetingId), ConditionExpression: 'attribute_exists(pk)' } }],
    ]);
    return true;
  } catch (error) {
    if (error instanceof GroupRefused) return false;
    throw error;
  }
}

export async function getMeeting(inspectionId: string, meetingId: string): Promise<Meeting | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.meeting(inspectionId, meetingId), ConsistentRead: true }));
  return Item ? toMeeting(inspectionId, Item) : undefined;
}

/** Every meeting of an inspection, in id order: a few dozen at most. */
export async function listMeetings(inspectionId: string): Promise<Meeting[]> {
  return (await queryAll(keys.partitionOf(inspectionId), keys.meetingPrefix, { consistent: true })).map((item) => toMeeting(inspectionId, item));
}
