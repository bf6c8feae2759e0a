/**
 * The workbench's sessions, on the server (issue 25): the cookie holds only a random id, and
 * the record here says who it is, in which roles, until when.
 *
 *   session    pk SESSION#<sha256 of the id>  sk SESSION
 *              one Get (strongly consistent) per page request; deleted at sign-out, so a copy
 *              of the cookie is worthless at once. DynamoDB's TTL removes it after its end,
 *              and a read past its end treats it as gone before TTL gets there.
 *              gsi1 SESSIONS / <escaped sub>#<hash>: the admin's list of who is signed in, and
 *              every session of one person, to end them all.
 *   state used pk SIGNIN#<sha256 of the state>  sk SIGNIN
 *              a sign-in's OAuth state, spent at the callback (a conditional Put): the same
 *              state (and so the same code) never signs anyone in twice.
 *
 * Only hashes of the ids are keys: a reader of the table cannot take over a session.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName, writeIf } from './client';
import { keys } from './keys';
import { queryIndexPages } from './paging';
import { TABLE } from './table';

const ENTITY = 'session';

export interface SessionRecord {
  sub: string;
  roles: string[];
  /** The provider's `name` claim, else its `email`: what the admin's list shows. */
  displayName: string;
  createdAt: string;
  /** The hard end (12 hours after signing in): the TTL, and a read after it finds nothing. */
  expiresAt: string;
  /** When the roles are next checked with the provider (epoch ms). */
  refreshAfter: number;
  /** The provider's refresh token, encrypted by the caller (never stored in clear). */
  refreshToken?: string;
}

export interface ListedSession {
  idHash: string;
  sub: string;
  roles: string[];
  displayName: string;
  createdAt: string;
  expiresAt: string;
}

const epochOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function putSession(idHash: string, record: SessionRecord): Promise<void> {
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.session(idHash),
        ...keys.sessionListing(record.sub, idHash),
        entity: ENTITY,
        ...record,
        [TABLE.ttlAttribute]: epochOf(record.expiresAt),
      },
      // 256 random bits never collide; the condition stops a bug from overwriting somebody's session.
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The live session with this id's hash, or undefined: none, ended, or past its end (TTL is lazy). */
export async function getSession(idHash: string, now = Date.now()): Promise<SessionRecord | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.session(idHash), ConsistentRead: true }));
  if (!Item || Item.entity !== ENTITY || !(Date.parse(Item.expiresAt as string) > now)) return undefined;
  return {
    sub: Item.sub as string,
    roles: (Item.roles as string[]) ?? [],
    displayName: (Item.displayName as string) ?? '',
    createdAt: Item.createdAt as string,
    expiresAt: Item.expiresAt as string,
    refreshAfter: Number(Item.refreshAfter ?? 0),
    ...(typeof Item.refreshToken === 'string' ? { refreshToken: Item.refreshToken } : {}),
  };
}

/**
 * The roles the provider gave on a refresh. Only if the session still exists and nobody
 * refreshed it meanwhile (`refreshAfter` unchanged): false otherwise, and nothing is written,
 * so a refresh racing a sign-out cannot bring the session back.
 */
export async function refreshSession(
  idHash: string,
  seenRefreshAfter: number,
  next: { roles: string[]; refreshAfter: number; refreshToken?: string },
): Promise<boolean> {
  const token = next.refreshToken === undefined ? '' : ', refreshToken = :token';
  return writeIf(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.session(idHash),
      UpdateExpression: `SET #roles = :roles, refreshAfter = :next${token}`,
      ConditionExpression: 'attribute_exists(pk) AND refreshAfter = :seen',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: {
        ':roles': next.roles,
        ':next': next.refreshAfter,
        ':seen': seenRefreshAfter,
        ...(next.refreshToken === undefined ? {} : { ':token': next.refreshToken }),
      },
    }),
  );
}

export async function deleteSession(idHash: string): Promise<void> {
  await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.session(idHash) }));
}

const LIST_LIMIT = 1000;

/**
 * Everyone signed in, or one person's sessions (`sub`), from the sparse index. Ended ones
 * past their end but not yet removed by TTL are left out. The index is eventually consistent:
 * a session begun this very second may be missing from the list (not from the checks).
 */
export async function listSessions(sub?: string, now = Date.now()): Promise<ListedSession[]> {
  const found: ListedSession[] = [];
  const prefix = sub === undefined ? undefined : keys.sessionListingPrefix(sub);
  for await (const page of queryIndexPages(keys.sessionsIndexPartition, prefix)) {
    for (const item of page) {
      if (item.entity !== ENTITY || !(Date.parse(item.expiresAt as string) > now)) continue;
      found.push({
        idHash: keys.sessionIdHashOf(String(item.pk)),
        sub: item.sub as string,
        roles: (item.roles as string[]) ?? [],
        displayName: (item.displayName as string) ?? '',
        createdAt: item.createdAt as string,
        expiresAt: item.expiresAt as string,
      });
    }
    if (found.length >= LIST_LIMIT) break;
  }
  return found;
}

/** Ends every session of one person; how many it ended. */
export async function endSessionsOf(sub: string): Promise<number> {
  const sessions = await listSessions(sub);
  for (const session of sessions) await deleteSession(session.idHash);
  return sessions.length;
}

/** Spends a sign-in's state: true the first time, false for a replay. Kept until `expiresAt` (epoch s). */
export async function spendSignInState(stateHash: string, expiresAtEpoch: number): Promise<boolean> {
  return writeIf(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.signInStateUsed(stateHash), entity: 'sign-in-state', [TABLE.ttlAttribute]: expiresAtEpoch },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}
