/**
 * The import rules of "one way through the code", read from the import lines themselves
 * (not from any list the code keeps), so a new arrow the wrong way fails here:
 *   route table -> functions/ (thin handlers) -> shared/domain (use cases) -> shared/store -> DynamoDB
 * and a neutral shared/core that HTTP, the domain and the store all lean on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** package.json's "imports": `#domain/*` -> `./shared/domain/*.ts`, read as Node reads it. */
const aliases = Object.entries(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports as Record<string, string>).map(
  ([key, target]) => ({
    prefix: key.slice(0, -1),
    folder: target.slice(2, -'*.ts'.length),
  }),
);

function resolveAlias(specifier: string): string {
  const alias = aliases.filter((a) => specifier.startsWith(a.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return alias ? alias.folder + specifier.slice(alias.prefix.length) : specifier;
}

function specifiersOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Every module a file imports, as a path from the repository root (packages as their name). */
function importsOf(file: string): string[] {
  return specifiersOf(file).map((s) =>
    s.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), s)) : s.startsWith('#') ? resolveAlias(s) : s,
  );
}

const files = ['shared', 'functions', 'infra', 'bench'].flatMap(sourceFiles);
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })));
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
/** shared/web's folders, one per audience, and what they all share (each has a README saying what it may import). */
const WEB_ROOMS = ['respondent', 'workbench', 'report', 'common'];
/** Past this a page file has become a corridor: split it along its sections, or say at its top why not. */
const LONG_FILE_LINES = 400;

function violations(rule: (edge: { from: string; to: string }) => boolean): string[] {
  return edges.filter(rule).map(({ from, to }) => `${from} -> ${to}`);
}

/**
 * Which floor of shared/ (and functions/) may import which, bottom up. A floor is a folder of
 * shared/ or one of its top-level modules; packages and infra/ are not floors.
 */
const FLOORS: Record<string, readonly string[]> = {
  'shared/core': [],
  'shared/concurrency': [],
  'shared/queue': ['shared/core'],
  'shared/text-files': ['shared/core'],
  // The vocabulary: schemas, the question banks and questionnaires, scoring and the summaries' shapes lean on each other.
  'shared/schemas': ['shared/core', 'shared/scoring'],
  'shared/scoring': ['shared/core', 'shared/bank', 'shared/schemas', 'shared/summaries'],
  'shared/bank': ['shared/core', 'shared/schemas', 'shared/text-files'],
  'shared/summaries': ['shared/core', 'shared/questionnaires', 'shared/schemas'],
  'shared/questionnaires': ['shared/core', 'shared/schemas', 'shared/summaries', 'shared/text-files'],
  'shared/cases': ['shared/core', 'shared/schemas'],
  'shared/store': ['shared/core', 'shared/concurrency', 'shared/schemas'],
  'shared/domain': [
    'shared/core',
    'shared/bank',
    'shared/cases',
    'shared/questionnaires',
    'shared/queue',
    'shared/schemas',
    'shared/scoring',
    'shared/store',
    'shared/summaries',
    'shared/text-files',
  ],
  'shared/web': [
    'shared/core',
    'shared/bank',
    'shared/cases',
    'shared/domain',
    'shared/questionnaires',
    'shared/schemas',
    'shared/scoring',
    'shared/summaries',
    'shared/text-files',
  ],
  'shared/route-table': ['shared/core', 'shared/schemas'],
  'shared/routes': ['shared/core', 'shared/route-table'],
  'shared/http': ['shared/core', 'shared/domain', 'shared/route-table', 'shared/routes', 'shared/schemas', 'shared/store', 'shared/web'],
  functions: [
    'shared/bank',
    'shared/cases',
    'shared/core',
    'shared/domain',
    'shared/http',
    'shared/questionnaires',
    'shared/queue',
    'shared/route-table',
    'shared/schemas',
    'shared/scoring',
    'shared/web',
  ],
};

function floorOf(path: string): string | undefined {
  if (under(path, 'functions')) return 'functions';
  return /^shared\/[^/.]+/.exec(path)?.[0];
}

