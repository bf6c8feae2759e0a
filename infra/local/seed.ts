/**
 * `npm start`'s demo data, put in through the real HTTP API (so it exercises the very
 * handlers a user does): an inspection shaped like the Kent inspection of November 2007, made
 * once and reused on later starts (the data persists in OMI_DATA_DIR), and a small "Try it"
 * inspection that hands out three fresh questionnaire links on every start, so that trying a
 * questionnaire never changes the Kent figures.
 *
 * Returns the lines `npm start` prints: the report's link (a capability link that opens in
 * a browser without a bearer token) and the questionnaire links.
 *
 * Resumable: every step can run again without doing anything twice (PUTs replace, the case
 * upload and the invitations carry an Idempotency-Key named after the inspection and the step,
 * a response already sent answers 409), so a start that finds a half-made Kent finishes it,
 * and a step that fails is tried again a few times before the seed gives up, saying which step
 * and how to go on (SeedIncomplete). OMI_SEED_FAULT=<step>:<n> makes a step's first n attempts
 * lose their reply after doing their work (`<step>:<n>:before`: fail before doing it), for the
 * test that shows it.
 */
import { KENT_INTERVIEWS, kentContext, kentDemoInterviews, kentPerformanceCsv, kentSecondMarkings } from './demo-evidence';
import {
  type DemoCase,
  demoCasesCsv,
  kentDemoCases,
  kentDemoConclusions,
  kentDemoInvitations,
  kentDemoLeadership,
  kentSentencerAnswers,
  kentVictimAnswers,
} from './demo-data';
import { kentDemoWriteUp } from './demo-write-up';
import { KENT_MET, kentDemoMeetings } from './demo-meetings';
import type { WriteUp } from '#schemas/write-up';

export const KENT_DEMO_AREA = 'Kent (demo)';
export const TRY_IT_AREA = 'Try it (demo)';
const FIELDWORK = { fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } as const;

interface Reply {
  status: number;
  json: any;
  text: string;
  etag: string | null;
}

type Body = { json?: unknown; csv?: string; ifMatch?: string; idempotencyKey?: string };

function client(baseUrl: string, adminToken: string) {
  async function request(method: string, path: string, body?: Body, bearer = true): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (body?.ifMatch) headers['if-match'] = body.ifMatch;
    if (body?.idempotencyKey) headers['idempotency-key'] = body.idempotencyKey;
    if (bearer) headers.authorization = `Bearer ${adminToken}`;
    let payload: string | undefined;
    if (body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body?.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      payload = body.csv;
    }
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(baseUrl + path, { method, headers, body: payload });
      const text = await res.text();
      // The respondent routes are throttled per client: wait as told, then go on.
      if (res.status === 429 && attempt < 5) {
        const wait = Number(res.headers.get('retry-after') ?? '1');
        await new Promise((r) => setTimeout(r, Math.min(60, Math.max(1, wait)) * 1000));
        continue;
      }
      let json: any;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      // The same request, still being answered (its first attempt outlived its timeout, say): wait for its answer.
      if (res.status === 409 && json?.type === 'urn:omi:problem:request-in-progress' && attempt < 60) {
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '2') * 1000));
        continue;
      }
      return { status: res.status, json, text, etag: res.headers.get('etag') };
    }
  }
  /** `status`: what counts as done; several when a step run again finds it done already (200 for a PUT that replaced, 409 for a response sent). */
  async function expect(status: number | readonly number[], method: string, path: string, body?: Body, bearer = true): Promise<any> {
    const res = await request(method, path, body, bearer);
    if (!(typeof status === 'number' ? [status] : status).includes(res.status)) {
      throw new Error(
        `demo seed: ${method} ${path.replace(/\/questionnaires\/[^/]+/, '/questionnaires/{token}')} answered ${res.status}: ${res.text.slice(0, 300)}`,
      );
    }
    return res.json;
  }
  return { request, expect };
}

type Api = ReturnType<typeof client>;

