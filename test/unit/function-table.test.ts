/**
 * "Adding a function touches one route-table file and one handler file": a function is its
 * handler (functions/<fn>.ts) and its declaration (shared/route-table/<fn>.ts: its routes or
 * what else starts it, its table access, whether it reads texts, which queues it sends to),
 * joined in shared/routes.ts through shared/route-table/index.generated.ts, which `npm run route-index`
 * writes from the folder listing (no hand-kept list to forget a file in). Everything that knows about functions (the CDK app, the
 * router, the access map, `npm run build`, the texts copied beside a bundle, the queues'
 * senders) must derive from that, so no other file may keep a list of function names.
 * The oracle is the folders themselves, read from disk, not the join.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allFunctions } from '#infra/build';
import { exportedFunction, ROUTE_INDEX, ROUTE_TABLE_DIR, routeIndexSource } from '#infra/route-index';
import { matchRoute } from '#infra/local/router';
import { READS_TEXTS } from '#infra/stacks/extra-files';
import { allFunctionSpecs, functionData, functionNames, queueConsumers, routes, schedules, streamConsumers } from '#shared/routes';

const root = fileURLToPath(new URL('../..', import.meta.url));
const namesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

/** Every file of the folder but the helpers the declarations are written with and the generated index. */
const declarationFiles = namesIn('shared/route-table').filter((f) => f !== 'spec' && `${f}.ts` !== ROUTE_INDEX);
const handlerFiles = namesIn('functions');

describe('one place per function', () => {
  it('every handler has its declaration file of the same name, and every declaration file is joined in shared/routes.ts', () => {
    expect(declarationFiles.length).toBeGreaterThan(30);
    expect(declarationFiles).toEqual(handlerFiles);
    expect(allFunctionSpecs.map((f) => f.fn).sort(), 'a file in shared/route-table/ is missing from the join in shared/routes.ts').toEqual(
      declarationFiles,
    );
  });

  it('the generated index is what `npm run route-index` writes from the folder now (run it after adding a function)', () => {
    expect(readFileSync(join(ROUTE_TABLE_DIR, ROUTE_INDEX), 'utf8')).toBe(routeIndexSource());
  });

  it('a declaration file the index cannot read is named, never skipped', () => {
    expect(exportedFunction('cases.ts', "export const casesFunction = httpFunction('cases', casesRoutes, NO_DATA);")).toBe('casesFunction');
    expect(() => exportedFunction('cases.ts', 'export const casesRoutes = [] as const;')).toThrow(/cases\.ts must export exactly one/);
    const twice = 'export const aFunction = scheduledFunction({});\nexport const bFunction = queueFunction({});';
    expect(() => exportedFunction('two.ts', twice)).toThrow(/found 2/);
  });

  it("each file's routes name its own function and no other (a name stands in exactly one file)", () => {
    for (const file of declarationFiles) {
      const text = readFileSync(join(root, 'shared/route-table', `${file}.ts`), 'utf8');
      const named = new Set([...text.matchAll(/\bfn: '([\w-]+)'|Function\('([\w-]+)'/g)].map((m) => m[1] ?? m[2]));
      expect([...named], `shared/route-table/${file}.ts`).toEqual([file]);
    }
  });

  it('the router, the stack, the build, the access map and the texts copied all know every function from its file alone', () => {
    for (const spec of allFunctionSpecs) {
      expect(allFunctions(), `npm run build bundles ${spec.fn}`).toContain(spec.fn);
      expect(READS_TEXTS.includes(spec.fn), `${spec.fn}: texts copied beside it`).toBe(spec.readsTexts ?? false);
      if (spec.kind === 'http') {
        expect(functionNames()).toContain(spec.fn);
        expect(functionData[spec.fn as keyof typeof functionData]).toBe(spec.data);
        for (const route of spec.routes) {
          const path = route.path.replace(/\{\w+\+?\}/g, 'x');
          const found = matchRoute(route.method, path);
          expect(found.kind === 'match' && found.match.route.fn, `${route.method} ${route.path}`).toBe(spec.fn);
        }
      } else if (spec.kind === 'authorizer') {
        expect(
          routes.some((r) => r.fn === spec.fn),
          `${spec.fn} serves no route`,
        ).toBe(false);
      } else {
        const consumers = { schedule: schedules, stream: streamConsumers, queue: queueConsumers }[spec.kind];
        expect(consumers.find((c) => c.fn === spec.fn)?.data).toBe(spec.data);
      }
    }
    expect(routes.length).toBe(allFunctionSpecs.flatMap((f) => (f.kind === 'http' ? f.routes : [])).length);
  });

  it("a queue's senders are the functions that say they send to it", () => {
    for (const consumer of queueConsumers) {
      const saying = allFunctionSpecs.filter((f) => f.sendsTo?.includes(consumer.queue as 'jobs')).map((f) => f.fn);
      expect([...consumer.senders].sort()).toEqual(saying.sort());
      expect(saying.length).toBeGreaterThan(0);
    }
  });

  it('no file outside shared/route-table/ keeps a list of function names', () => {
    const names = new Set(declarationFiles);
    const sourceFiles = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
        return /\.ts$/.test(name) ? [path] : [];
      });
    const onlyNames = (strings: string[]) => strings.length >= 2 && strings.every((n) => names.has(n));
    const lists = ['shared', 'infra', 'functions']
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith('shared/route-table/'))
      .flatMap((file) => {
        const lines = readFileSync(join(root, file), 'utf8').split('\n');
        const alone = lines.map((line) => /^\s*'([\w-]+)',?\s*$/.exec(line)?.[1]);
        return lines
          .map((line, i) => ({
            at: `${file}:${i + 1}`,
            // An array literal of names on one line, or names one a line (three in a row).
            found:
              [...line.matchAll(/\[((?:\s*'[\w-]+',?)+)\s*\]/g)].some((m) => onlyNames([...m[1]!.matchAll(/'([\w-]+)'/g)].map((q) => q[1]!))) ||
              [alone[i], alone[i + 1], alone[i + 2]].every((n) => n !== undefined && names.has(n)),
          }))
          .filter(({ found }) => found)
          .map(({ at }) => at);
      });
    expect(lists).toEqual([]);
  });
});
