/**
 * The response slot of an invitation: pk INSP#<id> sk RESP#<invitationId>. While the
 * respondent goes through the pages it holds their draft (one attribute per answer, so two
 * tabs answering different questions never undo each other); sending replaces the whole item
 * with the response in ONE conditional put (`attribute_not_exists(submittedAt)`). That one
 * write is what makes a token send once: a second send, a double click or twenty racing
 * requests all meet the response the first one wrote, and the draft copy of the answers is
 * gone the moment the response exists. A response carries the invitation id, never the
 * token or its hash.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writeAll } from './batch';
import type { Answer, Answers, Audience, Language } from '../schemas/questionnaire';
import { doc, tableName } from './client';
import { keys } from './keys';
import { queryPages } from './paging';
import { TABLE } from './table';

const RESPONSE = 'response';
const DRAFT = 'response-draft';
const ERASED = 'response-erased';
const DRAFT_ANSWER = 'draft:';
const DRAFT_SEEN = 'seen:';

export interface StoredResponse {
  invitationId: string;
  audience: Audience;
  language: Language;
  questionnaireVersion: string;
  answers: Answers;
  submittedAt: string;
  /** How it came in; absent on responses stored before paper returns (all online). */
  channel?: 'online' | 'paper';
  /** Paper only: the `sub` of the inspector who entered it. */
  enteredBy?: string;
}

export interface ResponseSlot {
  submittedAt?: string;
  /** Answers kept as the respondent goes (save and resume). */
  draft: Answers;
  /** Questions the respondent has been through, answered or (optional ones) left blank. */
  seen: string[];
  /** The language the respondent switched to, when not the one the link was issued in. */
  language?: Language;
}

/** Strongly consistent: a draft saved a moment ago, or a response just sent, is seen. */
export async function getResponseSlot(inspectionId: string, invitationId: string): Promise<ResponseSlot> {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.response(inspectionId, invitationId), ConsistentRead: true }),
  );
  const slot: ResponseSlot = { draft: {}, seen: [] };
  if (!Item) return slot;
  // A sent response keeps the language it was answered in: its confirmation page stays in it.
  if (Item.submittedAt) return { ...slot, submittedAt: Item.submittedAt as string, ...(Item.language === 'cy' || Item.language === 'en' ? { language: Item.language } : {}) };
  if (Item.answerLanguage === 'en' || Item.answerLanguage === 'cy') slot.language = Item.answerLanguage;
  for (const [name, value] of Object.entries(Item)) {
    if (name.startsWith(DRAFT_ANSWER)) slot.draft[name.slice(DRAFT_ANSWER.length)] = value as Answer;
    else if (name.startsWith(DRAFT_SEEN)) slot.seen.push(name.slice(DRAFT_SEEN.length));
  }
  return slot;
}

/**
 * Keeps one answer (or, with `undefined`, clears it) and records the question as seen.
 * False when the response has already been sent.
 */
export async function saveDraftAnswer(
  inspectionId: string,
  invitationId: string,
  questionId: string,
  answer: Answer | undefined,
  ttlEpoch?: number,
): Promise<boolean> {
  const now = new Date().toISOString();
  const set = ['entity = :entity', '#seen = :true', 'draftUpdatedAt = :now'];
  if (answer !== undefined) set.push('#answer = :answer');
  if (ttlEpoch) set.push('#ttl = :ttl');
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.response(inspectionId, invitationId),
        UpdateExpression: `SET ${set.join(', ')}${answer === undefined ? ' REMOVE #answer' : ''}`,
        ConditionExpression: 'attribute_not_exists(submittedAt)',
        ExpressionAttributeNames: {
          '#seen': DRAFT_SEEN + questionId,
          '#answer': DRAFT_ANSWER + questionId,
          ...(ttlEpoch ? { '#ttl': TABLE.ttlAttribute } : {}),
        },
        ExpressionAttributeValues: {
          ':entity': DRAFT,
          ':true': true,
          ':now': now,
          ...(answer === undefined ? {} : { ':answer': answer }),
          ...(ttlEpoch ? { ':ttl': ttlEpoch } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Keeps the language a respondent switched to for this link; false once the response has been sent. */
export async function saveAnswerLanguage(inspectionId: string, invitationId: string, language: Language, ttlEpoch?: number): Promise<boolean> {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.response(inspectionId, invitationId),
        UpdateExpression: `SET entity = :entity, answerLanguage = :language, draftUpdatedAt = :now${ttlEpoch ? ', #ttl = :ttl' : ''}`,
        ConditionExpression: 'attribute_not_exists(submittedAt)',
        ...(ttlEpoch ? { ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute } } : {}),
        ExpressionAttributeValues: { ':entity': DRAFT, ':language': language, ':now': new Date().toISOString(), ...(ttlEpoch ? { ':ttl': ttlEpoch } : {}) },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** 'stored', or 'duplicate' when this invitation already has a response (nothing is changed). */
export async function putResponse(inspectionId: string, response: StoredResponse, ttlEpoch?: number): Promise<'stored' | 'duplicate'> {
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.response(inspectionId, response.invitationId),
          entity: RESPONSE,
          ...response,
          ...(ttlEpoch ? { [TABLE.ttlAttribute]: ttlEpoch } : {}),
        },
        ConditionExpression: 'attribute_not_exists(submittedAt)',
      }),
    );
    return 'stored';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'duplicate';
    throw error;
  }
}

/** The invitation ids of an inspection whose response is stored (sent, or erased since: the link stays used). */
export async function answeredInvitationIds(inspectionId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const pages = queryPages(keys.partitionOf(inspectionId), keys.responsePrefix, { projection: 'sk, submittedAt' });
  for await (const page of pages) {
    for (const item of page) if (item.submittedAt) ids.add((item.sk as string).slice(keys.responsePrefix.length));
  }
  return ids;
}

function toResponse(item: Record<string, unknown>): StoredResponse {
  const { invitationId, audience, language, questionnaireVersion, answers, submittedAt, channel } = item as unknown as StoredResponse;
  return { invitationId, audience, language, questionnaireVersion, answers, submittedAt, channel: channel ?? 'online' };
}

/** Every sent response of an inspection (drafts and erased ones left out), a DynamoDB page at a time: memory stays flat. */
export async function* allResponses(inspectionId: string): AsyncGenerator<StoredResponse[]> {
  const sent = queryPages(keys.partitionOf(inspectionId), keys.responsePrefix, { filter: 'attribute_exists(answers)' });
  for await (const items of sent) yield items.map(toResponse);
}

/**
 * Erases every response and draft of an inspection (an admin's request under data
 * protection law); the computed summary is left as it was. A sent response leaves a
 * tombstone holding nothing but when it was sent and erased, so its link stays used and
 * cannot be answered again. Returns how many items were erased.
 */
export async function eraseResponses(inspectionId: string): Promise<number> {
  let erased = 0;
  const erasedAt = new Date().toISOString();
  const pages = queryPages(keys.partitionOf(inspectionId), keys.responsePrefix, { projection: 'pk, sk, submittedAt, entity' });
  for await (const page of pages) {
    const items = page.filter((item) => item.entity !== ERASED);
    await writeAll(
      items.map(({ pk, sk, submittedAt }) =>
        submittedAt ? { PutRequest: { Item: { pk, sk, entity: ERASED, submittedAt, erasedAt } } } : { DeleteRequest: { Key: { pk, sk } } },
      ),
    );
    erased += items.length;
  }
  return erased;
}
