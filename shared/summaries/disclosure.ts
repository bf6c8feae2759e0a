/**
 * Disclosure control (contract, "Disclosure control"): the one rule for everything published
 * (report links, releases, their JSON, CSV and HTML), anchored in the Government Statistical
 * Service's guidance on disclosure control:
 *
 * - a count of fewer than 3 people (zero included) is shown as "[c]";
 * - a score over fewer than 5 cases is shown as "[c]" (a question's figure, a breakdown group);
 * - a second figure is hidden wherever the first could be worked out from what is shown
 *   (./audit.ts says how an intruder is assumed to work).
 *
 * `publishedSummary` is the only way a summary leaves for the public: shared/domain/
 * summary-read.ts's summaryForLink calls it, and releases and report links go through that.
 * Staff pages read the summary itself, every figure in it, marked as not for publication.
 *
 * What is not hidden, and why: the number of questionnaires sent (the inspectorate's own act,
 * about nobody); the number of cases in the sample; those who did not answer a question or
 * said they did not know (returned minus answered gives them: shown as "[c]" when small, but
 * nothing else is hidden to protect them); case judgements over 5 cases or more (the work
 * with a case, scored, not a fact about the person).
 */
import type {
  PublishedSummary,
  Summary,
  SampleComposition,
  PublishedSampleComposition,
  PublishedAudienceSummary,
  ClosedQuestionSummary,
  LanguageCells,
  KindCells,
} from '#schemas/summary';
import type { Audience, QuestionnaireQuestion } from '#schemas/questionnaire';
import { getQuestionnaireVersion, summaryPhrasesFor } from '#questionnaires/index';
import { auditFigures, type Figure } from './audit';
import { numberWord, capitalise } from './words';

import { SCORE_MIN_CASES, SUPPRESSED, SUPPRESSION_THRESHOLD } from './thresholds';

export { SCORE_MIN_CASES, SUPPRESSED, SUPPRESSION_THRESHOLD };

export interface SuppressedTable {
  /** The body cells: a numeral, or "[c]". */
  rows: string[][];
  /** Each row's total. */
  rowTotals: string[];
  /** Each column's total, when asked for. */
  columnTotals: string[] | null;
  /** The total of everything, when column totals were asked for. */
  grandTotal: string | null;
  /** Which body cells are suppressed (primary or secondary). */
  suppressed: boolean[][];
}

/**
 * Suppresses small numbers in a table of counts of respondents (rows x columns), with row
 * totals and, optionally, column totals and a grand total. The rule:
 *
 * 1. Primary: every cell, body or total, with fewer than `threshold` (3) respondents, zero
 *    included, shows "[c]".
 * 2. Secondary, by lines: a line is a row's cells and its total, or (with column totals) a
 *    column's cells and its total. If exactly one cell of a line is suppressed, the line's
 *    smallest unsuppressed cell (ties: leftmost, then topmost) is suppressed too, so it cannot
 *    be worked out by one subtraction. Likewise the column totals against the grand total.
 * 3. Secondary, by audit: an intruder is assumed to know every row total (the summary
 *    publishes them anyway), every column total when there are any, every shown cell, and that
 *    counts are whole numbers from zero. Any suppressed cell whose value still follows from
 *    those (several lines at once, by Gaussian elimination, or because suppressed cells of a
 *    line must add up to zero) gets the smallest unsuppressed cell of one of its lines
 *    suppressed too; then back to 2, until nothing suppressed can be worked out.
 *
 * The one exception to 2 and 3: a cell the totals alone give away (a cell of a row whose total
 * is 0, or the only cell of a row) is public whatever is suppressed; it is shown as "[c]" if
 * small, but nothing else is suppressed to protect it. Totals are never chosen for secondary
 * suppression. A range (that a hidden cell lies between 0 and its row total) is not a
 * disclosure: that is what "[c]" means.
 */
