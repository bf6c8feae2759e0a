/**
 * `node --import tsx bench/bundle-profile.ts [--init] <fn>...`: what a function's bundle carries
 * beyond the bare PutCommand handler (issue 31, goal 2). A diagnostic, never part of
 * `npm run bench`; writes nothing. Build with `npx tsx infra/build.ts` first (it reads
 * dist/<fn>/meta.json and dist/_bare/meta.json, which `bench/run.ts cold` also writes).
 *  - Size: esbuild's metafile, each input's bytes in the output, grouped by package (or by the
 *    project's folder), the code the bare handler carries too set apart.
 *  - --init: what each large group costs at initialisation, by ablation: the function built
 *    again with that group's modules replaced by an inert stand-in (a Proxy that answers any
 *    property, call or `new` with itself), and the two bundles' inits compared, taking turns,
 *    median of 9 each, with the deployed NODE_OPTIONS. The stand-in still costs its own lookups,
 *    so the figure is a lower bound of what the group costs.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from '#infra/build';
import { initOnce as initTime, median } from '#bench/measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const withInit = args.includes('--init');
const fns = args.filter((a) => !a.startsWith('--'));
const kb = (n: number) => (n / 1024).toFixed(1);

const inputsOf = (meta: Metafile) => Object.values(meta.outputs).find((o) => o.entryPoint)!.inputs;
/** The package a path is in, or the project folder (two levels: shared/web, functions). */
export function groupOf(path: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (m) return m[1]!;
  const parts = path.split('/');
  return parts[0] === 'shared' && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const bareInputs = new Set(Object.keys(inputsOf(JSON.parse(readFileSync(join(root, 'dist/_bare/meta.json'), 'utf8')))));
const bareBytes = readFileSync(join(root, 'dist/_bare/index.mjs')).length;

const initOnce = (file: string) => initTime(file, '--enable-source-maps');

const STAND_IN = `const f=function(){return p};const p=new Proxy(f,{get:(t,k)=>k===Symbol.toPrimitive?()=>'':k==='then'?undefined:k==='prototype'?{}:p,apply:()=>p,construct:()=>p});module.exports=p;`;

/** The function bundled with every input of `group` replaced by the stand-in. */
async function buildWithout(fn: string, group: string, outDir: string) {
  const stub: Plugin = {
    name: 'stand-in',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (a) => {
        const rel = a.path.startsWith(root) ? a.path.slice(root.length) : a.path;
        return groupOf(rel.replace(/^\.\.\/\.\.\/main\//, '')) === group || groupOf(a.path) === group
          ? { contents: STAND_IN, loader: 'js' }
          : undefined;
      });
    },
  };
  await build({ ...bundleOptions(join(root, 'functions', `${fn}.ts`), outDir), plugins: [stub], logLevel: 'error' });
  return join(outDir, 'index.mjs');
}

for (const fn of fns) {
  const meta = JSON.parse(readFileSync(join(root, 'dist', fn, 'meta.json'), 'utf8')) as Metafile;
  const size = readFileSync(join(root, 'dist', fn, 'index.mjs')).length;
  const groups = new Map<string, number>();
  let shared = 0;
  for (const [path, { bytesInOutput }] of Object.entries(inputsOf(meta))) {
    if (bareInputs.has(path)) shared += bytesInOutput;
    else groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + bytesInOutput);
  }
  const rows = [...groups].filter(([, b]) => b >= 2048).sort((a, b) => b[1] - a[1]);
  const small = [...groups].filter(([, b]) => b < 2048).reduce((n, [, b]) => n + b, 0);
  console.log(
    `\n### ${fn}: ${kb(size)} KB, ${(size / bareBytes).toFixed(2)}x the bare handler (${kb(bareBytes)} KB; 1.2x is ${kb(bareBytes * 1.2)} KB, so ${kb(Math.max(0, size - bareBytes * 1.2))} KB over)\n`,
  );
  console.log(`| part | KB |${withInit ? ' init ms it costs (with it / without, median of 9 each) |' : ''}`);
  console.log(`| --- | ---: |${withInit ? ' ---: |' : ''}`);
  console.log(`| what the bare handler carries too (the SDK's core, DynamoDB's client) | ${kb(shared)} |${withInit ? ' |' : ''}`);
  for (const [group, bytes] of rows) {
    let init = '';
    if (withInit && bytes >= 8 * 1024) {
      const file = join(root, 'dist', fn, 'index.mjs');
      try {
        const without = await buildWithout(fn, group, mkdtempSync(join(tmpdir(), 'omi-ablate-')));
        const a: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < 9; i++) {
          a.push(initOnce(file));
          b.push(initOnce(without));
        }
        init = ` ${(median(a) - median(b)).toFixed(1)} (${median(a).toFixed(1)} / ${median(b).toFixed(1)}) |`;
      } catch (error) {
        init = ` n/a (${String((error as Error).message)
          .split('\n')[0]!
          .slice(0, 60)}) |`;
      }
    } else if (withInit) init = ' |';
    console.log(`| ${group} | ${kb(bytes)} |${init}`);
  }
  console.log(`| other parts under 2 KB each | ${kb(small)} |${withInit ? ' |' : ''}`);
  console.log(`\n(load average ${loadavg()[0]!.toFixed(1)})`);
}
