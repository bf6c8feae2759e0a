/**
 * `node --import tsx bench/send-micro.ts <parts|shapes|cpu> [rounds]`: where a send's time goes,
 * for section 7's "Ingest" paragraph. A diagnostic, never part of `npm run bench`; writes nothing.
 *  - parts: the send handler in process against a bare handler (parse the body, one PutItem),
 *    and the slot's write alone (the store's sendToSlot) against a bare PutItem of the same
 *    answers; same client, same DynamoDB Local, sequential and at 50.
 *  - shapes: the send's UpdateItem as drafts were once kept (one REMOVE per question's
 *    `draft:`/`seen:` attribute), as they are now (two maps), an UpdateItem with neither
 *    condition nor REMOVE, and a PutItem with the send's condition, each against a bare PutItem.
 *  - cpu: the handler's own CPU: every DynamoDB call answered at once inside the SDK (the
 *    SDK still serialises and signs; no socket, no DynamoDB Local) against the bare handler.
 * Each figure is the median of `rounds` runs, the two sides alternating so drifting load on
 * the shared cores hits both alike, after a warm-up of both (DynamoDB Local's JIT).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startDynamoLocal } from '#infra/local/dynamodb';
import { ensureTable } from '#infra/local/table';
import { benchInspection, median } from '#bench/measure';

const mode = process.argv[2] ?? 'parts';
const rounds = Number(process.argv[3] ?? 5);
if (!['parts', 'shapes', 'cpu'].includes(mode)) throw new Error('mode: parts, shapes or cpu');
const dynamo = mode === 'cpu' ? { endpoint: 'http://127.0.0.1:9', stop: async () => {} } : await startDynamoLocal();
Object.assign(process.env, {
  TABLE_NAME: 'bench',
  AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  LOG_LEVEL: 'error',
});
const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
if (mode !== 'cpu') await ensureTable(new DynamoDBClient({}), 'bench');
const { doc } = await import('#store/client');
if (mode === 'cpu') {
  doc.middlewareStack.add(
    () => async () => ({
      response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: new TextEncoder().encode('{}') },
      output: undefined as never,
    }),
    { step: 'deserialize', priority: 'low', name: 'benchNoNetwork' },
  );
}
const { BatchWriteCommand, PutCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
const { createInspection } = await import('#store/inspections');
const { issueInvitations } = await import('#domain/issue-invitations');
const { newLinkToken, parseLinkToken } = await import('#domain/invitation-tokens');
const { getQuestionnaire } = await import('#questionnaires/index');
const { sendToSlot } = await import('#store/responses');
const { handler } = await import('#functions/questionnaires');

const def = getQuestionnaire('sentencer', 'en');
const answers: Record<string, unknown> = {};
for (const q of def.questions) if (q.type !== 'text') answers[q.id] = q.type === 'multi-choice' ? [q.options![0]!.value] : q.options![0]!.value;
const body = JSON.stringify({ answers });
const per: Record<1 | 50, number> = { 1: 200, 50: 600 };
const WARM = 300;

/** ms per operation of `count` operations, `concurrency` at a time. */
const timed = async (count: number, concurrency: number, one: () => Promise<void>) => {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await one();
    }),
  );
  return (performance.now() - t0) / count;
};
const barePut = async () => {
  await doc.send(new PutCommand({ TableName: 'bench', Item: { pk: `BENCH#${Math.random()}`, sk: 'x', answers: body } }));
};
/** CPU ms so far of this process, and of DynamoDB Local (every process below this one), from /proc. */
const cpuMs = () => {
  const own = process.cpuUsage();
  let below = 0;
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(f[1]));
      ticks.set(Number(name), Number(f[11]) + Number(f[12]));
    } catch {
      // gone meanwhile
    }
  }
  for (const [pid, t] of ticks) {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) {
      if (at === process.pid) {
        below += t * 10;
        break;
      }
    }
  }
  return { node: (own.user + own.system) / 1000, dynamo: below };
};
type Side = { ms: number[]; node: number; dynamo: number; ops: number };
const rows: [string, Side, Side][] = [];
const compare = async (name: string, concurrency: 1 | 50, ours: () => Promise<void>, base: () => Promise<void>) => {
  const o: Side = { ms: [], node: 0, dynamo: 0, ops: 0 };
  const b: Side = { ms: [], node: 0, dynamo: 0, ops: 0 };
  const run = async (side: Side, one: () => Promise<void>) => {
    const c0 = cpuMs();
    side.ms.push(await timed(per[concurrency], concurrency, one));
    const c1 = cpuMs();
    side.node += c1.node - c0.node;
    side.dynamo += c1.dynamo - c0.dynamo;
    side.ops += per[concurrency];
  };
  for (let r = 0; r < rounds; r++) {
    await run(o, ours);
    await run(b, base);
  }
  rows.push([name, o, b]);
};
const load = [loadavg()[0]!];

