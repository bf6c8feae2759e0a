/**
 * `npm run bench`: side-by-side measurements on this machine, written to bench/RESULTS.md.
 * Absolute times here are noisy (2 shared cores); the ratios against a yardstick measured
 * in the same run are what to read.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allFunctions, buildFunction, bundle } from '#infra/build';
import { startDynamoLocal } from '#infra/local/dynamodb';
import { ensureTable } from '#infra/local/table';
import { startLocalServer } from '#infra/local/spawn-server';
import { TEXT_FILES } from '#infra/stacks/extra-files';
import { benchInspection, initOnce, median } from '#bench/measure';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What every function is deployed with (infra/stacks/collector-stack.ts, `NODE_OPTIONS`). */
const DEPLOYED_NODE_OPTIONS = '--enable-source-maps';
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

// ---------------------------------------------------------------------------------------------
// 1. Cold start: bundle size and module initialisation against a bare PutCommand handler.
// ---------------------------------------------------------------------------------------------
async function coldStarts() {
  const bareDir = join(root, 'dist', '_bare');
  await bundle(join(root, 'bench', 'bare-handler.ts'), bareDir);
  for (const fn of allFunctions()) await buildFunction(fn);

  /**
   * The function and the bare handler take turns, 9 times, with the options deployed
   * (--enable-source-maps, collector-stack.ts) and without: each row's ratio comes from
   * processes started side by side, so the load's drift over the part's minutes hits both.
   */
  const initPair = (file: string) => {
    const t = { mapped: [] as number[], bareMapped: [] as number[], plain: [] as number[], barePlain: [] as number[] };
    for (let i = 0; i < 9; i++) {
      t.mapped.push(initOnce(file, DEPLOYED_NODE_OPTIONS));
      t.bareMapped.push(initOnce(bareFile, DEPLOYED_NODE_OPTIONS));
      t.plain.push(initOnce(file, ''));
      t.barePlain.push(initOnce(bareFile, ''));
    }
    return { mapped: median(t.mapped), bareMapped: median(t.bareMapped), plain: median(t.plain), barePlain: median(t.barePlain) };
  };
  const bareFile = join(bareDir, 'index.mjs');
  const bareSize = statSync(bareFile).size;
  const bare = initPair(bareFile);
  say('## 1. Cold start (goal: every function within 1.2x of a bare PutCommand handler on size and init)');
  say();
  say(
    `(Init: a fresh process importing the bundle, with the deployed NODE_OPTIONS \`${DEPLOYED_NODE_OPTIONS}\` and the bundle's .map beside it; the function and the bare handler take turns, median of 9 each, the ratio per row. "no maps": the same without the option. Load average at the start ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.)`,
  );
  say();
  say('| function | bundle KB | x bare | map KB | init ms (deployed) | x bare | init x bare, no maps | goal |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  say(
    `| _bare PutCommand handler_ | ${fmt(bareSize / 1024, 0)} | 1.00 | ${fmt(statSync(bareFile + '.map').size / 1024, 0)} | ${fmt(bare.mapped)} | 1.00 | 1.00 | |`,
  );
  let met = 0;
  for (const fn of allFunctions()) {
    const file = join(root, 'dist', fn, 'index.mjs');
    const size = statSync(file).size;
    const init = initPair(file);
    const sizeRatio = size / bareSize;
    const initRatio = init.mapped / init.bareMapped;
    if (sizeRatio <= 1.2 && initRatio <= 1.2) met++;
    say(
      `| ${fn} | ${fmt(size / 1024, 0)} | ${fmt(sizeRatio, 2)} | ${fmt(statSync(file + '.map').size / 1024, 0)} | ${fmt(init.mapped)} | ${fmt(initRatio, 2)} | ${fmt(init.plain / init.barePlain, 2)} | ${verdict(sizeRatio <= 1.2 && initRatio <= 1.2)} |`,
    );
  }
  say();
  say(`${met} of ${allFunctions().length} functions within 1.2x on both; load average at the end ${loadavg()[0]!.toFixed(1)}.`);
  say();
  await textsFirstUse();
}

/**
 * The texts no bundle carries (shared/text-files.ts) cost a read from disk at their first use
 * in a process, after the module's initialisation above: measured from a bundle of the readers
 * with the files beside it, as a function has them, in a fresh process each time.
 */
async function textsFirstUse() {
  const dir = join(root, 'dist', '_texts');
  await bundle(join(root, 'bench', 'texts-entry.ts'), dir);
  cpSync(join(root, TEXT_FILES.from), join(dir, TEXT_FILES.to), { recursive: true });
  const uses: Record<string, string> = {
    'one questionnaire in one language (sentencer, Welsh)': `m.getQuestionnaire('sentencer', 'cy')`,
    'the question bank with its texts (criteria, questions, texts: three files)': `m.getBank('omi-2008.1')`,
  };
  say('| first use of the texts read from disk | first call ms (median of 9) | a later call ms (mean of 1,000) |');
  say('| --- | ---: | ---: |');
  for (const [what, call] of Object.entries(uses)) {
    const first: number[] = [];
    const second: number[] = [];
    for (let i = 0; i < 9; i++) {
      const out = execFileSync(process.execPath, [
        '--input-type=module',
        '-e',
        `const m=await import(${JSON.stringify(`file://${dir}/index.mjs`)});let t=performance.now();${call};const a=performance.now()-t;t=performance.now();for(let i=0;i<1000;i++)${call};process.stdout.write(a+' '+(performance.now()-t)/1000)`,
      ]).toString();
      const [a, b] = out.split(' ').map(Number);
      first.push(a!);
      second.push(b!);
    }
    say(`| ${what} | ${fmt(median(first), 2)} | ${fmt(median(second), 4)} |`);
  }
  say();
}

// ---------------------------------------------------------------------------------------------
// 2 and 4b. Write cost per response and per case, read cost of an aggregation (in process,
// with a capacity meter on the handlers' own document client).
// ---------------------------------------------------------------------------------------------
/**
 * One DynamoDB Local and table for the in-process parts: the store's client is made once per
 * process, at its first import, so a second DynamoDB Local would never be reached.
 */
let benchDynamo: Awaited<ReturnType<typeof startDynamoLocal>> | undefined;
async function benchTable() {
  if (benchDynamo) return benchDynamo;
  benchDynamo = await startDynamoLocal();
  Object.assign(process.env, {
    TABLE_NAME: 'bench',
    AWS_ENDPOINT_URL_DYNAMODB: benchDynamo.endpoint,
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    LOG_LEVEL: 'error',
  });
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  await ensureTable(new DynamoDBClient({}), 'bench');
  return benchDynamo;
}