export function suppressTable(body: readonly (readonly number[])[], options: { columnTotals?: boolean; threshold?: number } = {}): SuppressedTable {
  const threshold = options.threshold ?? SUPPRESSION_THRESHOLD;
  const withColumns = options.columnTotals ?? false;
  const nRows = body.length;
  const nCols = Math.max(0, ...body.map((row) => row.length));
  const cell = (r: number, c: number) => body[r]?.[c] ?? 0;
  const rowTotals = Array.from({ length: nRows }, (_, r) => (body[r] ?? []).reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: nCols }, (_, c) => body.reduce((a, row) => a + (row[c] ?? 0), 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);

  // Body cells are numbered r * nCols + c; a line is the list of its cells' numbers.
  const index = (r: number, c: number) => r * nCols + c;
  const value = (i: number) => cell(Math.floor(i / nCols), i % nCols);
  const allCells = Array.from({ length: nRows * nCols }, (_, i) => i);
  const lines: number[][] = [];
  for (let r = 0; r < nRows; r++) lines.push(Array.from({ length: nCols }, (_, c) => index(r, c)));
  if (withColumns) for (let c = 0; c < nCols; c++) lines.push(Array.from({ length: nRows }, (_, r) => index(r, c)));

  const hidden = new Set(allCells.filter((i) => value(i) < threshold));
  const colTotalHidden = colTotals.map((t) => withColumns && t < threshold);
  const grandHidden = withColumns && grand < threshold;
  const inherent = workedOut(lines, new Set(allCells), value);

  const smallestCandidate = (cells: readonly number[]): number | undefined => {
    let pick: number | undefined;
    for (const i of cells) {
      if (!hidden.has(i) && !inherent.has(i) && (pick === undefined || value(i) < value(pick))) pick = i;
    }
    return pick;
  };

  for (;;) {
    // 2. lines with exactly one suppressed cell
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of lines) {
        if (line.filter((i) => hidden.has(i) && !inherent.has(i)).length !== 1) continue;
        const pick = smallestCandidate(line);
        if (pick !== undefined) {
          hidden.add(pick);
          changed = true;
        }
      }
      if (withColumns && colTotalHidden.filter(Boolean).length + (grandHidden ? 1 : 0) === 1) {
        let pick: number | undefined;
        colTotals.forEach((t, c) => {
          if (!colTotalHidden[c] && (pick === undefined || t < colTotals[pick]!)) pick = c;
        });
        if (pick !== undefined) {
          colTotalHidden[pick] = true;
          changed = true;
        }
      }
    }
    // 3. audit
    const exposed = [...workedOut(lines, hidden, value)].filter((i) => !inherent.has(i)).sort((a, b) => a - b)[0];
    if (exposed === undefined) break;
    const pick = smallestCandidate(lines.filter((l) => l.includes(exposed)).flat()) ?? smallestCandidate(allCells);
    if (pick === undefined) break; // nothing left to suppress
    hidden.add(pick);
  }

  const show = (v: number, isHidden: boolean) => (isHidden ? SUPPRESSED : String(v));
  return {
    rows: Array.from({ length: nRows }, (_, r) => Array.from({ length: nCols }, (_, c) => show(cell(r, c), hidden.has(index(r, c))))),
    rowTotals: rowTotals.map((t) => show(t, t < threshold)),
    columnTotals: withColumns ? colTotals.map((t, c) => show(t, colTotalHidden[c]!)) : null,
    grandTotal: withColumns ? show(grand, grandHidden) : null,
    suppressed: Array.from({ length: nRows }, (_, r) => Array.from({ length: nCols }, (_, c) => hidden.has(index(r, c)))),
  };
}

/**
 * The suppressed cells (of `hidden`) whose values follow from the lines' totals and the other
 * cells: repeatedly, every suppressed cell of a line whose suppressed cells add up to zero
 * (counts are never negative), and every cell fixed by the lines' equations (its unit vector
 * lies in the row space of the equations over the still-unknown cells).
 */
function workedOut(lines: readonly (readonly number[])[], hidden: ReadonlySet<number>, value: (i: number) => number): Set<number> {
  const known = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const unknown = line.filter((i) => hidden.has(i) && !known.has(i));
      if (unknown.length > 0 && unknown.every((i) => value(i) === 0)) {
        for (const i of unknown) known.add(i);
        changed = true;
      }
    }
    const unknowns = [...hidden].filter((i) => !known.has(i));
    if (unknowns.length === 0) break;
    const column = new Map(unknowns.map((u, k) => [u, k]));
    const matrix = lines
      .map((line) => {
        const row = new Array<number>(unknowns.length).fill(0);
        for (const i of line) {
          const k = column.get(i);
          if (k !== undefined) row[k] = 1;
        }
        return row;
      })
      .filter((row) => row.some((x) => x !== 0));
    const base = rank(matrix);
    for (const u of unknowns) {
      const unit = new Array<number>(unknowns.length).fill(0);
      unit[column.get(u)!] = 1;
      if (rank([...matrix, unit]) === base) {
        known.add(u);
        changed = true;
      }
    }
  }
  return known;
}

