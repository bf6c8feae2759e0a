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
import { audiences, getQuestionnaire, summaryPhrases } from '../questionnaires/index';
import { maskFreeText } from './mask';
import { capitalise, capitalisedNumberWord, numberWord, percentHalfUp, quantityWord, type QuantityWord } from './words';

export interface ResponseRecord {
  answers: Record<string, unknown>;
  language: Language;
}

export interface ClosedQuestionSummary {
  id: string;
  type: Exclude<QuestionType, 'text'>;
  text: string;
  /** Responses that gave a value outside `notApplicable`. */
  answered: number;
  /** Of those, responses that gave a positive value. */
  positive: number;
  /** positive / answered as a whole percentage, rounded half up; null when nobody answered. */
  percent: number | null;
  /** The contract's quantity word for positive / answered; null when nobody answered. */
  quantity: QuantityWord | null;
  /** Every option value (not-applicable ones included) -> how many responses chose it. */
  counts: Record<string, number>;
  sentence: string;
}

export interface Comment {
  /** Masked with `maskFreeText`. */
  text: string;
  language: Language;
}

export interface TextQuestionSummary {
  id: string;
  type: 'text';
  text: string;
  /** Responses with a non-blank answer. */
  answered: number;
  comments: Comment[];
}

export type QuestionSummary = ClosedQuestionSummary | TextQuestionSummary;

export interface AudienceSummary {
  audience: Audience;
  version: string;
  invited: number;
  returned: number;
  /** returned / invited (exact); null when none were invited. */
  responseRate: number | null;
  /** returned / invited as a whole percentage, rounded half up; null when none were invited. */
  responsePercent: number | null;
  returnedSentence: string;
  questions: QuestionSummary[];
}

export interface SummariseOptions {
  /** Nouns and finding phrases; by default those shipped for `def.audience`. */
  phrases?: SummaryPhrases;
}