async function capacity() {
  await benchTable();
  const { doc } = await import('#store/client');
  const { keys } = await import('#store/keys');
  const { meterCapacity, itemBytes } = await import('./capacity');
  const meter = meterCapacity(doc);
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { createInspection } = await import('#store/inspections');
  const { issueInvitations } = await import('#domain/issue-invitations');
  const { getQuestionnaire } = await import('#questionnaires/index');
  const { handler: questionnaires } = await import('#functions/questionnaires');
  const { handler: cases } = await import('#functions/cases');
  const { computeSummary } = await import('#domain/aggregate');
  const { makeCase } = await import('#infra/local/sample-cases');

  const inspection = benchInspection('bench-1');
  await createInspection(inspection);
  const event = (routeKey: string, rawPath: string, pathParameters: Record<string, string>, body: unknown, claims?: Record<string, string>) =>
    ({
      version: '2.0',
      routeKey,
      rawPath,
      rawQueryString: '',
      headers: { 'content-type': 'application/json', host: 'bench' },
      requestContext: {
        requestId: crypto.randomUUID(),
        routeKey,
        http: { method: routeKey.split(' ')[0], path: rawPath },
        ...(claims ? { authorizer: { jwt: { claims } } } : {}),
      },
      pathParameters,
      body: JSON.stringify(body),
      isBase64Encoded: false,
    }) as never;
  const context = {} as never;

  // A victim's full answer set, free text included.
  const def = getQuestionnaire('victim', 'en');
  const answers: Record<string, unknown> = {};
  for (const q of def.questions)
    answers[q.id] =
      q.type === 'text' ? 'Thank you for asking. '.repeat(10) : q.type === 'multi-choice' ? [q.options![0]!.value] : q.options![0]!.value;
  const { invitations } = await issueInvitations(
    inspection.inspectionId,
    { audience: 'victim', count: 20, language: 'en' },
    { sub: 'bench', roles: ['admin'] },
    'http://bench',
  );
  const responseWrites: number[] = [];
  const callsPerSend: number[] = [];
  const callKinds = new Map<string, number>();
  const post = (token: string, body: unknown) =>
    questionnaires(event('POST /questionnaires/{token}/responses', `/questionnaires/${token}/responses`, { token }, body), context) as Promise<{
      statusCode: number;
    }>;
  for (const inv of invitations) {
    meter.reset();
    const res = await post(inv.token, { answers });
    if (res.statusCode !== 201) throw new Error(`response: ${res.statusCode}`);
    responseWrites.push(meter.write);
    callsPerSend.push(Object.values(meter.calls).reduce((a, b) => a + b, 0));
    for (const [k, v] of Object.entries(meter.calls)) callKinds.set(k, (callKinds.get(k) ?? 0) + v);
  }
  // What a refused send costs: a used link (409) and bad answers to an open one (400).
  meter.reset();
  if ((await post(invitations[0]!.token, { answers })).statusCode !== 409) throw new Error('a second send was not a 409');
  const callsOn409 = { ...meter.calls };
  const spare = await issueInvitations(
    inspection.inspectionId,
    { audience: 'victim', count: 1, language: 'en' },
    { sub: 'bench', roles: ['admin'] },
    'http://bench',
  );
  meter.reset();
  if ((await post(spare.invitations[0]!.token, { answers: { nonsense: 1 } })).statusCode !== 400) throw new Error('bad answers were not a 400');
  const callsOn400 = { ...meter.calls };
  const slotItems = (
    await Promise.all(
      keys
        .slotPartitions('bench-1')
        .map(
          async (pk) =>
            (
              await doc.send(new QueryCommand({ TableName: 'bench', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }))
            ).Items ?? [],
        ),
    )
  ).flat();
  const responseItems = slotItems.filter((i) => i.submittedAt);
  const responseMin = Math.ceil(itemBytes(responseItems[0]) / 1024);
  const partitionsUsed = new Set(responseItems.map((i) => i.pk)).size;

  const claims = { sub: 'bench', 'cognito:groups': '[inspector]' };
  const caseWrites: number[] = [];
  for (let i = 0; i < 20; i++) {
    meter.reset();
    const res = (await cases(
      event(
        'PUT /inspections/{id}/cases/{caseRef}',
        `/inspections/bench-1/cases/B-${i}`,
        { id: 'bench-1', caseRef: `B-${i}` },
        makeCase('community', i),
        claims,
      ),
      context,
    )) as { statusCode: number };
    if (res.statusCode !== 201) throw new Error(`case: ${res.statusCode}`);
    caseWrites.push(meter.write);
  }
  const { Items: caseItems = [] } = await doc.send(
    new QueryCommand({
      TableName: 'bench',
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.partitionOf('bench-1'), ':p': keys.casePrefix },
    }),
  );
  const caseMin = median(caseItems.map((item) => Math.ceil(itemBytes(item) / 1024)));

  say('## 2. Write cost (goal: 1.0x the minimum for the item, no index writes on the response path)');
  say();
  say('| write | WCU consumed (median) | minimum ceil(bytes/1 KB) | x minimum | goal |');
  say('| --- | ---: | ---: | ---: | --- |');
  const rw = median(responseWrites);
  const cw = median(caseWrites);
  say(`| questionnaire response (whole handler) | ${rw} | ${responseMin} | ${fmt(rw / responseMin, 2)} | ${verdict(rw / responseMin <= 1.0)} |`);
  say(`| uploaded case, new (whole handler) | ${cw} | ${caseMin} | ${fmt(cw / caseMin, 2)} | ${verdict(cw / caseMin <= 1.0)} |`);
  say();
  const fmtCalls = (calls: Record<string, number>) =>
    Object.entries(calls)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  say("## 2b. DynamoDB calls per send (goal: 1 on success; counted by SDK middleware on the handler's own client)");
  say();
  say('| send | calls (median) | which | goal |');
  say('| --- | ---: | --- | --- |');
  say(
    `| accepted (201), ${callsPerSend.length} sends | ${median(callsPerSend)} | ${fmtCalls(Object.fromEntries([...callKinds].map(([k, v]) => [k, v / callsPerSend.length])))} per send | ${verdict(median(callsPerSend) === 1 && Math.max(...callsPerSend) === 1)} |`,
  );
  say(
    `| refused: link used (409) | ${Object.values(callsOn409).reduce((a, b) => a + b, 0)} | ${fmtCalls(callsOn409)} (the refusal hands back the item) | |`,
  );
  say(
    `| refused: bad answers (400) | ${Object.values(callsOn400).reduce((a, b) => a + b, 0)} | ${fmtCalls(callsOn400)} (one read: 400, or 404/409/410 first) | |`,
  );
  say(`| index writes on the send path | 0 | the slot item sets no gsi1 attribute | met |`);
  say(
    `| partitions taking the ${responseItems.length} sends of one inspection | ${partitionsUsed} | of ${keys.slotPartitions('x').length} | ${verdict(partitionsUsed > 1)} |`,
  );
  say();
  // The same comparison as part 3 without the local gateway's HTTP hop: the send handler in
  // this process against bare PutItems on the same document client and DynamoDB Local.
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const sentencer = getQuestionnaire('sentencer', 'en');
  const closedAnswers: Record<string, unknown> = {};
  for (const q of sentencer.questions)
    if (q.type !== 'text') closedAnswers[q.id] = q.type === 'multi-choice' ? [q.options![0]!.value] : q.options![0]!.value;
  // An inspection of its own: its thousands of responses must not count in part 4b's read.
  await createInspection({ ...inspection, inspectionId: 'bench-ingest' });
  const pool: string[] = [];
  const poolSize = INGEST_PLAN.reduce((n, [, count]) => n + count * (INGEST_ROUNDS + 1), 0);
  while (pool.length < poolSize) {
    pool.push(
      ...(
        await issueInvitations(
          'bench-ingest',
          { audience: 'sentencer', count: 1000, language: 'en' },
          { sub: 'bench', roles: ['admin'] },
          'http://bench',
        )
      ).invitations.map((i) => i.token),
    );
  }
  let usedToken = 0;
  const sendOne = async () => {
    const res = await post(pool[usedToken++]!, { answers: closedAnswers });
    if (res.statusCode !== 201) throw new Error(`send ${res.statusCode}`);
  };
  const bareOne = async () => {
    await doc.send(
      new PutCommand({
        TableName: 'bench',
        Item: { pk: `BENCH#${usedToken}-${Math.random()}`, sk: 'x', answers: JSON.stringify({ answers: closedAnswers }) },
      }),
    );
  };
  say('## 3b. Ingest without the local gateway (the send handler in process against bare PutItems, same client)');
  say();
  say(
    `(Warmed and alternated as part 3: one run of each first, then ${INGEST_ROUNDS} alternating runs; medians. CPU: this process and DynamoDB Local.)`,
  );
  say();
  const inProcess: IngestResult[] = [];
  for (const [concurrency, count] of INGEST_PLAN)
    inProcess.push({ concurrency, ...(await sideBySide(concurrency, count, INGEST_ROUNDS, sendOne, bareOne)) });
  sayIngest('sends/s', inProcess);
  say();

  // Aggregation read cost over 1,000 cases plus the responses above.
  for (let i = 20; i < 1000; i++) {
    await cases(
      event(
        'PUT /inspections/{id}/cases/{caseRef}',
        `/inspections/bench-1/cases/B-${i}`,
        { id: 'bench-1', caseRef: `B-${i}` },
        makeCase(i % 3 === 0 ? 'licence' : 'community', i),
        claims,
      ),
      context,
    );
  }
  const { Items: everything = [] } = await doc.send(
    new QueryCommand({ TableName: 'bench', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.partitionOf('bench-1') } }),
  );
  let readBytes = 0;
  for (const item of everything)
    if (
      [keys.casePrefix, keys.gradePrefix, keys.conclusionPrefix, keys.invitationBatchPrefix, keys.inspection('bench-1').sk].some((p) =>
        (item.sk as string).startsWith(p),
      )
    )
      readBytes += itemBytes(item);
  // The responses the aggregation needs (the one unanswered spare link is read too, and counted against us).
  for (const item of responseItems) readBytes += itemBytes(item);
  meter.reset();
  await computeSummary('bench-1');
  const minimumRead = Math.ceil(readBytes / 4096) * 0.5;
  say('## 4b. Aggregation read cost (goal: within 1.1x of bytes read / 4 KB, eventually consistent)');
  say();
  say('| inspection | RCU consumed | minimum | x minimum | goal |');
  say('| --- | ---: | ---: | ---: | --- |');
  say(
    `| 1,000 cases, 20 responses | ${fmt(meter.read)} | ${fmt(minimumRead)} | ${fmt(meter.read / minimumRead, 2)} | ${verdict(meter.read / minimumRead <= 1.1)} |`,
  );
  say(
    `| calls | ${Object.entries(meter.calls)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} | | | |`,
  );
  say();
}