/** Every inspection with this area, newest first. */
async function findInspections(api: Api, area: string): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.expect(200, 'GET', `/inspections${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const i of page.inspections as { inspectionId: string; area: string }[]) if (i.area === area) found.push(i.inspectionId);
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

async function createInspection(api: Api, area: string): Promise<string> {
  const created = await api.expect(201, 'POST', '/inspections', { json: { area, ...FIELDWORK } });
  return created.inspectionId as string;
}

/** Before issue 28 the demo lowered 2.1's printed figures (83% of cases prepared for interventions became 76%) to land on 52%. */
async function isCalibratedKent(api: Api, inspectionId: string): Promise<boolean> {
  const res = await api.request('GET', `/inspections/${inspectionId}/summary`);
  return res.status === 200 && res.json?.questions?.find((q: { id: string }) => q.id === '2.1.1')?.percent === 83;
}

/** A Kent demo is complete once its last step (the questionnaires) is in: a start stopped half-way leaves one that is not. */
async function isCompleteKent(api: Api, inspectionId: string): Promise<boolean> {
  const res = await api.request('GET', `/inspections/${inspectionId}/summary`);
  if (res.status !== 200) return false;
  const s = res.json;
  return (
    s.sample?.cases === 110 &&
    s.serviceUsers?.victim?.invited === kentDemoInvitations.victim &&
    s.serviceUsers?.victim?.returned === 7 &&
    s.serviceUsers?.sentencer?.returned === 11 &&
    s.serviceUsers?.offender?.invited === kentDemoInvitations.offender &&
    // A demo seeded before issue 14 has none of its evidence: made again.
    s.interviews?.count === KENT_INTERVIEWS &&
    s.performanceFigures?.length > 0 &&
    // A demo seeded before issue 29 has no meetings: made again.
    s.serviceUsers?.offender?.met?.individually === KENT_MET.offender.individually
  );
}

/**
 * The report's words (the summaries, findings, recommendations and good practice), through
 * the write-up use case like any edit: only when none has been written, so a demo someone has
 * edited keeps their words, and a demo made before there was a write-up gets one.
 */
/**
 * The report's words (the summaries, findings, recommendations and good practice), through
 * the write-up use case like any edit: only when none has been written, so a demo someone has
 * edited keeps their words, and a demo made before there was a write-up gets one.
 */
async function seedWriteUp(api: Api, inspectionId: string): Promise<void> {
  const current = await api.request('GET', `/inspections/${inspectionId}/write-up`);
  if (current.status !== 200 || !current.etag) throw new Error(`demo seed: GET /inspections/{id}/write-up answered ${current.status}`);
  const w = current.json as WriteUp;
  if (w.summary.length || w.recommendations.length || w.goodPractice.length || Object.keys(w.criteria).length) return;
  await api.expect(200, 'PUT', `/inspections/${inspectionId}/write-up`, { json: kentDemoWriteUp, ifMatch: current.etag });
}

/** The seed gave up on a step: what failed, and that starting again goes on from there. */
export class SeedIncomplete extends Error {
  constructor(
    readonly step: string,
    readonly inspectionId: string | undefined,
    cause: unknown,
  ) {
    super(`step "${step}" failed ${STEP_ATTEMPTS} times: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const STEP_ATTEMPTS = 3;

/** OMI_SEED_FAULT=<step>:<n>[:before]: the step's first n attempts lose their reply after their work is done (or fail before it). */
function plantedFaults(): Map<string, { times: number; before: boolean }> {
  const faults = new Map<string, { times: number; before: boolean }>();
  for (const entry of (process.env.OMI_SEED_FAULT ?? '').split(',').filter(Boolean)) {
    const [step, times, when] = entry.split(':');
    if (step) faults.set(step, { times: Number(times ?? 1) || 1, before: when === 'before' });
  }
  return faults;
}

/** Runs one step of the seed, again on failure (each step is safe to repeat), then gives up plainly. */
function stepRunner(inspectionId: () => string | undefined) {
  const faults = plantedFaults();
  // OMI_SEED_TIMINGS=1 (bench part 5): each step's start and end, ms from the seed's start, to find its critical path.
  const timings = process.env.OMI_SEED_TIMINGS === '1' ? { t0: performance.now() } : undefined;
  const at = () => Math.round(performance.now() - timings!.t0);
  return async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const began = timings ? at() : 0;
    try {
      return await attempts(name, work);
    } finally {
      if (timings) console.error(`seed-step ${name} ${began} ${at()}`);
    }
  };
  async function attempts<T>(name: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const planted = faults.get(name);
        const failing = planted !== undefined && planted.times > 0;
        if (failing) planted.times--;
        if (failing && planted.before) throw new Error('planted fault (OMI_SEED_FAULT): the step failed before doing anything');
        const result = await work();
        if (failing) throw new Error('planted fault (OMI_SEED_FAULT): the reply was lost after the work was done');
        return result;
      } catch (error) {
        if (error instanceof SeedIncomplete) throw error;
        if (attempt >= STEP_ATTEMPTS) throw new SeedIncomplete(name, inspectionId(), error);
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }
}

