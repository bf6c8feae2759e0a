/**
 * The invitation slot: pk INSP#<id>#SLOTS#<n> sk SLOT#<sha256 of the token>. ONE item is the
 * link (written when it is issued), then the respondent's draft, then the response. The draft
 * is two maps, `draft` (answer by question id) and `seen` (question id -> true), made empty
 * when the link is issued, so a save sets one key of each (two tabs answering different
 * questions never undo each other) and a send removes just the two maps, whatever the
 * questionnaire's length: a short update expression is what keeps the send's one write close
 * to a bare PutItem (bench/RESULTS.md, section 7). Sending
 * is ONE conditional UpdateItem whose condition holds every rule of a send: the link exists,
 * is unused, unexpired, not closed, and is for this audience and version. Only a refused send
 * learns why, from the item DynamoDB hands back with the refusal (no second call). A second
 * send, a double click or twenty racing requests all meet the response the first one wrote.
 * A response carries the invitation id, never the token.
 */
import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { writeAll } from './batch';
import { type Fence, type FencedAction, writeFenced } from './fence';
import type { Answer, Answers, Audience, Language } from '#schemas/questionnaire';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { queryPages } from './paging';
import { TABLE } from './table';

const SLOT = 'invitation';
const RESPONSE = 'response';
const ERASED = 'response-erased';
// Drafts were once one attribute per question (`draft:<id>`, `seen:<id>`); nothing was deployed
// with them, so they are neither read nor migrated.
const DRAFT = 'draft';
const SEEN = 'seen';
/** What a slot holds when its link is issued, and again when erasure puts a draft's link back. */
const NO_DRAFT = { [DRAFT]: {}, [SEEN]: {} } as const;

/** What an issued link is for: written once, never changed by a respondent. */
export interface Invitation {
  invitationId: string;
  inspectionId: string;
  batchId: string;
  audience: Audience;
  language: Language;
  questionnaireVersion: string;
  createdAt: string;
  expiresAt?: string;
}

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
  /** Set while the inspection is closed: the link answers 410 until it is reopened. */
  closedAt?: string;
}

export type Slot = Invitation & { slot: ResponseSlot };

/** The invitation's own fields of a stored item (a slot or a paper reference), nothing else. */
export function toInvitation(item: Record<string, unknown>): Invitation {
  const i = item as unknown as Invitation;
  return {
    invitationId: i.invitationId,
    inspectionId: i.inspectionId,
    batchId: i.batchId,
    audience: i.audience,
    language: i.language,
    questionnaireVersion: i.questionnaireVersion,
    createdAt: i.createdAt,
    ...(i.expiresAt ? { expiresAt: i.expiresAt } : {}),
  };
}

const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'cy';
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toSlot(item: Record<string, unknown>): Slot {
  const slot: ResponseSlot = { draft: {}, seen: [] };
  if (typeof item.closedAt === 'string') slot.closedAt = item.closedAt;
  if (isLanguage(item.answerLanguage)) slot.language = item.answerLanguage;
  if (item.submittedAt) slot.submittedAt = item.submittedAt as string;
  else {
    if (isMap(item[DRAFT])) slot.draft = { ...(item[DRAFT] as Answers) };
    if (isMap(item[SEEN])) slot.seen = Object.keys(item[SEEN]);
  }
  return { ...toInvitation(item), slot };
}

/**
 * The links of a batch, one slot each, behind the fence of the writer issuing them (a link
 * written after a close would take sends the final release never saw). Tokens are 128 random
 * bits, so no put needs a collision check.
 */
export async function putInvitationSlots(
  invitations: readonly (Invitation & { tokenHash: string })[],
  ttlEpoch: number | undefined,
  fence: Fence,
): Promise<void> {
  await writeFenced(
    fence,
    invitations.map(({ tokenHash, ...invitation }) => [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.slot(invitation.inspectionId, tokenHash),
            entity: SLOT,
            ...invitation,
            ...NO_DRAFT,
            ...(ttlEpoch ? { [TABLE.ttlAttribute]: ttlEpoch } : {}),
          },
        },
      },
    ]),
  );
}

/** Strongly consistent: a draft saved a moment ago, or a response just sent, is seen. Undefined for no such link. */
export async function getSlot(inspectionId: string, tokenHash: string): Promise<Slot | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.slot(inspectionId, tokenHash), ConsistentRead: true }));
  return Item ? toSlot(Item) : undefined;
}

// Only an unsent link is stamped closed or reopened.
const UNSENT_SLOT = 'attribute_exists(pk) AND attribute_not_exists(submittedAt)';
// A draft is only ever kept on a link that exists, has not been sent and is not closed.
const OPEN_SLOT = `${UNSENT_SLOT} AND attribute_not_exists(closedAt)`;

/**
 * Keeps one answer (or, with `undefined`, clears it) and records the question as seen.
 * False when the response has already been sent or the link is closed.
 */
