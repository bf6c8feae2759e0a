/**
 * An intruder for the disclosure tests, written apart from the rule (shared/summaries/
 * disclosure.ts and audit.ts): it reads only what a published file shows and, by brute force,
 * lists every table of whole-number counts that agrees with it. A held-back figure, or a group
 * of fewer than 3 people, that takes one value in every such table has been given away.
 *
 * It knows what a reader of the questionnaires knows: each question's options, which are
 * positive and which mean "do not know", and that every question is required (so a question's
 * answers add up to the people it was put to).
 */
import { getQuestionnaireVersion } from '#questionnaires/index';
import type { PublishedSummary } from '#schemas/summary';

export type Shown = number | undefined;
const shown = (v: unknown): Shown => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

interface Constraint {
  cells: number[];
  value: number;
}

/**
 * For each target (a set of cells), whether it takes more than one value over the tables with
 * cells in 0..max that meet every constraint; stops as soon as every target is undetermined.
 */
export function undetermined(
  nCells: number,
  max: number,
  constraints: readonly Constraint[],
  caps: readonly Constraint[],
  targets: readonly number[][],
): { open: boolean[]; feasible: boolean } {
  const first = targets.map(() => undefined as number | undefined);
  const open = targets.map(() => false);
  const values = new Array<number>(nCells).fill(0);
  let feasible = false;
  const all = [...constraints.map((c) => ({ ...c, exact: true })), ...caps.map((c) => ({ ...c, exact: false }))];
  const by = Array.from({ length: nCells }, (_, i) =>
    all.filter((c) => c.cells.includes(i)).map((c) => ({ ...c, last: Math.max(...c.cells) === i, after: c.cells.filter((j) => j > i).length })),
  );
  const sum = (cells: readonly number[], upTo = nCells) => cells.reduce((a, j) => a + (j <= upTo ? values[j]! : 0), 0);
  const done = () => open.every(Boolean);
  const visit = (i: number): void => {
    if (i === nCells) {
      feasible = true;
      targets.forEach((t, k) => {
        const v = sum(t);
        if (first[k] === undefined) first[k] = v;
        else if (first[k] !== v) open[k] = true;
      });
      return;
    }
    for (let v = 0; v <= max; v++) {
      values[i] = v;
      const partials = by[i]!.map((c) => ({ c, partial: sum(c.cells, i) }));
      // Larger values only overshoot further.
      if (partials.some(({ c, partial }) => partial > c.value)) break;
      // Too small to reach an exact total even if every later cell took the most: a larger value may.
      if (partials.some(({ c, partial }) => c.exact && partial + c.after * max < c.value)) continue;
      if (partials.every(({ c, partial }) => !c.exact || !c.last || partial === c.value)) visit(i + 1);
      if (done()) break;
    }
    values[i] = 0;
  };
  visit(0);
  return { open, feasible };
}

export interface Leak {
  where: string;
  what: string;
}

const LANGS = ['en', 'cy'] as const;

/**
 * Every closed question of every audience, one at a time: cells option x language, the
 * population of each language (returned, or for a routed question its controlling question's
 * positive answers) where shown, else at most `max`. `truth` gives the real per-language
 * option counts, to know which groups are small.
 */
