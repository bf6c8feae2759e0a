/**
 * Privacy (issue 7, part 6): a separate server's whole log (stdout and stderr, LOG_LEVEL=debug)
 * over a full run (inspection, invitations, answers through the API and the pages, cases,
 * grades, conclusions, summaries, the report, bad requests, and 500s with the database gone)
 * holds none of the tokens, the JWTs, the free text or the answers sent. And the table holds
 * tokens only as hashes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteSpec } from '#shared/routes';
import type { Answers, QuestionnaireDefinition } from '#schemas/questionnaire';
import { startLocalServer, type RunningServer } from '#infra/local/spawn-server';
import { clientFor, tableAt, validAnswers } from '#support/hostile';
import { makeCase } from '#support/fixtures';

const SECRET = 'log-scan-secret-of-at-least-32-bytes!!';
const TABLE = 'omi-logscan';
const MARK = `MARK${randomUUID().replace(/-/g, '')}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/**
 * The run below must go through these routes: one renamed or removed fails here instead of
 * quietly dropping its requests (and its secrets) from the log scan.
 */
const requireRoute = (key: string) => {
  expect(
    (routes as readonly RouteSpec[]).map((r) => `${r.method} ${r.path}`),
    `the log scan sends ${key}`,
  ).toContain(key);
};

let server: RunningServer;
let c: ReturnType<typeof clientFor>;
/** Everything that must never be logged. */
const jwts: string[] = [];
const questionnaireTokens: string[] = [];
const reportTokens: string[] = [];
const answerValues = new Set<string>();
let bannerEnd = 0;
let tableItems: Record<string, any>[] = [];
let requests = 0;

beforeAll(async () => {
  server = await startLocalServer({
    OMI_DATA_DIR: ':memory:',
    OMI_LOCAL_JWT_SECRET: SECRET,
    OMI_AGGREGATE_INTERVAL_S: '1',
    OMI_RATE_LIMIT_PER_MIN: '0',
    TABLE_NAME: TABLE,
    LOG_LEVEL: 'debug',
  });
  bannerEnd = server.output().length;
  c = clientFor(server.baseUrl, SECRET);
  for (const roles of [['admin'], ['inspector'], ['staff']] as const) {
    const t = await c.token([...roles], `logscan-${roles[0]}`);
    jwts.push(t);
  }
}, 120_000);

afterAll(async () => {
  if (server.child.exitCode === null) await server.stop('SIGTERM');
});

const text = (where: string) => `${MARK} ${where} I was frightened when he came to my door`;

async function send(path: string, options: Parameters<ReturnType<typeof clientFor>['call']>[1] = {}) {
  requests++;
  return c.call(path, options);
}