export async function saveDraftAnswer(
  inspectionId: string,
  tokenHash: string,
  questionId: string,
  answer: Answer | undefined,
  ttlEpoch?: number,
): Promise<boolean> {
  const saved = await saveIntoDraftMaps(inspectionId, tokenHash, questionId, answer, ttlEpoch);
  if (saved !== 'no-maps') return saved === 'saved';
  // A link issued before drafts were two maps (a local table kept from then) has neither: this
  // first save makes them, with its answer, so the save works rather than failing on the path.
  const now = new Date().toISOString();
  const made = await writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.slot(inspectionId, tokenHash),
      UpdateExpression: `SET ${SEEN} = :seen, ${DRAFT} = :draft, draftUpdatedAt = :now${ttlEpoch ? ', #ttl = :ttl' : ''}`,
      ConditionExpression: `${OPEN_SLOT} AND attribute_not_exists(${SEEN})`,
      ...(ttlEpoch ? { ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute } } : {}),
      ExpressionAttributeValues: {
        ':seen': { [questionId]: true },
        ':draft': answer === undefined ? {} : { [questionId]: answer },
        ':now': now,
        ...(ttlEpoch ? { ':ttl': ttlEpoch } : {}),
      },
    }),
  );
  // Refused: another save made the maps first (then this one goes into them), or the link was sent or closed meanwhile.
  return made || (await saveIntoDraftMaps(inspectionId, tokenHash, questionId, answer, ttlEpoch)) === 'saved';
}

/** One key of each draft map; 'no-maps' for an open link issued before the maps (refused, with no change). */
async function saveIntoDraftMaps(
  inspectionId: string,
  tokenHash: string,
  questionId: string,
  answer: Answer | undefined,
  ttlEpoch?: number,
): Promise<'saved' | 'refused' | 'no-maps'> {
  const set = [`${SEEN}.#q = :true`, 'draftUpdatedAt = :now'];
  if (answer !== undefined) set.push(`${DRAFT}.#q = :answer`);
  if (ttlEpoch) set.push('#ttl = :ttl');
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.slot(inspectionId, tokenHash),
        UpdateExpression: `SET ${set.join(', ')}${answer === undefined ? ` REMOVE ${DRAFT}.#q` : ''}`,
        ConditionExpression: `${OPEN_SLOT} AND attribute_exists(${SEEN})`,
        ExpressionAttributeNames: { '#q': questionId, ...(ttlEpoch ? { '#ttl': TABLE.ttlAttribute } : {}) },
        ExpressionAttributeValues: {
          ':true': true,
          ':now': new Date().toISOString(),
          ...(ttlEpoch ? { ':ttl': ttlEpoch } : {}),
          ...(answer === undefined ? {} : { ':answer': answer }),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'saved';
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const old = error.Item ? unmarshall(error.Item as Record<string, AttributeValue>) : undefined;
    return old && !old.submittedAt && !old.closedAt && !old[SEEN] ? 'no-maps' : 'refused';
  }
}

/** Keeps the language a respondent switched to for this link; false once the response has been sent or the link closed. */
export async function saveAnswerLanguage(inspectionId: string, tokenHash: string, language: Language, ttlEpoch?: number): Promise<boolean> {
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.slot(inspectionId, tokenHash),
      UpdateExpression: `SET answerLanguage = :language, draftUpdatedAt = :now${ttlEpoch ? ', #ttl = :ttl' : ''}`,
      ConditionExpression: OPEN_SLOT,
      ...(ttlEpoch ? { ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute } } : {}),
      ExpressionAttributeValues: { ':language': language, ':now': new Date().toISOString(), ...(ttlEpoch ? { ':ttl': ttlEpoch } : {}) },
    }),
  );
}

export interface Send {
  audience: Audience;
  questionnaireVersion: string;
  answers: Answers;
  submittedAt: string;
  channel: 'online' | 'paper';
  /** Paper only: the `sub` of the inspector who entered it. */
  enteredBy?: string;
}

/**
 * Sends a response into its slot: ONE conditional UpdateItem, the only call on success.
 * `refused` carries the slot as it was (undefined when there is no such link), handed back by
 * DynamoDB with the refusal, so the caller can say 404, 409 or 410 without another call.
 */
export async function sendToSlot(
  inspectionId: string,
  tokenHash: string,
  send: Send,
  now: string,
  ttlEpoch?: number,
): Promise<{ outcome: 'stored' } | { outcome: 'refused'; slot: Slot | undefined }> {
  const names: Record<string, string> = { '#answers': 'answers' };
  const set = ['entity = :entity', '#answers = :answers', 'submittedAt = :submittedAt', 'channel = :channel'];
  if (send.enteredBy) set.push('enteredBy = :enteredBy');
  if (ttlEpoch) {
    set.push('#ttl = :ttl');
    names['#ttl'] = TABLE.ttlAttribute;
  }
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.slot(inspectionId, tokenHash),
        // The draft goes in the same write: two maps, however many questions.
        UpdateExpression: `SET ${set.join(', ')} REMOVE ${DRAFT}, ${SEEN}, draftUpdatedAt`,
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(submittedAt) AND attribute_not_exists(closedAt)' +
          ' AND audience = :audience AND questionnaireVersion = :version AND (attribute_not_exists(expiresAt) OR expiresAt > :now)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':entity': RESPONSE,
          ':answers': send.answers,
          ':submittedAt': send.submittedAt,
          ':channel': send.channel,
          ':audience': send.audience,
          ':version': send.questionnaireVersion,
          ':now': now,
          ...(send.enteredBy ? { ':enteredBy': send.enteredBy } : {}),
          ...(ttlEpoch ? { ':ttl': ttlEpoch } : {}),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { outcome: 'stored' };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const old = (error as ConditionalCheckFailedException & { Item?: Record<string, AttributeValue> }).Item;
    return { outcome: 'refused', slot: old ? toSlot(unmarshall(old)) : undefined };
  }
}

