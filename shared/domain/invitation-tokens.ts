/**
 * One-time questionnaire links, pure: minting and hashing tokens, the public URL of a link,
 * the mail-merge CSV, and what state an invitation is in. No I/O here (the store and the
 * functions do that), so all of it is unit-testable without a table.
 *
 * A token is 128 random bits, base64url (22 characters). Only its SHA-256 (hex) is stored,
 * so the table alone never lets anyone open a questionnaire; the token itself is shown once,
 * to the admin who issues it. Nothing here logs.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { toCsv } from '#core/csv-out';
import { expiryTime } from '#schemas/invitation';

export const TOKEN_BYTES = 16;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Cheap first check: anything that is not 22 base64url characters cannot be a token of ours. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * A questionnaire link's token: the 22 random characters, then, in clear, the inspection, the
 * language and the questionnaire version it was issued for ("<random>.<inspectionId>.<language>.<version>"). The clear
 * parts are not secret: they let a send find its slot's key and check the answers before the
 * one write, with no read. The SHA-256 of the whole string is the slot's key, so changing any
 * clear part names a slot that does not exist: they are authenticated by the random part.
 */
export interface LinkToken {
  inspectionId: string;
  language: 'en' | 'cy';
  questionnaireVersion: string;
  tokenHash: string;
}

const LINK_SHAPE = /^([A-Za-z0-9_-]{22})\.([a-z0-9][a-z0-9-]{0,63})\.(en|cy)\.([a-z]+-[0-9]{4}\.[0-9]{1,3})$/;

export function newLinkToken(inspectionId: string, language: 'en' | 'cy', questionnaireVersion: string): string {
  return `${newToken()}.${inspectionId}.${language}.${questionnaireVersion}`;
}

/**
 * The `index`th link of a batch: its random part is an HMAC of the batch's secret, so the
 * batch's links can be made again while the sealed secret is kept (batch-secrets.ts), and
 * never once it is deleted. Still 128 bits no one can guess without the secret.
 */
export function batchLinkToken(
  batchSecret: Buffer,
  index: number,
  inspectionId: string,
  language: 'en' | 'cy',
  questionnaireVersion: string,
): string {
  const random = createHmac('sha256', batchSecret).update(`link ${index}`).digest().subarray(0, TOKEN_BYTES).toString('base64url');
  return `${random}.${inspectionId}.${language}.${questionnaireVersion}`;
}