type Step = ReturnType<typeof stepRunner>;

/** A batch of links; retried, the same key gives back the same links (they can be downloaded again for 7 days). */
async function invite(api: Api, inspectionId: string, audience: string, language: string, count: number, idempotencyKey?: string): Promise<string[]> {
  const res = await api.expect(201, 'POST', `/inspections/${inspectionId}/invitations`, {
    json: { audience, language, count },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  return (res.invitations as { token: string; url: string }[]).map((i) => i.url);
}

function tokenOf(url: string): string {
  return new URL(url).pathname.split('/').pop()!;
}

/** Runs `tasks` at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += limit) await Promise.all(items.slice(i, i + limit).map(task));
}

/**
 * Makes a new inspection shaped like Kent's (every step through the API) and aggregates it;
 * returns its id. `seedDemo` calls it once; tests call it for an inspection of their own.
 */
export async function createKentDemo(baseUrl: string, adminToken: string, area = KENT_DEMO_AREA, secondMarkerToken?: string): Promise<string> {
  const api = client(baseUrl, adminToken);
  const id = await createInspection(api, area);
  await finishKent(
    api,
    id,
    secondMarkerToken ? client(baseUrl, secondMarkerToken) : undefined,
    stepRunner(() => id),
  );
  return id;
}

// Done already counts as done: a step run again after its reply was lost finds its work there.
const PUT_DONE = [200, 201] as const;

/**
 * The interviews, performance figures and caseload (issue 14), and with a second marker (a
 * person other than the one who uploads the cases) a third of the sample second-marked.
 */
async function seedEvidence(
  api: Api,
  secondMarker: Api | undefined,
  id: string,
  demoCases: DemoCase[],
  cases: Promise<unknown>,
  step: Step,
): Promise<void> {
  const unrelated = step('area-figures', () =>
    Promise.all([
      api.expect(200, 'PUT', `/inspections/${id}/performance-figures`, { csv: kentPerformanceCsv() }),
      api.expect(200, 'PUT', `/inspections/${id}/context`, { json: kentContext }),
    ]),
  );
  await cases;
  await step('interviews', () =>
    inBatches(kentDemoInterviews(demoCases), 8, ({ caseRef, answers }) =>
      api.expect(PUT_DONE, 'PUT', `/inspections/${id}/interviews/${caseRef}`, { json: { answers } }),
    ),
  );
  if (secondMarker) {
    await step('second-markings', () =>
      inBatches(kentSecondMarkings(demoCases), 8, ({ caseRef, answers }) =>
        secondMarker.expect(PUT_DONE, 'PUT', `/inspections/${id}/cases/${caseRef}/second-marking`, { json: { answers } }),
      ),
    );
  }
  await unrelated;
}

/** The people met in person (issue 29), through the meetings' own route. */
async function seedMeetings(api: Api, id: string): Promise<void> {
  await inBatches(Object.entries(kentDemoMeetings), 6, ([meetingId, meeting]) =>
    api.expect(PUT_DONE, 'PUT', `/inspections/${id}/meetings/${meetingId}`, { json: meeting }),
  );
}

/** Every step of a Kent demo, on an inspection made already: run on a new one, or on one a start left half-made. */
async function finishKent(api: Api, id: string, secondMarker: Api | undefined, step: Step): Promise<void> {
  // Keys named after the inspection and the step: a start that finds this Kent half-made sends the same ones.
  const key = (what: string) => `demo-${id}-${what}`;
  // The cases, the grades and conclusions, and the questionnaires are independent: all at once.
  const demoCases = kentDemoCases();
  const cases = step('cases', () =>
    api.expect(200, 'POST', `/inspections/${id}/cases`, { csv: demoCasesCsv(demoCases), idempotencyKey: key('cases') }),
  );
  const evidence = seedEvidence(api, secondMarker, id, demoCases, cases, step);
  const judgements = step('judgements', () =>
    Promise.all([
      ...Object.entries(kentDemoLeadership).map(([criterion, body]) =>
        api.expect(PUT_DONE, 'PUT', `/inspections/${id}/leadership/${criterion}`, { json: body }),
      ),
      ...Object.entries(kentDemoConclusions).map(([criterion, body]) =>
        api.expect(PUT_DONE, 'PUT', `/inspections/${id}/conclusions/${criterion}`, { json: body }),
      ),
    ]),
  );
  const offenders = step('offender-links', () => invite(api, id, 'offender', 'en', kentDemoInvitations.offender, key('offenders')));
  const answered = (async () => {
    const [victims, sentencers] = await Promise.all([
      step('victim-links', () => invite(api, id, 'victim', 'en', kentDemoInvitations.victim, key('victims'))),
      step('sentencer-links', () => invite(api, id, 'sentencer', 'en', kentDemoInvitations.sentencer, key('sentencers'))),
    ]);
    const responses = [
      ...kentVictimAnswers().map((answers, i) => ({ token: tokenOf(victims[i]!), answers })),
      ...kentSentencerAnswers().map((answers, i) => ({ token: tokenOf(sentencers[i]!), answers })),
    ];
    // A few at a time: the respondent routes are throttled per client (OMI_RATE_LIMIT_PER_MIN). 409: sent by an earlier start.
    await step('responses', () =>
      inBatches(responses, 6, ({ token, answers }) =>
        api.expect([201, 409], 'POST', `/questionnaires/${token}/responses`, { json: { answers } }, false),
      ),
    );
  })();
  const settled = await Promise.allSettled([
    cases,
    judgements,
    offenders,
    answered,
    evidence,
    step('write-up', () => seedWriteUp(api, id)),
    step('meetings', () => seedMeetings(api, id)),
  ]);
  // Every step has had its go (a failed one leaves the others' work for the next start); then the first failure is told.
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  await step('aggregate', () => api.expect(200, 'POST', `/inspections/${id}/aggregate`));
}

/**
 * Seeds (or finds, or finishes) the demo inspections and returns the lines to print. Safe to
 * run on every start: the Kent demo is made once, a half-made one is finished; each run adds
 * only three "Try it" links and a report link. Throws SeedIncomplete when a step kept failing.
 */
export async function seedDemo(baseUrl: string, adminToken: string, secondMarkerToken?: string): Promise<string[]> {
  const started = Date.now();
  const api = client(baseUrl, adminToken);
  const secondMarker = secondMarkerToken ? client(baseUrl, secondMarkerToken) : undefined;
  let kentId: string | undefined;
  const step = stepRunner(() => kentId);

  let halfMade: string | undefined;
  for (const candidate of await step('find-demo', () => findInspections(api, KENT_DEMO_AREA))) {
    if (await step('find-demo', () => isCompleteKent(api, candidate))) {
      // One made before the demo was calibrated against the seed (issue 28) is left as it was: its cases cannot be redone in place.
      if (!(await step('find-demo', () => isCalibratedKent(api, candidate)))) continue;
      kentId = candidate;
      break;
    }
    // Newest first: the latest half-made one is the one to finish.
    halfMade ??= candidate;
  }
  const how = kentId ? 'found' : halfMade ? 'finished' : 'seeded';
  if (kentId) await step('write-up', () => seedWriteUp(api, kentId!));
  else {
    kentId = halfMade ?? (await step('create-demo', () => createInspection(api, KENT_DEMO_AREA)));
    await finishKent(api, kentId, secondMarker, step);
  }

  const tryIt = await step('try-it', async () => (await findInspections(api, TRY_IT_AREA))[0] ?? (await createInspection(api, TRY_IT_AREA)));
  const [link, [victim], [sentencer], [offender]] = await step('try-it', () =>
    Promise.all([
      // The demo has no release: its link is to the live draft (admin only), marked "Draft, not published".
      api.expect(201, 'POST', `/inspections/${kentId}/report-links`, { json: { draft: true } }),
      invite(api, tryIt, 'victim', 'en', 1),
      invite(api, tryIt, 'sentencer', 'cy', 1),
      invite(api, tryIt, 'offender', 'en', 1),
    ]),
  );

  return [
    `demo ${kentId} ${how} in ${Date.now() - started} ms: ${KENT_DEMO_AREA}, 110 cases, questionnaires to 21 victims (7 returned), 11 sentencers' replies (how many were sent the report does not say), 110 offenders (none returned), ${Object.keys(kentDemoMeetings).length} meetings (20 offenders, 3 victims), ${KENT_INTERVIEWS} offender-manager interviews${secondMarker ? `, ${kentSecondMarkings(kentDemoCases()).length} cases second-marked` : ''}`,
    `report ${link.url as string}`,
    `report-expires ${link.expiresAt as string}`,
    `questionnaire victim en ${victim!}`,
    `questionnaire sentencer cy ${sentencer!}`,
    `questionnaire offender en ${offender!}`,
  ];
}