/** Rank of a small 0/1 matrix, by Gaussian elimination with partial pivoting. */
function rank(matrix: readonly (readonly number[])[]): number {
  const m = matrix.map((row) => [...row]);
  const cols = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![c]! / m[r]![c]!;
      if (f !== 0) for (let j = c; j < cols; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r++;
  }
  return r;
}

/* ------------------------------------------------------------------------------------------
 * The published summary
 * ---------------------------------------------------------------------------------------- */

type Mark = typeof SUPPRESSED;
const AUDIENCES = ['offender', 'victim', 'sentencer'] as const satisfies readonly Audience[];
const LANGS = ['en', 'cy'] as const;
const KINDS = ['magistrate', 'district-judge', 'judge', 'legal-adviser'] as const;
const NOT_SAID = 'not-said';

/** A string cell of a stored table ("7" or "[c]") as a value for the audit. */
const cellValue = (s: string | undefined): number | undefined => (s === undefined || s === SUPPRESSED ? undefined : Number(s));

/** Figures over numbered cells, built up by name. */
class Model {
  private next = 0;
  private readonly named = new Map<string, number>();
  readonly figures: Figure[] = [];
  readonly groups: number[][] = [];
  cell(name: string): number {
    let c = this.named.get(name);
    if (c === undefined) this.named.set(name, (c = this.next++));
    return c;
  }
  cells(match: (name: string) => boolean): number[] {
    return [...this.named].filter(([n]) => match(n)).map(([, c]) => c);
  }
  add(key: string, cells: readonly number[], value: number | undefined, extra: Partial<Figure> = {}): void {
    this.figures.push({ key, cells, value, ...extra });
  }
  audit(): Set<string> {
    return auditFigures(this.figures, this.groups, SUPPRESSION_THRESHOLD);
  }
}

/**
 * The summary as the public may see it: every figure the rule holds back is "[c]", and the
 * sentences built on a held-back figure say so in words. Pure: the staff summary is untouched.
 */
export function publishedSummary(summary: Summary): PublishedSummary {
  const sample = publishedSample(summary);
  const { serviceUsers: serviceUsersOf, ...users } = publishedServiceUsers(summary);
  return {
    ...summary,
    questions: summary.questions.map((q) => {
      const relevant = q.yes + q.no;
      return relevant > 0 && relevant < SCORE_MIN_CASES ? { ...q, yes: SUPPRESSED, no: SUPPRESSED, proportion: SUPPRESSED, percent: SUPPRESSED } : q;
    }),
    sample: sample.sample,
    ...(summary.breakdowns ? { breakdowns: sample.breakdowns } : {}),
    ...users,
    ...(summary.interviews ? { interviews: publishedInterviews(summary.interviews) } : {}),
    ...publishedMeetings(summary, serviceUsersOf),
  };
}

/* Sample composition and breakdown groups: one model, as both count the same cases. */

const DISTRIBUTIONS = [
  ['byCaseType', 'caseType'],
  ['byGender', 'gender'],
  ['byEthnicity', 'ethnicity'],
  ['byRoh', 'roh'],
  ['byTier', 'tier'],
  ['byMappaLevel', undefined],
  ['byAssessor', undefined],
] as const;
const FLAGS = ['ppo', 'approvedPremises', 'statutoryVictimContact'] as const;
const MINORITY = ['black', 'asian', 'mixed', 'other'];

