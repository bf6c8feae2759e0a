/**
 * The repository's copy of the Kent report is the team's seed, byte for byte, whenever the seed
 * is beside the project: the tests that take the report as their oracle read the copy, so a clean
 * clone on a fresh machine checks the demo against the same words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KENT_SEED_IN_REPO, kentSeedPath, teamSeedPath } from '#support/kent-seed';

describe('the Kent report the tests read', () => {
  it('is the repository’s copy unless OMI_KENT_SEED says otherwise, and holds the whole report', () => {
    if (!process.env.OMI_KENT_SEED) expect(kentSeedPath()).toBe(KENT_SEED_IN_REPO);
    const text = readFileSync(KENT_SEED_IN_REPO, 'utf8');
    expect(text).toContain('APPENDIX 4 Scoring Approach');
    expect(text.length).toBeGreaterThan(100_000);
  });

  it.skipIf(!teamSeedPath())('is byte for byte the seed beside the project', () => {
    expect(readFileSync(KENT_SEED_IN_REPO)).toEqual(readFileSync(teamSeedPath()!));
  });
});