// ---------------------------------------------------------------------------------------------
// 3. Ingest through the local server against bare PutItems on the same DynamoDB Local.
// ---------------------------------------------------------------------------------------------
/**
 * CPU time (ms) used so far by this process and every process below it (the local server, the
 * stream runner and queue stand-in inside it, DynamoDB Local's java), from /proc: what a path
 * costs the machine, which drifting load from other work changes far less than it changes
 * wall-clock rates. Linux's clock tick is 10 ms; a run spans hundreds.
 */
function treeCpuMs(): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command's closing parenthesis: state ppid ... utime (14th) stime (15th).
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  let ticks = 0;
  for (const [pid, stat] of stats) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = stats.get(at)?.ppid) {
      if (at === process.pid) {
        ticks += stat.ticks;
        break;
      }
    }
  }
  return ticks * 10;
}

/**
 * Ours against the yardstick at one concurrency: both warmed alike first (DynamoDB Local's JIT
 * compiles a request path only after a few thousand calls, so whichever path ran first used to
 * pay for it), then `rounds` alternating runs of each, and the medians compared, so drifting
 * load on the shared cores hits both alike. Also the CPU each path cost per operation, summed
 * over the rounds.
 */
async function sideBySide(concurrency: number, count: number, rounds: number, ours: () => Promise<void>, base: () => Promise<void>) {
  const r = await alternate(concurrency, count, rounds, { ours, base });
  return { ours: r.ours.rate, base: r.base.rate, cpuOurs: r.ours.cpuPerOp, cpuBase: r.base.cpuPerOp };
}

type IngestResult = { concurrency: number } & Awaited<ReturnType<typeof sideBySide>>;

/**
 * The goal is on rates; the CPU columns say what each path costs the machine (all processes),
 * and their ratio (put's CPU over a send's) is the rate ratio a quiet machine would reach once
 * CPU-bound, which the shared cores' drifting load disturbs far less.
 */
function sayIngest(what: string, results: readonly IngestResult[], label?: string) {
  if (!label) {
    say(`| concurrency | ${what} | bare PutItem/s | ratio | CPU ms per send | CPU ms per put | ratio by CPU | goal |`);
    say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  }
  for (const r of results) {
    say(
      `| ${label ? `${label} | ` : ''}${r.concurrency} | ${fmt(r.ours)} | ${fmt(r.base)} | ${fmt(r.ours / r.base, 2)} | ${fmt(r.cpuOurs, 2)} | ${fmt(r.cpuBase, 2)} | ${fmt(r.cpuBase / r.cpuOurs, 2)} |${label ? '' : ` ${verdict(r.ours / r.base >= 0.8)} |`}`,
    );
  }
}

/**
 * The paths of one comparison, each warmed once, then `rounds` rounds in which every path runs
 * in turn (so drifting load on the shared cores hits all alike); per path the median rate and
 * the CPU per operation of every process involved.
 */
