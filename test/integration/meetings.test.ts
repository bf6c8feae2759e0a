/**
 * Issue 29 through the local server: meetings as evidence (entered by API and by page, giving
 * the same report sections), counts that disagree refused by name, notes and unconsented
 * quotes never in anything published, and the improvement plan entered, followed (overdue),
 * exported, frozen with a release and kept through reopening.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { useTestTable } from '#support/direct';
import { createInspection, makeCase, meetingBody } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';
import { tableAt } from '#support/hostile';

const word = (stem: string) => `${stem}${randomBytes(4).toString('hex')}`;

async function withCases(area: string): Promise<string> {
  const id = await createInspection(area);
  for (const [i, type] of (['community', 'licence', 'custody'] as const).entries()) {
    const res = await call(`/inspections/${id}/cases/M-${i + 1}`, { method: 'PUT', as: 'inspector', json: makeCase(type, i + 1) });
    expect(res.status, res.text).toBe(201);
  }
  return id;
}

const meeting = meetingBody;

const putMeeting = (id: string, meetingId: string, body: unknown) =>
  call(`/inspections/${id}/meetings/${meetingId}`, { method: 'PUT', as: 'inspector', json: body });

/** The report's service users' perspective, from its heading to the language breakdown. */
function serviceUsersSection(html: string): string {
  return html.slice(html.indexOf('id="service-users"'), html.indexOf('id="by-language"'));
}