export function questionLeaks(
  published: PublishedSummary,
  truth: (audience: string, id: string) => Record<'en' | 'cy', Record<string, number>>,
  max: number,
): Leak[] {
  const leaks: Leak[] = [];
  for (const [audience, s] of Object.entries(published.serviceUsers)) {
    const def = getQuestionnaireVersion(s.version, 'en');
    if (!def) continue;
    const returnedRow = published.serviceUsersByLanguage.returned.find((r) => r.audience === audience);
    for (const q of s.questions) {
      if (q.type === 'text' || q.type === 'multi-choice') continue;
      const d = def.questions.find((x) => x.id === q.id)!;
      const options = (d.options ?? []).map((o) => o.value);
      const na = new Set(d.notApplicable ?? []);
      const pos = new Set(d.positive ?? []);
      const cell = (o: number, l: number) => l * options.length + o;
      const n = options.length * 2;
      const all = (test: (o: string, l: number) => boolean) => options.flatMap((o, oi) => [0, 1].filter((l) => test(o, l)).map((l) => cell(oi, l)));
      const constraints: Constraint[] = [];
      const caps: Constraint[] = [];
      const figures: [string, number[], unknown][] = [];
      options.forEach((o) => figures.push([`count.${o}`, all((x) => x === o), q.counts[o]]));
      figures.push(['answered', all((o) => !na.has(o)), q.answered]);
      if (pos.size) figures.push(['positive', all((o) => pos.has(o)), q.positive]);
      const byLang = published.serviceUsersByLanguage.questions.find((x) => x.audience === audience && x.id === q.id);
      LANGS.forEach((l, li) => {
        figures.push([`lang.answered.${l}`, all((o, x) => x === li && !na.has(o)), byLang?.answered[l]]);
        if (pos.size) figures.push([`lang.positive.${l}`, all((o, x) => x === li && pos.has(o)), byLang?.positive[l]]);
      });
      // The people it was put to.
      const control = d.showIf ? s.questions.find((x) => x.id === d.showIf!.question) : undefined;
      const controlLang = d.showIf
        ? published.serviceUsersByLanguage.questions.find((x) => x.audience === audience && x.id === d.showIf!.question)
        : undefined;
      LANGS.forEach((l, li) => {
        const population = d.showIf ? shown(controlLang?.positive[l]) : shown(returnedRow?.[l]);
        const cells = all((_o, x) => x === li);
        if (population === undefined) caps.push({ cells, value: max });
        else constraints.push({ cells, value: population });
      });
      const total = d.showIf ? (control && control.type !== 'text' ? shown(control.positive) : undefined) : shown(s.returned);
      if (total !== undefined) constraints.push({ cells: all(() => true), value: total });
      for (const [, cells, v] of figures) {
        const value = shown(v);
        if (value !== undefined) constraints.push({ cells, value });
      }
      const t = truth(audience, q.id);
      const sumOf = (cells: number[]) =>
        cells.reduce((a, c) => a + (t[LANGS[Math.floor(c / options.length)]!][options[c % options.length]!] ?? 0), 0);
      const targets: { what: string; cells: number[] }[] = [];
      for (const [key, cells, v] of figures) {
        const naCount = key.startsWith('count.') && na.has(key.slice(6));
        if (v === '[c]' && !naCount) targets.push({ what: `${key} ([c])`, cells });
      }
      options.forEach((o, oi) => {
        if (na.has(o)) return;
        LANGS.forEach((l, li) => {
          if (sumOf([cell(oi, li)]) < 3) targets.push({ what: `${o} in ${l}`, cells: [cell(oi, li)] });
        });
      });
      if (pos.size) {
        const negative = (o: string) => !na.has(o) && !pos.has(o);
        const groups: [string, number[]][] = [
          ['negative', all(negative)],
          ...LANGS.map((l, li) => [`negative in ${l}`, all((o, x) => x === li && negative(o))] as [string, number[]]),
        ];
        for (const [what, cells] of groups) if (sumOf(cells) < 3) targets.push({ what, cells });
      }
      // A group the people it was put to give away by themselves (a language nobody answered in) is public anyway.
      const populations = constraints.filter((c) => figures.every(([, cells]) => cells !== c.cells));
      const alone = undetermined(
        n,
        max,
        populations,
        caps,
        targets.map((x) => x.cells),
      ).open;
      const open0 = targets.filter((_, k) => alone[k]);
      targets.splice(0, targets.length, ...open0);
      if (targets.length === 0) continue;
      const { open, feasible } = undetermined(
        n,
        max,
        constraints,
        caps,
        targets.map((x) => x.cells),
      );
      if (!feasible) leaks.push({ where: `${audience}.${q.id}`, what: 'no table fits what is published (the oracle or the file is wrong)' });
      open.forEach((o, k) => {
        if (!o) leaks.push({ where: `${audience}.${q.id}`, what: targets[k]!.what });
      });
    }
  }
  return leaks;
}

/**
 * The sample's distributions, one at a time: cells the distribution's keys, adding up to the
 * number of cases; the breakdown groups and the caseload table count the same cells.
 */
