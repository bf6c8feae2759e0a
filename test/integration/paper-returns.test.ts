/**
 * Paper returns and reminders through the real local server: references on every invitation,
 * a paper return counted once (then the link refused), the response rate moved and counted by
 * channel, bad returns refused with nothing stored, and a reminders file that shrinks.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { createInspection } from '#support/fixtures';

interface Issued {
  invitationId: string;
  token: string;
  url: string;
  reference: string;
}

let inspectionId: string;
beforeAll(async () => {
  inspectionId = await createInspection('Kent');
});

async function invite(audience: string, count: number, expiresAt?: string): Promise<Issued[]> {
  const res = await call(`/inspections/${inspectionId}/invitations`, {
    as: 'admin',
    json: { audience, language: 'en', count, ...(expiresAt ? { expiresAt } : {}) },
  });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
  return res.json.invitations;
}

const offenderAnswers = {
  induction: 'yes',
  'rules-clear': 'yes',
  'sentence-plan-seen': 'no',
  'sentence-plan-involved': 'no',
  'regular-contact': 'yes',
  'custody-contact': 'not-in-custody',
  'unpaid-work': 'no-unpaid-work',
  programme: 'no-programme',
  'skills-screening': 'no',
  'diversity-needs': 'no-needs',
  'help-received': ['none'],
  supported: 'yes',
};

const paper = (reference: string, answers: unknown, as: 'inspector' | 'admin' | 'staff' = 'inspector') =>
  call(`/inspections/${inspectionId}/paper-responses`, { as, json: { reference, answers } });

describe('paper returns', () => {
  it('gives every invitation a reference of 8 unambiguous characters, in the JSON and the mail-merge CSV', async () => {
    const issued = await invite('victim', 5);
    for (const i of issued) {
      expect(i.reference).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
      expect(i.token).not.toContain(i.reference);
    }
    const csv = await call(`/inspections/${inspectionId}/invitations?format=csv`, {
      as: 'admin',
      json: { audience: 'victim', language: 'cy', count: 2 },
    });
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['invitationId', 'audience', 'language', 'expiresAt', 'url', 'reference']);
    for (const r of rows) expect(r.reference).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
  });

  it('counts a paper return once: 201 with channel paper, then 409 for the reference and for the online link; the rate moves', async () => {
    const [a, b] = await invite('offender', 2);
    // Typed from the form in lower case with a hyphen: the same reference.
    const typed = `${a!.reference.slice(0, 4).toLowerCase()}-${a!.reference.slice(4)}`;
    const entered = await paper(typed, offenderAnswers);
    expect(entered.status).toBe(201);
    expect(entered.json).toMatchObject({
      status: 'received',
      channel: 'paper',
      reference: a!.reference,
      invitationId: a!.invitationId,
      questionnaireVersion: 'offender-2008.2',
    });
    expectProblem(await paper(a!.reference, offenderAnswers, 'admin'), 409);
    expectProblem(await call(`/questionnaires/${a!.token}`), 409);
    expectProblem(await call(`/questionnaires/${a!.token}/responses`, { json: { answers: offenderAnswers } }), 409);
    expect((await call(`/q/${a!.token}`)).status).toBe(409);

    // Answered online first: the paper copy is refused.
    expect((await call(`/questionnaires/${b!.token}/responses`, { json: { answers: offenderAnswers } })).status).toBe(201);
    expectProblem(await paper(b!.reference, offenderAnswers), 409);

    const summary = (await call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'admin' })).json;
    expect(summary.serviceUsers.offender.returned).toBe(2);
    expect(summary.serviceUsers.offender.byChannel).toEqual({ online: 1, paper: 1 });
  });

  it('refuses an unknown reference, bad answers, an answer to a hidden question and an expired invitation, storing nothing', async () => {
    const [v] = await invite('victim', 1);
    expectProblem(await paper('ZZZZZZZZ', {}), 404);
    expectProblem(await paper('not a reference at all', {}), 404);
    const other = await createInspection('Kent');
    expectProblem(await call(`/inspections/${other}/paper-responses`, { as: 'inspector', json: { reference: v!.reference, answers: {} } }), 404);

    const bad = expectProblem(await paper(v!.reference, { 'agreed-contact': 'no', 'contact-prompt': 'yes', 'mappa-aware': 'perhaps' }), 400);
    expect(bad.errors.map((e) => e.path)).toEqual(['answers.contact-prompt', 'answers.mappa-aware', 'answers.first-time-asked']);
    expectProblem(await call(`/inspections/${inspectionId}/paper-responses`, { as: 'inspector', json: { reference: v!.reference } }), 400);
    // Nothing was stored: the link still opens.
    expect((await call(`/questionnaires/${v!.token}`)).status).toBe(200);

    expectProblem(await paper(v!.reference, { 'agreed-contact': 'no', 'mappa-aware': 'no', 'first-time-asked': 'yes' }, 'staff'), 403);
  });
});

describe('a reference guessed by brute force', () => {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const guessRef = () => Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  /** Unknown references only, all at once: what a guesser sends. */
  async function guesses(inspection: string, real: Set<string>, count: number, as: 'inspector' | 'admin' = 'inspector') {
    const statuses = new Map<number, number>();
    let retryAfter = 0;
    await Promise.all(
      Array.from({ length: count }, async () => {
        let reference = guessRef();
        while (real.has(reference)) reference = guessRef();
        const res = await call(`/inspections/${inspection}/paper-responses`, { as, json: { reference, answers: offenderAnswers } });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 429) retryAfter = Number(res.headers.get('retry-after'));
      }),
    );
    return { statuses: Object.fromEntries(statuses), retryAfter };
  }
  const enter = (inspection: string, reference: string, as: 'inspector' | 'admin' = 'inspector') =>
    call(`/inspections/${inspection}/paper-responses`, { as, json: { reference, answers: offenderAnswers } });

  it('150 concurrent unknown references from one person: exactly 100 are looked up, the rest wait; a real one still works, and nobody else is stopped', async () => {
    const inspection = await createInspection('Kent');
    const issue = await call(`/inspections/${inspection}/invitations`, { as: 'admin', json: { audience: 'offender', language: 'en', count: 3 } });
    const issued = issue.json.invitations as Issued[];
    const real = new Set(issued.map((i) => i.reference));
    const hour = () => new Date().toISOString().slice(0, 13);
    const startedIn = hour();
    const first = await guesses(inspection, real, 150);
    expect((first.statuses[404] ?? 0) + (first.statuses[429] ?? 0)).toBe(150);
    // A run that straddles the hour starts a second hour's count: then up to 100 more are looked up.
    if (hour() === startedIn) expect(first.statuses).toEqual({ 404: 100, 429: 50 });
    else expect(first.statuses[404]).toBeGreaterThanOrEqual(100);
    expect(first.retryAfter).toBeGreaterThanOrEqual(1);
    expect(first.retryAfter).toBeLessThanOrEqual(3600);
    // Past the brake, a real reference is found all the same, and entered once.
    expect((await enter(inspection, issued[0]!.reference)).status).toBe(201);
    // Another person's lookups are their own.
    expect((await guesses(inspection, real, 5, 'admin')).statuses).toEqual({ 404: 5 });
    expect((await enter(inspection, issued[1]!.reference, 'admin')).status).toBe(201);
    // Nothing was stored for any guess.
    const reminders = await call(`/inspections/${inspection}/invitations/reminders.csv`, { as: 'admin' });
    expect(parse(reminders.text, { columns: true })).toHaveLength(1);
  }, 120_000);

  it('a person who goes on guessing past three times the brake gets nothing looked up, real references included, until the hour is over', async () => {
    const inspection = await createInspection('Kent');
    const issue = await call(`/inspections/${inspection}/invitations`, { as: 'admin', json: { audience: 'offender', language: 'en', count: 2 } });
    const issued = issue.json.invitations as Issued[];
    const real = new Set(issued.map((i) => i.reference));
    const hour = () => new Date().toISOString().slice(0, 13);
    const startedIn = hour();
    const { statuses } = await guesses(inspection, real, 320);
    expect((statuses[404] ?? 0) + (statuses[429] ?? 0)).toBe(320);
    const refused = await enter(inspection, issued[0]!.reference);
    // Unless the hour turned during the guesses (then the new hour's count is below the ceiling): judged by the clock, not by the answer.
    if (hour() === startedIn) {
      expectProblem(refused, 429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect((await enter(inspection, issued[1]!.reference, 'admin')).status).toBe(201);
  }, 120_000);
});