function publishedSample(summary: Summary): { sample: PublishedSampleComposition; breakdowns: PublishedSummary['breakdowns'] } {
  const s = summary.sample;
  const m = new Model();
  const everything: number[] = [];
  const keysOf = (part: string) => Object.keys((s as unknown as Record<string, Record<string, number>>)[part] ?? {});
  for (const [part] of DISTRIBUTIONS) {
    for (const key of keysOf(part)) {
      const c = m.cell(`${part}.${key}`);
      if (part === 'byCaseType') everything.push(c);
      m.groups.push([c]);
      m.add(`${part}.${key}`, [c], (s[part] as Record<string, number>)[key]);
    }
  }
  for (const flag of FLAGS) {
    const [yes, no, unknown] = ['yes', 'no', 'not-recorded'].map((v) => m.cell(`${flag}.${v}`)) as [number, number, number];
    m.groups.push([yes], [no], [unknown]);
    m.add(`${flag}.yes`, [yes], s[flag]);
    m.add(`${flag}.not-recorded`, [unknown], s.flagsNotRecorded[flag]);
    m.add(`${flag}.total`, [yes, no, unknown], s.cases, { fixed: true, total: true });
  }
  for (const [part] of DISTRIBUTIONS)
    m.add(
      `${part}.total`,
      m.cells((n) => n.startsWith(`${part}.`)),
      s.cases,
      { fixed: true, total: true },
    );
  const partOf = (by: string) => (by === 'ppo' ? 'ppo' : DISTRIBUTIONS.find(([, b]) => b === by)?.[0]);
  for (const b of summary.breakdowns ?? []) {
    const part = partOf(b.by);
    if (!part) continue;
    for (const g of b.groups) m.add(`breakdown.${b.by}.${g.value}`, [m.cell(`${part}.${g.value}`)], g.cases);
  }
  const balanceParts = ['byGender', 'byEthnicity', 'byCaseType'] as const;
  for (const part of balanceParts) {
    for (const row of s.balance?.[part] ?? []) {
      const keys = row.key === 'minority-ethnic' ? MINORITY : [row.key];
      m.add(
        `balance.${part}.${row.key}`,
        keys.map((k) => m.cell(`${part}.${k}`)),
        row.sample,
      );
    }
  }
  void everything;
  const hidden = m.audit();
  const shown = (key: string, v: number): number | Mark => (hidden.has(key) ? SUPPRESSED : v);
  const published = { ...s } as unknown as Record<string, unknown>;
  for (const [part] of DISTRIBUTIONS) {
    published[part] = Object.fromEntries(Object.entries(s[part] as Record<string, number>).map(([k, v]) => [k, shown(`${part}.${k}`, v)]));
  }
  for (const flag of FLAGS) published[flag] = shown(`${flag}.yes`, s[flag]);
  published.flagsNotRecorded = Object.fromEntries(FLAGS.map((f) => [f, shown(`${f}.not-recorded`, s.flagsNotRecorded[f])]));
  if (s.balance) {
    // The minimums are the inspection's own planning, not part of the published sample.
    const { minimums: _planning, ...balance } = s.balance;
    const rows = (part: (typeof balanceParts)[number]) =>
      s.balance![part]?.map((row) =>
        hidden.has(`balance.${part}.${row.key}`) ? { ...row, sample: SUPPRESSED as Mark, samplePercent: SUPPRESSED as Mark } : row,
      ) ?? null;
    published.balance = { ...balance, byGender: rows('byGender'), byEthnicity: rows('byEthnicity'), byCaseType: rows('byCaseType') };
  }
  const breakdowns = summary.breakdowns?.map((b) => ({
    ...b,
    groups: b.groups.map((g) => (hidden.has(`breakdown.${b.by}.${g.value}`) ? { ...g, cases: SUPPRESSED as Mark } : g)),
  }));
  return { sample: published as unknown as PublishedSampleComposition, breakdowns };
}

/* The service users' perspective: returns, then each question, with its language and kind splits. */

type Known = number | undefined;
/** What a question's audit must take as given: shown (a value) or held back (undefined) by another audit. */
interface Given {
  total: Known;
  en: Known;
  cy: Known;
}

const SENTENCER_KIND = 'sentencer-kind';