describe('a full run', () => {
  let inspectionId = '';
  let def: QuestionnaireDefinition;

  it('goes through every kind of request without trouble', async () => {
    const created = await send('/inspections', { as: 'admin', json: { area: 'Logscan', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } });
    expect(created.status).toBe(201);
    inspectionId = created.json.inspectionId;

    // Invitations as JSON and as the mail-merge CSV.
    const inv = await send(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 8 } });
    expect(inv.status).toBe(201);
    questionnaireTokens.push(...inv.json.invitations.map((i: { token: string }) => i.token));
    const csv = await send(`/inspections/${inspectionId}/invitations?format=csv`, {
      as: 'admin',
      json: { audience: 'offender', language: 'cy', count: 3 },
    });
    expect(csv.status).toBe(201);
    questionnaireTokens.push(
      ...[...csv.text.matchAll(/\/q\/([A-Za-z0-9_-]{22}\.[a-z0-9-]+\.(?:en|cy)\.[a-z]+-[0-9]{4}\.[0-9]+)/g)].map((m) => m[1]!),
    );
    expect(questionnaireTokens).toHaveLength(11);

    def = (await send(`/questionnaires/${questionnaireTokens[0]}`)).json;
    // Responses through the JSON API, with free text.
    for (const [i, token] of questionnaireTokens.slice(0, 4).entries()) {
      const answers = validAnswers(def, text(`json ${i}`), i);
      for (const v of Object.values(answers)) for (const x of [v].flat()) if (typeof x === 'string' && x.includes('-')) answerValues.add(x);
      expect((await send(`/questionnaires/${token}/responses`, { json: { answers } })).status).toBe(201);
      // The same token again: 409.
      expect((await send(`/questionnaires/${token}/responses`, { json: { answers } })).status).toBe(409);
    }
    // Through the pages, one question at a time, then check and send.
    const pageToken = questionnaireTokens[4]!;
    expect((await send(`/q/${pageToken}`)).status).toBe(200);
    const draft: Answers = validAnswers(def, text('form'), 2);
    // Only the questions these answers ask (routing).
    for (const q of def.questions.filter((x) => Object.hasOwn(draft, x.id))) {
      const value = draft[q.id]!;
      const pairs: [string, string][] = [
        ...(Array.isArray(value) ? value : [value as string]).map((v): [string, string] => [q.id, v]),
        ['action', 'continue'],
      ];
      const res = await send(`/q/${pageToken}/${q.id}`, {
        method: 'POST',
        body: new URLSearchParams(pairs).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(303);
      expect((await send(`/q/${pageToken}/${q.id}`)).status).toBe(200);
    }
    expect((await send(`/q/${pageToken}/check`)).status).toBe(200);
    expect(
      (await send(`/q/${pageToken}/check`, { method: 'POST', body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status,
    ).toBe(303);
    expect((await send(`/q/${pageToken}/sent`)).status).toBe(200);
    // Save and come back later on another.
    const saveToken = questionnaireTokens[5]!;
    const textQ = def.questions.find((q) => q.type === 'text')!;
    await send(`/q/${saveToken}/${textQ.id}`, {
      method: 'POST',
      body: new URLSearchParams([
        [textQ.id, text('saved draft')],
        ['action', 'save'],
      ]).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await send(`/q/${saveToken}/saved`)).status).toBe(200);

    // Cases, grades, conclusions.
    for (let i = 1; i <= 5; i++)
      expect(
        (await send(`/inspections/${inspectionId}/cases/LS-${i}`, { method: 'PUT', as: 'inspector', json: makeCase('licence', i) })).status,
      ).toBe(201);
    expect(
      (
        await send(`/inspections/${inspectionId}/cases`, {
          method: 'POST',
          as: 'inspector',
          body: 'caseRef,caseType\r\nLS-9,custody\r\n',
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(`/inspections/${inspectionId}/leadership/4.2`, {
          method: 'PUT',
          as: 'inspector',
          json: { grade: 'partly-met', strengths: [text('strength')], improvements: [text('improvement')] },
        })
      ).status,
    ).toBeLessThan(300);
    requireRoute('PUT /inspections/{id}/conclusions/{criterionId}');
    expect(
      (
        await send(`/inspections/${inspectionId}/conclusions/1.1`, {
          method: 'PUT',
          as: 'inspector',
          json: { band: 'priority', text: text('conclusion') },
        })
      ).status,
    ).toBeLessThan(300);

    // Summaries, downloads, the report and its links; the scheduled aggregation runs too (every second).
    expect((await send(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    expect((await send(`/inspections/${inspectionId}/summary`, { as: 'staff' })).status).toBe(200);
    expect((await send(`/inspections/${inspectionId}/summary?format=csv`, { as: 'inspector' })).status).toBe(200);
    expect((await send(`/inspections/${inspectionId}/cases/LS-1`, { as: 'staff' })).status).toBe(200);
    requireRoute('GET /inspections/{id}/report');
    expect((await send(`/inspections/${inspectionId}/report`, { as: 'staff' })).status).toBe(200);
    requireRoute('POST /inspections/{id}/report-links');
    const link = await send(`/inspections/${inspectionId}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
    expect(link.status).toBe(201);
    const token = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
    reportTokens.push(token);
    requireRoute('GET /reports/{token}');
    expect((await send(`/reports/${token}`)).status).toBe(200);
    for (const suffix of ['/summary.json', '/summary.csv']) {
      requireRoute(`GET /reports/{token}${suffix}`);
      expect((await send(`/reports/${token}${suffix}`)).status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1500)); // let the scheduled aggregation run once
  }, 120_000);

  it('and bad requests carrying the free text, tokens and answers', async () => {
    const token = questionnaireTokens[6]!;
    const bad: [string, Parameters<typeof send>[1]][] = [
      [
        `/questionnaires/${token}/responses`,
        { json: { answers: { [MARK]: text('unknown question'), [def.questions[0]!.id]: text('not an option') } } },
      ],
      [
        `/questionnaires/${token}/responses`,
        { body: `{"answers":{"comments":"${text('malformed')}"`, headers: { 'content-type': 'application/json' } },
      ],
      [`/questionnaires/${token}/responses`, { json: { answers: { comments: `${text('too long')} ${'x'.repeat(5000)}` } } }],
      [`/questionnaires/${token}/responses`, { body: text('wrong type'), headers: { 'content-type': 'text/plain' } }],
      [`/questionnaires/${token}/responses`, { json: { answers: {}, [MARK]: true } }],
      [
        `/questionnaires/${token}/responses`,
        {
          body: JSON.stringify({ answers: { comments: text('too large') }, pad: 'x'.repeat(70_000) }),
          headers: { 'content-type': 'application/json' },
        },
      ],
      [`/questionnaires/${MARK.slice(0, 22)}/responses`, { json: { answers: {} } }],
      [`/questionnaires/${questionnaireTokens[0]}/responses`, { json: { answers: validAnswers(def, text('already sent')) } }],
      [
        `/q/${token}/${def.questions[0]!.id}`,
        {
          method: 'POST',
          body: new URLSearchParams([[def.questions[0]!.id, text('not an option')]]).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      ],
      [
        `/inspections/${inspectionId}/cases/${MARK.slice(0, 20)}1`,
        { method: 'PUT', as: 'inspector', json: { profile: { caseType: text('case type') }, answers: { [MARK]: 'yes' } } },
      ],
      [
        `/inspections/${inspectionId}/cases`,
        {
          method: 'POST',
          as: 'inspector',
          body: `caseRef,caseType,1.1.1\r\nLS-8,community,${text('csv')}\r\n`,
          headers: { 'content-type': 'text/csv' },
        },
      ],
      [`/inspections/${inspectionId}/leadership/4.1`, { method: 'PUT', as: 'inspector', json: { grade: text('grade') } }],
      [`/inspections/${inspectionId}/leadership/4.1`, { method: 'PUT', as: 'staff', json: { grade: 'well-met', strengths: [text('forbidden')] } }],
      [
        `/inspections/${inspectionId}/leadership/4.1`,
        { method: 'PUT', headers: { authorization: `Bearer ${MARK}.${MARK}.${MARK}` }, json: { grade: 'well-met' } },
      ],
      ['/inspections', { as: 'admin', json: { area: text('area'), fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } }],
      [`/inspections?cursor=${MARK}`, { as: 'staff' }],
    ];
    for (const [path, options] of bad) {
      const res = await send(path, options);
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    }
  });

  it('keeps every token in the table only as its SHA-256', async () => {
    const table = tableAt(server.dynamoEndpoint, TABLE);
    tableItems = await table.scan();
    table.destroy();
    const all = JSON.stringify(tableItems);
    expect(tableItems.length).toBeGreaterThan(20);
    for (const t of [...questionnaireTokens, ...reportTokens]) {
      expect(all.includes(t), 'a raw token is stored').toBe(false);
      expect(all.includes(sha256(t)), 'its hash is what is stored').toBe(true);
    }
    // A response is its link's slot, keyed by the token's hash (the key is how the one write finds
    // it); none of its attributes holds the token or the hash.
    const responses = tableItems.filter((i) => i.entity === 'response');
    expect(responses.length).toBeGreaterThanOrEqual(5);
    for (const { pk: _pk, sk: _sk, ...r } of responses)
      for (const t of questionnaireTokens) expect(JSON.stringify(r).includes(sha256(t))).toBe(false);
  });

  it('and with the database gone: 500s with a reference, never a stack trace, nothing from the request logged', async () => {
    const leash = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.includes('leash.sh'));
    const leashPid = Number(/^\s*(\d+)/.exec(leash ?? '')?.[1]);
    expect(leashPid).toBeGreaterThan(0);
    const java = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(leashPid)], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.includes('DynamoDBLocal.jar'));
    const javaPid = Number(/^\s*(\d+)/.exec(java ?? '')?.[1]);
    expect(javaPid).toBeGreaterThan(0);
    process.kill(javaPid, 'SIGKILL'); // DynamoDB Local is gone; the server stays up
    await new Promise((r) => setTimeout(r, 500));
    const token = questionnaireTokens[7]!;
    const attempts = [
      await send(`/questionnaires/${token}/responses`, { json: { answers: validAnswers(def, text('database down')) } }),
      await send(`/inspections/${inspectionId}/cases/LS-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) }),
      await send(`/q/${token}`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(500);
      expect(res.text).not.toMatch(/\bat .+:\d+:\d+/);
      expect(res.text).not.toContain(MARK);
    }
    expect(attempts[0]!.json.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[0]!.json.detail).toContain(attempts[0]!.json.correlationId);
    await new Promise((r) => setTimeout(r, 300));
  }, 60_000);
});

describe('the log of that run', () => {
  let log = '';
  beforeAll(async () => {
    await server.stop('SIGTERM');
    log = server.output().slice(bannerEnd);
  }, 30_000);

  it('was written (the scan is not of an empty log)', () => {
    const lines = log.split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(Math.floor(requests * 0.9));
    expect(log).toMatch(/"status":500/);
    expect(log).toMatch(/"errorName":/);
    console.log(`logs.test.ts: ${requests} requests, ${lines.length} log lines scanned`);
  });

  it("names the Lambda invocation on every function's line (Powertools' fields), and each request once as cold", () => {
    const fromFunctions = log
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as { function_request_id?: string; function_name?: string; cold_start?: boolean; correlationId?: string });
    expect(fromFunctions.length).toBeGreaterThan(20);
    for (const line of fromFunctions) {
      expect(line.function_request_id, JSON.stringify(line)).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof line.cold_start).toBe('boolean');
    }
    // One cold start per function in this process, at most (the server loads each function once).
    const cold = fromFunctions.filter((l) => l.cold_start).map((l) => l.function_name);
    expect(new Set(cold).size).toBe(cold.length);
    expect(cold.length).toBeGreaterThan(0);
  });

  it('holds no questionnaire or report token, no JWT, no free text and no answer', () => {
    const found: string[] = [];
    const check = (what: string, needle: string) => {
      if (needle && log.includes(needle)) found.push(what);
    };
    for (const t of questionnaireTokens) check(`questionnaire token ${t}`, t);
    for (const t of reportTokens) check(`report token ${t}`, t);
    for (const t of [...questionnaireTokens, ...reportTokens]) check(`token hash ${sha256(t).slice(0, 12)}`, sha256(t));
    for (const j of jwts) {
      check('a JWT', j);
      check('a JWT signature', j.split('.')[2]!);
      check('a JWT payload', j.split('.')[1]!);
    }
    check('the free-text marker', MARK);
    check('free text', 'frightened');
    for (const v of answerValues) check(`answer value ${v}`, `"${v}"`);
    check('an answers object', '"answers"');
    check('the JWT secret', SECRET);
    expect(found).toEqual([]);
  });
});
