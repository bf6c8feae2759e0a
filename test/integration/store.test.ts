/**
 * The store's named functions called directly (in this process, against the run's DynamoDB
 * Local), so mutation testing of shared/store (npm run mutate:store) sees them: the local
 * server runs the store in another process, where a mutant is never switched on. Each test
 * states one rule of the item layout that the API tests only see from outside.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tableAt } from '#support/hostile';
import { useTestTable } from '#support/direct';
import { bank, makeCase } from '#support/fixtures';
import { inject } from 'vitest';

useTestTable();
const store = {
  responses: await import('#store/responses'),
  reportLinks: await import('#store/report-links'),
  cases: await import('#store/cases'),
  summaries: await import('#store/summaries'),
  inspections: await import('#store/inspections'),
  answerCode: await import('#store/answer-code'),
  paging: await import('#store/paging'),
  grades: await import('#store/grades'),
  invitations: await import('#store/invitations'),
  fence: await import('#store/fence'),
};
const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
const newId = () => randomUUID();
/** Writes to an inspection's inputs are fenced on its item (store/fence.ts): an open inspection to write to. */
async function openInspection(): Promise<string> {
  const inspectionId = newId();
  const made = await store.inspections.createInspection({
    inspectionId,
    area: 'Store',
    fieldworkStart: '2007-11-05',
    fieldworkEnd: '2007-11-09',
    questionBankVersion: 'omi-2008.1',
    status: 'open',
    createdAt: new Date().toISOString(),
    createdBy: 'test',
  });
  if (!made) throw new Error('inspection id taken');
  return inspectionId;
}
const openFenceOf = (insp: string) => store.fence.openFence(insp);
const BAD_CURSOR = { status: 400, errors: [{ path: 'query.cursor', message: 'Not a cursor this list gave out' }] };
const item = async (pk: string, sk: string) => (await table.partition(pk, sk)).find((i) => i.sk === sk);
const slotItem = (insp: string, tokenHash: string) =>
  item(`INSP#${insp}#SLOTS#${Number.parseInt(tokenHash.slice(0, 2), 16) % 4}`, `SLOT#${tokenHash}`);

