/**
 * `npm run mutate:integration -- <run> ...`: Stryker on the folders whose rules are tested
 * through the HTTP API (stryker.integration.config.json; the handlers run in the test worker,
 * see vitest.mutate.config.ts). A 2-core machine cannot mutate a whole folder against every
 * API test in an afternoon, so each run names the files it mutates (the newest rules first) and
 * the test files that exercise them; perTest coverage then runs only the tests that reach each
 * mutant. Prints one RESULTS row per run (bench/RESULTS.md, section 6); the reports land in
 * reports/mutation-<run>/ (git-ignored). With no argument, lists the runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pct, prepareSample, type SampledRun, sampledRows } from './mutate-sample';

const root = fileURLToPath(new URL('..', import.meta.url));

interface MutationRun {
  mutate: string[];
  tests: string[];
}

const integration = (...names: string[]) => names.map((n) => `test/integration/${n}.test.ts`);

export const RUNS: Record<string, MutationRun> = {
  // The proof that the switch reaches a use case only the API tests call.
  'domain-sessions': { mutate: ['shared/domain/sessions.ts'], tests: integration('sessions') },
  // Closing and the life cycle, report-link withdrawal, retention TTLs, paper references.
  'domain-closing': {
    mutate: ['shared/domain/closing.ts', 'shared/domain/link-closure.ts', 'shared/domain/retention.ts', 'shared/domain/references.ts'],
    tests: integration('life-cycle', 'life-cycle-publish', 'report-links', 'paper-returns', 'writer-lease'),
  },
  // Retention TTLs again, with the test that owns the answers' TTL (privacy) and the case TTL rule added to life-cycle.
  'domain-retention': { mutate: ['shared/domain/retention.ts'], tests: integration('life-cycle', 'privacy') },
  'domain-paper': { mutate: ['shared/domain/paper-returns.ts'], tests: integration('paper-returns', 'workbench-paper', 'workbench-paper.property') },
  'domain-releases': { mutate: ['shared/domain/releases.ts'], tests: integration('releases', 'life-cycle', 'release-placeholder') },
  // Sessions' CSRF tokens, the sign-in's returnTo and the form stash (line ranges: the newest rules).
  'http-session': {
    mutate: ['shared/http/session.ts:187-232', 'shared/http/form-stash.ts:32-107'],
    // Not sessions.test.ts: every page's form reaches these lines, so it would run for nearly every mutant (a 2-hour run here).
    tests: [
      'test/security/form-stash.test.ts',
      'test/security/form-stash-clearing.test.ts',
      'test/unit/redirects.property.test.ts',
      'test/unit/form-stash-keys.test.ts',
      'test/unit/csrf-and-stash.property.test.ts',
    ],
  },
  // The handlers of the sign-in, releases and paper returns (thin: each maps a route to its use case).
  // The stash's expiry alone, against the unit rule that moves the clock (a survivor of http-session).
  'http-stash-expiry': { mutate: ['shared/http/form-stash.ts:99-99'], tests: ['test/unit/csrf-and-stash.property.test.ts'] },
  'functions-new': {
    mutate: ['functions/sign-in.ts', 'functions/releases.ts', 'functions/workbench-paper.ts'],
    // jobs: a release big enough to be a job (the 202); data-package: its ?freeText= query; the .property files: the pages' rules.
    tests: integration('sessions', 'sessions-ended.property', 'releases', 'jobs', 'data-package', 'workbench-paper', 'workbench-paper.property'),
  },
  // The gaps functions-new and http-session named (RESULTS 6b), each line against the rule written for it: a run of minutes, not half an hour.
  'functions-paper': { mutate: ['functions/workbench-paper.ts'], tests: integration('workbench-paper', 'workbench-paper.property') },
  'gaps-named': {
    mutate: [
      'functions/sign-in.ts:129-129',
      'functions/releases.ts:13-20',
      'functions/releases.ts:38-39',
      'shared/http/form-stash.ts:107-109',
      'shared/domain/closing.ts:65-76',
    ],
    tests: [...integration('sessions-ended.property', 'jobs', 'data-package', 'writer-lease'), 'test/security/form-stash-clearing.test.ts'],
  },
};

const SAMPLE_TESTS = [
  ...integration(
    'workbench',
    'sessions',
    'life-cycle',
    'life-cycle-publish',
    'releases',
    'report',
    'report-published',
    'questionnaires',
    'questionnaire-routing',
    'cases',
    'cases-upload',
    'evidence',
    'workbench-evidence',
    'workbench-publish',
    'workbench-cases',
    'workbench-findings',
    'workbench-document',
    'workbench-invitations',
    'paper-returns',
    'report-links',
    'report-disclosure',
    'write-up-sections',
    'meetings',
    'leadership-findings',
    'inspection-housekeeping',
    'data-package',
    'people-by-name',
    'figure-check',
    'read-only-views',
    'plan-annex',
  ),
  'test/reliability/idempotency.test.ts',
  'test/reliability/races.test.ts',
];

/** The folders as wholes: a seeded sample of each folder's mutants (bench/mutate-sample.ts). */
export const SAMPLED_RUNS: Record<string, SampledRun> = {
  'sample-rules': {
    folders: ['shared/domain', 'shared/http', 'shared/web', 'functions'],
    perFolder: 50,
    seed: 32,
    // The API tests that run in the worker, less the slowest and narrowest (hostile input, the
    // demo's seed, jobs, the summary-size and crash suites): a surviving mutant reruns every
    // test that reaches it, and code every request reaches is reached by all of these. Not the
    // role matrix either: its 1,303 tests' coverage overflows the runner's message to Stryker
    // ("RangeError: Invalid string length" in the dry run).
    tests: SAMPLE_TESTS,
  },
  // The same, drawn afresh from the code after this turn's rules and mends, with the rule files added.
  'sample-after': {
    folders: ['shared/domain', 'shared/http', 'shared/web', 'functions'],
    perFolder: 50,
    seed: 33,
    tests: [
      ...SAMPLE_TESTS,
      ...integration(
        'closed-rules',
        'paper-rules',
        'retention-rules',
        'welsh-rules',
        'workbench-paper',
        'workbench-paper.property',
        'sessions-ended.property',
        'writer-lease',
      ),
      'test/security/origin-rules.test.ts',
      'test/security/csv-rules.test.ts',
      'test/security/form-stash-clearing.test.ts',
      // The unit tests too: the OpenAPI document, the figure check and the report's texts are held there. Not the ones
      // that read the files themselves (Stryker's sandbox adds `// @ts-nocheck` to each, which the index's freshness check sees).
      ...readdirSync(join(root, 'test/unit'))
        .filter(
          (f) => f.endsWith('.test.ts') && !['architecture.test.ts', 'links.test.ts', 'faults-list.test.ts', 'function-table.test.ts'].includes(f),
        )
        .map((f) => `test/unit/${f}`),
    ],
  },
};

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

