/**
 * The service users' perspective: questionnaire responses -> counts, percentages and
 * plain-English sentences in the style of the Kent report ("Seven of the 21 questionnaires
 * sent to victims were returned.", "All five victims who answered were satisfied with the
 * services provided."), plus a breakdown by language with small-number suppression.
 *
 * Counting (contract, "A questionnaire"): a response *answered* a closed question when it gave
 * an option value outside `notApplicable`, and was *positive* when that value is in `positive`.
 * For a multi-choice question: answered when at least one chosen value is outside
 * `notApplicable`, positive when at least one chosen value is positive. Values that are not
 * options of the question (which validation never lets through) are ignored.
 *
 * Sentences are English whatever the respondents' language (the report is written in English);
 * Welsh responses share ids and values with English ones and are counted together.
 */
import type {
  Audience,
  Language,
  QuestionnaireDefinition,
  QuestionnaireQuestion,
  QuestionType,
  SummaryPhrases,
} from '../schemas/questionnaire';
import { audiences, getQuestionnaire, summaryPhrasesFor } from '../questionnaires/index';
import type { AudienceSummary, ClosedQuestionSummary, Comment, KindCells, LanguageBreakdown, LanguageCells, QuestionSummary, SentencerKindBreakdown, TextQuestionSummary } from '../schemas/summary';
import { isAsked } from '../questionnaires/routing';
import { maskFreeText } from './mask';
import { capitalise, capitalisedNumberWord, numberWord, percentHalfUp, quantityWord, } from './words';

export type { AudienceSummary, ClosedQuestionSummary, Comment, LanguageBreakdown, LanguageCells, QuestionSummary, TextQuestionSummary };

export interface ResponseRecord {
  answers: Record<string, unknown>;
  language: Language;
  /** Absent on responses stored before paper returns existed: those came through the link. */
  channel?: 'online' | 'paper';
}






export interface SummariseOptions {
  /** Nouns and finding phrases; by default those shipped for `def.audience`. */
  phrases?: SummaryPhrases;
  /** False: text questions are counted, their comments neither masked nor kept (a count-only pass). */
  comments?: boolean;
}

/** One audience's questionnaire results, counted against `def` (whose text is used as is). */
export function summariseAudience(
  def: QuestionnaireDefinition,
  invitedCount: number,
  responses: readonly ResponseRecord[],
  options: SummariseOptions = {},
): AudienceSummary {
  const phrases = options.phrases ?? summaryPhrasesFor(def.audience);
  const returned = responses.length;
  return {
    audience: def.audience,
    version: def.version,
    invited: invitedCount,
    returned,
    responseRate: invitedCount > 0 ? returned / invitedCount : null,
    responsePercent: invitedCount > 0 ? percentHalfUp(returned, invitedCount) : null,
    returnedSentence: returnedSentence(phrases.noun.plural, returned, invitedCount),
    byChannel: {
      online: responses.filter((r) => r.channel !== 'paper').length,
      paper: responses.filter((r) => r.channel === 'paper').length,
    },
    questions: def.questions.map((q) =>
      q.type === 'text' ? summariseText(def, q, responses, options.comments ?? true) : summariseClosed(def, q, responses, phrases),
    ),
  };
}

export interface AudienceInput {
  invited: number;
  responses: readonly ResponseRecord[];
}

export type ServiceUsersInput = Partial<Record<Audience, AudienceInput>>;

export interface ServiceUsersOptions {
  /** Definitions to count against; by default the current English ones. */
  definitions?: Partial<Record<Audience, QuestionnaireDefinition>>;
}

