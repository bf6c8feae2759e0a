/**
 * Retention TTLs as rules over what the product writes (issue 32). DynamoDB deletes an item
 * once its TTL attribute, a count of SECONDS since the epoch, has passed; a TTL in
 * milliseconds is never reached, one in hours deletes too early. One inspection's life (cases,
 * a response, a draft, a report link, a final release), a sign-in and a form given back after
 * signing in again are driven through the server; then:
 *   - every TTL anywhere in the table is whole seconds since the epoch, and this inspection's are
 *     no further out than the longest retention (two years) from now;
 *   - each kind of record expires when the contract says, counted from its own event: a session
 *     at its end (12 hours after signing in), a report link 7 days after it stops working, a
 *     response two years after it was sent, the cases two years after the final release.
 * The numbers are the README's and the contract's, written here, not read from the code.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#store/keys';
import { TABLE } from '#store/table';
import { call } from '#support/api';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { slotsOf } from '#support/slots';
import { form, page, signIn } from '#support/workbench';

const DAY = 86_400;
const RETENTION_DAYS = 730;
const SESSION_HOURS = 12;
const KEEP_EXPIRED_LINK_DAYS = 7;
const STASH_MINUTES = 30;

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());
const ttlOf = (item: Record<string, unknown>) => item[TABLE.ttlAttribute] as number;
const seconds = (ms: number) => ms / 1000;

let id: string;
let cookie: string;
let released: { from: number; to: number };
let stashed: { from: number; to: number };
let linkExpiresAt: string;

beforeAll(async () => {
  id = await createInspection('Retention rules');
  expect((await call(`/inspections/${id}/cases/R-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status).toBe(201);
  const issued = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', count: 2, language: 'en' } });
  const [answered, drafted] = issued.json.invitations as { token: string }[];
  const def = (await call(`/questionnaires/${answered!.token}`)).json;
  const answers: Record<string, unknown> = {};
  for (const q of def.questions) if (!q.optional) answers[q.id] = q.type === 'multi-choice' ? [q.options[0].value] : q.options[0].value;
  expect((await call(`/questionnaires/${answered!.token}/responses`, { json: { answers } })).status).toBe(201);
  const first = def.questions[0];
  expect(
    (
      await call(`/q/${drafted!.token}/${first.id}`, {
        body: new URLSearchParams({ [first.id]: first.options[0].value, action: 'continue' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    ).status,
  ).toBe(303);

  // A form posted after the session ended, given back once signed in again: the stash's claim.
  const base = `/workbench/inspections/${id}`;
  const me = await signIn('inspector');
  cookie = me.cookie;
  const shown = await page(`${base}/cases/new?caseType=community`, { cookie });
  const hidden = Object.fromEntries([...shown.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
  const from = Date.now();
  const posted = await page(`${base}/cases/new`, form({ ...hidden, caseRef: 'R-2', caseType: 'community' }));
  const stash = posted.headers.get('set-cookie')!.split(';')[0]!;
  expect(stash).toMatch(/^omi_form=./);
  expect((await page(`${base}/cases/new`, { cookie: `${cookie}; ${stash}` })).text).toContain('value="R-2"');
  stashed = { from, to: Date.now() };

  expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' } })).status).toBe(201);
  const link = await call(`/inspections/${id}/report-links?expiresInHours=24`, { method: 'POST', as: 'admin' });
  expect(link.status).toBe(201);
  linkExpiresAt = link.json.expiresAt;
  const releasing = Date.now();
  const final = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Retention rules' } });
  expect(final.status, final.text).toBe(201);
  released = { from: releasing, to: Date.now() };
});

describe('every TTL the product writes', () => {
  it('is whole seconds since the epoch; no further out than the longest retention from now, for this inspection', async () => {
    const now = seconds(Date.now());
    const ours = new Set([keys.partitionOf(id), ...keys.slotPartitions(id)]);
    const wrong = (await table.scan())
      .filter((item) => item[TABLE.ttlAttribute] !== undefined)
      .filter((item) => {
        const ttl = ttlOf(item);
        // Seconds, not milliseconds (1e12 and more) nor a date string; not before 2020. Other suites plant TTLs of their own
        // (a crash's half-done release), so the bound ahead is judged on this inspection's records only.
        const unit = Number.isInteger(ttl) && ttl >= 1_577_836_800 && ttl < 10_000_000_000;
        return !unit || (ours.has(String(item.pk)) && ttl > now + (RETENTION_DAYS + 1) * DAY);
      })
      .map((item) => `${item.entity ?? item.sk}: ${item[TABLE.ttlAttribute]}`);
    expect(wrong).toEqual([]);
  });

  it("expires each record when the contract says, counted from the record's own event", async () => {
    // The session: at its end, 12 hours after signing in.
    const sessionKey = { pk: `SESSION#${createHash('sha256').update(cookie.split('=')[1]!).digest('base64url')}`, sk: 'SESSION' };
    const [session] = (await table.partition(sessionKey.pk)).filter((i) => i.sk === sessionKey.sk);
    expect(session).toBeDefined();
    expect(Date.parse(session!.expiresAt) - Date.parse(session!.createdAt)).toBe(SESSION_HOURS * 3_600_000);
    expect(ttlOf(session!)).toBe(Math.floor(seconds(Date.parse(session!.expiresAt))));

    // The form stash's claim: when the stash itself would have expired, 30 minutes after it was kept.
    const claims = (await table.scan()).filter((i) => i.entity === 'form-stash-used');
    // Other suites claim stashes meanwhile and a claim does not name its stash, so ours is the one
    // whose TTL falls in the 30 minutes after the moments this test kept it: none there, none ours.
    const due = { from: Math.floor(seconds(stashed.from)) + STASH_MINUTES * 60, to: Math.ceil(seconds(stashed.to)) + STASH_MINUTES * 60 };
    expect(claims.filter((c) => ttlOf(c) >= due.from && ttlOf(c) <= due.to).length).toBeGreaterThan(0);

    // The report link, both its records: 7 days after it stops working.
    const partition = await table.partition(keys.partitionOf(id));
    const links = [
      ...partition.filter((i) => i.entity === 'report-link-listing'),
      ...(await table.scan()).filter((i) => i.entity === 'report-link' && i.inspectionId === id),
    ];
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.expiresAt).toBe(linkExpiresAt);
      expect(ttlOf(link)).toBe(Math.floor(seconds(Date.parse(linkExpiresAt))) + KEEP_EXPIRED_LINK_DAYS * DAY);
    }

    // The response and the draft: two years from when they were written.
    const slots = (await slotsOf(id)).filter((s) => s.submittedAt || s.draftUpdatedAt);
    expect(slots).toHaveLength(2);
    for (const slot of slots) {
      const at = seconds(Date.parse((slot.submittedAt ?? slot.draftUpdatedAt) as string));
      expect(ttlOf(slot)).toBeGreaterThanOrEqual(Math.floor(at) + RETENTION_DAYS * DAY - 60);
      expect(ttlOf(slot)).toBeLessThanOrEqual(Math.ceil(at) + RETENTION_DAYS * DAY + 60);
    }

    // The cases: two years after the final release.
    const cases = partition.filter((i) => i.entity === 'case');
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(ttlOf(c)).toBeGreaterThanOrEqual(Math.floor(seconds(released.from)) + RETENTION_DAYS * DAY);
      expect(ttlOf(c)).toBeLessThanOrEqual(Math.ceil(seconds(released.to)) + RETENTION_DAYS * DAY);
    }
  });
});
