/**
 * The demo's Appendix 1 and 4.2 table against the Kent report itself (issue 28). The oracle is
 * the seed's text, read here cell by cell from its tab-separated rows, never the demo's own
 * transcription: every row the seed prints is in the demo's upload, with its figures, grade and
 * domain; the re-offending row with its significance; the rows whose data comes later; the
 * management information; and the domain and area scores of section 4.2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformanceCsv } from '#cases/performance-csv';
import type { PerformanceFigure } from '#schemas/evidence';
import { summarisePerformance } from '#summaries/evidence';
import { kentPerformanceCsv } from '#infra/local/demo-evidence';
import { kentSeedPath } from '#support/kent-seed';

const seedPath = kentSeedPath();

const SEED_DOMAINS = ['public-protection', 'offender-management', 'interventions', 'operational-capability'] as const;
/** The one name the demo spells otherwise, said in demo-evidence.ts. */
const RESPELT: Record<string, string> = { 'Upaid Work Completions': 'Unpaid Work Completions' };

interface SeedRow {
  domain: string;
  measure: string;
  /** actual, target, national, previous, grade as printed; absent on a row whose data comes later. */
  cells?: string[];
  later?: string;
}

/** Appendix 1 and the 4.2 table, read from the seed's text. */
function readSeed(text: string) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('APPENDIX 1 Integrated Probation Performance Framework:'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('IPPF is the performance framework'));
  const block = lines.slice(start, end);
  const headerAt = block.findIndex((l) => l.startsWith('Public Protection\tActual'));
  const reoffendingAt = block.findIndex((l) => l.startsWith('Reduce Re-offending'));
  const rows: SeedRow[] = [];
  for (const line of block.slice(headerAt + 1, reoffendingAt)) {
    const cells = line.split('\t');
    SEED_DOMAINS.forEach((domain, d) => {
      const [measure = '', ...figures] = cells.slice(d * 6, d * 6 + 6);
      if (!measure) return;
      if (/^Data Availab/.test(measure)) {
        // The seed prints this status on the row under a measure with no figures (Sub-Contracting).
        const owner = rows.filter((r) => r.domain === domain).at(-1)!;
        expect(owner.cells?.every((c) => c === '')).toBe(true);
        delete owner.cells;
        owner.later = measure;
        return;
      }
      if (/^Data Availab/.test(figures[0] ?? '')) rows.push({ domain, measure, later: figures[0] });
      else rows.push({ domain, measure, cells: figures });
    });
  }
  const reoffending = block[reoffendingAt + 1]!.split('\t').filter(Boolean);
  const legend = new Map<string, number>();
  const information: SeedRow[] = [];
  for (const line of block.slice(reoffendingAt + 2)) {
    const cells = line.split('\t').filter(Boolean);
    if (cells.length === 2 && /Performance$/.test(cells[0]!)) legend.set(cells[0]!, Number(cells[1]));
    else if (cells.length === 6) information.push({ domain: 'management-information', measure: cells[0]!, cells: cells.slice(1) });
  }
  // Section 4.2: "Public Protection<TAB>Outstanding Performance" ... "Area score<TAB>Passable Performance".
  const tableAt = lines.findIndex((l) => l.startsWith('IPPF domain\t'));
  const scores: { name: string; words: string }[] = [];
  for (const line of lines.slice(tableAt + 1)) {
    const [name, words] = line.split('\t');
    if (name && words) scores.push({ name, words: words.trim() });
    if (name === 'Area score') break;
  }
  return { rows, reoffending, legend, information, scores };
}