describe('meetings', () => {
  it('are recorded, read, listed, replaced and deleted; counts that disagree are refused by name and store nothing', async () => {
    const id = await createInspection('Meetings');
    const made = await putMeeting(id, 'om-group', meeting());
    expect(made.status, made.text).toBe(201);
    expect(made.json).toMatchObject({ inspectionId: id, meetingId: 'om-group', people: 4, notes: 'Staff only.' });
    expect((await putMeeting(id, 'om-group', meeting({ people: 5 }))).status).toBe(200);
    const one = await call(`/inspections/${id}/meetings/om-group`, { as: 'staff' });
    expect(one.json.people).toBe(5);
    const list = await call(`/inspections/${id}/meetings`, { as: 'staff' });
    expect(list.json.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual(['om-group']);

    const zero = expectProblem(await putMeeting(id, 'empty-1', meeting({ people: 0 })), 400);
    expect(zero.errors).toEqual([{ path: 'people', message: expect.stringMatching(/group of 0 people/) }]);
    const more = expectProblem(await putMeeting(id, 'more-1', meeting({ kind: 'interview', people: 3, individually: 5 })), 400);
    expect(more.errors).toEqual([{ path: 'individually', message: '5 met individually is more than the 3 who took part' }]);
    const both = expectProblem(await putMeeting(id, 'both-1', meeting({ people: 0, individually: 1, criteria: ['4.9'], date: '2007-02-30' })), 400);
    expect(both.errors.map((e: { path: string }) => e.path).sort()).toEqual(['criteria.0', 'date', 'individually', 'people']);
    // The workbench's form for a new meeting is .../meetings/new: no meeting takes the name.
    expect(expectProblem(await putMeeting(id, 'new', meeting()), 400).errors[0]?.path).toBe('meetingId');
    for (const refused of ['empty-1', 'more-1', 'both-1']) expectProblem(await call(`/inspections/${id}/meetings/${refused}`, { as: 'staff' }), 404);

    expect((await call(`/inspections/${id}/meetings/om-group`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
    expectProblem(await call(`/inspections/${id}/meetings/om-group`, { as: 'staff' }), 404);
    expectProblem(await call(`/inspections/${id}/meetings/om-group`, { method: 'DELETE', as: 'admin' }), 404);
    // Staff read meetings; only inspectors and admins record them.
    expectProblem(await call(`/inspections/${id}/meetings/x`, { method: 'PUT', as: 'staff', json: meeting() }), 403);
  }, 120_000);

  it('entered by page and by API give the same report sections', async () => {
    const [byApi, byPage] = await Promise.all([withCases('Same words'), withCases('Same words')]);
    const quoteCy = 'Gwnaeth i mi feddwl.';
    const victims = meeting({
      kind: 'interview',
      audience: 'victim',
      people: 3,
      place: undefined,
      criteria: ['2.3'],
      notes: undefined,
      findings: ['All three felt the VLO made a difference.'],
      quotes: [{ text: 'Better protected.', textCy: quoteCy, consent: true }],
    });
    delete (victims as Record<string, unknown>).place;
    delete (victims as Record<string, unknown>).notes;
    const partners = meeting({
      kind: 'interview',
      audience: 'partner',
      people: 2,
      individually: 1,
      findings: ['Partners valued the area’s approach.'],
      quotes: [{ text: 'Not for print.', consent: false }],
    });
    const all: Record<string, Record<string, unknown>> = { 'a-group': meeting(), 'b-victims': victims, 'c-partners': partners };
    for (const [meetingId, body] of Object.entries(all)) expect((await putMeeting(byApi, meetingId, body)).status).toBe(201);

    const { cookie } = await signIn('inspector');
    for (const [meetingId, m] of Object.entries(all)) {
      const blank = await page(`/workbench/inspections/${byPage}/meetings/new`, { cookie });
      expect(blank.status).toBe(200);
      const fields: Record<string, string> = {
        csrf: csrfOf(blank.text),
        meetingId,
        kind: String(m.kind),
        audience: String(m.audience),
        people: String(m.people),
        individually: m.individually === undefined ? '' : String(m.individually),
        date: String(m.date),
        place: (m.place as string | undefined) ?? '',
        criteria: (m.criteria as string[]).join(', '),
        notes: (m.notes as string | undefined) ?? '',
        findings: (m.findings as string[]).join('\n\n'),
        action: 'save',
      };
      (m.quotes as { text: string; textCy?: string; consent: boolean }[]).forEach((q, i) => {
        fields[`quote.${i}.text`] = q.text;
        fields[`quote.${i}.cy`] = q.textCy ?? '';
        if (q.consent) fields[`quote.${i}.consent`] = 'yes';
      });
      const saved = await page(`/workbench/inspections/${byPage}/meetings/new`, { cookie, ...form(fields) });
      expect(saved.status, saved.text.slice(0, 400)).toBe(303);
      // The form shows it again as saved, through the same use case.
      expect((await page(`/workbench/inspections/${byPage}/meetings/${meetingId}`, { cookie })).text).toContain(
        String((m.findings as string[])[0])
          .replace('’', '&#39;')
          .slice(0, 20),
      );
    }
    // The workbench's list shows every person met, marked as not for publication.
    expect((await page(`/workbench/inspections/${byPage}/meetings`, { cookie })).text).toContain('id="not-for-publication"');
    const apiMeetings = (await call(`/inspections/${byApi}/meetings`, { as: 'staff' })).json.meetings;
    const pageMeetings = (await call(`/inspections/${byPage}/meetings`, { as: 'staff' })).json.meetings;
    const strip = (ms: Record<string, unknown>[]) => ms.map(({ inspectionId: _i, updatedAt: _u, ...rest }) => rest);
    expect(strip(pageMeetings)).toEqual(strip(apiMeetings));

    for (const id of [byApi, byPage]) expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
    for (const lang of ['', '?lang=cy']) {
      const [a, b] = await Promise.all([
        call(`/inspections/${byApi}/report${lang}`, { as: 'staff' }),
        call(`/inspections/${byPage}/report${lang}`, { as: 'staff' }),
      ]);
      const section = serviceUsersSection(a.text);
      expect(section.length).toBeGreaterThan(500);
      expect(serviceUsersSection(b.text)).toBe(section);
    }
    const summary = (await call(`/inspections/${byApi}/summary`, { as: 'staff' })).json;
    expect(summary.serviceUsers.offender).toMatchObject({ asked: 0, answered: 0, met: { individually: 0, inGroups: 4 } });
    expect(summary.serviceUsers.victim).toMatchObject({ met: { individually: 3, inGroups: 0 } });
    const partner = summary.meetings.find((m: { audience: string }) => m.audience === 'partner');
    expect(partner).toMatchObject({ met: { individually: 1, inGroups: 1 }, quotes: [], quotesWithheld: 1 });
    const text = (await call(`/inspections/${byApi}/report`, { as: 'staff' })).text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('We met four offenders in one group.');
    expect(text).toContain(
      'With no questionnaires returned there are no questionnaire findings from offenders; what they told us in person follows.',
    );
    expect(text).not.toContain('there are no findings from offenders to report');
    expect(text).toContain('We did not meet sentencers in person.');
    expect(text).toContain('With no questionnaires returned there are no findings from sentencers to report.');
    expect(text).toContain('We met two partners in person: one individually and one in one group.');
    const welsh = (await call(`/inspections/${byApi}/report?lang=cy`, { as: 'staff' })).text;
    expect(welsh).toContain(`“${quoteCy}”`);
  }, 120_000);
});

describe('published files', () => {
  it('never hold meeting notes or unconsented quotes; a consented quote is published, masked', async () => {
    useTestTable();
    const { unconsentedQuotes } = await import('#domain/meetings');
    const id = await withCases('Private words');
    const note = word('Notewort');
    const unconsented = word('Hushquote');
    const consented = word('Sayable');
    expect(
      (
        await putMeeting(
          id,
          'victims-1',
          meeting({
            audience: 'victim',
            kind: 'interview',
            people: 3,
            notes: `${note}: she asked us not to repeat this.`,
            findings: ['All three were satisfied.'],
            quotes: [
              { text: `${unconsented} is what I really think.`, consent: false },
              { text: `${consented}: call me on 07700 900123.`, consent: true },
            ],
          }),
        )
      ).status,
    ).toBe(201);
    expect(await unconsentedQuotes(id)).toEqual([{ meetingId: 'victims-1', quote: 0, audience: 'victim' }]);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
    let release = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } });
    // Once the readiness check lists unconsented quotes (shared/domain/readiness.ts), it refuses until told to publish without them.
    if (release.status === 409 && release.json.type === 'urn:omi:problem:not-ready') {
      expect(release.text).toContain('victims-1');
      release = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Private words' } });
    }
    expect(release.status, release.text).toBe(201);
    const releaseId = release.json.releaseId;
    const link = await call(`/inspections/${id}/report-links?releaseId=${releaseId}`, { method: 'POST', as: 'staff' });
    const token = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
    const served: Record<string, string> = {};
    const paths: [string, boolean][] = [
      [`/inspections/${id}/summary`, true],
      [`/inspections/${id}/summary?format=csv`, true],
      [`/inspections/${id}/report`, true],
      [`/inspections/${id}/report?lang=cy`, true],
      [`/inspections/${id}/releases/${releaseId}/report`, true],
      [`/inspections/${id}/releases/${releaseId}/report?lang=cy`, true],
      [`/inspections/${id}/releases/${releaseId}/summary`, true],
      [`/inspections/${id}/releases/${releaseId}/summary?format=csv`, true],
      [`/reports/${token}`, false],
      [`/reports/${token}/summary.json`, false],
      [`/reports/${token}/summary.csv`, false],
    ];
    for (const [path, signedIn] of paths) {
      const res = await call(path, signedIn ? { as: 'staff' } : {});
      expect(res.status, path).toBe(200);
      served[path] = res.text;
    }
    const found = Object.entries(served).flatMap(([path, text]) => [note, unconsented].filter((w) => text.includes(w)).map((w) => `${w} in ${path}`));
    expect(found).toEqual([]);
    // The consented quote is published, its phone number masked as comments' are.
    expect(served[`/inspections/${id}/releases/${releaseId}/report`]).toContain(consented);
    expect(served[`/inspections/${id}/releases/${releaseId}/report`]).not.toContain('07700 900123');
    // The notes are there for staff, through the meetings' own routes only.
    expect((await call(`/inspections/${id}/meetings/victims-1`, { as: 'staff' })).text).toContain(note);
    // Closed by the final release: a meeting is an input like any other.
    expect(expectProblem(await putMeeting(id, 'late-1', meeting()), 409).type).toBe('urn:omi:problem:inspection-closed');
  }, 120_000);
});

describe('the improvement plan', () => {
  const recommendations = [
    { text: 'Sentence plans are specific and reviewed.', criteria: ['1.5'] },
    { text: 'Risk of Harm screenings are accurate.', criteria: ['1.2'] },
    { text: 'Victim awareness work is done where required.', criteria: ['2.3'] },
  ];
  const writeUp = async (id: string) => {
    const read = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    return { json: read.json, etag: read.headers.get('etag')! };
  };
  const putWriteUp = async (id: string, body: unknown) => {
    const { etag } = await writeUp(id);
    return call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', headers: { 'if-match': etag }, json: body });
  };
  const putPlan = (id: string, body: unknown, etag: string | undefined, as: 'staff' | 'admin' | 'inspector' = 'staff') =>
    call(`/inspections/${id}/improvement-plan`, { method: 'PUT', as, json: body, headers: etag ? { 'if-match': etag } : {} });

  it('is entered after the final release, followed (due, received, open, done, overdue), exported, frozen with the release and kept through reopening', async () => {
    const id = await withCases('Plan');
    expect((await putWriteUp(id, { summary: [], criteria: {}, recommendations, goodPractice: [] })).status).toBe(200);
    // Recommendations get ids; saving them again without ids keeps them (the words are the same).
    const ids = (await writeUp(id)).json.recommendations.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect((await putWriteUp(id, { summary: [], criteria: {}, recommendations, goodPractice: [] })).status).toBe(200);
    expect((await writeUp(id)).json.recommendations.map((r: { id: string }) => r.id)).toEqual(ids);
    const [first, second, third] = ids as [string, string, string];

    expectProblem(await call(`/inspections/${id}/improvement-plan`, { as: 'staff' }), 409);
    // Published as it stands (the write-up is not finished): the area's name confirms it.
    const release = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Plan' } });
    expect(release.status, release.text).toBe(201);
    const { releaseId, createdAt } = release.json;

    const empty = await call(`/inspections/${id}/improvement-plan`, { as: 'inspector' });
    expect(empty.status).toBe(200);
    const dueAt = new Date(Date.parse(createdAt) + 28 * 86_400_000).toISOString().slice(0, 10);
    expect(empty.json).toMatchObject({ releaseId, dueAt, state: 'due', actions: [] });
    const etag = empty.headers.get('etag')!;

    const plan = {
      receivedAt: createdAt.slice(0, 10),
      actions: [
        {
          recommendation: first,
          action: 'Audit ten sentence plans a month.',
          owner: 'Head of offender management',
          due: '2008-01-15',
          progress: [{ date: '2008-01-02', text: 'First audit done.' }],
          status: 'open',
        },
        { recommendation: second, action: 'Retrain on the RoH screening.', owner: 'Training manager', due: '2999-12-31', status: 'open' },
        { recommendation: third, action: 'Victim awareness sessions.', owner: 'VLO team leader', due: '2008-02-01', status: 'done' },
      ],
    };
    expectProblem(await putPlan(id, plan, undefined), 428);
    expectProblem(await putPlan(id, plan, etag, 'inspector'), 403);
    const saved = await putPlan(id, plan, etag);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.state).toBe('received');
    expect(saved.json.actions.map((a: { state: string }) => a.state)).toEqual(['overdue', 'open', 'done']);
    expect(saved.json.actions[0].recommendationText).toBe(recommendations[0]!.text);
    expectProblem(await putPlan(id, plan, etag), 412);
    const gone = expectProblem(await putPlan(id, { actions: [{ ...plan.actions[0], recommendation: 'rec-gone' }] }, saved.headers.get('etag')!), 409);
    expect(gone.detail).toContain('rec-gone');
    expect(gone.errors).toEqual([{ path: 'actions.0.recommendation', message: 'Recommendation rec-gone no longer exists in the write-up' }]);

    // Exported by an admin.
    expectProblem(await call(`/inspections/${id}/improvement-plan.csv`, { as: 'staff' }), 403);
    const csv = await call(`/inspections/${id}/improvement-plan.csv`, { as: 'admin' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('recommendation,recommendationText,action,owner,due,status,state,progress');
    expect(csv.text).toContain(
      `${first},Sentence plans are specific and reviewed.,Audit ten sentence plans a month.,Head of offender management,2008-01-15,open,overdue,2008-01-02: First audit done.`,
    );

    // Published beside the final release, frozen: a later change to the plan leaves the annex as it was.
    const annex = await call(`/inspections/${id}/releases/${releaseId}/improvement-plan`, { method: 'POST', as: 'admin' });
    expect(annex.status, annex.text).toBe(201);
    const frozen = await call(`/inspections/${id}/releases/${releaseId}/improvement-plan`, { as: 'staff' });
    const frozenCsv = await call(`/inspections/${id}/releases/${releaseId}/improvement-plan?format=csv`, { as: 'staff' });
    expect(frozen.json.actions).toHaveLength(3);
    const progressed = { ...plan, actions: plan.actions.map((a, i) => (i === 0 ? { ...a, status: 'done' } : a)) };
    expect((await putPlan(id, progressed, saved.headers.get('etag')!)).status).toBe(200);
    expect((await call(`/inspections/${id}/releases/${releaseId}/improvement-plan`, { as: 'staff' })).text).toBe(frozen.text);
    expect((await call(`/inspections/${id}/releases/${releaseId}/improvement-plan?format=csv`, { as: 'staff' })).text).toBe(frozenCsv.text);

    // Reopening loses nothing; the recommendations keep their ids through edits, so the actions stay attached.
    expect((await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' })).status).toBe(200);
    // A factual accuracy release (possible again once reopened) takes no annex: the plan answers a final one.
    const factual = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'factual-accuracy' } });
    expect(factual.status, factual.text).toBe(201);
    expectProblem(await call(`/inspections/${id}/releases/${factual.json.releaseId}/improvement-plan`, { method: 'POST', as: 'admin' }), 409);
    const kept = await call(`/inspections/${id}/improvement-plan`, { as: 'staff' });
    expect(kept.json.actions.map((a: { state: string }) => a.state)).toEqual(['done', 'open', 'done']);
    const current = (await writeUp(id)).json;
    const edited = {
      ...current,
      recommendations: [{ ...current.recommendations[0], text: 'Sentence plans are specific, shared and reviewed.' }, current.recommendations[1]],
    };
    expect((await putWriteUp(id, edited)).status).toBe(200);
    const after = await call(`/inspections/${id}/improvement-plan`, { as: 'staff' });
    expect(after.json.actions[0]).toMatchObject({ recommendation: first, recommendationText: 'Sentence plans are specific, shared and reviewed.' });
    expect(after.json.actions[2].recommendationText).toBeUndefined();
    const orphan = expectProblem(await putPlan(id, progressed, after.headers.get('etag')!), 409);
    expect(orphan.detail).toContain(third);
  }, 120_000);

  it('is recorded, followed, exported and published from the workbench, through the same use cases', async () => {
    const id = await withCases('Plan pages');
    expect((await putWriteUp(id, { summary: [], criteria: {}, recommendations: recommendations.slice(0, 1), goodPractice: [] })).status).toBe(200);
    const [rec] = (await writeUp(id)).json.recommendations.map((r: { id: string }) => r.id);
    const staff = (await signIn('staff')).cookie;
    expect((await page(`/workbench/inspections/${id}/improvement-plan`, { cookie: staff })).text).toContain('asked for after the final release');
    expect((await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Plan pages' } })).status).toBe(201);
    const shown = await page(`/workbench/inspections/${id}/improvement-plan`, { cookie: staff });
    expect(shown.text).toMatch(/id="plan-state"><strong class="govuk-tag govuk-tag--blue">Due<\/strong>/);
    const etag = /name="etag" value="([^"]+)"/.exec(shown.text)![1]!.replace(/&quot;/g, '"');
    const fields = {
      csrf: csrfOf(shown.text),
      etag,
      'a.0.recommendation': rec,
      'a.0.action': 'Audit plans monthly.',
      'a.0.owner': 'Head of offender management',
      'a.0.due': '2008-01-15',
      'a.0.status': 'open',
    };
    const bad = await page(`/workbench/inspections/${id}/improvement-plan`, {
      cookie: staff,
      ...form({ ...fields, 'a.0.progress': 'started in January' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('There is a problem');
    expect(bad.text).toContain('Action 1: write each update as a date, a colon and the update');
    const saved = await page(`/workbench/inspections/${id}/improvement-plan`, {
      cookie: staff,
      ...form({ ...fields, 'a.0.progress': '2008-01-02: Started.' }),
    });
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
    const followed = await page(`/workbench/inspections/${id}/improvement-plan?saved=1`, { cookie: staff });
    expect(followed.text).toContain('<strong class="govuk-tag govuk-tag--red">Overdue</strong>');
    const api = (await call(`/inspections/${id}/improvement-plan`, { as: 'staff' })).json;
    expect(api.actions).toEqual([
      {
        recommendation: rec,
        action: 'Audit plans monthly.',
        owner: 'Head of offender management',
        due: '2008-01-15',
        progress: [{ date: '2008-01-02', text: 'Started.' }],
        status: 'open',
        state: 'overdue',
        recommendationText: recommendations[0]!.text,
      },
    ]);
    // Exporting and publishing are the admin's.
    expect(
      (await page(`/workbench/inspections/${id}/improvement-plan/annex`, { cookie: staff, ...form({ csrf: csrfOf(followed.text) }) })).status,
    ).toBe(403);
    const admin = (await signIn('admin')).cookie;
    const adminPage = await page(`/workbench/inspections/${id}/improvement-plan`, { cookie: admin });
    expect((await page(`/workbench/inspections/${id}/improvement-plan.csv`, { cookie: admin })).text).toContain('Audit plans monthly.');
    expect(
      (await page(`/workbench/inspections/${id}/improvement-plan/annex`, { cookie: admin, ...form({ csrf: csrfOf(adminPage.text) }) })).status,
    ).toBe(303);
    const frozen = await call(`/inspections/${id}/releases/${api.releaseId}/improvement-plan`, { as: 'staff' });
    expect(frozen.json.actions).toEqual(api.actions);
  }, 120_000);
});

describe('retention', () => {
  const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
  afterAll(() => table.destroy());
  // Read straight from the table, by the keys' own spelling, not the code's list of case records.
  const items = async (id: string, prefix: string) => table.partition(`INSP#${id}`, prefix);
  const ttlOf = (item: Record<string, unknown>) => item.expiresAtEpoch as number | undefined;

  it('keeps meetings (their notes included) only as long as the case records after a final release, and clears that on reopening', async () => {
    const id = await withCases('Meeting retention');
    expect(
      (await putMeeting(id, 'victims-2', meeting({ audience: 'victim', kind: 'interview', people: 3, notes: 'Said in confidence.' }))).status,
    ).toBe(201);
    expect((await items(id, 'MEETING#')).map(ttlOf)).toEqual([undefined]);
    const release = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Meeting retention' } });
    expect(release.status, release.text).toBe(201);
    const [caseTtl] = (await items(id, 'CASE#')).map(ttlOf);
    expect(caseTtl).toBeGreaterThan(Date.now() / 1000);
    expect((await items(id, 'MEETING#')).map(ttlOf)).toEqual([caseTtl]);
    expect((await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' })).status).toBe(200);
    expect((await items(id, 'MEETING#')).map(ttlOf)).toEqual([undefined]);
    expect((await items(id, 'CASE#')).map(ttlOf)).toEqual([undefined, undefined, undefined]);
  }, 120_000);
});