function row(name: string, report: Report, minutes: number, concurrency: number): string {
  const count: Record<string, number> = {};
  for (const file of Object.values(report.files)) for (const m of file.mutants) count[m.status] = (count[m.status] ?? 0) + 1;
  const killed = (count.Killed ?? 0) + (count.Timeout ?? 0);
  const survived = count.Survived ?? 0;
  const noCoverage = count.NoCoverage ?? 0;
  const valid = killed + survived + noCoverage;
  return `| ${name} | ${valid} | ${killed} | ${survived} | ${noCoverage} | ${pct(killed, valid)} | ${pct(killed, killed + survived)} | ${minutes.toFixed(1)} min, conc. ${concurrency} |`;
}

const names = process.argv.slice(2);
if (!names.length) {
  for (const [name, run] of Object.entries(RUNS)) console.log(`${name}: ${run.mutate.join(' ')}  <-  ${run.tests.join(' ')}`);
  for (const [name, run] of Object.entries(SAMPLED_RUNS)) console.log(`${name}: ${run.perFolder} drawn from each of ${run.folders.join(' ')}`);
  process.exit(0);
}
const concurrency = Number(process.env.OMI_MUTATE_CONCURRENCY ?? 1);
for (const name of names) {
  const sampled = SAMPLED_RUNS[name];
  const run = RUNS[name] ?? sampled;
  if (!run) throw new Error(`no mutation run named ${name}; run with no argument for the list`);
  const dir = join(root, 'reports', `mutation-${name}`);
  mkdirSync(dir, { recursive: true });
  const sample = sampled ? prepareSample(root, dir, sampled) : undefined;
  const base = JSON.parse(readFileSync(join(root, 'stryker.integration.config.json'), 'utf8'));
  const config = {
    ...base,
    $schema: undefined,
    mutate: sample ? sample.mutate : (run as MutationRun).mutate,
    concurrency,
    // Stryker's default of 5 minutes is too short for the sampled runs' 34 test files on this machine.
    dryRunTimeoutMinutes: 45,
    tempDirName: `.stryker-tmp-integration-${name}`,
    htmlReporter: { fileName: `reports/mutation-${name}/index.html` },
    jsonReporter: { fileName: `reports/mutation-${name}/mutation.json` },
  };
  const configFile = join(dir, 'stryker.config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const started = Date.now();
  const result = spawnSync('npx', ['stryker', 'run', configFile], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OMI_MUTATE_TESTS: run.tests.join(','), ...(sample ? { OMI_MUTATE_SAMPLE: sample.ids.join(',') } : {}) },
  });
  const minutes = (Date.now() - started) / 60_000;
  if (result.status !== 0) throw new Error(`stryker failed for ${name} (exit ${result.status})`);
  const report = JSON.parse(readFileSync(join(dir, 'mutation.json'), 'utf8')) as Report;
  if (sample) {
    const { rows, survivors } = sampledRows(name, report as Parameters<typeof sampledRows>[1], sample.drawn, minutes);
    writeFileSync(join(dir, 'row.md'), `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'survivors.txt'), `${survivors.join('\n')}\n`);
    console.log(rows.join('\n'));
    continue;
  }
  const line = row(name, report, minutes, concurrency);
  writeFileSync(join(dir, 'row.md'), `${line}\n`);
  console.log(line);
}
