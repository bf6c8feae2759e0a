/**
 * `npm start`'s demo data, put in through the real HTTP API (so it exercises the very
 * handlers a user does): an inspection shaped like the Kent inspection of November 2007, made
 * once and reused on later starts (the data persists in OMI_DATA_DIR), and a small "Try it"
 * inspection that hands out three fresh questionnaire links on every start, so that trying a
 * questionnaire never changes the Kent figures.
 *
 * Returns the lines `npm start` prints: the report's link (a capability link that opens in
 * a browser without a bearer token) and the questionnaire links.
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
import type { WriteUp } from '../../shared/schemas/write-up';

export const KENT_DEMO_AREA = 'Kent (demo)';
export const TRY_IT_AREA = 'Try it (demo)';
const FIELDWORK = { fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } as const;

interface Reply {
  status: number;
  json: any;
  text: string;
  etag: string | null;
}

function client(baseUrl: string, adminToken: string) {
  async function request(method: string, path: string, body?: { json?: unknown; csv?: string; ifMatch?: string }, bearer = true): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (body?.ifMatch) headers['if-match'] = body.ifMatch;
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
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text, etag: res.headers.get('etag') };
    }
  }
  async function expect(status: number, method: string, path: string, body?: { json?: unknown; csv?: string; ifMatch?: string }, bearer = true): Promise<any> {
    const res = await request(method, path, body, bearer);
    if (res.status !== status) {
      throw new Error(`demo seed: ${method} ${path.replace(/\/questionnaires\/[^/]+/, '/questionnaires/{token}')} answered ${res.status}: ${res.text.slice(0, 300)}`);
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
async function seedWriteUp(api: Api, inspectionId: string): Promise<void> {
  const current = await api.request('GET', `/inspections/${inspectionId}/write-up`);
  if (current.status !== 200 || !current.etag) throw new Error(`demo seed: GET /inspections/{id}/write-up answered ${current.status}`);
  const w = current.json as WriteUp;
  if (w.summary.length || w.recommendations.length || w.goodPractice.length || Object.keys(w.criteria).length) return;
  await api.expect(200, 'PUT', `/inspections/${inspectionId}/write-up`, { json: kentDemoWriteUp, ifMatch: current.etag });
}

async function invite(api: Api, inspectionId: string, audience: string, language: string, count: number): Promise<string[]> {
  const res = await api.expect(201, 'POST', `/inspections/${inspectionId}/invitations`, { json: { audience, language, count } });
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
  return seedKent(client(baseUrl, adminToken), area, secondMarkerToken ? client(baseUrl, secondMarkerToken) : undefined);
}

/**
 * The interviews, performance figures and caseload (issue 14), and with a second marker (a
 * person other than the one who uploads the cases) a third of the sample second-marked.
 */
async function seedEvidence(api: Api, secondMarker: Api | undefined, id: string, demoCases: DemoCase[], cases: Promise<unknown>): Promise<void> {
  const unrelated = Promise.all([
    api.expect(200, 'PUT', `/inspections/${id}/performance-figures`, { csv: kentPerformanceCsv() }),
    api.expect(200, 'PUT', `/inspections/${id}/context`, { json: kentContext }),
  ]);
  await cases;
  await inBatches(kentDemoInterviews(demoCases), 8, ({ caseRef, answers }) => api.expect(201, 'PUT', `/inspections/${id}/interviews/${caseRef}`, { json: { answers } }));
  if (secondMarker) {
    await inBatches(kentSecondMarkings(demoCases), 8, ({ caseRef, answers }) =>
      secondMarker.expect(201, 'PUT', `/inspections/${id}/cases/${caseRef}/second-marking`, { json: { answers } }),
    );
  }
  await unrelated;
}

/** The people met in person (issue 29), through the meetings' own route. */
async function seedMeetings(api: Api, id: string): Promise<void> {
  await inBatches(Object.entries(kentDemoMeetings), 6, ([meetingId, meeting]) => api.expect(201, 'PUT', `/inspections/${id}/meetings/${meetingId}`, { json: meeting }));
}

