/** `npm run build`: one bundle per function at dist/<fn>/index.mjs, with the CDK app's options. */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorizerFunctions, functionNames, queueConsumers, schedules, streamConsumers } from '#shared/routes';
import { BUNDLE } from './bundling';
import { EXTRA_FILES, TEXT_FILES, type ExtraFile } from './stacks/extra-files';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One function's bundle with the files EXTRA_FILES copies beside it, as the CDK app deploys it. */
export async function buildFunction(fn: string, outDir = `${root}dist/${fn}`) {
  const result = await bundle(`${root}functions/${fn}.ts`, outDir);
  const extra = EXTRA_FILES[fn] ?? [];
  checkTextFiles(fn, result.metafile, extra);
  for (const { from, to } of extra) {
    mkdirSync(dirname(join(outDir, to)), { recursive: true });
    cpSync(join(root, from), join(outDir, to), { recursive: true });
  }
  return result;
}

/** Whether the bundle includes the texts' reader (tree-shaken away, it reads nothing). */
export function readsTexts(metafile: Metafile): boolean {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint);
  return (output?.inputs['shared/text-files.ts']?.bytesInOutput ?? 0) > 0;
}

/** A bundle that reads texts without them would fail at its first question; one that carries them unread wastes its package. */
function checkTextFiles(fn: string, metafile: Metafile, extra: readonly ExtraFile[]) {
  const copied = extra.some((f) => f.from === TEXT_FILES.from && f.to === TEXT_FILES.to);
  if (readsTexts(metafile) !== copied) {
    throw new Error(
      copied
        ? `${fn} no longer reads shared/texts: take readsTexts out of shared/route-table/${fn}.ts`
        : `${fn} reads shared/texts: say readsTexts: true in shared/route-table/${fn}.ts`,
    );
  }
}

/** The esbuild options of one Lambda bundle of `entry` at <outDir>/index.mjs, as the CDK app builds it. */
export function bundleOptions(entry: string, outDir: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile: `${outDir}/index.mjs`,
    bundle: true,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    sourcesContent: BUNDLE.sourcesContent,
    format: BUNDLE.format,
    platform: BUNDLE.platform,
    target: BUNDLE.target,
    mainFields: BUNDLE.mainFields,
    banner: { js: BUNDLE.banner },
    external: BUNDLE.external,
    metafile: true,
    logLevel: 'warning',
  };
}

/** One Lambda bundle of `entry` at <outDir>/index.mjs (and its metafile), as the CDK app builds it. */
export async function bundle(entry: string, outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({ ...bundleOptions(entry, outDir), metafile: true });
  writeFileSync(`${outDir}/meta.json`, JSON.stringify(result.metafile));
  return result;
}

export function allFunctions(): string[] {
  return [
    ...functionNames(),
    ...schedules.map((s) => s.fn),
    ...streamConsumers.map((s) => s.fn),
    ...queueConsumers.map((s) => s.fn),
    ...authorizerFunctions.map((a) => a.fn),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const fn of allFunctions()) {
    const result = await buildFunction(fn);
    const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
    console.log(`dist/${fn}/index.mjs ${(bytes / 1024).toFixed(0)} KB`);
  }
}
