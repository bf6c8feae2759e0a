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
import type { Audience, Language, QuestionnaireDefinition, QuestionnaireQuestion, QuestionType, SummaryPhrases } from '#schemas/questionnaire';
import { audiences, getQuestionnaire, summaryPhrasesFor } from '#questionnaires/index';
import type {
  AudienceSummary,
  ClosedQuestionSummary,
  Comment,
  KindCells,
  LanguageBreakdown,
  LanguageCells,
  QuestionSummary,
  SentencerKindBreakdown,
  TextQuestionSummary,
} from '#schemas/summary';
import { isAsked } from '#questionnaires/routing';
import { maskFreeText } from './mask';
import { distributionSentence, suppressTable } from './disclosure';
import { capitalise, capitalisedNumberWord, numberWord, percentHalfUp, quantityWord } from './words';

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
export function summariseServiceUsers(input: ServiceUsersInput, options: ServiceUsersOptions = {}): Record<Audience, AudienceSummary> {
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
  if (positiveValues.size === 0) {
    // Nothing to be positive about ("Which of these are you?"): the answers as they fell.
    const labels = new Map((q.options ?? []).map((o) => [o.value, o.label]));
    return {
      id: q.id,
      type: q.type as Exclude<QuestionType, 'text'>,
      text: q.text,
      answered,
      positive: 0,
      ...(q.showIf ? { asked: askedOnly.length } : {}),
      percent: null,
      quantity: null,
      counts,
      sentence: distributionSentence(
        phrases.noun.plural,
        answered,
        Object.entries(counts).map(([v, n]) => [labels.get(v) ?? v, n] as const),
      ),
      distribution: true,
    };
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

function summariseText(
  def: QuestionnaireDefinition,
  q: QuestionnaireQuestion,
  responses: readonly ResponseRecord[],
  keep: boolean,
): TextQuestionSummary {
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
 * Small-number suppression: the one rule lives in ./disclosure
 * ---------------------------------------------------------------------------------------- */

export { SUPPRESSED, SUPPRESSION_THRESHOLD, suppressTable, type SuppressedTable } from './disclosure';

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
    const perKind = byKind.map(
      (rs) => summariseAudience({ ...def, questions: [q] }, 0, rs, { comments: false }).questions[0] as ClosedQuestionSummary,
    );
    questions.push({ id: q.id, answered: row(perKind.map((s) => s.answered)), positive: row(perKind.map((s) => s.positive)) });
  }
  return { returned: row(byKind.map((rs) => rs.length)), notSaid: responses.filter((r) => kindOf(r) === undefined).length, questions };
}
