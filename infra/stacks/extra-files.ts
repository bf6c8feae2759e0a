/**
 * Files a function needs beside its bundle (the web pages' CSS, JS and fonts for the assets
 * function, say). esbuild only follows imports; anything read from disk at run time has to be
 * copied in after bundling. Keyed by `fn` (functions/<fn>.ts), the same name as its file in
 * shared/route-table/.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, normalize, posix } from 'node:path';
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { allFunctionSpecs } from '#shared/routes';

export interface ExtraFile {
  /** A file or directory, relative to the repository root. */
  from: string;
  /** Where it lands, relative to the bundle's root (next to index.mjs). */
  to: string;
}

const GOVUK = 'node_modules/govuk-frontend/dist/govuk';

/**
 * The questionnaires and the question banks (criteria, questions, texts, interview sets), which shared/text-files.ts reads from
 * ./texts/ beside the bundle (shared/texts/ in the source tree) instead of carrying them.
 */
export const TEXT_FILES: ExtraFile = { from: 'shared/texts', to: 'texts' };

/**
 * The functions whose bundles include shared/text-files.ts: each says so in its own file
 * (`readsTexts`, shared/route-table/<fn>.ts). `npm run build` (infra/build.ts) refuses a bundle
 * that reads texts without them, or carries them unread, so the flag cannot drift from the imports.
 */
export const READS_TEXTS: readonly string[] = allFunctionSpecs.filter((f) => f.readsTexts).map((f) => f.fn);

export const EXTRA_FILES: Record<string, readonly ExtraFile[]> = {
  // functions/assets.ts serves ./assets/ next to its bundle with dist/govuk's layout (see
  // shared/web/common/assets.ts). Only the files it can serve: the whole dist/govuk is 8.7 MB of Sass.
  assets: [
    { from: `${GOVUK}/govuk-frontend.min.css`, to: 'assets/govuk-frontend.min.css' },
    { from: `${GOVUK}/govuk-frontend.min.js`, to: 'assets/govuk-frontend.min.js' },
    { from: `${GOVUK}/assets`, to: 'assets/assets' },
  ],
  ...Object.fromEntries(READS_TEXTS.map((fn) => [fn, [TEXT_FILES]])),
};

/** POSIX single-quoting: the paths go through `bash -c`. */
function sh(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function checkRelative(what: string, fn: string, value: string): string {
  const clean = normalize(value).replace(/\\/g, '/');
  if (value === '' || isAbsolute(value) || clean === '..' || clean.startsWith('../') || clean === '.') {
    throw new Error(`EXTRA_FILES.${fn}: '${what}' must be a relative path inside the ${what === 'from' ? 'repository' : 'bundle'}, got '${value}'`);
  }
  return clean;
}

/**
 * The NodejsFunction command hooks that copy `files` into the bundle, or undefined when there
 * is nothing to copy. `repoRoot` is checked at synth time so a typo fails the synth, not the
 * first request.
 */
export function extraFilesHooks(fn: string, files: readonly ExtraFile[] | undefined, repoRoot: string): ICommandHooks | undefined {
  if (!files || files.length === 0) return undefined;
  const checked = files.map(({ from, to }) => {
    const src = checkRelative('from', fn, from);
    const dest = checkRelative('to', fn, to);
    if (!existsSync(join(repoRoot, src))) throw new Error(`EXTRA_FILES.${fn}: '${from}' does not exist under ${repoRoot}`);
    return { src, dest };
  });
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    // Local bundling: inputDir is the project root, outputDir the asset staging directory.
    afterBundling: (inputDir: string, outputDir: string) =>
      checked.map(
        ({ src, dest }) =>
          `mkdir -p ${sh(posix.join(outputDir, posix.dirname(dest)))} && cp -r ${sh(posix.join(inputDir, src))} ${sh(posix.join(outputDir, dest))}`,
      ),
  };
}
