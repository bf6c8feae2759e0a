/**
 * State changes that a retry must not repeat (issuing invitations, releases, reopening, CSV
 * imports): the first request with an Idempotency-Key (or a form's one-time token) runs, and
 * keeps a small answer (ids, never links or tokens); the same key with the same body gets that
 * answer back; with another body, 422. A duplicate that arrives while the first is still
 * running waits for its answer, or is told to retry (409), and never runs a second time.
 *
 * A written-for-this-table version of Powertools' idempotency utility (not a dependency here):
 * one conditional Put claims the key; the answer replaces the claim; a failed attempt lets the
 * key go, so that a retry runs afresh (a failed attempt changed nothing: the use cases are all
 * or nothing). A claim lasts the function's timeout and a margin, renewed while the attempt
 * runs: a retry takes the key over only once the attempt has stopped renewing it (its function
 * died at its timeout), never while it is still working, however slow the machine.
 */
import { createHash, randomUUID } from 'node:crypto';
import { IdempotencyKeyReused, InvalidInput, RequestInProgress } from '#core/errors';
import { HTTP_FUNCTION_TIMEOUT_S } from '#core/timeouts';
import { claimIdempotency, completeIdempotency, getIdempotency, releaseIdempotency, renewIdempotency } from '#store/idempotency';

export interface IdempotentRequest {
  /** What the key is scoped to besides the user: the route and its resource ("POST /inspections/x/releases"). */
  scope: string;
  userSub: string;
  /** The Idempotency-Key header or the form's token; without one, the work simply runs. */
  key: string | undefined;
  /** The request's body as sent (a retry must send the same bytes). */
  body: string;
}

/** Printable ASCII without spaces, as the IETF draft's examples and Stripe's keys are. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const KEEP_ANSWER_S = 24 * 3600;
const LEASE_MS = (HTTP_FUNCTION_TIMEOUT_S + 5) * 1000;
/** How long a duplicate waits for the first attempt's answer before it is told to retry. */
const WAIT_MS = 4000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY_SHAPE.test(key)) throw new InvalidInput([{ path: 'Idempotency-Key', message: 'Use 1 to 255 printable characters, no spaces.' }]);
  return key;
}

const REUSED = 'This Idempotency-Key was used for a request with another body: use a new key for a new request.';

/**
 * Runs `work` once per key. `answer` comes back from the first attempt, stored as JSON;
 * `replayed` says it is a retry's copy, so the caller can rebuild what it does not keep
 * (the links of an invitation batch, from its sealed secret).
 */
export async function once<T>(request: IdempotentRequest, work: () => Promise<T>): Promise<{ answer: T; replayed: boolean }> {
  const key = checkIdempotencyKey(request.key);
  if (key === undefined) return { answer: await work(), replayed: false };
  const scopeHash = sha256(`${request.scope}\n${request.userSub}\n${key}`);
  const bodyHash = sha256(request.body);
  const waitUntil = Date.now() + WAIT_MS;
  for (let pause = 50; ; pause = Math.min(400, pause * 2)) {
    const attempt = randomUUID();
    if (await claimIdempotency(scopeHash, bodyHash, attempt, Date.now() + LEASE_MS, epochIn(KEEP_ANSWER_S + LEASE_MS / 1000))) {
      let answer: T;
      const renewing = setInterval(() => void renewIdempotency(scopeHash, attempt, Date.now() + LEASE_MS).catch(() => undefined), LEASE_MS / 3);
      renewing.unref?.();
      try {
        answer = await work();
      } catch (error) {
        await releaseIdempotency(scopeHash, attempt).catch(() => undefined);
        throw error;
      } finally {
        clearInterval(renewing);
      }
      await completeIdempotency(scopeHash, attempt, answer, epochIn(KEEP_ANSWER_S));
      return { answer, replayed: false };
    }
    const record = await getIdempotency(scopeHash);
    if (record && record.bodyHash !== bodyHash) throw new IdempotencyKeyReused(REUSED);
    if (record?.state === 'done') return { answer: record.answer as T, replayed: true };
    // Running (or let go a moment ago): wait for its answer, a while.
    if (Date.now() > waitUntil) {
      throw new RequestInProgress(
        'The first request with this Idempotency-Key is still being answered. Try again in a few seconds with the same key.',
        [],
        { 'retry-after': '2' },
      );
    }
    await new Promise((r) => setTimeout(r, pause));
  }
}

function epochIn(seconds: number): number {
  return Math.floor(Date.now() / 1000) + seconds;
}