function publishedServiceUsers(summary: Summary): Pick<PublishedSummary, 'serviceUsers' | 'serviceUsersByLanguage' | 'sentencersByKind'> {
  const byLanguage = summary.serviceUsersByLanguage;
  const byKind = summary.sentencersByKind;
  const kindsOf = (a: Audience) => (a === 'sentencer' && byKind ? [...KINDS, NOT_SAID] : ['all']);
  const questionsByLanguage = new Map(byLanguage.questions.map((q) => [`${q.audience}.${q.id}`, q]));

  // Returns: cells audience x language x channel x kind, one model (the "all" row joins the
  // audiences). The sentencers' "which of these are you?" counts the same people by kind, so
  // it is audited here too.
  const r = new Model();
  const returnedOf = (a: string) =>
    a === 'all' ? AUDIENCES.reduce((n, x) => n + summary.serviceUsers[x].returned, 0) : summary.serviceUsers[a as Audience].returned;
  const cellName = (a: string, l: string, ch: string, k: string) => `${a}|${l}|${ch}|${k}`;
  for (const a of AUDIENCES)
    for (const l of LANGS) for (const ch of ['online', 'paper']) for (const k of kindsOf(a)) r.groups.push([r.cell(cellName(a, l, ch, k))]);
  const where = (test: (a: string, l: string, ch: string, k: string) => boolean) =>
    r.cells((n) => test(...(n.split('|') as [string, string, string, string])));
  for (const a of AUDIENCES) {
    const s = summary.serviceUsers[a];
    // How many returned is public (the report's "Seven of the 21 questionnaires ..."): it says
    // who answered, not what anyone answered. Its splits are protected.
    r.add(
      `${a}.returned`,
      where((x) => x === a),
      s.returned,
      { total: true, fixed: true },
    );
    if (s.byChannel)
      for (const ch of ['online', 'paper'] as const)
        r.add(
          `${a}.${ch}`,
          where((x, _l, c) => x === a && c === ch),
          s.byChannel[ch],
        );
  }
  for (const row of byLanguage.returned) {
    for (const l of LANGS)
      r.add(
        `lang.${row.audience}.${l}`,
        where((x, y) => (row.audience === 'all' || x === row.audience) && y === l),
        cellValue(row[l]),
      );
    r.add(
      `lang.${row.audience}.total`,
      where((x) => row.audience === 'all' || x === row.audience),
      returnedOf(row.audience),
      { total: true, fixed: true },
    );
  }
  const kindQuestion = summary.serviceUsers.sentencer.questions.find((q) => q.id === SENTENCER_KIND);
  if (byKind) {
    const isKind = (k: string) => (_x: string, _l: string, _c: string, y: string) => y === k;
    const sentencer = (test: (x: string, l: string, c: string, y: string) => boolean) => where((x, l, c, y) => x === 'sentencer' && test(x, l, c, y));
    for (const k of KINDS) r.add(`kind.${k}`, sentencer(isKind(k)), cellValue(byKind.returned[k]));
    r.add(
      'kind.total',
      sentencer((_x, _l, _c, y) => y !== NOT_SAID),
      cellValue(byKind.returned.total),
      { total: true },
    );
    r.add('kind.not-said', sentencer(isKind(NOT_SAID)), byKind.notSaid);
    if (kindQuestion && kindQuestion.type !== 'text') {
      for (const k of KINDS) if (k in kindQuestion.counts) r.add(`kq.count.${k}`, sentencer(isKind(k)), kindQuestion.counts[k]);
      r.add(
        'kq.answered',
        sentencer((_x, _l, _c, y) => y !== NOT_SAID),
        kindQuestion.answered,
        { total: true },
      );
      const lang = questionsByLanguage.get(`sentencer.${SENTENCER_KIND}`);
      if (lang)
        for (const l of LANGS)
          r.add(
            `kq.lang.answered.${l}`,
            sentencer((_x, y, _c, k) => y === l && k !== NOT_SAID),
            cellValue(lang.answered[l]),
          );
    }
  }
  const returnsHidden = r.audit();
  const returnedGiven = (a: Audience): Given => {
    const shown = (key: string, v: Known) => (returnsHidden.has(key) ? undefined : v);
    const row = byLanguage.returned.find((x) => x.audience === a);
    return {
      total: shown(`${a}.returned`, summary.serviceUsers[a].returned),
      en: shown(`lang.${a}.en`, cellValue(row?.en)),
      cy: shown(`lang.${a}.cy`, cellValue(row?.cy)),
    };
  };

  const serviceUsers = {} as Record<Audience, PublishedAudienceSummary>;
  const questionsByKind = new Map((byKind?.questions ?? []).map((q) => [q.id, q]));
  const languageOut = new Map<string, { answered: LanguageCells; positive: LanguageCells }>();
  const kindOut = new Map<string, { answered: KindCells; positive: KindCells }>();
  for (const a of AUDIENCES) {
    const s = summary.serviceUsers[a];
    const def = getQuestionnaireVersion(s.version, 'en');
    const noun = summaryPhrasesFor(a).noun;
    // What each question's positive figures came out as: a routed question's asked count is its controlling question's positive count.
    const positiveGiven = new Map<string, Given>();
    const questions = s.questions.map((q) => {
      if (q.type === 'text') return q;
      const question = def?.questions.find((d) => d.id === q.id);
      const lang = questionsByLanguage.get(`${a}.${q.id}`);
      let hidden: Set<string>;
      let population: Given | undefined;
      if (a === 'sentencer' && q.id === SENTENCER_KIND && byKind) {
        hidden = new Set([...returnsHidden].filter((k) => k.startsWith('kq.')).map((k) => k.slice(3)));
      } else {
        const kind = a === 'sentencer' ? questionsByKind.get(q.id) : undefined;
        const control = question?.showIf ? def?.questions.find((d) => d.id === question.showIf!.question) : undefined;
        const routedOnPositive = control && question!.showIf!.in.length > 0 && question!.showIf!.in.every((v) => control.positive?.includes(v));
        population = !question?.showIf ? returnedGiven(a) : routedOnPositive ? positiveGiven.get(control.id) : undefined;
        hidden = auditQuestion(q, question, lang, kind, population);
        if (kind)
          kindOut.set(q.id, {
            answered: cellsOut(kind.answered, hidden, 'kind.answered'),
            positive: cellsOut(kind.positive, hidden, 'kind.positive'),
          });
      }
      if (lang)
        languageOut.set(`${a}.${q.id}`, {
          answered: cellsOut(lang.answered, hidden, 'lang.answered'),
          positive: cellsOut(lang.positive, hidden, 'lang.positive'),
        });
      const shown = (key: string, v: Known) => (hidden.has(key) ? undefined : v);
      positiveGiven.set(q.id, {
        total: shown('positive', q.positive),
        en: shown('lang.positive.en', cellValue(lang?.positive.en)),
        cy: shown('lang.positive.cy', cellValue(lang?.positive.cy)),
      });
      // A routed question's "asked" is its controlling question's positive count: held back with it.
      if (question?.showIf && population?.total === undefined && q.asked !== undefined) hidden.add('asked');
      return publishedQuestion(q, hidden, noun, question);
    });
    serviceUsers[a] = {
      ...s,
      ...(s.byChannel
        ? {
            byChannel: {
              online: returnsHidden.has(`${a}.online`) ? SUPPRESSED : s.byChannel.online,
              paper: returnsHidden.has(`${a}.paper`) ? SUPPRESSED : s.byChannel.paper,
            },
          }
        : {}),
      questions,
    } as PublishedAudienceSummary;
  }
  const langCell = (row: LanguageCells & { audience: string }, l: 'en' | 'cy' | 'total') =>
    l === 'total' ? String(returnedOf(row.audience)) : returnsHidden.has(`lang.${row.audience}.${l}`) ? SUPPRESSED : row[l];
  const kindCell = (k: keyof KindCells) => (returnsHidden.has(k === 'total' ? 'kind.total' : `kind.${k}`) ? SUPPRESSED : byKind!.returned[k]);
  return {
    serviceUsers,
    serviceUsersByLanguage: {
      returned: byLanguage.returned.map((row) => ({
        audience: row.audience,
        en: langCell(row, 'en'),
        cy: langCell(row, 'cy'),
        total: langCell(row, 'total'),
      })),
      questions: byLanguage.questions.map((q) => ({ ...q, ...(languageOut.get(`${q.audience}.${q.id}`) ?? {}) })),
    },
    ...(byKind
      ? {
          sentencersByKind: {
            returned: {
              magistrate: kindCell('magistrate'),
              'district-judge': kindCell('district-judge'),
              judge: kindCell('judge'),
              'legal-adviser': kindCell('legal-adviser'),
              total: kindCell('total'),
            },
            notSaid: returnsHidden.has('kind.not-said') ? SUPPRESSED : byKind.notSaid,
            questions: byKind.questions.map((q) => ({ ...q, ...(kindOut.get(q.id) ?? {}) })),
          },
        }
      : {}),
  };
}