describe('invitation slots and responses', () => {
  const invitation = (insp: string, over: Partial<{ expiresAt: string; audience: 'victim' | 'offender' }> = {}) => ({
    tokenHash: randomBytes(32).toString('hex'),
    invitationId: newId(),
    inspectionId: insp,
    batchId: 'b1',
    audience: 'victim' as const,
    language: 'en' as const,
    questionnaireVersion: 'victim-2008.2',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });
  const send = (text = 'sent', over: Partial<{ audience: 'victim' | 'offender'; questionnaireVersion: string }> = {}) => ({
    audience: 'victim' as const,
    questionnaireVersion: 'victim-2008.2',
    answers: { 'v.1': 'yes', 'v.2': text },
    submittedAt: new Date().toISOString(),
    channel: 'online' as const,
    ...over,
  });
  const now = () => new Date().toISOString();

  it('keep a draft answer by answer on an issued link only, clear one, and give the item the TTL', async () => {
    const insp = await openInspection();
    const link = invitation(insp);
    expect(await store.responses.getSlot(insp, link.tokenHash)).toBeUndefined();
    // No link, no draft: a draft never makes a slot.
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', 'yes')).toBe(false);
    await store.responses.putInvitationSlots([link], 1_900_000_000, openFenceOf(insp));
    expect((await store.responses.getSlot(insp, link.tokenHash))!.slot).toEqual({ draft: {}, seen: [] });
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', 'yes', 2_000_000_000)).toBe(true);
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.2', ['a', 'b'], 2_000_000_000)).toBe(true);
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.3', undefined, 2_000_000_000)).toBe(true);
    const { slot } = (await store.responses.getSlot(insp, link.tokenHash))!;
    expect(slot.submittedAt).toBeUndefined();
    expect(slot.draft).toEqual({ 'v.1': 'yes', 'v.2': ['a', 'b'] });
    expect(slot.seen.sort()).toEqual(['v.1', 'v.2', 'v.3']);
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', undefined)).toBe(true);
    expect((await store.responses.getSlot(insp, link.tokenHash))!.slot.draft).toEqual({ 'v.2': ['a', 'b'] });
    const { tokenHash: _h, ...issued } = link;
    const stored = await slotItem(insp, link.tokenHash);
    expect(stored).toMatchObject({ ...issued, entity: 'invitation', expiresAtEpoch: 2_000_000_000 });
    expect(typeof stored!.draftUpdatedAt).toBe('string');
  });

  it('make the draft maps on the first save of a link issued before them; still refuse a sent or closed one', async () => {
    const { DynamoDBDocumentClient, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: inject('dynamoEndpoint'),
        region: 'eu-west-2',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const insp = await openInspection();
    const [open, sent] = [invitation(insp), invitation(insp)];
    await store.responses.putInvitationSlots([open, sent], undefined, openFenceOf(insp));
    for (const link of [open, sent]) {
      const { pk, sk } = (await slotItem(insp, link.tokenHash))!;
      await raw.send(new UpdateCommand({ TableName: inject('tableName'), Key: { pk, sk }, UpdateExpression: 'REMOVE draft, seen' }));
    }
    expect((await store.responses.sendToSlot(insp, sent.tokenHash, send(), now())).outcome).toBe('stored');
    expect(await store.responses.saveDraftAnswer(insp, sent.tokenHash, 'v.1', 'yes')).toBe(false);
    expect(await store.responses.saveDraftAnswer(insp, open.tokenHash, 'v.1', 'yes')).toBe(true);
    expect(await store.responses.saveDraftAnswer(insp, open.tokenHash, 'v.3', undefined)).toBe(true);
    const { slot } = (await store.responses.getSlot(insp, open.tokenHash))!;
    expect(slot.draft).toEqual({ 'v.1': 'yes' });
    expect(slot.seen.sort()).toEqual(['v.1', 'v.3']);
    raw.destroy();
  });

  it('keep a draft as two maps, empty from the issue, one key set per save', async () => {
    const insp = await openInspection();
    const link = invitation(insp);
    await store.responses.putInvitationSlots([link], undefined, openFenceOf(insp));
    expect(await slotItem(insp, link.tokenHash)).toMatchObject({ draft: {}, seen: {} });
    // Question ids hold dots: each is one key of the map, never a path into it.
    await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', 'yes');
    await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.3', undefined);
    const saved = (await slotItem(insp, link.tokenHash))!;
    expect(saved.draft).toEqual({ 'v.1': 'yes' });
    expect(saved.seen).toEqual({ 'v.1': true, 'v.3': true });
    expect(Object.keys(saved).filter((k) => k.startsWith('draft:') || k.startsWith('seen:'))).toEqual([]);
    // Two tabs answering different questions at once: neither undoes the other.
    await Promise.all([
      store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.2', ['a']),
      store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.4', 'no'),
    ]);
    expect((await store.responses.getSlot(insp, link.tokenHash))!.slot.draft).toEqual({ 'v.1': 'yes', 'v.2': ['a'], 'v.4': 'no' });
  });

  it('refuse a draft save on a closed link, and keep nothing of it', async () => {
    const insp = await openInspection();
    const link = invitation(insp);
    await store.responses.putInvitationSlots([link], undefined, openFenceOf(insp));
    await store.responses.stampSlotsClosed(insp, '2026-06-01T00:00:00.000Z', openFenceOf(insp));
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', 'yes')).toBe(false);
    expect(await store.responses.saveAnswerLanguage(insp, link.tokenHash, 'cy')).toBe(false);
    expect((await store.responses.getSlot(insp, link.tokenHash))!.slot).toEqual({ draft: {}, seen: [], closedAt: '2026-06-01T00:00:00.000Z' });
    // Reopened, the link takes drafts again.
    await store.responses.stampSlotsClosed(insp, undefined, openFenceOf(insp));
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', 'yes')).toBe(true);
  });

  it('send once in one write, the draft gone with it; later drafts and sends change nothing', async () => {
    const insp = await openInspection();
    const link = invitation(insp);
    await store.responses.putInvitationSlots([link], undefined, openFenceOf(insp));
    await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', 'no', 2_000_000_000);
    const first = send('first');
    expect(await store.responses.sendToSlot(insp, link.tokenHash, first, now(), 2_100_000_000)).toEqual({ outcome: 'stored' });
    const again = await store.responses.sendToSlot(insp, link.tokenHash, send('second'), now());
    expect(again.outcome).toBe('refused');
    expect(again.outcome === 'refused' && again.slot?.slot.submittedAt).toBe(first.submittedAt);
    expect(await store.responses.saveDraftAnswer(insp, link.tokenHash, 'v.1', 'yes', 2_000_000_000)).toBe(false);
    const stored = (await slotItem(insp, link.tokenHash))!;
    // The draft maps went with the send, in the same write.
    expect(
      Object.keys(stored).filter((k) => ['draft', 'seen', 'draftUpdatedAt'].includes(k) || k.startsWith('draft:') || k.startsWith('seen:')),
    ).toEqual([]);
    expect(stored).toMatchObject({
      entity: 'response',
      answers: first.answers,
      submittedAt: first.submittedAt,
      channel: 'online',
      expiresAtEpoch: 2_100_000_000,
    });
    const listed = [];
    for await (const page of store.responses.allResponses(insp)) listed.push(...page);
    expect(listed).toEqual([
      {
        invitationId: link.invitationId,
        audience: 'victim',
        language: 'en',
        questionnaireVersion: 'victim-2008.2',
        answers: first.answers,
        submittedAt: first.submittedAt,
        channel: 'online',
      },
    ]);
  });

  it('refuse a send, saying why, to an unknown, expired, closed or differently issued link', async () => {
    const insp = await openInspection();
    const past = invitation(insp, { expiresAt: '2020-01-01T00:00:00.000Z' });
    const open = invitation(insp);
    const later = invitation(insp, { expiresAt: '2999-01-01T00:00:00.000Z' });
    await store.responses.putInvitationSlots([past, open, later], undefined, openFenceOf(insp));
    expect(await store.responses.sendToSlot(insp, randomBytes(32).toString('hex'), send(), now())).toEqual({ outcome: 'refused', slot: undefined });
    const expired = await store.responses.sendToSlot(insp, past.tokenHash, send(), now());
    expect(expired.outcome === 'refused' && expired.slot?.expiresAt).toBe(past.expiresAt);
    expect((await store.responses.sendToSlot(insp, open.tokenHash, send('x', { audience: 'offender' }), now())).outcome).toBe('refused');
    expect((await store.responses.sendToSlot(insp, open.tokenHash, send('x', { questionnaireVersion: 'victim-2008.1' }), now())).outcome).toBe(
      'refused',
    );
    // Closing stamps every unsent link; the send's own condition then refuses it. Reopening takes the stamp off.
    expect(await store.responses.stampSlotsClosed(insp, '2026-06-01T00:00:00.000Z', openFenceOf(insp))).toBe(3);
    const closed = await store.responses.sendToSlot(insp, later.tokenHash, send(), now());
    expect(closed.outcome === 'refused' && closed.slot?.slot.closedAt).toBe('2026-06-01T00:00:00.000Z');
    expect(await store.responses.saveDraftAnswer(insp, later.tokenHash, 'v.1', 'yes')).toBe(false);
    expect(await store.responses.stampSlotsClosed(insp, undefined, openFenceOf(insp))).toBe(3);
    expect(await store.responses.sendToSlot(insp, later.tokenHash, send(), now())).toEqual({ outcome: 'stored' });
    // A sent link is never stamped: its response stays as it was.
    expect(await store.responses.stampSlotsClosed(insp, '2026-06-02T00:00:00.000Z', openFenceOf(insp))).toBe(2);
    expect((await store.responses.getSlot(insp, later.tokenHash))!.slot.closedAt).toBeUndefined();
  });

  it("spread an inspection's links over its partitions", async () => {
    const insp = await openInspection();
    const links = Array.from({ length: 40 }, () => invitation(insp));
    await store.responses.putInvitationSlots(links, undefined, openFenceOf(insp));
    const sizes = await Promise.all([0, 1, 2, 3].map(async (n) => (await table.partition(`INSP#${insp}#SLOTS#${n}`, 'SLOT#')).length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.max(...sizes)).toBeLessThan(40);
  });

  it('list only sent responses, and erase every one (tombstones for sent ones, drafts put back as issued)', async () => {
    const insp = await openInspection();
    const [a, b, d, u] = [invitation(insp), invitation(insp), invitation(insp), invitation(insp)];
    await store.responses.putInvitationSlots([a, b, d, u], undefined, openFenceOf(insp));
    const ra = send('a');
    await store.responses.sendToSlot(insp, a.tokenHash, ra, now());
    await store.responses.sendToSlot(insp, b.tokenHash, send('b'), now());
    await store.responses.saveDraftAnswer(insp, d.tokenHash, 'v.1', 'yes');
    const listed = [];
    for await (const page of store.responses.allResponses(insp)) listed.push(...page);
    expect(listed.map((r) => r.invitationId).sort()).toEqual([a.invitationId, b.invitationId].sort());
    expect(await store.responses.answeredInvitationIds(insp)).toEqual(new Set([a.invitationId, b.invitationId]));

    expect(await store.responses.eraseResponses(insp)).toBe(3);
    expect(await store.responses.eraseResponses(insp)).toBe(0);
    const after = [];
    for await (const page of store.responses.allResponses(insp)) after.push(...page);
    expect(after).toEqual([]);
    // An erased link stays used; the draft's link is as issued, its answers gone.
    expect((await store.responses.getSlot(insp, a.tokenHash))!.slot.submittedAt).toBe(ra.submittedAt);
    expect((await store.responses.sendToSlot(insp, a.tokenHash, send(), now())).outcome).toBe('refused');
    expect((await store.responses.getSlot(insp, d.tokenHash))!.slot).toEqual({ draft: {}, seen: [] });
    // As issued: the two maps empty again (so the next save can set a key of each), no time of a save.
    const reset = (await slotItem(insp, d.tokenHash))!;
    expect(reset).toMatchObject({ entity: 'invitation', draft: {}, seen: {} });
    expect(reset.draftUpdatedAt).toBeUndefined();
    expect(await store.responses.saveDraftAnswer(insp, d.tokenHash, 'v.2', 'no')).toBe(true);
    // A tombstone holds no draft.
    expect(Object.keys((await slotItem(insp, a.tokenHash))!).filter((k) => ['draft', 'seen', 'draftUpdatedAt'].includes(k))).toEqual([]);
    expect(await store.responses.answeredInvitationIds(insp)).toEqual(new Set([a.invitationId, b.invitationId]));
  });
});

describe('report links', () => {
  it('are kept a week past their expiry, found by the hash only', async () => {
    const hash = randomBytes(32).toString('hex');
    const link = {
      linkId: randomUUID(),
      inspectionId: newId(),
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'someone',
      expiresAt: '2026-01-02T00:00:00.000Z',
    };
    await store.reportLinks.putReportLink(hash, link);
    expect(await store.reportLinks.getReportLink(hash)).toEqual(link);
    expect(await store.reportLinks.getReportLink(randomBytes(32).toString('hex'))).toBeUndefined();
    const stored = await item(`REPORTLINK#${hash}`, 'REPORTLINK');
    expect(stored!.expiresAtEpoch).toBe(Date.parse('2026-01-09T00:00:00.000Z') / 1000);
    await expect(store.reportLinks.putReportLink(hash, { ...link, inspectionId: newId() })).rejects.toThrow();
    expect((await store.reportLinks.getReportLink(hash))!.inspectionId).toBe(link.inspectionId);
  });
});

describe('cases', () => {
  const b = bank();

  it('create, replace with history newest first, and list a page at a time', async () => {
    const insp = await openInspection();
    const v1 = makeCase('community', 1);
    const v2 = makeCase('licence', 2);
    const v3 = makeCase('custody', 3);
    expect(await store.cases.putCase(b, insp, 'S-1', v1, 'alice')).toBe('created');
    expect(await store.cases.putCase(b, insp, 'S-1', v2, 'bob')).toBe('replaced');
    expect(await store.cases.putCase(b, insp, 'S-1', v3, 'carol')).toBe('replaced');
    const got = await store.cases.getCase(b, insp, 'S-1');
    expect(got!.current).toMatchObject({ caseRef: 'S-1', profile: v3.profile, answers: v3.answers, version: 3, updatedBy: 'carol' });
    expect(got!.earlier.map((c) => [c.version, c.updatedBy])).toEqual([
      [2, 'bob'],
      [1, 'alice'],
    ]);
    expect(got!.earlier.map((c) => c.answers)).toEqual([v2.answers, v1.answers]);
    expect(got!.current.updatedAt >= got!.earlier[0]!.updatedAt).toBe(true);
    expect(await store.cases.getCase(b, insp, 'S-2')).toBeUndefined();

    for (let i = 2; i <= 5; i++) await store.cases.putCase(b, insp, `S-${i}`, makeCase('community', i), 'alice');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.cases.listCases(b, insp, cursor, 2);
      pages++;
      expect(page.cases.length).toBeLessThanOrEqual(2);
      seen.push(...page.cases.map((c) => c.caseRef));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['S-1', 'S-2', 'S-3', 'S-4', 'S-5']);
    expect(pages).toBeGreaterThanOrEqual(3);
    const all: string[] = [];
    for await (const page of store.cases.allCases(b, insp)) all.push(...page.map((c) => c.caseRef));
    expect(all.sort()).toEqual(seen);
    // The history is not a case.
    expect(all).toHaveLength(5);
  });

  it('refuse a cursor from another inspection or of another shape', async () => {
    const insp = await openInspection();
    for (let i = 1; i <= 3; i++) await store.cases.putCase(b, insp, `P-${i}`, makeCase('community', i), 'alice');
    const { nextCursor } = await store.cases.listCases(b, insp, undefined, 1);
    expect(nextCursor).toBeTruthy();
    await expect(store.cases.listCases(b, newId(), nextCursor)).rejects.toMatchObject(BAD_CURSOR);
    await expect(store.cases.listCases(b, insp, 'not-a-cursor')).rejects.toMatchObject(BAD_CURSOR);
    const other = Buffer.from(JSON.stringify({ pk: `INSP#${insp}`, sk: 'RESP#x' })).toString('base64url');
    await expect(store.cases.listCases(b, insp, other)).rejects.toMatchObject(BAD_CURSOR);
  });
});

describe('answer codes', () => {
  it('round-trip yes, no and na, leaving out what was left out', () => {
    const b = bank();
    const [q1, q2, q3, q4] = b.questions;
    const answers = { [q1!.id]: 'yes', [q2!.id]: 'no', [q4!.id]: 'na' } as const;
    const code = store.answerCode.encodeAnswers(b, answers);
    expect(code).toHaveLength(b.questions.length);
    expect(code.slice(0, 4)).toBe('yn-x');
    expect(code.slice(4)).toBe('-'.repeat(b.questions.length - 4));
    expect(store.answerCode.decodeAnswers(b, code)).toStrictEqual(answers);
    expect(Object.keys(store.answerCode.decodeAnswers(b, code))).toHaveLength(3);
    expect(q3).toBeDefined();
    expect(() => store.answerCode.encodeAnswers(b, { 'no.such': 'yes' })).toThrow(/no\.such/);
    expect(store.answerCode.decodeAnswers(b, 'y?n')).toEqual({ [q1!.id]: 'yes', [q3!.id]: 'no' });
    expect(Object.keys(store.answerCode.decodeAnswers(b, 'y'.repeat(b.questions.length + 5)))).toHaveLength(b.questions.length);
  });

  it("read a case written before unanswered had its own code: '.' was left out, counted then as not relevant", () => {
    const b = bank();
    const takes = (id: string) => b.questions.find((q) => q.id === id)!.appliesTo.includes('custody');
    const legacy = `y${'.'.repeat(b.questions.length - 1)}`;
    const read = store.answerCode.decodeCaseAnswers(b, legacy, 'custody');
    expect(read[b.questions[0]!.id]).toBe('yes');
    for (const q of b.questions.slice(1)) expect(read[q.id], q.id).toBe(takes(q.id) ? 'na' : undefined);
    // A record written now keeps unanswered unanswered, whatever the case type.
    const now = store.answerCode.encodeAnswers(b, { [b.questions[0]!.id]: 'yes' });
    expect(store.answerCode.decodeCaseAnswers(b, now, 'custody')).toStrictEqual({ [b.questions[0]!.id]: 'yes' });
  });
});

describe('paging cursors', () => {
  const partition = { attribute: 'pk', value: 'INSP#a' };
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  it('give back exactly the key encoded, and refuse anything else', () => {
    const key = { pk: 'INSP#a', sk: 'CASE#1' };
    expect(store.paging.encodeCursor(undefined)).toBeUndefined();
    expect(store.paging.decodeCursor(store.paging.encodeCursor(key), partition)).toEqual(key);
    expect(store.paging.decodeCursor(undefined, partition)).toBeUndefined();
    for (const bad of [enc({ pk: 'INSP#b', sk: 'CASE#1' }), enc({ pk: 'INSP#a', sk: 1 }), enc(['INSP#a']), enc(null), enc('INSP#a'), '%%%', 'e30']) {
      expect(() => store.paging.decodeCursor(bad, partition), bad).toThrow(expect.objectContaining(BAD_CURSOR));
    }
  });
});

describe('summary snapshots', () => {
  it('keep the one from the latest start, gzipped', async () => {
    const insp = await openInspection();
    expect(await store.summaries.getSummarySnapshot(insp)).toBeUndefined();
    expect(await store.summaries.putSummarySnapshot(insp, '2026-01-01T00:00:02Z', store.summaries.encodeSnapshot({ n: 2 }))).toBe(true);
    expect(await store.summaries.putSummarySnapshot(insp, '2026-01-01T00:00:01Z', store.summaries.encodeSnapshot({ n: 1 }))).toBe(false);
    expect(await store.summaries.getSummarySnapshot(insp)).toEqual({ n: 2 });
    expect(await store.summaries.putSummarySnapshot(insp, '2026-01-01T00:00:02Z', store.summaries.encodeSnapshot({ n: 3 }))).toBe(true);
    expect(await store.summaries.putSummarySnapshot(insp, '2026-01-01T00:00:03Z', store.summaries.encodeSnapshot({ n: 4 }))).toBe(true);
    expect(await store.summaries.getSummarySnapshot(insp)).toEqual({ n: 4 });
  });
});

describe('stale markers', () => {
  it('mark (blind, a new stamp each time), list, and clear only the marker read', async () => {
    const insp = await openInspection();
    await store.inspections.markStale(insp, 't1');
    const first = (await store.inspections.listStale()).find((m) => m.inspectionId === insp);
    expect(first).toEqual({ inspectionId: insp, changedAt: 't1' });
    await store.inspections.markStale(insp, 't2');
    // Marked again since it was read: clearing the old one leaves the new one.
    expect(await store.inspections.clearStale(first!)).toBe(false);
    expect((await store.inspections.listStale()).find((m) => m.inspectionId === insp)).toEqual({ inspectionId: insp, changedAt: 't2' });
    expect(await store.inspections.clearStale({ inspectionId: insp, changedAt: 't2' })).toBe(true);
    expect((await store.inspections.listStale()).map((m) => m.inspectionId)).not.toContain(insp);
  });
});

describe('grades and conclusions', () => {
  it('are created, then replaced whole, and listed without their keys', async () => {
    const insp = await openInspection();
    expect(await store.grades.putGrade(insp, '4.1', { grade: 'partly-met', strengths: ['s'], improvements: [] }, 'alice')).toBe('created');
    expect(await store.grades.putGrade(insp, '4.1', { grade: 'well-met', strengths: [], improvements: ['i'] }, 'bob')).toBe('replaced');
    expect(await store.grades.putGrade(insp, '4.2', { grade: 'not-met', strengths: [], improvements: [] }, 'bob')).toBe('created');
    const grades = await store.grades.listGrades(insp);
    expect(grades.map(({ updatedAt, ...g }) => g)).toEqual([
      { criterionId: '4.1', grade: 'well-met', strengths: [], improvements: ['i'], updatedBy: 'bob' },
      { criterionId: '4.2', grade: 'not-met', strengths: [], improvements: [], updatedBy: 'bob' },
    ]);
    expect((await item(`INSP#${insp}`, 'GRADE#4.1'))!.entity).toBe('grade');

    const at = new Date().toISOString();
    expect(await store.grades.putConclusion(insp, { criterionId: '1.1', band: 'priority', text: 'why', updatedAt: at, updatedBy: 'carol' })).toBe(
      'created',
    );
    expect(await store.grades.putConclusion(insp, { criterionId: '1.1', band: 'good', updatedAt: at, updatedBy: 'carol' })).toBe('replaced');
    expect(
      await store.grades.putConclusion(insp, { criterionId: '1.2', band: 'urgent-priority', text: 'now', updatedAt: at, updatedBy: 'dan' }),
    ).toBe('created');
    expect(await store.grades.listConclusions(insp)).toEqual([
      { criterionId: '1.1', band: 'good', updatedAt: at, updatedBy: 'carol' },
      { criterionId: '1.2', band: 'urgent-priority', text: 'now', updatedAt: at, updatedBy: 'dan' },
    ]);
    // Grades and conclusions live side by side; neither list picks up the other.
    expect(await store.grades.listGrades(insp)).toHaveLength(2);
  });
});

describe('invitations', () => {
  it('are slots found by the token hash, with their batch listed', async () => {
    const insp = await openInspection();
    const batch = {
      inspectionId: insp,
      batchId: newId(),
      audience: 'victim' as const,
      language: 'cy' as const,
      questionnaireVersion: 'v1',
      count: 30,
      expiresAt: '2027-01-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'admin',
    };
    // 30: more than one batch write of 25.
    const links = Array.from({ length: 30 }, () => ({ tokenHash: randomBytes(32).toString('hex'), invitationId: newId() }));
    await store.invitations.createInvitations(batch, links, 2_000_000_000, openFenceOf(insp));
    for (const link of [links[0]!, links[29]!]) {
      expect(await store.responses.getSlot(insp, link.tokenHash)).toEqual({
        invitationId: link.invitationId,
        inspectionId: insp,
        batchId: batch.batchId,
        audience: 'victim',
        language: 'cy',
        questionnaireVersion: 'v1',
        createdAt: batch.createdAt,
        expiresAt: batch.expiresAt,
        slot: { draft: {}, seen: [] },
      });
    }
    expect(await store.responses.getSlot(insp, randomBytes(32).toString('hex'))).toBeUndefined();
    const other = { ...batch, batchId: newId(), audience: 'offender' as const, language: 'en' as const, count: 1, expiresAt: undefined };
    await store.invitations.createInvitations(
      other,
      [{ tokenHash: randomBytes(32).toString('hex'), invitationId: newId() }],
      undefined,
      openFenceOf(insp),
    );
    const batches = await store.invitations.listInvitationBatches(insp);
    expect(batches).toHaveLength(2);
    expect(batches).toEqual(
      expect.arrayContaining([
        {
          batchId: batch.batchId,
          audience: 'victim',
          language: 'cy',
          count: 30,
          expiresAt: batch.expiresAt,
          createdAt: batch.createdAt,
          createdBy: 'admin',
        },
        { batchId: other.batchId, audience: 'offender', language: 'en', count: 1, createdAt: batch.createdAt, createdBy: 'admin' },
      ]),
    );
  });
});

describe('inspections', () => {
  it('are created once, read back, and listed newest first a page at a time', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) {
      const inspection = {
        inspectionId: newId(),
        area: `Area ${i}`,
        fieldworkStart: '2007-11-05',
        fieldworkEnd: '2007-11-09',
        questionBankVersion: 'omi-2008.1',
        status: 'open' as const,
        createdAt: `2099-0${i + 1}-01T00:00:00.000Z`,
        createdBy: 'admin',
      };
      expect(await store.inspections.createInspection(inspection)).toBe(true);
      made.push({ ...inspection, stage: 'set-up' as const, version: 1 });
    }
    expect(await store.inspections.createInspection({ ...made[0]!, area: 'Again' })).toBe(false);
    expect(await store.inspections.getInspection(made[0]!.inspectionId)).toEqual(made[0]);
    expect(await store.inspections.getInspection(newId())).toBeUndefined();
    // Created in 2099: these three are the newest in the table, whatever other tests made.
    const first = await store.inspections.listInspections(undefined, 2);
    expect(first.inspections).toEqual([made[2], made[1]]);
    const second = await store.inspections.listInspections(first.nextCursor, 1);
    expect(second.inspections).toEqual([made[0]]);
    for (const bad of [
      'nope',
      Buffer.from(JSON.stringify({ pk: 'INSP#x', sk: 'INSPECTION' })).toString('base64url'),
      first.nextCursor!.slice(0, -2),
    ]) {
      await expect(store.inspections.listInspections(bad), bad).rejects.toMatchObject(BAD_CURSOR);
    }
    const cursor = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString());
    for (const forged of [
      { ...cursor, sk: 'CASE#1' },
      { ...cursor, pk: 'TOKEN#x' },
      { ...cursor, extra: 'x' },
    ]) {
      await expect(store.inspections.listInspections(Buffer.from(JSON.stringify(forged)).toString('base64url'))).rejects.toMatchObject(BAD_CURSOR);
    }
  });
});

describe('case history past nine versions', () => {
  it('stays in version order (the version in the key is zero-padded)', async () => {
    const insp = await openInspection();
    const b = bank();
    for (let i = 1; i <= 12; i++) await store.cases.putCase(b, insp, 'H-1', makeCase('community', i), `u${i}`);
    const got = await store.cases.getCase(b, insp, 'H-1');
    expect(got!.current.version).toBe(12);
    expect(got!.earlier.map((c) => c.version)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const history = await table.partition(`INSP#${insp}`, 'CASEHIST#H-1#');
    expect(history.map((h) => h.entity)).toEqual(Array(11).fill('case-version'));
    // A forged cursor into the history is refused, not listed as cases.
    const forged = Buffer.from(JSON.stringify({ pk: `INSP#${insp}`, sk: 'CASEHIST#H-1#000001' })).toString('base64url');
    await expect(store.cases.listCases(b, insp, forged)).rejects.toMatchObject(BAD_CURSOR);
  });
});
