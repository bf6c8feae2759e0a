/**
 * Report links: capability links that open one inspection's report in a browser (which cannot
 * send a bearer token).
 *
 *   report link   pk REPORTLINK#<sha256 of the token>  sk REPORTLINK
 *                 found only by the token's hash; holds the inspection id, who made the link,
 *                 and when it expires. DynamoDB TTL removes it a while after it expires; until
 *                 then an expired link is told apart from an unknown one (410, not 404).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from './client';
import { keys } from './keys';
import { TABLE } from './table';

const ENTITY = 'report-link';

/** How long the table keeps an expired link (so it can still answer "expired"). */
export const KEEP_EXPIRED_REPORT_LINKS_DAYS = 7;

export interface ReportLink {
  inspectionId: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
}

export async function putReportLink(tokenHash: string, link: ReportLink): Promise<void> {
  const ttl = Math.floor(Date.parse(link.expiresAt) / 1000) + KEEP_EXPIRED_REPORT_LINKS_DAYS * 86_400;
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.reportLink(tokenHash), entity: ENTITY, ...link, [TABLE.ttlAttribute]: ttl },
      // 128 random bits never collide; the condition only stops a bug from overwriting a link.
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getReportLink(tokenHash: string): Promise<ReportLink | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.reportLink(tokenHash) }));
  if (!Item || Item.entity !== ENTITY) return undefined;
  return {
    inspectionId: Item.inspectionId as string,
    createdAt: Item.createdAt as string,
    createdBy: Item.createdBy as string,
    expiresAt: Item.expiresAt as string,
  };
}