function cellsOut<T extends Record<string, string>>(cells: T, hidden: ReadonlySet<string>, prefix: string): T {
  return Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, hidden.has(`${prefix}.${k}`) ? SUPPRESSED : v])) as T;
}

/**
 * One closed question's model. Single-answer questions: a cell per option x language x kind of
 * sentencer, so the counts, the answered and positive figures and their splits are all sums of
 * the same cells. Multi-choice: each respondent is positive, answered without a positive value,
 * or neither, per language and kind; each option's count is a cell of its own (one respondent
 * may tick several). A required question's cells add up to the people it was put to
 * (`population`: those who returned the questionnaire, or for a routed question those whose
 * earlier answer routed them to it), as another audit published them.
 */
function auditQuestion(
  q: ClosedQuestionSummary,
  def: QuestionnaireQuestion | undefined,
  lang: { answered: LanguageCells; positive: LanguageCells } | undefined,
  kind: { answered: KindCells; positive: KindCells } | undefined,
  population: Given | undefined,
): Set<string> {
  const m = new Model();
  const na = new Set(def?.notApplicable ?? []);
  const positive = new Set(def?.positive ?? []);
  const options = Object.keys(q.counts);
  const langs = lang ? LANGS : (['all'] as const);
  const kinds: readonly string[] = kind ? KINDS : ['all'];
  const multi = q.type === 'multi-choice';
  const required = def !== undefined && !def.optional;
  const states = multi ? ['positive', 'negative', ...(required ? [] : ['none'])] : [...options, ...(required ? [] : ['none'])];
  const name = (state: string, l: string, k: string) => `${state}|${l}|${k}`;
  for (const state of states) for (const l of langs) for (const k of kinds) m.cell(name(state, l, k));
  const where = (test: (state: string, l: string, k: string) => boolean) => m.cells((n) => test(...(n.split('|') as [string, string, string])));
  const isAnswer = (state: string) => state !== 'none' && (multi || !na.has(state));
  const isPositive = (state: string) => (multi ? state === 'positive' : positive.has(state));
  for (const o of options) {
    const cells = multi ? [m.cell(`option:${o}`)] : where((st) => st === o);
    m.add(`count.${o}`, cells, q.counts[o], na.has(o) ? { unprotected: true } : {});
    if (multi && !na.has(o)) m.groups.push(cells);
  }
  m.add('answered', where(isAnswer), q.answered, { total: true });
  if (positive.size > 0) m.add('positive', where(isPositive), q.positive);
  if (population) {
    m.add(
      'population',
      where(() => true),
      population.total,
      { fixed: true, total: true },
    );
    if (lang)
      for (const l of LANGS)
        m.add(
          `population.${l}`,
          where((_st, x) => x === l),
          population[l],
          { fixed: true, total: true },
        );
  }
  const split = (prefix: string, cells: Record<string, string>, groupOf: (l: string, k: string) => string) => {
    const answered = prefix.endsWith('answered');
    const counted = answered ? isAnswer : isPositive;
    for (const [g, v] of Object.entries(cells)) {
      if (g !== 'total')
        m.add(
          `${prefix}.${g}`,
          where((st, l, k) => groupOf(l, k) === g && counted(st)),
          cellValue(v),
        );
    }
    m.add(`${prefix}.total`, where(counted), cellValue(cells.total), { total: true });
  };
  if (lang) {
    split('lang.answered', lang.answered, (l) => l);
    if (positive.size > 0) split('lang.positive', lang.positive, (l) => l);
  }
  if (kind) {
    split('kind.answered', kind.answered, (_l, k) => k);
    if (positive.size > 0) split('kind.positive', kind.positive, (_l, k) => k);
  }
  // Every answer-giving cell is a group of people, and so is each split's "no" (answered, not positive).
  for (const state of states) if (isAnswer(state)) for (const l of langs) for (const k of kinds) m.groups.push([m.cell(name(state, l, k))]);
  if (positive.size > 0) {
    const negative = (st: string) => isAnswer(st) && !isPositive(st);
    m.groups.push(where(negative));
    for (const l of langs) m.groups.push(where((st, x) => x === l && negative(st)));
    for (const k of kinds) m.groups.push(where((st, _l, y) => y === k && negative(st)));
  }
  return m.audit();
}