/** One audience's questionnaire results, counted against `def` (whose text is used as is). */
export function summariseAudience(
  def: QuestionnaireDefinition,
  invitedCount: number,
  responses: readonly ResponseRecord[],
  options: SummariseOptions = {},
): AudienceSummary {
  const phrases = options.phrases ?? summaryPhrases[def.audience];
  const returned = responses.length;
  return {
    audience: def.audience,
    version: def.version,
    invited: invitedCount,
    returned,
    responseRate: invitedCount > 0 ? returned / invitedCount : null,
    responsePercent: invitedCount > 0 ? percentHalfUp(returned, invitedCount) : null,
    returnedSentence: returnedSentence(phrases.noun.plural, returned, invitedCount),
    questions: def.questions.map((q) =>
      q.type === 'text' ? summariseText(q, responses) : summariseClosed(q, responses, phrases),
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
): string {
  const word = quantityWord(positive, answered);
  const { singular, plural } = noun;
  if (word === null) return `No ${plural} answered this question.`;
  if (answered === 1) {
    return positive === 1
      ? `The one ${singular} who answered ${singularFinding(finding)}.`
      : `The one ${singular} who answered did not say they ${finding}.`;
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
  q: QuestionnaireQuestion,
  responses: readonly ResponseRecord[],
  phrases: SummaryPhrases,
): ClosedQuestionSummary {
  const notApplicable = new Set(q.notApplicable ?? []);
  const positiveValues = new Set(q.positive ?? []);
  const counts: Record<string, number> = {};
  for (const o of q.options ?? []) counts[o.value] = 0;
  let answered = 0;
  let positive = 0;
  for (const r of responses) {
    const chosen = chosenValues(q, answerOf(r, q.id));
    for (const v of chosen) counts[v] = (counts[v] ?? 0) + 1;
    if (chosen.some((v) => !notApplicable.has(v))) {
      answered++;
      if (chosen.some((v) => positiveValues.has(v))) positive++;
    }
  }
  const finding = phrases.findings[q.id] ?? `gave a positive answer to "${q.text}"`;
  return {
    id: q.id,
    type: q.type as Exclude<QuestionType, 'text'>,
    text: q.text,
    answered,
    positive,
    percent: percentHalfUp(positive, answered),
    quantity: quantityWord(positive, answered),
    counts,
    sentence: questionSentence(phrases.noun, finding, positive, answered),
  };
}

function summariseText(q: QuestionnaireQuestion, responses: readonly ResponseRecord[]): TextQuestionSummary {
  const comments: Comment[] = [];
  for (const r of responses) {
    const raw = answerOf(r, q.id);
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    comments.push({ text: maskFreeText(raw.trim()), language: r.language });
  }
  return { id: q.id, type: 'text', text: q.text, answered: comments.length, comments };
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

type Ref = { kind: 'body'; r: number; c: number } | { kind: 'rowTotal'; r: number } | { kind: 'colTotal'; c: number } | { kind: 'grand' };

/**
 * Suppresses small numbers in a table of counts of respondents (rows x columns), with row
 * totals and, optionally, column totals and a grand total. The rule:
 *
 * 1. Primary: every cell (body or total) with fewer than `threshold` (3) respondents, zero
 *    included, shows "[c]".
 * 2. Secondary: a table line is a set of cells that add up to a shown total: each row (its
 *    cells + its row total), each column (its cells + its column total) and the column-totals
 *    row (column totals + grand total). If exactly one cell of a line is suppressed (its total
 *    included), the line's smallest unsuppressed component (ties: the leftmost or topmost) is
 *    suppressed too, so the hidden figure cannot be worked out by subtraction. Repeated until
 *    no line has exactly one suppressed cell. Totals are never chosen for secondary suppression:
 *    row totals are the per-audience figures the summary publishes anyway.
 *
 * Limitation (documented, acceptable for these small tables): it guarantees every line holds
 * none or at least two suppressed cells; it does not solve the general linear-programming
 * problem of bounds that several lines together might give.
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
  const rowTotal = (r: number) => (body[r] ?? []).reduce((a, b) => a + b, 0);
  const colTotal = (c: number) => body.reduce((a, row) => a + (row[c] ?? 0), 0);
  const grand = body.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);

  const key = (ref: Ref) =>
    ref.kind === 'body' ? `b${ref.r},${ref.c}` : ref.kind === 'rowTotal' ? `r${ref.r}` : ref.kind === 'colTotal' ? `c${ref.c}` : 'g';
  const value = (ref: Ref) =>
    ref.kind === 'body' ? cell(ref.r, ref.c) : ref.kind === 'rowTotal' ? rowTotal(ref.r) : ref.kind === 'colTotal' ? colTotal(ref.c) : grand;

  const all: Ref[] = [];
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) all.push({ kind: 'body', r, c });
    all.push({ kind: 'rowTotal', r });
  }
  if (withColumns) {
    for (let c = 0; c < nCols; c++) all.push({ kind: 'colTotal', c });
    all.push({ kind: 'grand' });
  }

  const hidden = new Set<string>();
  for (const ref of all) if (value(ref) < threshold) hidden.add(key(ref));

  const lines: Array<{ components: Ref[]; total: Ref }> = [];
  for (let r = 0; r < nRows; r++) {
    lines.push({
      components: Array.from({ length: nCols }, (_, c): Ref => ({ kind: 'body', r, c })),
      total: { kind: 'rowTotal', r },
    });
  }
  if (withColumns) {
    for (let c = 0; c < nCols; c++) {
      lines.push({
        components: Array.from({ length: nRows }, (_, r): Ref => ({ kind: 'body', r, c })),
        total: { kind: 'colTotal', c },
      });
    }
    lines.push({
      components: Array.from({ length: nCols }, (_, c): Ref => ({ kind: 'colTotal', c })),
      total: { kind: 'grand' },
    });
  }

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const members = [...line.components, line.total];
      if (members.filter((m) => hidden.has(key(m))).length !== 1) continue;
      let pick: Ref | undefined;
      for (const m of line.components) {
        if (!hidden.has(key(m)) && (pick === undefined || value(m) < value(pick))) pick = m;
      }
      if (pick) {
        hidden.add(key(pick));
        changed = true;
      }
    }
  }

  const show = (ref: Ref) => (hidden.has(key(ref)) ? SUPPRESSED : String(value(ref)));
  return {
    rows: Array.from({ length: nRows }, (_, r) => Array.from({ length: nCols }, (_, c) => show({ kind: 'body', r, c }))),
    rowTotals: Array.from({ length: nRows }, (_, r) => show({ kind: 'rowTotal', r })),
    columnTotals: withColumns ? Array.from({ length: nCols }, (_, c) => show({ kind: 'colTotal', c })) : null,
    grandTotal: withColumns ? show({ kind: 'grand' }) : null,
    suppressed: Array.from({ length: nRows }, (_, r) => Array.from({ length: nCols }, (_, c) => hidden.has(key({ kind: 'body', r, c })))),
  };
}

/* ------------------------------------------------------------------------------------------
 * Breakdown by language
 * ---------------------------------------------------------------------------------------- */

export interface LanguageCells {
  en: string;
  cy: string;
  total: string;
}

export interface LanguageBreakdown {
  /** Questionnaires returned, audience by language, with an all-audiences row. */
  returned: Array<{ audience: Audience | 'all' } & LanguageCells>;
  /** For each closed question: how many answered it and how many were positive, by language. */
  questions: Array<{ audience: Audience; id: string; answered: LanguageCells; positive: LanguageCells }>;
}

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
    const en = summariseAudience(def, 0, byLanguage(responses, 'en'));
    const cy = summariseAudience(def, 0, byLanguage(responses, 'cy'));
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