async function alternate<K extends string>(concurrency: number, count: number, rounds: number, paths: Record<K, () => Promise<void>>) {
  const names = Object.keys(paths) as K[];
  const rates = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const cpu = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  const run = async (one: () => Promise<void>) => {
    let next = 0;
    const c0 = treeCpuMs();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < count) await one();
      }),
    );
    return { rate: count / ((performance.now() - t0) / 1000), cpu: treeCpuMs() - c0 };
  };
  for (const n of names) await run(paths[n]);
  for (let r = 0; r < rounds; r++) {
    for (const n of names) {
      const m = await run(paths[n]);
      rates[n].push(m.rate);
      cpu[n] += m.cpu;
    }
  }
  return Object.fromEntries(names.map((n) => [n, { rate: median(rates[n]), cpuPerOp: cpu[n] / (count * rounds) }])) as Record<
    K,
    { rate: number; cpuPerOp: number }
  >;
}

type SendComparison = { concurrency: number; load: number } & Awaited<ReturnType<typeof alternate<'send' | 'handWritten' | 'put'>>>;

/** Goal 1 of issue 31: the product's sends against the hand-written service, bare PutItems as the floor. */
function saySends(results: readonly SendComparison[]) {
  say(
    '| concurrency | sends/s | hand-written service/s | ratio (goal 0.85) | bare PutItem/s | ratio to puts (floor) | CPU ms per send | CPU ms hand-written | CPU ms per put | ratio by CPU to hand-written | load average | goal |',
  );
  say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const ratio = r.send.rate / r.handWritten.rate;
    say(
      `| ${r.concurrency} | ${fmt(r.send.rate)} | ${fmt(r.handWritten.rate)} | ${fmt(ratio, 2)} | ${fmt(r.put.rate)} | ${fmt(r.send.rate / r.put.rate, 2)} | ${fmt(r.send.cpuPerOp, 2)} | ${fmt(r.handWritten.cpuPerOp, 2)} | ${fmt(r.put.cpuPerOp, 2)} | ${fmt(r.handWritten.cpuPerOp / r.send.cpuPerOp, 2)} | ${fmt(r.load)} | ${verdict(ratio >= 0.85)} |`,
    );
  }
}

/** bench/hand-written-send.ts as a child of this process (so its CPU counts), on the server's DynamoDB Local. */
async function startHandWritten(dynamoEndpoint: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/hand-written-send.ts'], {
    cwd: root,
    env: { ...process.env, ...PROFILE, AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint, TABLE_NAME: 'omi-local' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^ready (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`hand-written service exited ${code}`)));
  });
  return { url, child, stop: () => new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))) };
}

/** Sends through a running local server, the same sends through the hand-written service, and bare PutItems, on the same DynamoDB Local. */
async function ingestThrough(server: Awaited<ReturnType<typeof startLocalServer>>, plan: readonly (readonly [number, number])[], rounds: number) {
  const admin = { authorization: `Bearer ${server.tokens.admin}`, 'content-type': 'application/json' };
  const created: any = await (
    await fetch(`${server.baseUrl}/inspections`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ area: 'Ingest', fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' }),
    })
  ).json();
  // Links for the product's sends and as many for the hand-written service's.
  const needed = 2 * plan.reduce((n, [, count]) => n + count * (rounds + 1), 0);
  const tokens: string[] = [];
  // Under a heavy load a batch can run past the local function timeout: it is tried again (three times at most).
  for (let failures = 0; tokens.length < needed; ) {
    const res = await fetch(`${server.baseUrl}/inspections/${created.inspectionId}/invitations`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ audience: 'sentencer', count: 250, language: 'en' }),
    });
    const issued: any = await res.json();
    if (res.status === 201) tokens.push(...issued.invitations.map((inv: { token: string }) => inv.token));
    else if (++failures > 3)
      throw new Error(
        `bench: issuing links answered ${res.status}: ${JSON.stringify(issued).slice(0, 200)}\n${server
          .output()
          .split('\n')
          .filter((l) => /error|fail/i.test(l))
          .slice(-5)
          .join('\n')}`,
      );
    else
      console.error(
        `bench: issuing links answered ${res.status}, trying again: ${server
          .output()
          .split('\n')
          .filter((l) => /error|fail/i.test(l))
          .slice(-2)
          .join(' | ')
          .slice(0, 600)}`,
      );
  }
  const def: any = await (await fetch(`${server.baseUrl}/questionnaires/${tokens[0]}`)).json();
  const answers: Record<string, unknown> = {};
  for (const q of def.questions) if (q.type !== 'text') answers[q.id] = q.type === 'multi-choice' ? [q.options[0].value] : q.options[0].value;
  const body = JSON.stringify({ answers });

  const { DynamoDBClient, PutItemCommand } = await import('@aws-sdk/client-dynamodb');
  const bare = new DynamoDBClient({
    endpoint: server.dynamoEndpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const handWritten = await startHandWritten(server.dynamoEndpoint);
  let used = 0;
  const sendTo = (baseUrl: string) => async () => {
    const token = tokens[used++]!;
    const res = await fetch(`${baseUrl}/questionnaires/${token}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 201) throw new Error(`submit to ${baseUrl}: ${res.status}`);
    await res.arrayBuffer();
  };
  const put = async () => {
    await bare.send(
      new PutItemCommand({ TableName: 'omi-local', Item: { pk: { S: `BENCH#${used}-${Math.random()}` }, sk: { S: 'x' }, answers: { S: body } } }),
    );
  };
  // Profiles (BENCH_PROFILE_DIR) start here, after the links are issued.
  if (PROFILE.NODE_OPTIONS) for (const child of [server.child, handWritten.child]) child.kill('SIGUSR2');
  const results: SendComparison[] = [];
  for (const [concurrency, count] of plan) {
    const measured = await alternate(concurrency, count, rounds, { send: sendTo(server.baseUrl), handWritten: sendTo(handWritten.url), put });
    results.push({ concurrency, load: loadavg()[0]!, ...measured });
  }
  await handWritten.stop();
  bare.destroy();
  return results;
}

const INGEST_PLAN = [
  [1, 200],
  [50, 600],
] as const;
// A profile (BENCH_PROFILE_DIR) attributes time and needs no medians: two rounds are enough.
const INGEST_ROUNDS = process.env.BENCH_PROFILE_DIR ? 2 : 5;
/** BENCH_PROFILE_DIR=<dir>: the local server and the hand-written service write CPU profiles there (bench/cpu-profile-preload.mjs), to attribute a send's time. */
const PROFILE: Record<string, string> = process.env.BENCH_PROFILE_DIR
  ? { NODE_OPTIONS: `--import ${join(root, 'bench', 'cpu-profile-preload.mjs')}` }
  : {};
/** BENCH_STREAM_HELD=1: the stream runner's first batch delayed an hour, so it reads nothing (to see its share in a profile). */
const HELD: Record<string, string> = process.env.BENCH_STREAM_HELD ? { OMI_STREAM_DELAY_MS: '3600000' } : {};
const INGEST_SERVER = {
  ...PROFILE,
  ...HELD,
  OMI_FUNCTION_TIMEOUT_S: '600',
  OMI_DATA_DIR: ':memory:',
  OMI_SEED_DEMO: '0',
  OMI_RATE_LIMIT_PER_MIN: '0',
  OMI_AGGREGATE_INTERVAL_S: '0',
  LOG_LEVEL: 'error',
  TABLE_NAME: 'omi-local',
};

// ---------------------------------------------------------------------------------------------
// 3. Ingest through the local server against bare PutItems on the same DynamoDB Local.
// ---------------------------------------------------------------------------------------------
async function ingest() {
  const server = await startLocalServer(INGEST_SERVER, 180_000);
  const results = await ingestThrough(server, INGEST_PLAN, INGEST_ROUNDS);
  if (HELD.OMI_STREAM_DELAY_MS) {
    // A held runner never finishes its batch, so the server cannot stop gracefully: SIGTERM lets a profile be written, then SIGKILL.
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 3000));
    await server.stop('SIGKILL');
  } else await server.stop();
  say(
    '## 3. Sends (issue 31 goal 1: at least 0.85x a hand-written node:http service doing the same one conditional UpdateItem; bare PutItems as the floor)',
  );
  say();
  say(
    `(The local server as \`npm start\` runs it, stream runner and queue stand-in included; bench/hand-written-send.ts on the same DynamoDB Local; one HTTP hop each. Each path warmed with one run first, then ${INGEST_ROUNDS} rounds in which the three take turns; medians. CPU: this process, the server, the hand-written service and DynamoDB Local. Load average: 1-minute, after the concurrency's rounds, on ${cpus().length} cores.)`,
  );
  say();
  saySends(results);
  say();
}

