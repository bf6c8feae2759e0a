/** `npm run build`: one bundle per function at dist/<fn>/index.mjs, with the CDK app's options. */
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { functionNames, queueConsumers, schedules, streamConsumers } from '../shared/routes';
import { BUNDLE } from './bundling';

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildFunction(fn: string, outDir = `${root}dist/${fn}`) {
  return bundle(`${root}functions/${fn}.ts`, outDir);
}

/** One Lambda bundle of `entry` at <outDir>/index.mjs (and its metafile), as the CDK app builds it. */
export async function bundle(entry: string, outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [entry],
    outfile: `${outDir}/index.mjs`,
    bundle: true,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    format: BUNDLE.format,
    platform: BUNDLE.platform,
    target: BUNDLE.target,
    mainFields: BUNDLE.mainFields,
    banner: { js: BUNDLE.banner },
    external: BUNDLE.external,
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(`${outDir}/meta.json`, JSON.stringify(result.metafile));
  return result;
}

export function allFunctions(): string[] {
  return [...functionNames(), ...schedules.map((s) => s.fn), ...streamConsumers.map((s) => s.fn), ...queueConsumers.map((s) => s.fn)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const fn of allFunctions()) {
    const result = await buildFunction(fn);
    const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
    console.log(`dist/${fn}/index.mjs ${(bytes / 1024).toFixed(0)} KB`);
  }
}