async function seedKent(api: Api, area: string, secondMarker?: Api): Promise<string> {
  const id = await createInspection(api, area);

  // The cases, the grades and conclusions, and the questionnaires are independent: all at once.
  const demoCases = kentDemoCases();
  const cases = api.expect(200, 'POST', `/inspections/${id}/cases`, { csv: demoCasesCsv(demoCases) });
  const evidence = seedEvidence(api, secondMarker, id, demoCases, cases);
  const judgements = Promise.all([
    ...Object.entries(kentDemoLeadership).map(([criterion, body]) =>
      api.expect(201, 'PUT', `/inspections/${id}/leadership/${criterion}`, { json: body }),
    ),
    ...Object.entries(kentDemoConclusions).map(([criterion, body]) =>
      api.expect(201, 'PUT', `/inspections/${id}/conclusions/${criterion}`, { json: body }),
    ),
  ]);
  const offenders = invite(api, id, 'offender', 'en', kentDemoInvitations.offender);
  const answered = (async () => {
    const [victims, sentencers] = await Promise.all([
      invite(api, id, 'victim', 'en', kentDemoInvitations.victim),
      invite(api, id, 'sentencer', 'en', kentDemoInvitations.sentencer),
    ]);
    const responses = [
      ...kentVictimAnswers().map((answers, i) => ({ token: tokenOf(victims[i]!), answers })),
      ...kentSentencerAnswers().map((answers, i) => ({ token: tokenOf(sentencers[i]!), answers })),
    ];
    // A few at a time: the respondent routes are throttled per client (OMI_RATE_LIMIT_PER_MIN).
    await inBatches(responses, 6, ({ token, answers }) =>
      api.expect(201, 'POST', `/questionnaires/${token}/responses`, { json: { answers } }, false),
    );
  })();
  await Promise.all([cases, judgements, offenders, answered, evidence, seedWriteUp(api, id), seedMeetings(api, id)]);

  await api.expect(200, 'POST', `/inspections/${id}/aggregate`);
  return id;
}

/**
 * Seeds (or finds) the demo inspections and returns the lines to print. Safe to run on every
 * start: the Kent demo is made once; each run adds only three "Try it" links and a report link.
 */
export async function seedDemo(baseUrl: string, adminToken: string, secondMarkerToken?: string): Promise<string[]> {
  const started = Date.now();
  const api = client(baseUrl, adminToken);
  const secondMarker = secondMarkerToken ? client(baseUrl, secondMarkerToken) : undefined;

  let kentId: string | undefined;
  for (const candidate of await findInspections(api, KENT_DEMO_AREA)) {
    if (await isCompleteKent(api, candidate)) {
      kentId = candidate;
      break;
    }
  }
  const made = kentId === undefined;
  if (kentId === undefined) kentId = await seedKent(api, KENT_DEMO_AREA, secondMarker);
  else await seedWriteUp(api, kentId);

  const tryIt = (await findInspections(api, TRY_IT_AREA))[0] ?? (await createInspection(api, TRY_IT_AREA));
  const [link, [victim], [sentencer], [offender]] = await Promise.all([
    // The demo has no release: its link is to the live draft (admin only), marked "Draft, not published".
    api.expect(201, 'POST', `/inspections/${kentId}/report-links`, { json: { draft: true } }),
    invite(api, tryIt, 'victim', 'en', 1),
    invite(api, tryIt, 'sentencer', 'cy', 1),
    invite(api, tryIt, 'offender', 'en', 1),
  ]);

  return [
    `demo ${kentId} ${made ? 'seeded' : 'found'} in ${Date.now() - started} ms: ${KENT_DEMO_AREA}, 110 cases, questionnaires to 21 victims (7 returned), ${kentDemoInvitations.sentencer} sentencers (11 returned), 110 offenders (none returned), ${Object.keys(kentDemoMeetings).length} meetings (20 offenders, 3 victims), ${KENT_INTERVIEWS} offender-manager interviews${secondMarker ? `, ${kentSecondMarkings(kentDemoCases()).length} cases second-marked` : ''}`,
    `report ${link.url as string}`,
    `report-expires ${link.expiresAt as string}`,
    `questionnaire victim en ${victim!}`,
    `questionnaire sentencer cy ${sentencer!}`,
    `questionnaire offender en ${offender!}`,
  ];
}