/** All three audiences (an audience left out has no invitations and no responses). */
export function summariseServiceUsers(
  input: ServiceUsersInput,
  options: ServiceUsersOptions = {},
): Record<Audience, AudienceSummary> {
  const out = {} as Record<Audience, AudienceSummary>;
  for (const audience of audiences) {
    const def = options.definitions?.[audience] ?? getQuestionnaire(audience, 'en');
    const { invited = 0, responses = [] } = input[audience] ?? {};
    out[audience] = summariseAudience(def, invited, responses);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------
 * Sentences
 * ---------------------------------------------------------------------------------------- */

/**
 * "Seven of the 21 questionnaires sent to victims were returned."
 * "None of the 110 questionnaires sent to offenders were returned."
 * "All 12 questionnaires sent to sentencers were returned." / "Both questionnaires ..." /
 * "The one questionnaire sent to victims was returned." / "No questionnaires were sent to victims."
 */
export function returnedSentence(plural: string, returned: number, invited: number): string {
  if (invited === 0 && returned === 0) return `No questionnaires were sent to ${plural}.`;
  if (returned > invited) {
    return `${capitalisedNumberWord(returned)} ${returned === 1 ? 'questionnaire was' : 'questionnaires were'} returned by ${plural}, more than the ${numberWord(invited)} recorded as sent.`;
  }
  if (invited === 1) return `The one questionnaire sent to ${plural} was ${returned === 1 ? '' : 'not '}returned.`;
  if (returned === invited) {
    return invited === 2
      ? `Both questionnaires sent to ${plural} were returned.`
      : `All ${numberWord(invited)} questionnaires sent to ${plural} were returned.`;
  }
  const verb = returned === 1 ? 'was' : 'were';
  return `${capitalisedNumberWord(returned)} of the ${numberWord(invited)} questionnaires sent to ${plural} ${verb} returned.`;
}

/**
 * The finding phrase with singular agreement: "were ..." -> "was ...", "have ..." -> "has ...",
 * "are ..." -> "is ...", "do ..." -> "does ..."; past tenses ("felt", "had") are unchanged.
 */
export function singularFinding(finding: string): string {
  const m = /^(\S+)(.*)$/s.exec(finding);
  if (!m) return finding;
  const verb: Record<string, string> = { were: 'was', have: 'has', are: 'is', do: 'does' };
  return (verb[m[1]!] ?? m[1]!) + m[2]!;
}

/**
 * One closed question's line, computed over those who answered it. For three or more answers
 * the quantity word leads ("The vast majority of the 11 sentencers who answered were ...",
 * "All five victims who answered were ..."); for one or two the words would read oddly ("half
 * of the two"), so exact words are used instead ("One of the two victims who answered was
 * ...", "Both ...", "Neither ...", "The one victim who answered ...").
 */
export function questionSentence(
  noun: { singular: string; plural: string },
  finding: string,
  positive: number,
  answered: number,
  /** Who was asked, for a routed question: "had agreed to have contact ..." (plural agreement). */
  askedWhen?: string,
): string {
  const word = quantityWord(positive, answered);
  const { singular } = noun;
  // "victims who had agreed to contact and answered": the group a routed question was put to.
  const plural = askedWhen ? `${noun.plural} who ${askedWhen} and` : noun.plural;
  if (askedWhen && word === null) return `No ${noun.plural} who ${askedWhen} answered this question.`;
  if (word === null) return `No ${plural} answered this question.`;
  if (answered === 1) {
    return positive === 1
      ? `The one ${singular} who ${askedWhen ? `${singularFinding(askedWhen)} and ` : ''}answered ${singularFinding(finding)}.`
      : `The one ${singular} who ${askedWhen ? `${singularFinding(askedWhen)} and ` : ''}answered did not say they ${finding}.`;
  }
  if (answered === 2) {
    if (positive === 2) return `Both ${plural} who answered ${finding}.`;
    if (positive === 1) return `One of the two ${plural} who answered ${singularFinding(finding)}.`;
    return `Neither of the two ${plural} who answered ${singularFinding(finding)}.`;
  }
  const n = numberWord(answered);
  switch (word) {
    case 'all':
      return `All ${n} ${plural} who answered ${finding}.`;
    case 'none':
      return `None of the ${n} ${plural} who answered ${finding}.`;
    default:
      return `${capitalise(word)} of the ${n} ${plural} who answered ${finding}.`;
  }
}

/* ------------------------------------------------------------------------------------------
 * Counting
 * ---------------------------------------------------------------------------------------- */

/** The option values a stored answer chose (empty when it chose none or is not valid). */
function chosenValues(q: QuestionnaireQuestion, raw: unknown): string[] {
  const values = (q.options ?? []).map((o) => o.value);
  const picked = q.type === 'multi-choice' ? (Array.isArray(raw) ? raw : []) : [raw];
  return [...new Set(picked.filter((v): v is string => typeof v === 'string' && values.includes(v)))];
}

function answerOf(r: ResponseRecord, id: string): unknown {
  const answers = r.answers;
  return answers && typeof answers === 'object' && Object.hasOwn(answers, id) ? answers[id] : undefined;
}

function summariseClosed(
  def: QuestionnaireDefinition,
  q: QuestionnaireQuestion,
  responses: readonly ResponseRecord[],
  phrases: SummaryPhrases,
): ClosedQuestionSummary {
  const notApplicable = new Set(q.notApplicable ?? []);
  const positiveValues = new Set(q.positive ?? []);
  const askedOnly = responses.filter((r) => isAsked(def, q.id, r.answers ?? {}));
  const counts: Record<string, number> = {};
  for (const o of q.options ?? []) counts[o.value] = 0;
  let answered = 0;
  let positive = 0;
  for (const r of askedOnly) {
    const chosen = chosenValues(q, answerOf(r, q.id));
    for (const v of chosen) counts[v] = (counts[v] ?? 0) + 1;
    if (chosen.some((v) => !notApplicable.has(v))) {
      answered++;
      if (chosen.some((v) => positiveValues.has(v))) positive++;
    }
  }
  const finding = phrases.findings[q.id] ?? `gave a positive answer to "${q.text}"`;
  const askedWhen = q.showIf ? askedPhrase(def, q, phrases) : undefined;
  return {
    id: q.id,
    type: q.type as Exclude<QuestionType, 'text'>,
    text: q.text,
    answered,
    positive,
    ...(q.showIf ? { asked: askedOnly.length } : {}),
    percent: percentHalfUp(positive, answered),
    quantity: quantityWord(positive, answered),
    counts,
    sentence: questionSentence(phrases.noun, finding, positive, answered, askedWhen),
  };
}

/**
 * The group a routed question was put to, in words: the controlling question's finding when
 * the condition is its positive answer ("had agreed to have contact with victim liaison staff").
 */
function askedPhrase(def: QuestionnaireDefinition, q: QuestionnaireQuestion, phrases: SummaryPhrases): string | undefined {
  const on = def.questions.find((o) => o.id === q.showIf!.question);
  const finding = on ? (phrases.askedOf?.[on.id] ?? phrases.findings[on.id]) : undefined;
  const positive = on?.positive ?? [];
  if (!finding || q.showIf!.in.length === 0 || !q.showIf!.in.every((v) => positive.includes(v))) return undefined;
  return finding;
}

function summariseText(def: QuestionnaireDefinition, q: QuestionnaireQuestion, responses: readonly ResponseRecord[], keep: boolean): TextQuestionSummary {
  const comments: Comment[] = [];
  let answered = 0;
  for (const r of responses) {
    if (!isAsked(def, q.id, r.answers ?? {})) continue;
    const raw = answerOf(r, q.id);
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    answered++;
    if (keep) comments.push({ text: maskFreeText(raw.trim()), language: r.language });
  }
  return { id: q.id, type: 'text', text: q.text, answered, comments };
}

/* ------------------------------------------------------------------------------------------
 * Small-number suppression
 * ---------------------------------------------------------------------------------------- */

/** The Government Statistical Service's mark for a suppressed figure. */
export const SUPPRESSED = '[c]';
/** Cells with fewer respondents than this are suppressed (zero included). */
export const SUPPRESSION_THRESHOLD = 3;

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
export function suppressTable(
  body: readonly (readonly number[])[],
  options: { columnTotals?: boolean; threshold?: number } = {},
): SuppressedTable {
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
 * Breakdown by language
 * ---------------------------------------------------------------------------------------- */



/**
 * The service users' results by the language the questionnaire was answered in, every cell
 * passed through `suppressTable` (fewer than 3 -> "[c]", plus secondary suppression). The
 * returned block is one table (rows: audiences, columns: en, cy; with totals); each question's
 * answered and positive counts are one-row tables of their own.
 */
export function breakdownByLanguage(input: ServiceUsersInput, options: ServiceUsersOptions = {}): LanguageBreakdown {
  const byLanguage = (responses: readonly ResponseRecord[], lang: Language) => responses.filter((r) => r.language === lang);

  const body = audiences.map((a) => {
    const responses = input[a]?.responses ?? [];
    return [byLanguage(responses, 'en').length, byLanguage(responses, 'cy').length];
  });
  const table = suppressTable(body, { columnTotals: true });
  const returned: LanguageBreakdown['returned'] = audiences.map((audience, i) => ({
    audience,
    en: table.rows[i]![0]!,
    cy: table.rows[i]![1]!,
    total: table.rowTotals[i]!,
  }));
  returned.push({ audience: 'all', en: table.columnTotals![0]!, cy: table.columnTotals![1]!, total: table.grandTotal! });

  const questions: LanguageBreakdown['questions'] = [];
  for (const audience of audiences) {
    const def = options.definitions?.[audience] ?? getQuestionnaire(audience, 'en');
    const responses = input[audience]?.responses ?? [];
    // Counts only: the comments were masked once already, for the audience's own summary.
    const en = summariseAudience(def, 0, byLanguage(responses, 'en'), { comments: false });
    const cy = summariseAudience(def, 0, byLanguage(responses, 'cy'), { comments: false });
    en.questions.forEach((qEn, i) => {
      const qCy = cy.questions[i]!;
      if (qEn.type === 'text' || qCy.type === 'text') return;
      const row = (en: number, cy: number): LanguageCells => {
        const t = suppressTable([[en, cy]]);
        return { en: t.rows[0]![0]!, cy: t.rows[0]![1]!, total: t.rowTotals[0]! };
      };
      questions.push({
        audience,
        id: qEn.id,
        answered: row(qEn.answered, qCy.answered),
        positive: row(qEn.positive, qCy.positive),
      });
    });
  }
  return { returned, questions };
}

/* ------------------------------------------------------------------------------------------
 * Breakdown by kind of sentencer
 * ---------------------------------------------------------------------------------------- */

export const SENTENCER_KIND_IDS = ['magistrate', 'district-judge', 'judge', 'legal-adviser'] as const;

/**
 * The sentencers' returns and closed answers by kind of sentencer (the `sentencer-kind`
 * answer), each row through `suppressTable`: a district judge or two cannot be picked out.
 */
export function breakdownBySentencerKind(responses: readonly ResponseRecord[], def: QuestionnaireDefinition): SentencerKindBreakdown {
  const kindOf = (r: ResponseRecord) => {
    const k = answerOf(r, 'sentencer-kind');
    return typeof k === 'string' && (SENTENCER_KIND_IDS as readonly string[]).includes(k) ? k : undefined;
  };
  const row = (counts: readonly number[]): KindCells => {
    const t = suppressTable([counts]);
    const cells = t.rows[0]!;
    return { magistrate: cells[0]!, 'district-judge': cells[1]!, judge: cells[2]!, 'legal-adviser': cells[3]!, total: t.rowTotals[0]! };
  };
  const byKind = SENTENCER_KIND_IDS.map((k) => responses.filter((r) => kindOf(r) === k));
  const questions: SentencerKindBreakdown['questions'] = [];
  for (const q of def.questions) {
    if (q.type === 'text' || q.id === 'sentencer-kind' || !q.positive?.length) continue;
    const perKind = byKind.map((rs) => summariseAudience({ ...def, questions: [q] }, 0, rs, { comments: false }).questions[0] as ClosedQuestionSummary);
    questions.push({ id: q.id, answered: row(perKind.map((s) => s.answered)), positive: row(perKind.map((s) => s.positive)) });
  }
  return { returned: row(byKind.map((rs) => rs.length)), notSaid: responses.filter((r) => kindOf(r) === undefined).length, questions };
}