describe('GET /inspections/{id}/invitations/reminders.csv', () => {
  it('lists the invitations neither answered nor expired, and shrinks as people answer, online or on paper', async () => {
    const inspection = await createInspection('Kent');
    const issue = async (count: number) => {
      const res = await call(`/inspections/${inspection}/invitations`, { as: 'admin', json: { audience: 'offender', language: 'en', count } });
      return res.json.invitations as Issued[];
    };
    const issued = await issue(3);
    const rows = async () => {
      const res = await call(`/inspections/${inspection}/invitations/reminders.csv`, { as: 'admin' });
      expect(res.status).toBe(200);
      return parse(res.text, { columns: true }) as Record<string, string>[];
    };
    const first = await rows();
    expect(Object.keys(first[0]!)).toEqual(['invitationId', 'reference', 'audience', 'language', 'expiresAt']);
    expect(first.map((r) => r.reference).sort()).toEqual(issued.map((i) => i.reference).sort());
    expect(first.some((r) => Object.values(r).some((v) => v.includes(issued[0]!.token)))).toBe(false);

    await call(`/questionnaires/${issued[0]!.token}/responses`, { json: { answers: offenderAnswers } });
    expect((await rows()).map((r) => r.invitationId).sort()).toEqual([issued[1]!.invitationId, issued[2]!.invitationId].sort());
    await call(`/inspections/${inspection}/paper-responses`, {
      as: 'inspector',
      json: { reference: issued[1]!.reference, answers: offenderAnswers },
    });
    expect((await rows()).map((r) => r.invitationId)).toEqual([issued[2]!.invitationId]);
    // A draft is not an answer: still reminded.
    await call(`/q/${issued[2]!.token}/induction`, {
      method: 'POST',
      body: 'induction=yes&action=continue',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await rows()).toHaveLength(1);

    expectProblem(await call(`/inspections/${inspection}/invitations/reminders.csv`, { as: 'inspector' }), 403);
    expectProblem(await call('/inspections/no-such-inspection/invitations/reminders.csv', { as: 'admin' }), 404);
  });
});
