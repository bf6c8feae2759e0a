/**
 * The Kent report itself, read by tests as their oracle, so that what the demo says is checked
 * against the report's words and not against a second copy of the demo's own transcription.
 * The repository carries the report (test/support/kent-omi-report-2008.txt, byte for byte the
 * team's seed: a test says so whenever the seed is beside the project), so a clean clone on a
 * fresh machine tests the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SEED_NAME = 'kent-omi-report-2008.txt';
/** The copy in the repository. */
export const KENT_SEED_IN_REPO = join(__dirname, SEED_NAME);

/** The seed's path: `OMI_KENT_SEED`, else the repository's copy. */
export function kentSeedPath(): string {
  return process.env.OMI_KENT_SEED ?? KENT_SEED_IN_REPO;
}

/** The team's own seed beside the project (`../shared/seed`, at whatever depth the checkout is), when this machine has it. */
export function teamSeedPath(): string | undefined {
  for (let dir = resolve(__dirname, '..', '..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'seed', SEED_NAME);
    if (existsSync(candidate) && candidate !== KENT_SEED_IN_REPO) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export type SeedFindings = Record<string, { strengths: string[]; improvements: string[] }>;

/** One finding as the report means it: a page break inside it (a blank line, a wrapped line) is one space. */
const joined = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Section 4's lettered findings, criterion by criterion: everything from "4.1 General
 * Criterion" to Appendix 1, each list split at its "- (a)", "- (b)" ... markers.
 */
export function seedSection4Findings(text = readFileSync(kentSeedPath(), 'utf8')): SeedFindings {
  const start = text.search(/\n4\.1 General Criterion: LEADERSHIP AND PLANNING\n(?!\t)/);
  const end = text.indexOf('APPENDIX 1 Integrated Probation', start);
  if (start < 0 || end < 0) throw new Error('Section 4 not found in the seed');
  const parts = text.slice(start, end).split(/\n(4\.[1-6]) General Criterion: [^\n]*\n/);
  const out: SeedFindings = {};
  for (let i = 1; i < parts.length; i += 2) {
    const body = parts[i + 1]!;
    const [, afterStrengths = ''] = body.split('Strengths:');
    const [strengths = '', improvements = ''] = afterStrengths.split('Areas for Improvement:');
    const items = (list: string) =>
      `\n${list.trim()}`
        .split(/\n- \([a-z]\) /)
        .map(joined)
        .filter(Boolean);
    out[parts[i]!] = { strengths: items(strengths), improvements: items(improvements) };
  }
  return out;
}
