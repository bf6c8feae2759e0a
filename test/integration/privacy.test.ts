import { describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { createInspection } from '#support/fixtures';
import { draftAttributes, slotOf, slotsOf, touched } from '#support/slots';
import { TABLE } from '#store/table';

async function victimResponses(inspectionId: string, count: number) {
  const res = await call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', count, language: 'en' } });
  expect(res.status).toBe(201);
  const def = (await call(`/questionnaires/${res.json.invitations[0].token}`)).json;
  const answers: Record<string, unknown> = {};
  for (const q of def.questions) if (!q.optional) answers[q.id] = q.type === 'multi-choice' ? [q.options[0].value] : q.options[0].value;
  for (const inv of res.json.invitations) {
    expect((await call(`/questionnaires/${inv.token}/responses`, { json: { answers } })).status).toBe(201);
  }
  return res.json.invitations as { token: string; invitationId: string }[];
}

describe('retention', () => {
  it('gives every response and every invitation a TTL, about two years out by default', async () => {
    const id = await createInspection('Retention');
    const [inv] = await victimResponses(id, 1);
    const now = Date.now() / 1000;
    // The link and its response are one item.
    const response = await slotOf(inv!.token);
    expect(response!.submittedAt).toBeDefined();
    for (const item of [response!]) {
      const ttl = item[TABLE.ttlAttribute] as number;
      expect(ttl).toBeGreaterThan(now + 700 * 86_400);
      expect(ttl).toBeLessThan(now + 740 * 86_400);
    }
  });

  it('gives a draft a TTL too: a questionnaire started and never sent is not kept for ever', async () => {
    const id = await createInspection('Retention of drafts');
    const res = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', count: 1, language: 'en' } });
    expect(res.status).toBe(201);
    const token = res.json.invitations[0].token as string;
    const def = (await call(`/questionnaires/${token}`)).json;
    // Two saves: the first makes the item, the second updates it; both must leave the TTL set.
    for (const q of def.questions.slice(0, 2)) {
      const saved = await call(`/q/${token}/${q.id}`, {
        body: new URLSearchParams({ [q.id]: q.options[0].value, action: 'continue' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(saved.status).toBe(303);
      const now = Date.now() / 1000;
      const draft = await slotOf(token);
      expect(draft!.draftUpdatedAt).toBeDefined();
      expect((draft!.draft as Record<string, unknown>)[q.id]).toBe(q.options[0].value);
      const ttl = draft![TABLE.ttlAttribute] as number;
      expect(typeof ttl).toBe('number');
      expect(ttl).toBeGreaterThan(now + 700 * 86_400);
      expect(ttl).toBeLessThan(now + 740 * 86_400);
    }
  });
});

describe("erasing an inspection's responses", () => {
  it('removes every response and draft but leaves the computed summary', async () => {
    const id = await createInspection('Erasure');
    const invitations = await victimResponses(id, 3);
    // A draft in progress on a fourth link.
    const more = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', count: 1, language: 'en' } });
    const draftToken = more.json.invitations[0].token;
    const def = (await call(`/questionnaires/${draftToken}`)).json;
    const first = def.questions[0];
    const saved = await call(`/q/${draftToken}/${first.id}`, {
      body: new URLSearchParams({ [first.id]: first.options[0].value, action: 'continue' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(saved.status).toBe(303);
    expect(touched(await slotsOf(id))).toHaveLength(4);

    const before = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' });
    expect(before.json.serviceUsers.victim.returned).toBe(3);

    expectProblem(await call(`/inspections/${id}/responses`, { method: 'DELETE', as: 'staff' }), 403);
    expectProblem(await call(`/inspections/${id}/responses`, { method: 'DELETE', as: 'inspector' }), 403);
    expectProblem(await call(`/inspections/${id}/responses`, { method: 'DELETE' }), 401);
    expect(touched(await slotsOf(id))).toHaveLength(4);

    const erased = await call(`/inspections/${id}/responses`, { method: 'DELETE', as: 'admin' });
    expect(erased.status).toBe(200);
    expect(erased.json.erased).toBe(4);
    const left = touched(await slotsOf(id));
    // Tombstones for the three sent ones (so their links stay used); the draft's link as issued, its answers gone.
    expect(left).toHaveLength(3);
    for (const item of await slotsOf(id)) {
      expect(item.answers).toBeUndefined();
      // The draft's link holds the empty draft it was issued with; a tombstone holds none.
      if (item.entity === 'invitation') expect(item).toMatchObject({ draft: {}, seen: {} });
      else expect(draftAttributes(item)).toEqual([]);
      expect(item.draftUpdatedAt).toBeUndefined();
    }
    for (const item of left) expect(item).toMatchObject({ entity: 'response-erased', erasedAt: expect.any(String) });

    const after = await call(`/inspections/${id}/summary`, { as: 'staff' });
    expect(after.json.serviceUsers.victim.returned).toBe(3);
    expect(after.json.fingerprint).toBe(before.json.fingerprint);
    const again = await call(`/questionnaires/${invitations[0]!.token}/responses`, { json: { answers: {} } });
    expectProblem(again, 409);
    const recomputed = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
    expect(recomputed.json.serviceUsers.victim.returned).toBe(0);
    expectProblem(await call(`/inspections/no-such/responses`, { method: 'DELETE', as: 'admin' }), 404);
  });
});