/** What the upload must hold for a printed cell: its number, n/a as null, #### as "not available". */
function expectFigure(f: PerformanceFigure, column: 'area' | 'target' | 'national' | 'previous', printed: string) {
  const where = `${f.measure}.${column} (printed ${printed})`;
  if (printed === 'n/a') {
    expect(f[column], where).toBeNull();
    expect(f.notAvailable ?? [], where).not.toContain(column);
  } else if (/^#+$/.test(printed)) {
    expect(f[column], where).toBeNull();
    expect(f.notAvailable, where).toContain(column);
    expect(f.note, where).toMatch(/####/);
  } else {
    expect(f[column], where).toBe(Number(printed.replace(/%$/, '')));
    if (printed.endsWith('%')) expect(f.unit, where).toBe('percent');
  }
}

describe('the demo’s Appendix 1 against the seed', () => {
  const seed = readSeed(readFileSync(seedPath, 'utf8'));
  const parsed = parsePerformanceCsv(kentPerformanceCsv());
  const figures = summarisePerformance(parsed.figures);
  const byMeasure = new Map(figures.map((f) => [f.measure, f]));
  const demoOf = (measure: string) => {
    const f = byMeasure.get(RESPELT[measure] ?? measure);
    expect(f, measure).toBeDefined();
    return f!;
  };

  it('reads the seed as the report prints it (34 rows, 4 grades, 5 scores)', () => {
    expect(parsed.problems).toEqual([]);
    expect(seed.rows).toHaveLength(25);
    expect(seed.information).toHaveLength(8);
    expect(seed.legend).toEqual(
      new Map([
        ['Outstanding Performance', 4],
        ['Good Performance', 3],
        ['Passable Performance', 2],
        ['Poor Performance', 1],
      ]),
    );
    expect(seed.scores.map((s) => s.name)).toEqual([
      'Public Protection',
      'Offender Management',
      'Interventions',
      'Operational Capability, Resource Use and Strategy',
      'Area score',
    ]);
  });

  it('carries every measure of the four domains with its printed figures, grade and domain', () => {
    for (const row of seed.rows) {
      const f = demoOf(row.measure);
      expect(f.domain, row.measure).toBe(row.domain);
      if (row.later) {
        expect(f, row.measure).toMatchObject({ kind: 'later', note: row.later, target: null, area: null, national: null });
        expect(f.grade, row.measure).toBeUndefined();
        continue;
      }
      const [actual, target, national, previous, grade] = row.cells!;
      expectFigure(f, 'area', actual!);
      expectFigure(f, 'target', target!);
      expectFigure(f, 'national', national!);
      expectFigure(f, 'previous', previous!);
      expect(f.grade, row.measure).toBe(Number(grade));
      expect(f.kind, row.measure).toBeUndefined();
    }
  });

  it('carries the re-offending row: actual, predicted, the printed difference, its significance and grade', () => {
    const [actual, predicted, difference, significant, grade] = seed.reoffending;
    const f = figures.find((x) => x.domain === 'reoffending')!;
    expect(f.measure).toBe('Reduce Re-offending');
    expectFigure(f, 'area', actual!);
    expect(f.predicted).toBe(Number(predicted!.replace('%', '')));
    expect(f.difference).toBe(Number(difference!.replace('%', '')));
    expect(f.significant).toBe(significant === 'Yes');
    expect(f.grade).toBe(Number(grade));
  });

  it('carries the management information, n/a where the seed prints it', () => {
    for (const row of seed.information) {
      const f = demoOf(row.measure);
      expect(f.domain, row.measure).toBe('management-information');
      const [actual, target, national, previous, grade] = row.cells!;
      expectFigure(f, 'area', actual!);
      expectFigure(f, 'target', target!);
      expectFigure(f, 'national', national!);
      expectFigure(f, 'previous', previous!);
      expect(f.grade, row.measure).toBe(grade === 'n/a' ? undefined : Number(grade));
    }
  });

  it('holds nothing the seed does not print, and a Welsh name for every measure', () => {
    const measures = figures.filter((f) => f.kind !== 'domain-score' && f.kind !== 'area-score');
    const printed = new Set([...seed.rows, ...seed.information].map((r) => RESPELT[r.measure] ?? r.measure));
    printed.add('Reduce Re-offending');
    expect(new Set(measures.map((f) => f.measure))).toEqual(printed);
    expect(measures).toHaveLength(34);
    for (const f of measures) {
      expect(f.measureCy, f.measure).toBeTruthy();
      expect(f.measureCy, f.measure).not.toBe(f.measure);
      if (f.note) expect(f.noteCy, f.measure).toBeTruthy();
    }
    expect(new Set(measures.map((f) => f.measureCy)).size).toBe(measures.length);
  });

  it('carries the 4.2 table: each domain’s score and the area’s, graded by the seed’s own key', () => {
    const scores = figures.filter((f) => f.kind === 'domain-score' || f.kind === 'area-score');
    expect(scores).toHaveLength(seed.scores.length);
    for (const s of seed.scores) {
      const f = scores.find((x) => x.measure === s.name)!;
      expect(f, s.name).toBeDefined();
      expect(f.kind, s.name).toBe(s.name === 'Area score' ? 'area-score' : 'domain-score');
      expect(f.grade, s.name).toBe(seed.legend.get(s.words));
    }
    expect(scores.filter((f) => f.kind === 'domain-score').map((f) => f.domain)).toEqual(SEED_DOMAINS);
  });
});