/**
 * Diagnostic, not a headline (`node --import tsx bench/run.ts ingest-streams`, never in the
 * full run): part 3 twice, with the stream runner reading as usual and with it held (its first
 * batch delayed for an hour, so it reads nothing more), to show how much of the gap is that
 * background work sharing the two cores. Writes nothing.
 */
async function ingestStreams() {
  say('## 3 (diagnostic). Ingest with the stream runner reading, and held');
  say();
  say('| stream runner | concurrency | sends/s | hand-written/s | ratio | CPU ms per send | CPU ms hand-written | ratio by CPU | load average |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, env] of [
    ['reading', {}],
    ['held', { OMI_STREAM_DELAY_MS: '3600000' }],
    ['reading', {}],
    ['held', { OMI_STREAM_DELAY_MS: '3600000' }],
  ] as const) {
    const server = await startLocalServer({ ...INGEST_SERVER, ...env });
    const results = await ingestThrough(server, INGEST_PLAN, INGEST_ROUNDS);
    // A held runner never finishes its batch, so it cannot stop gracefully.
    await server.stop(label === 'held' ? 'SIGKILL' : 'SIGTERM');
    for (const r of results)
      say(
        `| ${label} | ${r.concurrency} | ${fmt(r.send.rate)} | ${fmt(r.handWritten.rate)} | ${fmt(r.send.rate / r.handWritten.rate, 2)} | ${fmt(r.send.cpuPerOp, 2)} | ${fmt(r.handWritten.cpuPerOp, 2)} | ${fmt(r.handWritten.cpuPerOp / r.send.cpuPerOp, 2)} | ${fmt(r.load)} |`,
      );
  }
  say();
}

// ---------------------------------------------------------------------------------------------
// 4c. Aggregation at scale: stale inspections of 110 cases, recomputed by the fan-out (the
// dispatcher, the local SQS stand-in, aggregate-worker at its concurrency cap) against the same
// work done serially, in one process against one DynamoDB Local.
// ---------------------------------------------------------------------------------------------
async function fanout() {
  await benchTable();
  const { createInspection, markStale, listStale } = await import('#store/inspections');
  const { putCase } = await import('#store/cases');
  const { getBank } = await import('#bank/index');
  const { makeCase } = await import('#infra/local/sample-cases');
  const { aggregateChangedInspections } = await import('#domain/summary');
  const { startLocalQueues } = await import('#infra/local/queues');
  const { queueConsumers } = await import('#shared/routes');
  const { handler: worker } = await import('#functions/aggregate-worker');
  const bank = getBank('omi-2008.1')!;
  const spec = queueConsumers.find((q) => q.fn === 'aggregate-worker')!;
  const queues = await startLocalQueues([
    {
      name: 'omi-aggregation',
      batchSize: spec.batchSize,
      maxConcurrency: spec.maxConcurrency,
      visibilityTimeoutSeconds: 60,
      maxReceiveCount: 3,
      invoke: (e) => worker(e),
    },
  ]);
  process.env.AGGREGATION_QUEUE_URL = queues.urls['omi-aggregation'];
  process.env.AWS_ENDPOINT_URL_SQS = queues.endpoint;
  const { handler: dispatcher } = await import('#functions/aggregate');

  const makeInspection = async (id: string, cases: number) => {
    await createInspection(benchInspection(id, id));
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = next++; i < cases; i = next++)
          await putCase(bank, id, `C-${i}`, makeCase(i % 10 < 4 ? 'licence' : i % 10 < 9 ? 'community' : 'custody', i, bank), 'bench');
      }),
    );
  };
  const ids = Array.from({ length: 200 }, (_, i) => `scale-${String(i).padStart(3, '0')}`);
  let made = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = made++; i < ids.length; i = made++) await makeInspection(ids[i]!, 110);
    }),
  );
  const markAll = async (list: readonly string[]) => {
    const changedAt = `${new Date().toISOString()}#bench`;
    await Promise.all(list.map((id) => markStale(id, changedAt)));
  };
  const serial = async (list: readonly string[]) => {
    await markAll(list);
    const t0 = performance.now();
    await aggregateChangedInspections();
    return performance.now() - t0;
  };
  const fanned = async (list: readonly string[]) => {
    await markAll(list);
    const t0 = performance.now();
    await dispatcher({} as never);
    await queues.drained(600_000);
    const ms = performance.now() - t0;
    if ((await listStale()).length) throw new Error('markers left after the fan-out');
    return ms;
  };
  say(`## 4c. Aggregation at scale (goal: the schedule only dispatches; workers in parallel, at most ${spec.maxConcurrency} at once)`);
  say();
  say('| stale inspections (110 cases each) | serial s | fan-out s | serial / fan-out |');
  say('| ---: | ---: | ---: | ---: |');
  for (const n of [50, 100, 200]) {
    const list = ids.slice(0, n);
    const s1 = await serial(list);
    const f1 = await fanned(list);
    say(`| ${n} | ${fmt(s1 / 1000)} | ${fmt(f1 / 1000)} | ${fmt(s1 / f1, 2)} |`);
  }
  say();
  say('| the largest inspection alone | recompute s |');
  say('| ---: | ---: |');
  for (const cases of [110, 1100, 5500]) {
    const id = `large-${cases}`;
    await makeInspection(id, cases);
    say(`| ${cases.toLocaleString('en-GB')} cases | ${fmt((await fanned([id])) / 1000, 2)} |`);
  }
  say();
  say(
    `(One Node process and one DynamoDB Local on the 2 shared cores: the workers overlap their waits on DynamoDB, not their CPU. In Lambda each worker has its own CPU, so ${spec.maxConcurrency} workers approach ${spec.maxConcurrency}x; the dispatcher's own run is one Query and one conditional update per stale inspection.)`,
  );
  say();
  await queues.stop();
}

