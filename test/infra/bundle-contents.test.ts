/**
 * What keeps bundles near the bare handler's size (issue 17), held here so an import added
 * the wrong way fails a test rather than only a benchmark: each bundle built with the CDK
 * app's options, and its metafile read for the packages it carries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '#infra/build';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'omi-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The files (packages as their folder) that put bytes into the function's bundle, with how many. */
async function contents(fn: string): Promise<Map<string, number>> {
  const result = await bundle(join(ROOT, `functions/${fn}.ts`), join(dir, fn));
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;
  return new Map(
    Object.entries(output.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([path, v]) => [path, v.bytesInOutput]),
  );
}

/** More than a kilobyte from under `prefix` (a package's unmarked top-level statement leaves a few dozen bytes). */
const carries = (files: Map<string, number>, prefix: string) =>
  [...files].filter(([f]) => f.startsWith(prefix)).reduce((sum, [, bytes]) => sum + bytes, 0) > 1024;

describe('what a bundle carries', () => {
  it('the aggregation worker: no zod (it validates nothing; the shared word lists are in shared/schemas/vocabulary.ts)', async () => {
    const files = await contents('aggregate-worker');
    expect(carries(files, 'shared/scoring/')).toBe(true);
    expect(carries(files, 'node_modules/zod/')).toBe(false);
  });

  it('csv-parse only where an upload is read: csv-imports (the JSON upload), workbench (its upload form) and workbench-moderation (the performance figures form)', async () => {
    for (const fn of ['cases', 'evidence', 'summary', 'invitations', 'workbench-cases']) {
      expect(carries(await contents(fn), 'node_modules/csv-parse/'), fn).toBe(false);
    }
    for (const fn of ['csv-imports', 'workbench', 'workbench-moderation'])
      expect(carries(await contents(fn), 'node_modules/csv-parse/'), fn).toBe(true);
  });

  it('no bundle carries the questionnaires or the bank (read from shared/texts/)', async () => {
    for (const fn of ['summary', 'questionnaires', 'paper-responses', 'workbench-summary']) {
      const files = await contents(fn);
      for (const source of [
        'shared/questionnaires/victim.ts',
        'shared/bank/omi-2008.1.ts',
        'shared/bank/omi-2008.1.structure.ts',
        'shared/bank/omi-2008.1.criteria.ts',
      ]) {
        expect(files.has(source), `${fn}: ${source}`).toBe(false);
      }
    }
  });
});
