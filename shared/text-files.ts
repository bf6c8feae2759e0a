/**
 * Texts that live as JSON files beside the code rather than inside each Lambda bundle: the
 * questionnaires (every version, English and Welsh) and the question bank's question texts.
 * A function that never shows them carries none of their bytes, and one that does reads only
 * the version and language it needs, once, when first asked.
 *
 * One layout for both ways the code runs: the files are `./texts/<path>` next to this module,
 * which in the source tree is shared/texts/ and in a bundle (this module inlined into
 * index.mjs) is texts/ beside index.mjs, copied there by EXTRA_FILES (infra/stacks/extra-files.ts).
 * They are written by `npm run texts` from the TypeScript sources they are authored in
 * (infra/texts.ts), and test/unit/texts.test.ts fails when a file is stale.
 */
import { readFileSync } from 'node:fs';
import { deepFreeze } from './core/freeze';

/** A path under texts/: letters, digits, dots and dashes in at most two segments, never "..". */
const SAFE_PATH = /^[a-z0-9-]+\/[a-z0-9][a-z0-9.-]*\.json$/;

const cache = new Map<string, unknown>();

/**
 * The parsed, deep-frozen contents of texts/<path>, read on first use and kept. Callers build
 * the path from values they have already checked against a known list; the pattern is a second
 * guard, since a version can come from a link's clear text.
 */
export function readTextFile(path: string): unknown {
  if (!SAFE_PATH.test(path) || path.includes('..')) throw new Error(`not a text file path: ${path}`);
  let value = cache.get(path);
  if (value === undefined) {
    value = deepFreeze(JSON.parse(readFileSync(new URL(`./texts/${path}`, import.meta.url), 'utf8')));
    cache.set(path, value);
  }
  return value;
}