function publishedQuestion(
  q: ClosedQuestionSummary,
  hidden: ReadonlySet<string>,
  noun: { plural: string },
  def: QuestionnaireQuestion | undefined,
): ClosedQuestionSummary | Record<string, unknown> {
  const counts: Record<string, number | Mark> = Object.fromEntries(
    Object.entries(q.counts).map(([o, v]) => [o, hidden.has(`count.${o}`) ? SUPPRESSED : v]),
  );
  const answeredHidden = hidden.has('answered');
  const positiveHidden = hidden.has('positive') || answeredHidden;
  const changed = answeredHidden || positiveHidden || hidden.has('asked') || Object.values(counts).includes(SUPPRESSED);
  if (!changed) return q;
  const answered = answeredHidden ? SUPPRESSED : q.answered;
  const out: Record<string, unknown> = {
    ...q,
    counts,
    answered,
    ...(q.asked !== undefined && (answeredHidden || hidden.has('asked')) ? { asked: SUPPRESSED } : {}),
  };
  if (q.distribution) {
    const labels = new Map((def?.options ?? []).map((o) => [o.value, o.label]));
    out.sentence = distributionSentence(
      noun.plural,
      answered,
      Object.entries(counts).map(([v, n]) => [labels.get(v) ?? v, n] as const),
    );
    return out;
  }
  if (!positiveHidden) return out;
  out.positive = SUPPRESSED;
  out.percent = SUPPRESSED;
  out.quantity = null;
  out.sentence = answeredHidden
    ? `The number of ${noun.plural} who answered "${q.text}" is not published ([c]).`
    : `Of the ${numberWord(q.answered)} ${noun.plural} who answered "${q.text}", the number who gave a positive answer is not published ([c]).`;
  return out;
}