// ---------------------------------------------------------------------------------------------
// 4a. Scoring CPU time and memory at 110, 1,000 and 10,000 cases (pure, fed a page at a time).
// ---------------------------------------------------------------------------------------------
async function scoring() {
  const { createScoreAccumulator, createSampleAccumulator } = await import('#scoring/index');
  const { getBank } = await import('#bank/index');
  const { makeCase } = await import('#infra/local/sample-cases');
  const bank = getBank('omi-2008.1')!;
  say('## 4a. Scoring CPU time (goal: linear, memory flat)');
  say();
  say('| cases | CPU ms (median of 5) | µs per case | heap growth KB |');
  say('| ---: | ---: | ---: | ---: |');
  for (const n of [110, 1000, 10000]) {
    const times: number[] = [];
    let heap = 0;
    for (let r = 0; r < 5; r++) {
      globalThis.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const before = process.cpuUsage();
      const scores = createScoreAccumulator(bank);
      const sample = createSampleAccumulator();
      for (let i = 0; i < n; i++) {
        const c = makeCase(i % 10 < 4 ? 'licence' : i % 10 < 9 ? 'community' : 'custody', i, bank);
        scores.add(c);
        sample.add(c);
      }
      scores.result();
      sample.result();
      const used = process.cpuUsage(before);
      times.push((used.user + used.system) / 1000);
      heap = Math.max(heap, process.memoryUsage().heapUsed - heapBefore);
    }
    const ms = median(times);
    say(`| ${n.toLocaleString('en-GB')} | ${fmt(ms)} | ${fmt((ms * 1000) / n)} | ${fmt(heap / 1024, 0)} |`);
  }
  say();
  say('(The time includes generating each case; heap growth is sampled after the run, cases are not kept.)');
  say();
}

// ---------------------------------------------------------------------------------------------
// 8. The per-request session check (issue 25): every page request reads its session from the
//    table. What it costs, counted on the store's own client, against a bare consistent GetItem.
// ---------------------------------------------------------------------------------------------
async function sessionCheck() {
  await benchTable();
  process.env.OMI_SESSION_SECRET ??= 'bench-session-secret-of-at-least-32-characters';
  const { doc } = await import('#store/client');
  const { meterCapacity } = await import('./capacity');
  const meter = meterCapacity(doc);
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { startSession, sessionFromEvent, ROLE_CHECK_SECONDS } = await import('#http/session');
  const person = { sub: 'bench-person', roles: ['inspector' as const], displayName: 'Bench Person' };
  const { setCookie } = await startSession(person, undefined);
  const cookie = setCookie.split(';')[0]!;
  const event = (c: string) => ({ cookies: [c], headers: {} }) as never;
  const bare = () =>
    doc.send(new GetCommand({ TableName: process.env.TABLE_NAME!, Key: { pk: 'BENCH#yardstick', sk: 'SESSION' }, ConsistentRead: true }));
  const rounds = 400;
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  for (let i = 0; i < 50; i++) await Promise.all([sessionFromEvent(event(cookie)), bare()]);
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ours.push(await time(() => sessionFromEvent(event(cookie))));
    base.push(await time(bare));
  }
  meter.reset();
  const found = await sessionFromEvent(event(cookie));
  const live = { ...meter.calls, read: meter.read };
  meter.reset();
  await sessionFromEvent(event('omi_session=not-a-session-id'));
  const malformed = Object.values(meter.calls).reduce((a, b) => a + b, 0);
  meter.reset();
  await sessionFromEvent(event(`omi_session=${'A'.repeat(43)}`));
  const unknown = { ...meter.calls, read: meter.read };
  say('## 8. The per-request session check (issue 25; goal: one read per page request, no cache)');
  say();
  say(
    `In process against DynamoDB Local, ${rounds} checks of a live session, each beside a bare strongly consistent GetItem of an item of the same key shape (the yardstick). Every ${ROLE_CHECK_SECONDS / 60} minutes a session's next request also refreshes its roles at the provider (one token request, one UpdateItem), not counted here.`,
  );
  say();
  say('| what | DynamoDB calls | RCU | ms (median) | x bare GetItem |');
  say('| --- | ---: | ---: | ---: | ---: |');
  say(`| _bare consistent GetItem_ | 1 | | ${fmt(median(base), 2)} | 1.00 |`);
  say(
    `| live session (${found ? 'found' : 'NOT FOUND'}) | ${JSON.stringify(live)
      .replace(/[{}"]/g, '')
      .replace(/,read:.*/, '')} | ${fmt(live.read, 1)} | ${fmt(median(ours), 2)} | ${fmt(median(ours) / median(base), 2)} |`,
  );
  say(
    `| unknown id (forged, ended or expired) | ${JSON.stringify(unknown)
      .replace(/[{}"]/g, '')
      .replace(/,read:.*/, '')} | ${fmt(unknown.read, 1)} | | |`,
  );
  say(`| malformed cookie | ${malformed} | 0 | | |`);
  say();
}

// ---------------------------------------------------------------------------------------------
// 5. Start-up: npm start to the ready line, against DynamoDB Local's own start.
// ---------------------------------------------------------------------------------------------
async function startup() {
  const dynamoTimes: number[] = [];
  const startTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    const d = await startDynamoLocal({ dataDir: mkdtempSync(join(tmpdir(), 'omi-bench-ddb-')) });
    dynamoTimes.push(performance.now() - t0);
    await d.stop();
    t0 = performance.now();
    const s = await startLocalServer({ OMI_DATA_DIR: mkdtempSync(join(tmpdir(), 'omi-bench-start-')), OMI_SEED_DEMO: '0' });
    startTimes.push(performance.now() - t0);
    await s.stop();
  }
  const seeded: number[] = [];
  const found: number[] = [];
  const steps: { name: string; from: number; to: number }[] = [];
  let seedLine = '';
  {
    const dataDir = mkdtempSync(join(tmpdir(), 'omi-bench-seed-'));
    const env = { OMI_DATA_DIR: dataDir, OMI_SEED_DEMO: '1', OMI_RATE_LIMIT_PER_MIN: '120', OMI_SEED_TIMINGS: '1' };
    const t0 = performance.now();
    const s = await startLocalServer(env, 300_000);
    seeded.push(performance.now() - t0);
    await s.stop();
    for (const m of s.output().matchAll(/^seed-step (\S+) (\d+) (\d+)$/gm)) steps.push({ name: m[1]!, from: Number(m[2]), to: Number(m[3]) });
    seedLine = /^demo \S+ seeded in (\d+) ms/m.exec(s.output())?.[1] ?? '?';
    // Goal 4's second half: a start that finds the demo made (same data directory).
    for (let i = 0; i < 3; i++) {
      const t1 = performance.now();
      const again = await startLocalServer(env, 120_000);
      found.push(performance.now() - t1);
      await again.stop();
    }
  }
  say('## 5. Start-up');
  say();
  say('| what | ms (median) | x DynamoDB Local | goal |');
  say('| --- | ---: | ---: | --- |');
  say(`| DynamoDB Local alone, until ListTables answers | ${fmt(median(dynamoTimes), 0)} | 1.00 | |`);
  say(`| npm start to the ready line, empty | ${fmt(median(startTimes), 0)} | ${fmt(median(startTimes) / median(dynamoTimes), 2)} | |`);
  say(
    `| npm start to the ready line, first start with the demo seed | ${fmt(seeded[0]!, 0)} | ${fmt(seeded[0]! / median(dynamoTimes), 2)} | ${verdict(seeded[0]! / median(dynamoTimes) <= 2)} (goal 2x) |`,
  );
  say(
    `| npm start, the demo found made (median of ${found.length}) | ${fmt(median(found), 0)} | ${fmt(median(found) / median(dynamoTimes), 2)} | ${verdict(median(found) / median(dynamoTimes) <= 1.5)} (goal 1.5x) |`,
  );
  say();
  say(
    `The seed's steps on the first start (ms from the seed's start; the seed took ${seedLine} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):`,
  );
  say();
  say('| step | from | to | ms |');
  say('| --- | ---: | ---: | ---: |');
  for (const st of steps.sort((a, b) => a.from - b.from)) say(`| ${st.name} | ${st.from} | ${st.to} | ${st.to - st.from} |`);
  say();
}

