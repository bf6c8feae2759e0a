/**
 * The disclosure audit behind the published summary (shared/summaries/disclosure.ts): which
 * published figures to show as "[c]" so that no count of fewer than 3 people can be read or
 * worked out from what is shown.
 *
 * The intruder's model: every published figure is the sum of some unknown cells (the counts
 * of people in each cross-classification: option x language x kind of sentencer, say). The
 * intruder knows the shown figures' values, which cells each figure adds up, and that cells
 * are whole numbers from 0. A group of people (a published figure, or a cell or group that
 * is not published but is still a set of people: "those who answered no in Welsh") is
 * disclosed when its value follows from the shown figures:
 *
 * - linearly: its cells' sum is a combination of shown figures (Gaussian elimination);
 * - by non-negativity: a shown figure minus shown figures inside it, disjoint, leaves 0,
 *   so every cell of the rest is 0.
 *
 * A hidden published figure is protected whatever its value (that is what "[c]" promises);
 * a group that is not published is protected when it is fewer than 3. Bounds ("between 0 and
 * 2") are not disclosure: that is what "[c]" says.
 */

export interface Figure {
  /** What the caller calls it, to read the answer back. */
  key: string;
  /** The cells it adds up. */
  cells: readonly number[];
  /** Its value; undefined when it is already "[c]" where it came from. */
  value: number | undefined;
  /** Chosen for secondary suppression only when no other figure will do. */
  total?: boolean;
  /** Never hidden here: shown or hidden by another audit (a count used by several). */
  fixed?: boolean;
  /**
   * Public whatever is hidden (those who did not answer: returned minus answered gives them):
   * shown as "[c]" when small, but nothing else is hidden to protect it.
   */
  unprotected?: boolean;
}

interface Row {
  vector: Map<number, number>;
  value: number;
}

const EPS = 1e-9;

/** The shown figures as a reduced basis: each row has a pivot cell no later row uses. */
class Basis {
  private readonly rows: Row[] = [];
  private readonly pivots: number[] = [];
  constructor(shown: readonly Figure[]) {
    for (const f of shown) {
      const reduced = this.reduce(vectorOf(f.cells), f.value ?? 0);
      const pivot = [...reduced.vector.entries()].find(([, x]) => Math.abs(x) > EPS)?.[0];
      if (pivot === undefined) continue;
      const scale = reduced.vector.get(pivot)!;
      for (const [k, x] of reduced.vector) reduced.vector.set(k, x / scale);
      reduced.value /= scale;
      this.rows.push(reduced);
      this.pivots.push(pivot);
    }
  }
  private reduce(vector: Map<number, number>, value: number): Row {
    const v = new Map(vector);
    let val = value;
    this.rows.forEach((row, i) => {
      const x = v.get(this.pivots[i]!) ?? 0;
      if (Math.abs(x) < EPS) return;
      for (const [k, y] of row.vector) {
        const next = (v.get(k) ?? 0) - x * y;
        if (Math.abs(next) < EPS) v.delete(k);
        else v.set(k, next);
      }
      val -= x * row.value;
    });
    return { vector: v, value: val };
  }
  /** The value of the sum of `cells` when the shown figures fix it, else undefined. */
  derived(cells: readonly number[]): number | undefined {
    const r = this.reduce(vectorOf(cells), 0);
    return r.vector.size === 0 ? Math.round(-r.value) : undefined;
  }
}

function vectorOf(cells: readonly number[]): Map<number, number> {
  const v = new Map<number, number>();
  for (const c of cells) v.set(c, (v.get(c) ?? 0) + 1);
  return v;
}

/** The cells a shown figure leaves at 0: its shown parts (disjoint, inside it) add up to all of it. */
function zeroCells(shown: readonly Figure[]): { cells: Set<number>; because: Figure[] }[] {
  const out: { cells: Set<number>; because: Figure[] }[] = [];
  for (const whole of shown) {
    if (whole.value === undefined) continue;
    const inside = new Set(whole.cells);
    const parts = shown
      .filter((p) => p !== whole && p.cells.length < whole.cells.length && p.cells.every((c) => inside.has(c)))
      .sort((a, b) => b.cells.length - a.cells.length);
    const used = new Set<number>();
    let sum = 0;
    const picked: Figure[] = [];
    for (const p of parts) {
      if (p.cells.some((c) => used.has(c))) continue;
      for (const c of p.cells) used.add(c);
      sum += p.value ?? 0;
      picked.push(p);
    }
    const rest = whole.cells.filter((c) => !used.has(c));
    if (rest.length > 0 && sum === whole.value) out.push({ cells: new Set(rest), because: [...picked, whole] });
  }
  return out;
}

interface Disclosure {
  cells: readonly number[];
  /** Figures whose hiding may undo it, best first. */
  candidates: Figure[];
}

