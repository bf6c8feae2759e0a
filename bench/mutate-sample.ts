/**
 * Whole-folder mutation scores by sampling (`npm run mutate:integration -- sample-<name>`).
 *
 * shared/web alone has about 10,000 mutants and each takes 3-15 s against the API tests on this
 * 2-core machine: a whole folder would take days. A uniform random sample of each folder's
 * mutants gives its score with a stated margin, and names real survivors to act on. Stryker
 * has no sampling option, so:
 *
 * 1. every mutant of the folders is listed by a Stryker run whose test command is `true`
 *    (seconds, no tests: all.json);
 * 2. `perFolder` of them are drawn with a seeded generator;
 * 3. Stryker mutates only the ranges of the drawn mutants. A range also holds the mutants
 *    nested in it (a block holds its statements), so a second listing run with the same ranges
 *    gives every drawn mutant its id in the real run;
 * 4. the real run gets the drawn ids in OMI_MUTATE_SAMPLE; test/mutate/in-process-server.ts
 *    refuses to start for any other mutant, which costs a test file's start instead of its run;
 * 5. only the drawn mutants are counted. Static ones (module level, Stryker's ignoreStatic) come
 *    out Ignored and are not counted, as in the whole-file runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SampledRun {
  folders: string[];
  perFolder: number;
  seed: number;
  tests: string[];
}

interface Position {
  line: number;
  column: number;
}
interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: Position; end: Position };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

interface Drawn {
  file: string;
  mutant: Mutant;
}

const keyOf = (file: string, m: Mutant) =>
  `${file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement ?? ''}`;

/** mulberry32: a small seeded generator, so a rerun draws the same mutants from the same code. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listMutants(root: string, dir: string, name: string, mutate: string[]): Report {
  const config = {
    testRunner: 'command',
    commandRunner: { command: 'true' },
    coverageAnalysis: 'off',
    checkers: [],
    mutate,
    concurrency: 2,
    reporters: ['json'],
    jsonReporter: { fileName: join(dir, `${name}.json`) },
    tempDirName: `.stryker-tmp-list-${name}`,
    ignorePatterns: ['.data', '.test-data', 'cdk.out', 'dist', 'reports', '.scratch', 'bench/out', '.stryker-tmp*'],
    tsconfigFile: 'no-tsconfig-rewrite.json',
    timeoutMS: 5000,
  };
  const file = join(dir, `${name}.config.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const result = spawnSync('npx', ['stryker', 'run', file], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`listing the mutants failed (${name}, exit ${result.status})`);
  return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Report;
}

/** Stryker's mutate ranges take lines from 1 and columns from 0; its report counts both from 1. */
const rangeOf = ({ file, mutant: { location: l } }: Drawn) => `${file}:${l.start.line}:${l.start.column - 1}-${l.end.line}:${l.end.column - 1}`;

export function prepareSample(root: string, dir: string, run: SampledRun): { mutate: string[]; ids: string[]; drawn: Map<string, string> } {
  mkdirSync(dir, { recursive: true });
  const kept = join(dir, 'sample.json');
  // A rerun of the same draw on unchanged code (after a failed run) need not list the mutants again.
  if (process.env.OMI_MUTATE_REUSE_SAMPLE && existsSync(kept)) {
    const saved = JSON.parse(readFileSync(kept, 'utf8')) as { mutate: string[]; drawn: [string, string][] };
    return { mutate: saved.mutate, ids: saved.drawn.map(([id]) => id), drawn: new Map(saved.drawn) };
  }
  const all = listMutants(
    root,
    dir,
    'all',
    run.folders.map((f) => `${f}/**/*.ts`),
  );
  const random = generator(run.seed);
  const drawn: Drawn[] = [];
  for (const folder of run.folders) {
    const inFolder = Object.entries(all.files)
      .filter(([file]) => file.startsWith(`${folder}/`))
      .flatMap(([file, { mutants }]) => mutants.map((mutant) => ({ file, mutant })))
      .sort((a, b) => keyOf(a.file, a.mutant).localeCompare(keyOf(b.file, b.mutant)));
    const shuffled = inFolder.map((d) => [random(), d] as const).sort((a, b) => a[0] - b[0]);
    drawn.push(...shuffled.slice(0, run.perFolder).map(([, d]) => d));
  }
  const mutate = [...new Set(drawn.map(rangeOf))];
  const ranged = listMutants(root, dir, 'ranged', mutate);
  const idByKey = new Map<string, string>();
  for (const [file, { mutants }] of Object.entries(ranged.files)) for (const m of mutants) idByKey.set(keyOf(file, m), m.id);
  const folderById = new Map<string, string>();
  for (const d of drawn) {
    const id = idByKey.get(keyOf(d.file, d.mutant));
    if (!id) throw new Error(`a drawn mutant is not in the ranged run: ${keyOf(d.file, d.mutant)}`);
    folderById.set(id, run.folders.find((f) => d.file.startsWith(`${f}/`)) ?? d.file);
  }
  writeFileSync(join(dir, 'sample.json'), JSON.stringify({ seed: run.seed, perFolder: run.perFolder, mutate, drawn: [...folderById] }, null, 2));
  return { mutate, ids: [...folderById.keys()], drawn: folderById };
}

/** A share as RESULTS prints it. */
export const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

/** One RESULTS row per folder, of the drawn mutants only, and the survivors to name. */
export function sampledRows(name: string, report: Report, drawn: Map<string, string>, minutes: number): { rows: string[]; survivors: string[] } {
  const counts = new Map<string, Record<string, number>>();
  const survivors: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      const folder = drawn.get(m.id);
      if (!folder) continue;
      const c = counts.get(folder) ?? {};
      c[m.status] = (c[m.status] ?? 0) + 1;
      counts.set(folder, c);
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push(
          `${m.status} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} -> ${JSON.stringify(m.replacement ?? '')}`,
        );
      }
    }
  }
  /** A 95% Wilson interval: the sample's margin, stated beside the score. */
  const wilson = (k: number, n: number) => {
    if (!n) return 'n/a';
    const z = 1.96;
    const p = k / n;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    return `${(100 * (centre - half)).toFixed(0)}-${(100 * (centre + half)).toFixed(0)}%`;
  };
  const rows = [...counts].map(([folder, c]) => {
    const killed = (c.Killed ?? 0) + (c.Timeout ?? 0);
    const survived = c.Survived ?? 0;
    const noCoverage = c.NoCoverage ?? 0;
    const ignored = (c.Ignored ?? 0) + (c.RuntimeError ?? 0) + (c.CompileError ?? 0);
    return `| ${folder} (${name}) | ${killed + survived + noCoverage} of ${killed + survived + noCoverage + ignored} drawn | ${killed} | ${survived} | ${noCoverage} | ${pct(killed, killed + survived + noCoverage)} | ${pct(killed, killed + survived)} (${wilson(killed, killed + survived)}) | ${minutes.toFixed(0)} min all folders |`;
  });
  return { rows, survivors };
}