/** What a link's token says in clear, and its hash; undefined for anything not shaped like one of ours. */
export function parseLinkToken(token: string): LinkToken | undefined {
  const m = LINK_SHAPE.exec(token);
  return m ? { inspectionId: m[2]!, language: m[3] as 'en' | 'cy', questionnaireVersion: m[4]!, tokenHash: hashToken(token) } : undefined;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newInvitationId(): string {
  return randomUUID();
}

export function newBatchId(): string {
  return randomUUID().slice(0, 13);
}

/** An ISO date (the end of that day, UTC) or date-time -> a normalised ISO date-time. */
export function normaliseExpiry(expiresAt: string | undefined): string | undefined {
  if (expiresAt === undefined) return undefined;
  const ms = expiryTime(expiresAt);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const UK = 'Europe/London';
const ukOffset = new Intl.DateTimeFormat('en-GB', { timeZone: UK, timeZoneName: 'longOffset' });
const ukClock = new Intl.DateTimeFormat('en-GB', { timeZone: UK, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const ukDate = new Intl.DateTimeFormat('en-GB', { timeZone: UK, dateStyle: 'long' });
const utcDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' });
const ukDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: UK, dateStyle: 'long', timeStyle: 'short' });

/**
 * The last second of a day in UK time, as an ISO date-time with its offset: what a date chosen
 * on the workbench means ("until 31 March" is until midnight in the UK, summer time or not).
 * The offset is read at 22:59:59 UTC, past that day's clock change, so it is the day's end's.
 */
export function endOfUkDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const offset = /GMT([+-]\d{2}:\d{2})?/.exec(
    ukOffset.formatToParts(new Date(Date.UTC(y, m - 1, d, 22, 59, 59))).find((p) => p.type === 'timeZoneName')?.value ?? '',
  )?.[1];
  return `${isoDate}T23:59:59${offset ?? 'Z'}`;
}

/**
 * An expiry as a person reads it: the date alone when it is the end of a day (UK time, as the
 * workbench sets it, or UTC, as the JSON route reads a date without a time), else the date and
 * the UK time. One wording for the page and the mail-merge CSV.
 */
export function expiryInWords(iso: string): string {
  const at = new Date(iso);
  if (ukClock.format(at) === '23:59:59') return ukDate.format(at);
  if (at.toISOString().endsWith('T23:59:59.000Z')) return utcDate.format(at);
  return ukDateTime.format(at);
}

/** DynamoDB TTL removes an expired invitation this long after it expires (one without an expiry, after the retention period). */
export const KEEP_EXPIRED_INVITATIONS_DAYS = 90;

export function ttlEpochFor(expiresAt: string | undefined): number | undefined {
  if (!expiresAt) return undefined;
  return Math.floor(Date.parse(expiresAt) / 1000) + KEEP_EXPIRED_INVITATIONS_DAYS * 86_400;
}

export type InvitationState = 'open' | 'submitted' | 'expired';

/** Sent wins over expired: a respondent who sent in time is told so, not that the link lapsed. */
export function invitationState(invitation: { submittedAt?: string; expiresAt?: string }, now = Date.now()): InvitationState {
  if (invitation.submittedAt) return 'submitted';
  if (invitation.expiresAt && Date.parse(invitation.expiresAt) <= now) return 'expired';
  return 'open';
}

export function invitationUrl(origin: string, token: string): string {
  return `${origin}/q/${token}`;
}

export interface IssuedInvitation {
  invitationId: string;
  token: string;
  url: string;
  /** The paper form's reference (shared/domain/references.ts). */
  reference: string;
}

/**
 * The links as a CSV for a mail merge: one row per link, no names (there are none to give).
 * `reference` is printed on the paper form; `expiresOn` is the expiry in the words the
 * workbench shows, for the letter. New columns go last, so earlier merges keep theirs.
 */
/**
 * The mail merge of a batch. The workbench's file adds `expiresOn`, the expiry as the day a
 * person chose ("31 March 2027"); the JSON API's keeps the columns its clients read.
 */
export function invitationsCsv(
  batch: { audience: string; language: string; expiresAt?: string },
  invitations: readonly IssuedInvitation[],
  options: { expiryInWords?: boolean } = {},
): string {
  const inWords = options.expiryInWords === true;
  return toCsv([
    ['invitationId', 'audience', 'language', 'expiresAt', 'url', 'reference', ...(inWords ? ['expiresOn'] : [])],
    ...invitations.map((i) => [
      i.invitationId,
      batch.audience,
      batch.language,
      batch.expiresAt ?? '',
      i.url,
      i.reference,
      ...(inWords ? [batch.expiresAt ? expiryInWords(batch.expiresAt) : ''] : []),
    ]),
  ]);
}

/**
 * The reminders mail merge: the invitations neither answered nor expired. There is no `url`
 * column: only a hash of each token is stored, so a link cannot be printed again. The merge
 * joins on `invitationId` (or `reference`) to the file the links were first issued in, or
 * prints the reference, with which a paper form can be returned.
 */
export function remindersCsv(
  rows: readonly { invitationId: string; reference: string; audience: string; language: string; expiresAt?: string }[],
): string {
  return toCsv([
    ['invitationId', 'reference', 'audience', 'language', 'expiresAt'],
    ...rows.map((r) => [r.invitationId, r.reference, r.audience, r.language, r.expiresAt ?? '']),
  ]);
}