/** What an intruder can read off the figures not in `hidden`. */
class Intruder {
  private readonly shown: Figure[];
  private readonly basis: Basis;
  private readonly zeros: { cells: Set<number>; because: Figure[] }[];
  constructor(figures: readonly Figure[], hidden: ReadonlySet<string>) {
    this.shown = figures.filter((f) => !hidden.has(f.key));
    this.basis = new Basis(this.shown);
    this.zeros = zeroCells(this.shown);
  }
  /** How the group's value can be worked out, or undefined when it cannot. */
  works(cells: readonly number[], threshold: number, always: boolean): Disclosure | undefined {
    const v = this.basis.derived(cells);
    if (v !== undefined && (always || v < threshold)) {
      const set = new Set(cells);
      return { cells, candidates: this.shown.filter((f) => f.cells.some((c) => set.has(c))) };
    }
    const zero = cells.length > 0 ? this.zeros.find((z) => cells.every((c) => z.cells.has(c))) : undefined;
    return zero ? { cells, candidates: zero.because } : undefined;
  }
}

/** The first group the shown figures give away, or undefined. */
function firstDisclosure(
  figures: readonly Figure[],
  hidden: ReadonlySet<string>,
  groups: readonly (readonly number[])[],
  threshold: number,
  accepted: ReadonlySet<readonly number[]> = new Set(),
): Disclosure | undefined {
  const intruder = new Intruder(figures, hidden);
  for (const f of figures) {
    if (!hidden.has(f.key) || f.unprotected || accepted.has(f.cells)) continue;
    const found = intruder.works(f.cells, threshold, true);
    if (found) return found;
  }
  for (const g of groups) {
    if (accepted.has(g)) continue;
    const found = intruder.works(g, threshold, false);
    if (found) return found;
  }
  return undefined;
}

/**
 * The keys of the figures to show as "[c]": those under `threshold` (primary), those already
 * "[c]", and as few others as it takes (smallest first, totals last) so that no hidden figure
 * and no group in `groups` under the threshold can be worked out. A group the fixed figures
 * give away by themselves (every cell of a language nobody answered in) is public anyway: it is
 * not protected, as nothing hidden could protect it.
 */
export function auditFigures(figures: readonly Figure[], groups: readonly (readonly number[])[], threshold: number): Set<string> {
  const given = new Intruder(
    figures.filter((f) => f.fixed && f.value !== undefined),
    new Set(),
  );
  const inherent = (cells: readonly number[]) => given.works(cells, Number.POSITIVE_INFINITY, true) !== undefined;
  const protectedGroups = groups.filter((g) => !inherent(g));
  const candidates = figures.map((f) => (f.value !== undefined && inherent(f.cells) ? { ...f, unprotected: true } : f));
  // The same sum published twice (a question's positive count and the total of its language row) is one figure: shown or hidden together.
  const signature = (f: Figure) => [...f.cells].sort((a, b) => a - b).join(',');
  const twins = new Map<string, Figure[]>();
  for (const f of candidates) if (!f.fixed) twins.set(signature(f), [...(twins.get(signature(f)) ?? []), f]);
  const hidden = new Set<string>();
  const hide = (f: Figure) => {
    for (const twin of f.fixed ? [f] : twins.get(signature(f))!) hidden.add(twin.key);
  };
  for (const f of candidates) if (f.value === undefined || (!f.fixed && f.value < threshold)) hide(f);
  const cost = (fs: readonly Figure[]) => fs.reduce((a, f) => a + (f.total ? 1e6 : 0) + (f.value ?? 0), 0);
  /** Hiding `extra` keeps `found` and the newly hidden figures (when `clean`) out of reach. */
  const undoes = (found: Disclosure, extra: readonly Figure[], clean: boolean) => {
    const trial = new Set(hidden);
    for (const f of extra) for (const twin of twins.get(signature(f)) ?? [f]) trial.add(twin.key);
    const intruder = new Intruder(candidates, trial);
    if (intruder.works(found.cells, threshold, true)) return false;
    return !clean || extra.every((f) => !intruder.works(f.cells, threshold, true));
  };
  // What only fixed figures give away: another audit answers for those; the rest are still protected.
  const accepted = new Set<readonly number[]>();
  for (let guard = 0; guard <= candidates.length + groups.length; guard++) {
    const found = firstDisclosure(candidates, hidden, protectedGroups, threshold, accepted);
    if (!found) break;
    const seen = new Set<string>();
    const movable = candidates
      .filter((f) => !f.fixed && !hidden.has(f.key) && !seen.has(signature(f)) && seen.add(signature(f)))
      .sort((a, b) => cost([a]) - cost([b]));
    const pairs = () => {
      const out: Figure[][] = [];
      for (let i = 0; i < movable.length; i++) for (let j = i + 1; j < movable.length; j++) out.push([movable[i]!, movable[j]!]);
      return out.sort((a, b) => cost(a) - cost(b));
    };
    const single = (clean: boolean) => movable.find((f) => undoes(found, [f], clean));
    const one = single(true);
    const pick: Figure[] | undefined = one
      ? [one]
      : (pairs().find((p) => undoes(found, p, true)) ??
        (single(false) ? [single(false)!] : undefined) ??
        found.candidates.filter((f) => !f.fixed && !hidden.has(f.key)).slice(0, 1));
    if (pick.length === 0) accepted.add(found.cells);
    for (const f of pick) hide(f);
  }
  return hidden;
}