// ---------------------------------------------------------------------------------------------
// 2c. What the closing guard costs (issue 24): every input write is a transaction with a
// ConditionCheck on the inspection's item; an import and an invitation batch also take and end
// a writer's lease. Counted on the handlers' own client, in process.
// ---------------------------------------------------------------------------------------------
async function closingCost() {
  await benchTable();
  const { doc } = await import('#store/client');
  const { keys } = await import('#store/keys');
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { meterCapacity, itemBytes } = await import('./capacity');
  // Part 2 may have put its own meter on the same client.
  doc.middlewareStack.remove('benchCapacityMeter');
  const meter = meterCapacity(doc);
  const { createInspection } = await import('#store/inspections');
  const { recordCase } = await import('#domain/cases');
  const { writeImport } = await import('#domain/case-imports');
  const { requireInspection } = await import('#domain/inspections');
  const { parseCasesCsv } = await import('#cases/csv');
  const { recordGrade } = await import('#domain/grades');
  const { issueInvitations } = await import('#domain/issue-invitations');
  const { makeCase } = await import('#infra/local/sample-cases');
  const { casesTemplate } = await import('#cases/csv');
  const { getBank } = await import('#bank/index');
  const { PROFILE_COLUMNS } = await import('#cases/csv');
  const user = { sub: 'bench', roles: ['admin', 'inspector'] as ('admin' | 'inspector')[] };
  const id = 'bench-closing';
  await createInspection(benchInspection(id));
  // The first write moves the stage on (one UpdateItem, once per inspection): out of the way before measuring.
  await recordCase(id, 'W-0', makeCase('community', 0), user);
  const calls = () =>
    Object.entries(meter.calls)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const total = () => Object.values(meter.calls).reduce((a, b) => a + b, 0);
  const sizeKb = async (key: { pk: string; sk: string }) =>
    Math.ceil(itemBytes((await doc.send(new GetCommand({ TableName: 'bench', Key: key }))).Item) / 1024);
  const inspectionKb = await sizeKb(keys.inspection(id));
  const rows: string[] = [];
  const measure = async (what: string, before: string, run: () => Promise<unknown>, billed: (n: number) => number, per = 1) => {
    meter.reset();
    await run();
    rows.push(
      `| ${what} | ${before} | ${fmt(total() / per, per > 1 ? 3 : 0)} (${calls()}) | ${fmt(meter.write / per, per > 1 ? 2 : 0)} | ${fmt(billed(per) / per, per > 1 ? 2 : 0)} |`,
    );
  };
  const caseKb = await sizeKb(keys.case(id, 'W-0'));
  // AWS bills a transaction's every item, its ConditionCheck too, at 2 WCU per KB.
  await measure(
    'a new case (one write)',
    '2 (GetItem 1, PutItem 1); 1 WCU',
    () => recordCase(id, 'W-1', makeCase('community', 1), user),
    () => 2 * caseKb + 2 * inspectionKb,
  );
  await measure(
    'a case replaced (trail copy + new version)',
    '4 (GetItem 1, PutItem 3, one refused); 3 WCU',
    () => recordCase(id, 'W-1', makeCase('community', 2), user),
    () => 2 * caseKb * 3 + 2 * inspectionKb * 2,
  );
  await measure(
    'a leadership grade',
    '2 (GetItem 1, PutItem 1); 1 WCU',
    () => recordGrade(id, '4.1', { kind: 'leadership', value: { grade: 'well-met', strengths: [], improvements: [] } }, user),
    () => 2 + 2 * inspectionKb,
  );
  const bank = getBank('omi-2008.1')!;
  const header = casesTemplate(bank).trim();
  const csvRows = Array.from({ length: 1000 }, (_, i) => {
    const input = makeCase(i % 3 === 0 ? 'licence' : 'community', i + 10, bank);
    return [
      `U-${i}`,
      ...PROFILE_COLUMNS.map((c) => String((input.profile as Record<string, unknown>)[c] ?? '')),
      ...bank.questions.map((q) => input.answers[q.id] ?? ''),
    ].join(',');
  });
  const started = performance.now();
  await measure(
    'a CSV import of 1,000 new cases, per row',
    '1 PutItem; 1 WCU',
    async () => writeImport(await requireInspection(id), bank, parseCasesCsv(bank, [header, ...csvRows].join('\n')).cases, user.sub),
    (n) => n * 2 * caseKb + Math.ceil(n / 99) * 2 * inspectionKb + 2,
    1000,
  );
  const importMs = performance.now() - started;
  // The yardstick: what the import did before, 1,000 conditional PutItems of the same cases, 16 at a time.
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const { mapLimit } = await import('#shared/concurrency');
  const { encodeAnswers } = await import('#store/answer-code');
  const plainStarted = performance.now();
  await mapLimit(csvRows, 16, async (_row, i) => {
    const input = makeCase(i % 3 === 0 ? 'licence' : 'community', i + 10, bank);
    await doc.send(
      new PutCommand({
        TableName: 'bench',
        Item: {
          ...keys.case('bench-closing-plain', `U-${i}`),
          entity: 'case',
          caseRef: `U-${i}`,
          profile: input.profile,
          bankVersion: bank.version,
          answerCode: encodeAnswers(bank, input.answers),
          version: 1,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  });
  const plainMs = performance.now() - plainStarted;
  await measure(
    'a batch of 110 invitations, per link',
    '1.04 (a reference PutItem, a slot in a BatchWriteItem of 25); 2 WCU',
    () => issueInvitations(id, { audience: 'offender', count: 110, language: 'en' }, user, 'http://bench'),
    (n) => n * 2 * 2 + Math.ceil((2 * n + 1) / 99) * 2 * inspectionKb + 2,
    110,
  );
  say("## 2c. What closing atomically costs (issue 24; counted on the handlers' own client)");
  say();
  say(
    `Every input write is a transaction with a ConditionCheck on the inspection's item (${inspectionKb} KB); an import or an invitation batch packs up to 99 writes beside one check and takes and ends a writer's lease (2 UpdateItems). "Billed in AWS" is DynamoDB's price for transactions, 2 WCU per KB for every item including the check; DynamoDB Local reports its own figure.`,
  );
  say();
  say('| write | before (check-then-write) | calls now | WCU (DynamoDB Local) | WCU billed in AWS |');
  say('| --- | --- | ---: | ---: | ---: |');
  for (const row of rows) say(row);
  say();
  say(
    `The 1,000-row import took ${fmt(importMs / 1000, 1)} s in process (11 transactions one after another, each waiting for the last), against ${fmt(plainMs / 1000, 1)} s for the same 1,000 conditional PutItems 16 at a time, as the import wrote before: ${fmt(importMs / plainMs, 2)}x. DynamoDB Local's capacity figure for a transaction is not DynamoDB's: read the billed column.`,
  );
  say();
}

// ---------------------------------------------------------------------------------------------
// 8. Heavy requests against their deadline (issue 24, item 5; issue 31, goal 3): 1,000 links in
//    one request, a 1,000-row CSV import, a final release of 1,000 cases. Server time is the
//    request's round trip on the same machine (one local hop), median of 5, each on a fresh
//    inspection. The server here does not cut them off, so a slow one is measured whole.
// ---------------------------------------------------------------------------------------------
const HEAVY_RUNS = 5;
const HEAVY_GOALS = { invitations: 1000, import: 3000, release: 3000 } as const;

async function heavy() {
  const { casesCsv, makeCase } = await import('#infra/local/sample-cases');
  const server = await startLocalServer({ ...INGEST_SERVER, OMI_FUNCTION_TIMEOUT_S: '600' });
  const admin = { authorization: `Bearer ${server.tokens.admin}` };
  /** Until the work is done: the request's round trip, and when it answered 202, until its job says done (polled every 50 ms). */
  const post = async (path: string, body: string, contentType: string) => {
    const t0 = performance.now();
    const res = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { ...admin, 'content-type': contentType }, body });
    const text = await res.text();
    const answered = performance.now() - t0;
    if (res.status >= 300) throw new Error(`bench: POST ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    if (res.status !== 202) return { answered, done: answered };
    const location = res.headers.get('location')!;
    for (;;) {
      const job = (await (await fetch(`${server.baseUrl}${location}`, { headers: admin })).json()) as { status: string; doing: string };
      if (job.status === 'done') return { answered, done: performance.now() - t0 };
      if (job.status !== 'running') throw new Error(`bench: the job of POST ${path} ${job.status}: ${job.doing}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const inspection = async (n: number) =>
    (
      (await (
        await fetch(`${server.baseUrl}/inspections`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'application/json' },
          body: JSON.stringify({ area: `Heavy ${n}`, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' }),
        })
      ).json()) as { inspectionId: string }
    ).inspectionId;
  const types = ['licence', 'community', 'custody'] as const;
  const csv = casesCsv(
    Array.from({ length: 1000 }, (_, i) => ({ caseRef: `H-${String(i + 1).padStart(4, '0')}`, input: makeCase(types[i % 3]!, i + 1) })),
  );
  const times = { invitations: [] as number[], import: [] as number[], release: [] as number[] };
  const answers = { invitations: [] as number[], import: [] as number[], release: [] as number[] };
  // One of each first, unmeasured: the functions' modules load (a cold start) and DynamoDB Local warms.
  for (let run = 0; run <= HEAVY_RUNS; run++) {
    const id = await inspection(run);
    const links = await post(
      `/inspections/${id}/invitations`,
      JSON.stringify({ audience: 'offender', language: 'en', count: 1000 }),
      'application/json',
    );
    const imported = await post(`/inspections/${id}/cases`, csv, 'text/csv');
    const released = await post(`/inspections/${id}/releases`, JSON.stringify({ kind: 'final', confirm: `Heavy ${run}` }), 'application/json');
    if (run === 0) continue;
    for (const [what, t] of [
      ['invitations', links],
      ['import', imported],
      ['release', released],
    ] as const) {
      times[what].push(t.done);
      answers[what].push(t.answered);
    }
  }
  await server.stop();
  say(
    '## 8. Heavy requests against the deadline (goals: 1,000 links 1 s, 1,000-row import 3 s, final release of 1,000 cases 3 s; the HTTP functions time out at 10 s)',
  );
  say();
  say(
    `(Median of ${HEAVY_RUNS} after one unmeasured run, each on a fresh inspection; the local server as \`npm start\` runs it; load average at the end ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.)`,
  );
  say();
  say(
    'Each of the three is a job past 250 items: the request answers 202 once the work is checked and handed over, and the job finishes it off the request, with the background functions\' 60 s. "Answered" is the 202\'s round trip, which the 10 s deadline bounds; "done" runs until the job says done.',
  );
  say();
  say('| request | answered ms (median) | done ms (median) | min | max | goal ms | goal |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [what, label] of [
    ['invitations', 'POST .../invitations, 1,000 links'],
    ['import', 'POST .../cases, 1,000 rows'],
    ['release', 'POST .../releases final, 1,000 cases'],
  ] as const) {
    const xs = times[what];
    say(
      `| ${label} | ${fmt(median(answers[what]), 0)} | ${fmt(median(xs), 0)} | ${fmt(Math.min(...xs), 0)} | ${fmt(Math.max(...xs), 0)} | ${HEAVY_GOALS[what]} | ${verdict(median(xs) <= HEAVY_GOALS[what])} |`,
    );
  }
  say();
}

const only = process.argv.slice(2);
const started = Date.now();
say('# Benchmarks');
say();
say(
  `Run ${new Date().toISOString()} on ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Linux ${release()}, Node ${process.version}; Java ${spawnSync('java', ['-version']).stderr.toString().split('\n')[0]}.`,
);
say();
const parts: Record<string, () => Promise<void>> = {
  cold: coldStarts,
  capacity,
  closing: closingCost,
  ingest,
  fanout,
  scoring,
  startup,
  session: sessionCheck,
  heavy,
};
// Run only when named: diagnostics that `npm run bench` leaves out.
const diagnostics: Record<string, () => Promise<void>> = { 'ingest-streams': ingestStreams };
for (const [name, part] of Object.entries({ ...parts, ...diagnostics })) {
  if (only.length ? !only.includes(name) : name in diagnostics) continue;
  await part();
}
await benchDynamo?.stop();
say(`Total bench time: ${fmt((Date.now() - started) / 1000, 0)} s.`);
if (!only.length) writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n') + '\n');
process.exit(0);