describe('import rules', () => {
  it('reads a real graph (a guard against a parser that finds nothing)', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(edges.some((e) => e.from === 'functions/cases.ts' && e.to === 'shared/domain/cases')).toBe(true);
    expect(edges.some((e) => e.from === 'shared/domain/cases.ts' && e.to === 'shared/store/cases')).toBe(true);
  });

  it('nothing in shared/ below the HTTP layer imports shared/http', () => {
    expect(violations(({ from, to }) => under(from, 'shared') && !under(from, 'shared/http') && under(to, 'shared/http'))).toEqual([]);
  });

  it('no handler in functions/ and no page in shared/web reaches past the use cases into shared/store', () => {
    expect(violations(({ from, to }) => (under(from, 'functions') || under(from, 'shared/web')) && under(to, 'shared/store'))).toEqual([]);
  });

  it('the store never imports the domain, the web pages or HTTP (arrows point down)', () => {
    expect(
      violations(({ from, to }) => under(from, 'shared/store') && ['shared/domain', 'shared/web', 'shared/http'].some((f) => under(to, f))),
    ).toEqual([]);
  });

  it('the neutral core imports nothing else of ours', () => {
    expect(
      violations(({ from, to }) => under(from, 'shared/core') && (under(to, 'shared') || under(to, 'functions')) && !under(to, 'shared/core')),
    ).toEqual([]);
  });

  it('the route table does not import HTTP (no cycle with the stack that reads it)', () => {
    expect(violations(({ from, to }) => from === 'shared/routes.ts' && under(to, 'shared/http'))).toEqual([]);
  });

  it("only the texts' build step imports the texts' sources (functions read shared/texts/ instead)", () => {
    const sources = [
      'shared/questionnaires/offender',
      'shared/questionnaires/victim',
      'shared/questionnaires/sentencer',
      'shared/bank/omi-2008.1',
      'shared/bank/omi-2008.1.structure',
      'shared/bank/omi-2008.1.criteria',
      'shared/bank/interviews-2008.1',
    ];
    // A source may build on another (the texts on the structure, the structure on the criteria).
    expect(violations(({ from, to }) => sources.includes(to) && from !== 'infra/texts.ts' && !sources.includes(from.replace(/\.ts$/, '')))).toEqual(
      [],
    );
  });

  it('the route-table files never import shared/routes.ts, which joins them (no circle, not even type-only)', () => {
    expect(violations(({ from, to }) => under(from, 'shared/route-table') && to === 'shared/routes')).toEqual([]);
  });

  it("only the generated index imports the functions' declarations: the join is written from the folder, never by hand", () => {
    const index = 'shared/route-table/index.generated.ts';
    const declaration = (to: string) => under(to, 'shared/route-table') && !['shared/route-table/spec', index.replace(/\.ts$/, '')].includes(to);
    const byHand = [...files, ...sourceFiles('test')]
      .filter((file) => file !== index)
      .flatMap((file) =>
        [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*import\s+(?:type\s+)?(\{[^}]*\}|\*\s+as\s+\w+)\s+from\s+['"]([^'"]+)['"]/gm)]
          .filter(([, names, specifier]) => declaration(importsOf(file)[specifiersOf(file).indexOf(specifier!)]!) && /\w+Function\b|\*/.test(names!))
          .map(([, names, specifier]) => `${file}: ${names} from ${specifier}`),
      );
    expect(byHand).toEqual([]);
    expect(edges.filter(({ from }) => from === index).length, 'the index is read (a guard against a rule that sees nothing)').toBeGreaterThan(30);
  });

  it('shared/cases (reading and writing CASE files) does not import the use cases in shared/domain that build on it', () => {
    expect(violations(({ from, to }) => under(from, 'shared/cases') && under(to, 'shared/domain'))).toEqual([]);
  });

  it('each floor imports only the floors its row names (a new arrow, or a new folder, is a decision made here)', () => {
    expect(
      violations(({ from, to }) => {
        const [a, b] = [floorOf(from), floorOf(to)];
        return a !== undefined && b !== undefined && a !== b && !(FLOORS[a] ?? []).includes(b);
      }),
    ).toEqual([]);
  });

  it("the HTTP stack's parts (shared/http/stack/) are put together in one place, shared/http/handler.ts, and reached only through it", () => {
    expect(
      violations(({ from, to }) => under(to, 'shared/http/stack') && !under(from, 'shared/http/stack') && from !== 'shared/http/handler.ts'),
    ).toEqual([]);
  });

  it('the web pages live in rooms by audience: respondent, workbench, report, and common for what all share', () => {
    expect(files.filter((file) => under(file, 'shared/web') && !WEB_ROOMS.some((room) => under(file, `shared/web/${room}`)))).toEqual([]);
  });

  it("a room's files are named for what they hold, never with the room's own name again (workbench/workbench-pages.ts)", () => {
    expect(files.filter((file) => WEB_ROOMS.some((room) => file.startsWith(`shared/web/${room}/${room}-`)))).toEqual([]);
  });

  it("a respondent's pages never import the workbench's or the report's code", () => {
    expect(
      violations(({ from, to }) => under(from, 'shared/web/respondent') && (under(to, 'shared/web/workbench') || under(to, 'shared/web/report'))),
    ).toEqual([]);
  });

  it('the report never imports the workbench or the respondent pages (a report link loads no signed-in code)', () => {
    expect(
      violations(({ from, to }) => under(from, 'shared/web/report') && (under(to, 'shared/web/workbench') || under(to, 'shared/web/respondent'))),
    ).toEqual([]);
  });

  it('the workbench never imports the respondent pages', () => {
    expect(violations(({ from, to }) => under(from, 'shared/web/workbench') && under(to, 'shared/web/respondent'))).toEqual([]);
  });

  it('what the rooms share imports none of the rooms', () => {
    expect(violations(({ from, to }) => under(from, 'shared/web/common') && under(to, 'shared/web') && !under(to, 'shared/web/common'))).toEqual([]);
  });

  it('no web file is over 400 lines unless its opening comment says why', () => {
    const long = files
      .filter((file) => under(file, 'shared/web'))
      .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }))
      .filter(({ text }) => text.split('\n').length > LONG_FILE_LINES && !/^\/\*\*[\s\S]*?Longer than 400 lines: [\s\S]*?\*\//.test(text))
      .map(({ file }) => file);
    expect(long).toEqual([]);
  });

  it('an import that leaves its folder names it by alias (package.json "imports"), never by climbing with ../', () => {
    const climbing = [...files, ...sourceFiles('test')].flatMap((file) =>
      // A JSON fixture keeps its path: the aliases name TypeScript modules.
      specifiersOf(file)
        .filter((s) => s.startsWith('../') && !s.endsWith('.json'))
        .map((s) => `${file} -> ${s}`),
    );
    expect(climbing).toEqual([]);
  });

  it('every alias names a folder that exists, and is read by the rules above', () => {
    for (const { folder } of aliases) expect(statSync(join(root, folder)).isDirectory(), folder).toBe(true);
    expect(edges.some((e) => e.from === 'functions/cases.ts' && e.to === 'shared/route-table/cases')).toBe(true);
  });

  it('benchmarks do not import the tests', () => {
    expect(violations(({ from, to }) => under(from, 'bench') && under(to, 'test'))).toEqual([]);
  });
});

describe('key formats', () => {
  it('only shared/store/keys.ts spells a key prefix', () => {
    // The bench's hand-written service is the yardstick a user could write instead: it imports nothing of ours on purpose.
    const spellsItsOwn = ['shared/store/keys.ts', 'bench/hand-written-send.ts'];
    const offenders = files
      .filter((file) => !spellsItsOwn.includes(file))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => /['"`](?:INSP|CASE|CASEHIST|GRADE|CONCL|INVBATCH|RESP|TOKEN|STALE|REPORTLINK)#/.test(line)),
      )
      .map(({ at }) => at);
    expect(offenders).toEqual([]);
  });
});
