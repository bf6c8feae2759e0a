/**
 * Report links: capability links that open one inspection's report in a browser (which cannot
 * send a bearer token).
 *
 *   report link   pk REPORTLINK#<sha256 of the token>  sk REPORTLINK
 *                 found only by the token's hash; holds the inspection id, the link's id, who
 *                 made it, when it expires and, once withdrawn, when. DynamoDB TTL removes it a
 *                 while after it expires; until then an expired or withdrawn link is told apart
 *                 from an unknown one (410, not 404).
 *   listing       pk INSP#<id>  sk REPORTLINK#<linkId>
 *                 the same link found by its inspection, so it can be listed and withdrawn by
 *                 its id (the token itself is never stored, so it cannot be shown again).
 * Both are written, and withdrawn, in one transaction.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { doc, putNew, tableName, transact } from './client';
import { keys } from './keys';
import { queryAll } from './paging';
import { TABLE } from './table';

const ENTITY = 'report-link';
const LISTING = 'report-link-listing';

/** How long the table keeps an expired link (so it can still answer "expired"). */
export const KEEP_EXPIRED_REPORT_LINKS_DAYS = 7;

export interface ReportLink {
  /** Made up here when not given. */
  linkId?: string;
  inspectionId: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt?: string;
  /** The release the link opens; without one, the live report (a draft). */
  releaseId?: string;
  /** A link made to open the live draft (links made before releases were the default have neither). */
  draft?: boolean;
}

export interface ListedReportLink {
  id: string;
  createdAt: string;
  expiresAt: string;
  revoked: boolean;
  releaseId?: string;
  /** Opens the live draft: labelled so in the list. */
  draft?: true;
}

export async function putReportLink(tokenHash: string, link: ReportLink): Promise<void> {
  const ttl = Math.floor(Date.parse(link.expiresAt) / 1000) + KEEP_EXPIRED_REPORT_LINKS_DAYS * 86_400;
  const { linkId = randomUUID(), inspectionId, createdAt, createdBy, expiresAt } = link;
  const release = link.releaseId ? { releaseId: link.releaseId } : link.draft ? { draft: true } : {};
  // Both sides carry the same fields, so a link reads the same found by its token or by its inspection.
  const both = { linkId, createdAt, createdBy, expiresAt, ...release, [TABLE.ttlAttribute]: ttl };
  // 128 random bits never collide; the condition only stops a bug from overwriting a link.
  await transact([
    putNew({ ...keys.reportLink(tokenHash), entity: ENTITY, inspectionId, ...both }),
    putNew({ ...keys.reportLinkListing(inspectionId, linkId), entity: LISTING, tokenHash, ...both }),
  ]);
}

export async function getReportLink(tokenHash: string): Promise<ReportLink | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.reportLink(tokenHash), ConsistentRead: true }));
  if (!Item || Item.entity !== ENTITY) return undefined;
  return {
    ...(Item.linkId ? { linkId: Item.linkId as string } : {}),
    inspectionId: Item.inspectionId as string,
    createdAt: Item.createdAt as string,
    createdBy: Item.createdBy as string,
    expiresAt: Item.expiresAt as string,
    ...(Item.revokedAt ? { revokedAt: Item.revokedAt as string } : {}),
    ...(Item.releaseId ? { releaseId: Item.releaseId as string } : {}),
    ...(Item.draft ? { draft: true } : {}),
  };
}

/** An inspection's links, oldest first (expired ones until TTL removes them). */
export async function listReportLinks(inspectionId: string): Promise<ListedReportLink[]> {
  const listed = (await queryAll(keys.partitionOf(inspectionId), keys.reportLinkListingPrefix)).filter((item) => item.entity === LISTING);
  return listed
    .map(
      (item): ListedReportLink => ({
        id: item.linkId as string,
        createdAt: item.createdAt as string,
        expiresAt: item.expiresAt as string,
        revoked: Boolean(item.revokedAt),
        ...(item.releaseId ? { releaseId: item.releaseId as string } : { draft: true as const }),
      }),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Withdraws a link: from now on it answers 410. False when the inspection has no such link. */
export async function revokeReportLink(inspectionId: string, linkId: string): Promise<boolean> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.reportLinkListing(inspectionId, linkId), ConsistentRead: true }));
  if (!Item || Item.entity !== LISTING) return false;
  const revokedAt = new Date().toISOString();
  const update = (key: Record<string, string>) => ({
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':now': revokedAt },
    },
  });
  try {
    await transact([update(keys.reportLinkListing(inspectionId, linkId)), update(keys.reportLink(Item.tokenHash as string))]);
  } catch (error) {
    // TTL took one of the pair between the read and the write: the link is gone already.
    if ((error as { name?: string }).name === 'TransactionCanceledException') return false;
    throw error;
  }
  return true;
}