if (mode === 'shapes') {
  // Slots written straight into the table: the expressions are what is measured, not the issue path.
  const slotKey = (i: number) => ({ pk: `S#${i % 4}`, sk: `SLOT#${i}` });
  const total = (WARM + rounds * (per[1] + per[50])) * 4;
  for (let i = 0; i < total; i += 25) {
    const items = Array.from({ length: 25 }, (_, k) => ({
      ...slotKey(i + k),
      entity: 'invitation',
      invitationId: crypto.randomUUID(),
      inspectionId: 'x',
      batchId: 'b',
      audience: 'sentencer',
      language: 'en',
      questionnaireVersion: def.version,
      createdAt: new Date().toISOString(),
      draft: {},
      seen: {},
      expiresAtEpoch: 2_000_000_000,
    }));
    await doc.send(new BatchWriteCommand({ RequestItems: { bench: items.map((Item) => ({ PutRequest: { Item } })) } }));
  }
  let next = 0;
  const condition =
    'attribute_exists(pk) AND attribute_not_exists(submittedAt) AND attribute_not_exists(closedAt)' +
    ' AND audience = :audience AND questionnaireVersion = :version AND (attribute_not_exists(expiresAt) OR expiresAt > :now)';
  const set = 'SET entity = :entity, #answers = :answers, submittedAt = :submittedAt, channel = :channel, #ttl = :ttl';
  const values = (now: string) => ({ ':entity': 'response', ':answers': answers, ':submittedAt': now, ':channel': 'online', ':ttl': 2_000_000_000 });
  const checks = (now: string) => ({ ':audience': 'sentencer', ':version': def.version, ':now': now });
  const update =
    (remove: string, names: Record<string, string>, withCondition = true) =>
    async () => {
      const now = new Date().toISOString();
      await doc.send(
        new UpdateCommand({
          TableName: 'bench',
          Key: slotKey(next++),
          UpdateExpression: `${set}${remove}`,
          ...(withCondition ? { ConditionExpression: condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
          ExpressionAttributeNames: { '#answers': 'answers', '#ttl': 'expiresAtEpoch', ...names },
          ExpressionAttributeValues: { ...values(now), ...(withCondition ? checks(now) : {}) },
        }),
      );
    };
  const perQuestion: Record<string, string> = {};
  def.questions.forEach((q, i) => {
    perQuestion[`#d${i}`] = `draft:${q.id}`;
    perQuestion[`#s${i}`] = `seen:${q.id}`;
  });
  const shapes: [string, () => Promise<void>][] = [
    ['UpdateItem, drafts one attribute per question (before)', update(` REMOVE draftUpdatedAt, ${Object.keys(perQuestion).join(', ')}`, perQuestion)],
    ['UpdateItem, drafts as two maps (now)', update(' REMOVE draft, seen, draftUpdatedAt', {})],
    ['UpdateItem, no condition, no REMOVE', update('', {}, false)],
    [
      "PutItem with the send's condition",
      async () => {
        const now = new Date().toISOString();
        await doc.send(
          new PutCommand({
            TableName: 'bench',
            Item: {
              ...slotKey(next++),
              entity: 'response',
              answers,
              submittedAt: now,
              channel: 'online',
              audience: 'sentencer',
              questionnaireVersion: def.version,
            },
            ConditionExpression: condition,
            ExpressionAttributeValues: checks(now),
          }),
        );
      },
    ],
  ];
  for (const [, one] of shapes) {
    await timed(WARM, 1, one);
    await timed(WARM, 1, barePut);
  }
  for (const concurrency of [1, 50] as const) for (const [name, one] of shapes) await compare(`${name}, c=${concurrency}`, concurrency, one, barePut);
} else {
  const tokens: string[] = [];
  if (mode === 'cpu') {
    for (let i = 0; i < 500; i++) tokens.push(newLinkToken('micro-1', 'en', def.version));
  } else {
    await createInspection(benchInspection('micro-1', 'Micro'));
    while (tokens.length < WARM * 2 + rounds * (per[1] + per[50]) * 2) {
      const issued = await issueInvitations(
        'micro-1',
        { audience: 'sentencer', count: 500, language: 'en' },
        { sub: 'bench', roles: ['admin'] },
        'http://bench',
      );
      tokens.push(...issued.invitations.map((i) => i.token));
    }
  }
  // With the stubbed client a token can be used again; against DynamoDB Local each is used once.
  let used = 0;
  const nextToken = () => tokens[used++ % tokens.length]!;
  const event = (token: string) =>
    ({
      version: '2.0',
      routeKey: 'POST /questionnaires/{token}/responses',
      rawPath: `/questionnaires/${token}/responses`,
      rawQueryString: '',
      headers: { 'content-type': 'application/json', host: 'bench' },
      requestContext: {
        requestId: crypto.randomUUID(),
        routeKey: 'POST /questionnaires/{token}/responses',
        http: { method: 'POST', path: `/questionnaires/${token}/responses` },
      },
      pathParameters: { token },
      body,
      isBase64Encoded: false,
    }) as never;
  const handlerSend = async () => {
    const res = (await handler(event(nextToken()), {} as never)) as { statusCode: number; body: string };
    if (res.statusCode !== 201) throw new Error(`send ${res.statusCode} ${res.body}`);
  };
  const bareHandler = async () => {
    const parsed = JSON.parse((event('x') as { body: string }).body) as { answers: unknown };
    await doc.send(new PutCommand({ TableName: 'bench', Item: { pk: `BENCH#${Math.random()}`, sk: 'x', answers: JSON.stringify(parsed) } }));
  };
  const slotWrite = async () => {
    const link = parseLinkToken(nextToken())!;
    const now = new Date().toISOString();
    const sent = await sendToSlot(
      link.inspectionId,
      link.tokenHash,
      { audience: 'sentencer', questionnaireVersion: def.version, answers: answers as never, submittedAt: now, channel: 'online' },
      now,
      2_000_000_000,
    );
    if (sent.outcome !== 'stored') throw new Error('refused');
  };
  if (mode === 'cpu') {
    await timed(WARM, 1, handlerSend);
    await timed(WARM, 1, bareHandler);
    per[1] = 2000;
    await compare('CPU only (stubbed client), send handler vs bare handler, c=1', 1, handlerSend, bareHandler);
  } else {
    await timed(WARM, 1, slotWrite);
    await timed(WARM, 1, handlerSend);
    for (let i = 0; i < WARM; i++) await barePut();
    for (const concurrency of [1, 50] as const) {
      await compare(`send handler in process vs bare handler, c=${concurrency}`, concurrency, handlerSend, bareHandler);
      await compare(`the slot's write alone vs bare PutItem, c=${concurrency}`, concurrency, slotWrite, barePut);
    }
  }
}
load.push(loadavg()[0]!);

console.log(`${mode}, ${rounds} rounds; load average (1 min) ${load.map((l) => l.toFixed(2)).join(' -> ')}`);
console.log(
  '| what | ours ms/op (median) | yardstick ms/op | ours / yardstick | CPU ms/op ours: Node + DynamoDB Local | yardstick: Node + DynamoDB Local |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const cpu = (s: Side) => `${(s.node / s.ops).toFixed(3)} + ${(s.dynamo / s.ops).toFixed(3)}`;
for (const [name, o, b] of rows)
  console.log(
    `| ${name} | ${median(o.ms).toFixed(3)} | ${median(b.ms).toFixed(3)} | ${(median(o.ms) / median(b.ms)).toFixed(2)} | ${cpu(o)} | ${cpu(b)} |`,
  );
await dynamo.stop();
process.exit(0);
