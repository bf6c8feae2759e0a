/**
 * The planted-fault list (bench/faults.ts) names files and the exact text to change in them.
 * A file moved or a line rewritten would leave an entry that `npm run faults` can only report
 * as stale when someone runs the round; this finds it at once, in the unit suite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAULTS } from '#bench/faults';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the planted-fault list', () => {
  it('names files that exist, each holding the text to change exactly once', () => {
    const stale = FAULTS.flatMap((fault) => {
      const path = join(root, fault.file);
      if (!existsSync(path)) return [`${fault.id}: ${fault.file} does not exist`];
      const count = readFileSync(path, 'utf8').split(fault.find).length - 1;
      return count === 1 ? [] : [`${fault.id}: the text occurs ${count} times in ${fault.file}`];
    });
    expect(stale).toEqual([]);
  });

  it('has one entry per id', () => {
    const ids = FAULTS.map((fault) => fault.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
