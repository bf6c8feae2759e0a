/**
 * Questionnaire responses: pk INSP#<id> sk RESP#<invitationId>, one item per invitation,
 * written by ONE conditional put. That condition is what makes a token send once: a second
 * send, a double click or twenty racing requests all meet the item the first one wrote.
 * A response carries the invitation id (its key) but never the token or its hash.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Answers, Audience, Language } from '../schemas/questionnaire';
import { doc, tableName } from './client';
import { keys } from './keys';

const ENTITY = 'response';

export interface StoredResponse {
  invitationId: string;
  audience: Audience;
  language: Language;
  questionnaireVersion: string;
  answers: Answers;
  submittedAt: string;
}

/** 'stored', or 'duplicate' when this invitation already has a response (nothing is changed). */
export async function putResponse(inspectionId: string, response: StoredResponse): Promise<'stored' | 'duplicate'> {
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.response(inspectionId, response.invitationId), entity: ENTITY, ...response },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'stored';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'duplicate';
    throw error;
  }
}

function toResponse(item: Record<string, unknown>): StoredResponse {
  const { invitationId, audience, language, questionnaireVersion, answers, submittedAt } = item as unknown as StoredResponse;
  return { invitationId, audience, language, questionnaireVersion, answers, submittedAt };
}

/** Every response of an inspection, a DynamoDB page (up to 1 MB) at a time: memory stays flat. */
export async function* allResponses(inspectionId: string): AsyncGenerator<StoredResponse[]> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.partitionOf(inspectionId), ':prefix': keys.responsePrefix },
        ExclusiveStartKey,
      }),
    );
    yield (page.Items ?? []).map(toResponse);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