/**
 * A question with no positive answer, by its distribution: "Of the 11 sentencers who answered:
 * Magistrate 6, District judge [c], Judge [c], Legal adviser [c]." Options nobody chose are
 * left out unless held back.
 */
export function distributionSentence(plural: string, answered: number | Mark, counts: readonly (readonly [string, number | Mark])[]): string {
  const parts = counts.filter(([, n]) => n !== 0).map(([label, n]) => `${label} ${n}`);
  const who =
    answered === SUPPRESSED ? `Of the ${plural} who answered ([c])` : answered === 0 ? '' : `Of the ${numberWord(answered)} ${plural} who answered`;
  if (who === '') return `No ${plural} answered this question.`;
  return `${capitalise(who)}: ${parts.join(', ')}.`;
}

/* People met in person. */

/**
 * Each audience's people met in person: a row of two cells (one by one, in groups) whose total
 * is everyone met, under the one rule (suppressTable: each cell and the total under 3 is "[c]",
 * and a second cell wherever the total would give the first away). The numbers of interviews
 * and groups bound the cells (a group meets at least one person together, so "no groups"
 * means nobody met in one), so they are held back whenever a cell is. The questionnaire
 * figures beside them are audited above; findings and quotes are published whatever the counts
 * (no audience met in person is reported as silent).
 */
function publishedMeetings(
  summary: Summary,
  serviceUsers: Record<Audience, PublishedAudienceSummary>,
): Pick<PublishedSummary, 'serviceUsers' | 'meetings'> {
  const meetings = summary.meetings?.map((m) => {
    const { individually, inGroups } = m.met;
    const table = suppressTable([[individually, inGroups]]);
    const [shownIndividually, shownInGroups] = table.rows[0]!;
    const cellOf = (shown: string, value: number): number | Mark => (shown === SUPPRESSED ? SUPPRESSED : value);
    const anyHidden = shownIndividually === SUPPRESSED || shownInGroups === SUPPRESSED;
    return {
      ...m,
      met: {
        individually: cellOf(shownIndividually!, individually),
        inGroups: cellOf(shownInGroups!, inGroups),
        total: cellOf(table.rowTotals[0]!, individually + inGroups),
      },
      interviews: anyHidden ? (SUPPRESSED as Mark) : m.interviews,
      groups: anyHidden ? (SUPPRESSED as Mark) : m.groups,
    };
  });
  const metOf = (a: Audience) => meetings?.find((m) => m.audience === a)?.met;
  const withMet = Object.fromEntries(
    AUDIENCES.map((a) => {
      const met = metOf(a);
      const { met: _staff, ...rest } = serviceUsers[a];
      return [a, serviceUsers[a].met || met ? { ...rest, ...(met ? { met } : {}) } : serviceUsers[a]];
    }),
  ) as Record<Audience, PublishedAudienceSummary>;
  return { serviceUsers: withMet, ...(meetings ? { meetings } : {}) };
}

/* Interviews with offender managers. */

function publishedInterviews(interviews: NonNullable<Summary['interviews']>): NonNullable<PublishedSummary['interviews']> {
  const countHidden = interviews.count < SUPPRESSION_THRESHOLD;
  return {
    ...interviews,
    count: countHidden ? SUPPRESSED : interviews.count,
    questions: interviews.questions.map((q) => {
      const m = new Model();
      const [yes, no, other] = [m.cell('yes'), m.cell('no'), m.cell('other')];
      m.groups.push([yes], [no]);
      m.add('count', [yes, no, other], countHidden ? undefined : interviews.count, { fixed: true, total: true });
      m.add('answered', [yes, no], q.answered, { total: true });
      m.add('positive', [yes], q.positive);
      const hidden = m.audit();
      if (!hidden.has('answered') && !hidden.has('positive')) return q;
      return {
        ...q,
        answered: hidden.has('answered') ? SUPPRESSED : q.answered,
        positive: SUPPRESSED,
        percent: SUPPRESSED,
        quantity: null,
        sentence: hidden.has('answered')
          ? `The number of offender managers who answered "${q.text}" is not published ([c]).`
          : `Of the ${numberWord(q.answered)} offender managers who answered "${q.text}", the number who said yes is not published ([c]).`,
      };
    }),
  };
}

export type { SampleComposition };