export function sampleLeaks(published: PublishedSummary, truth: Record<string, Record<string, number>>): Leak[] {
  const leaks: Leak[] = [];
  const s = published.sample as unknown as Record<string, unknown>;
  const parts: [string, string | undefined][] = [
    ['byCaseType', 'caseType'],
    ['byGender', 'gender'],
    ['byEthnicity', 'ethnicity'],
    ['byRoh', 'roh'],
    ['byTier', 'tier'],
    ['byMappaLevel', undefined],
    ['byAssessor', undefined],
  ];
  for (const [part, by] of parts) {
    const record = s[part] as Record<string, unknown>;
    const keys = Object.keys(record);
    const constraints: Constraint[] = [{ cells: keys.map((_, i) => i), value: published.sample.cases }];
    const targets: { what: string; cells: number[] }[] = [];
    keys.forEach((k, i) => {
      const v = shown(record[k]);
      if (v !== undefined) constraints.push({ cells: [i], value: v });
      if ((truth[part]?.[k] ?? 0) < 3) targets.push({ what: `${part}.${k}`, cells: [i] });
    });
    for (const g of published.breakdowns?.find((b) => b.by === by)?.groups ?? []) {
      const i = keys.indexOf(g.value);
      const v = shown(g.cases);
      if (i >= 0 && v !== undefined) constraints.push({ cells: [i], value: v });
    }
    const balance = (published.sample.balance as unknown as Record<string, { key: string; sample: unknown }[] | null> | null | undefined)?.[part];
    for (const row of balance ?? []) {
      const cells = row.key === 'minority-ethnic' ? ['black', 'asian', 'mixed', 'other'].map((k) => keys.indexOf(k)) : [keys.indexOf(row.key)];
      const v = shown(row.sample);
      if (v !== undefined && cells.every((c) => c >= 0)) constraints.push({ cells, value: v });
    }
    const alone = undetermined(
      keys.length,
      published.sample.cases,
      constraints.slice(0, 1),
      [],
      targets.map((t) => t.cells),
    ).open;
    const open0 = targets.filter((_, k) => alone[k]);
    if (open0.length === 0) continue;
    targets.splice(0, targets.length, ...open0);
    const { open } = undetermined(
      keys.length,
      published.sample.cases,
      constraints,
      [],
      targets.map((t) => t.cells),
    );
    open.forEach((o, k) => {
      if (!o) leaks.push({ where: 'sample', what: targets[k]!.what });
    });
  }
  return leaks;
}

/** How many were really met, one by one and in groups, per audience: the oracle's truth. */
export type MetTruth = Record<string, { individually: number; inGroups: number }>;

/**
 * The people met in person, one audience at a time: two cells (met one by one, met in groups)
 * in 0..max. What a reader knows besides the figures shown (in `meetings` and again in
 * `serviceUsers`): every meeting met somebody, so everyone met is at least the number of
 * interviews and at least the number of groups; a group met at least one person together, so
 * those met in groups are at least the number of groups, and none at all exactly when there
 * were no groups. A figure shown as "[c]", or a count of fewer than 3 people, that takes one
 * value in every pair that fits has been given away.
 */
export function meetingLeaks(published: PublishedSummary, truth: MetTruth, max: number): Leak[] {
  const leaks: Leak[] = [];
  for (const m of published.meetings ?? []) {
    const real = truth[m.audience] ?? { individually: 0, inGroups: 0 };
    const shownAs = [m.met, (published.serviceUsers as Record<string, { met?: Record<string, unknown> }>)[m.audience]?.met].filter(
      (x): x is Record<string, unknown> => !!x,
    );
    const fixed = (key: 'individually' | 'inGroups' | 'total') => shownAs.map((x) => shown(x[key])).find((v) => v !== undefined);
    const [knownI, knownG, knownT] = [fixed('individually'), fixed('inGroups'), fixed('total')];
    const interviews = shown(m.interviews);
    const groups = shown(m.groups);
    const fits: [number, number][] = [];
    for (let i = 0; i <= max; i++) {
      for (let g = 0; g <= max; g++) {
        if (knownI !== undefined && i !== knownI) continue;
        if (knownG !== undefined && g !== knownG) continue;
        if (knownT !== undefined && i + g !== knownT) continue;
        if (interviews !== undefined && i + g < interviews) continue;
        if (groups !== undefined && (g < groups || (groups === 0) !== (g === 0) || i + g < groups)) continue;
        fits.push([i, g]);
      }
    }
    if (!fits.some(([i, g]) => i === real.individually && g === real.inGroups)) {
      leaks.push({ where: `meetings.${m.audience}`, what: 'no pair fits what is published (the oracle or the file is wrong)' });
      continue;
    }
    const targets: [string, (p: [number, number]) => number][] = [];
    const realOf = { individually: real.individually, inGroups: real.inGroups, total: real.individually + real.inGroups };
    const figureOf = {
      individually: (p: [number, number]) => p[0],
      inGroups: (p: [number, number]) => p[1],
      total: (p: [number, number]) => p[0] + p[1],
    };
    for (const key of ['individually', 'inGroups', 'total'] as const) {
      const hidden = shownAs.some((x) => x[key] === '[c]');
      if (hidden || realOf[key] < 3) targets.push([`met.${key}${hidden ? ' ([c])' : ''}`, figureOf[key]]);
    }
    for (const [what, value] of targets) {
      if (new Set(fits.map(value)).size === 1) leaks.push({ where: `meetings.${m.audience}`, what });
    }
  }
  return leaks;
}