/**
 * Closes (a time) or reopens (undefined) every unsent link of an inspection: the send's
 * condition refuses a slot carrying `closedAt`, so a closed inspection takes no response
 * without the send path reading anything. Each slot is stamped only while unsent, so a
 * response is never touched; and only while the release or reopening doing it still holds the
 * inspection (its fence), so one that lost it changes nothing. Returns how many were stamped.
 */
export async function stampSlotsClosed(inspectionId: string, closedAt: string | undefined, fence: Fence): Promise<number> {
  const groups: FencedAction[][] = [];
  for (const pk of keys.slotPartitions(inspectionId)) {
    for await (const page of queryPages(pk, keys.slotPrefix, { projection: 'pk, sk, submittedAt, closedAt', consistent: true })) {
      for (const item of page) {
        if (item.submittedAt || (closedAt ? item.closedAt === closedAt : item.closedAt === undefined)) continue;
        groups.push([
          {
            Update: {
              TableName: tableName,
              Key: { pk: item.pk, sk: item.sk },
              UpdateExpression: closedAt ? 'SET closedAt = :closedAt' : 'REMOVE closedAt',
              ConditionExpression: UNSENT_SLOT,
              ...(closedAt ? { ExpressionAttributeValues: { ':closedAt': closedAt } } : {}),
            },
          },
        ]);
      }
    }
  }
  // A link sent while this ran is refused by its own condition, and left as it is.
  const sent = await writeFenced(fence, groups, { skipRefused: true });
  return groups.length - sent.length;
}

/** Every slot of an inspection, a DynamoDB page at a time, over its partitions. */
async function* slotPages(inspectionId: string, options: Parameters<typeof queryPages>[2] = {}): AsyncGenerator<Record<string, unknown>[]> {
  for (const pk of keys.slotPartitions(inspectionId)) yield* queryPages(pk, keys.slotPrefix, options);
}

/** The invitation ids of an inspection whose response is stored (sent, or erased since: the link stays used). */
export async function answeredInvitationIds(inspectionId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const page of slotPages(inspectionId, { projection: 'invitationId, submittedAt' })) {
    for (const item of page) if (item.submittedAt) ids.add(item.invitationId as string);
  }
  return ids;
}

function toResponse(item: Record<string, unknown>): StoredResponse {
  const { invitationId, audience, questionnaireVersion, answers, submittedAt, channel } = item as unknown as StoredResponse;
  // The language answered in: the one the respondent switched to, else the link's.
  const language = isLanguage(item.answerLanguage) ? item.answerLanguage : (item.language as Language);
  return { invitationId, audience, language, questionnaireVersion, answers, submittedAt, channel: channel ?? 'online' };
}

/** Every sent response of an inspection (drafts, unused links and erased ones left out), a page at a time: memory stays flat. */
export async function* allResponses(inspectionId: string): AsyncGenerator<StoredResponse[]> {
  for await (const items of slotPages(inspectionId, { filter: 'attribute_exists(answers)' })) yield items.map(toResponse);
}

/**
 * Erases every response and draft of an inspection (an admin's request under data
 * protection law); the computed summary is left as it was. A sent response leaves a
 * tombstone holding what the link was and when it was sent and erased, so its link stays
 * used and cannot be answered again; a draft's link is put back as it was issued.
 * Returns how many items were erased.
 */
export async function eraseResponses(inspectionId: string): Promise<number> {
  let erased = 0;
  const erasedAt = new Date().toISOString();
  for await (const page of slotPages(inspectionId)) {
    const touched = page.filter((item) => item.entity !== ERASED && (item.submittedAt || item.draftUpdatedAt || item.answerLanguage));
    await writeAll(
      touched.map((item) => {
        const kept = {
          pk: item.pk,
          sk: item.sk,
          ...toInvitation(item),
          ...(item.closedAt ? { closedAt: item.closedAt } : {}),
          ...(item[TABLE.ttlAttribute] ? { [TABLE.ttlAttribute]: item[TABLE.ttlAttribute] } : {}),
        };
        return {
          PutRequest: {
            Item: item.submittedAt ? { ...kept, entity: ERASED, submittedAt: item.submittedAt, erasedAt } : { ...kept, entity: SLOT, ...NO_DRAFT },
          },
        };
      }),
    );
    erased += touched.length;
  }
  return erased;
}
