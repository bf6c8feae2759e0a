/**
 * Do the figures in the write-up's words agree with the figures they claim (issue 28)? A
 * finding reading "in 83% of cases" beside a question whose figure is 76% contradicts the
 * report it sits in, and nothing else would notice.
 *
 * What is read as a figure: a percentage ("83%", "82.5 per cent"), a count of a total ("31 of
 * 48", "six out of 16", "12 out of the 23"), "all but one of the nine", "all three", "none of
 * the five", "in none of the cases" and "in the one relevant case", and the fractions in words ("half", "two-thirds", "a
 * quarter", "four-fifths"). Numbers may be numerals or words up to ninety-nine. A hedge before
 * a percentage or a fraction ("over", "less than", "just under", "nearly", "about") turns it
 * into a range. A bare count ("in seven cases") and the quantity words without a number
 * ("most", "a small number") are not figures here: what they count cannot be read from them.
 *
 * Which figure a text claims: a drafted finding (`drafted: { question, group? }`) claims its
 * question's figure; any other text claims, sentence by sentence, the figure of a question it
 * names ("question 2.1.3"). A text with no such tie, or whose tie has no figure to compare
 * with (a sub-group the figures do not break down), is not checked: the checker never guesses
 * which question a sentence means.
 *
 * The tolerance:
 * - a whole percentage agrees when it is the report's own rounding of the figure (half up, the
 *   contract's rule), so "83%" agrees with 33 of 40 (82.5%) and not with 41 of 50 (82%); a
 *   percentage with decimals agrees when the exact figure rounds to it at those decimals;
 * - a count agrees only exactly: "31 of 48" needs 31 cases of 48 relevant ones;
 * - a fraction in words agrees when it is the nearest of the fractions in words (halves,
 *   thirds, quarters, fifths) to the exact figure, so "two-thirds" covers 63.4% to 70.8%;
 * - "over"/"more than" and "under"/"less than"/"fewer than" are strict inequalities; "just
 *   over"/"just under"/"nearly"/"almost" also stay within 10 points (the contract's "just over
 *   half" is 50% to 60%); "about"/"around"/"approximately"/"roughly" within 5 points.
 *
 * A text may hold several figures about several things ("lower for children (79%), known
 * adults (76%) and staff (78%)"): it agrees with its question when any one of its claims does.
 * A figure with another restating it in brackets ("65% of cases (31 out of 48)", "less than
 * half of cases (44%)") is one claim, and agrees only when both parts do. In a sentence with a
 * negation ("not", "no", "without", "lacked", "failed") a figure may count the cases that
 * did not ("in five out of 14 cases there was no evidence"): there, the share that did not
 * also agrees. When nothing agrees, every claim is reported beside the figure.
 *
 * A text's Welsh is checked too, against the same question: its percentages and counts in
 * numerals ("31 o 48", "12 allan o 23"), with Welsh negations; Welsh number words are not read.
 *
 * Pure: words and figures in, findings out.
 */
import type { Summary } from '#schemas/summary';
import type { WriteUp, WrittenText } from '#schemas/write-up';
import { percentHalfUp } from '#summaries/words';

/** A question's figure: cases that met it, cases that did not, and the whole percentage the report prints. */
export interface QuestionFigure {
  yes: number;
  no: number;
  percent: number | null;
}

/** The figure of a question (for a sub-group when `group` is set); undefined when there is none to compare with. */
export type FigureOf = (question: string, group?: string) => QuestionFigure | undefined;

type Hedge = 'over' | 'under' | 'just-over' | 'just-under' | 'nearly' | 'about';

/** One figure read from the words. */
export type FigurePart =
  | { kind: 'percent'; value: number; decimals: number; hedge?: Hedge }
  | { kind: 'count'; of: number; total: number }
  /** "in none of the cases": no total given. */
  | { kind: 'none' }
  | { kind: 'fraction'; value: number; hedge?: Hedge };

/** A figure as written, with the one restating it in brackets if any. */
export interface FigureClaim {
  /** The words as they stand in the text ("65% of cases (31 out of 48)" gives "65%" and "31 out of 48"). */
  words: string[];
  parts: FigurePart[];
  /** Where the first part starts in the text. */
  at: number;
}

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORD = `(?:(?:${TENS.slice(2).join('|')})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.join('|')})`;
/** A numeral not part of a question id, a decimal or an ordinal, or a number in words. */
const NUM = `(?:(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?!\\d|[.,]\\d|[a-z])|(?<![\\d.,])\\d+(?!\\d|[.,]\\d|[a-z])|\\b${NUMBER_WORD}\\b)`;
const HEDGE = '(?:(just over|just under|more than|less than|fewer than|over|under|nearly|almost|about|around|approximately|roughly)\\s+)?';
const FRACTIONS: Readonly<Record<string, number>> = {
  half: 1 / 2,
  'a half': 1 / 2,
  'one half': 1 / 2,
  'a third': 1 / 3,
  'one third': 1 / 3,
  'two thirds': 2 / 3,
  'a quarter': 1 / 4,
  'one quarter': 1 / 4,
  'three quarters': 3 / 4,
  'a fifth': 1 / 5,
  'one fifth': 1 / 5,
  'two fifths': 2 / 5,
  'three fifths': 3 / 5,
  'four fifths': 4 / 5,
};
/** The fractions a writer rounds to: a fraction in words agrees when it is the nearest of these. */
const WORDED = [0, 1 / 5, 1 / 4, 1 / 3, 2 / 5, 1 / 2, 3 / 5, 2 / 3, 3 / 4, 4 / 5, 1];
const FRACTION =
  '(a half|one[- ]half|half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|three[- ]quarters|a fifth|one[- ]fifth|two[- ]fifths|three[- ]fifths|four[- ]fifths)';

const PERCENT = {
  re: new RegExp(`${HEDGE}(?<![\\d.,])(\\d{1,3}(?:\\.\\d+)?)\\s?(?:%|per\\s?cent\\b|y\\s+cant\\b)`, 'gi'),
  read: (m: RegExpExecArray): FigurePart => ({
    kind: 'percent',
    value: Number(m[2]),
    decimals: m[2]!.split('.')[1]?.length ?? 0,
    hedge: hedgeOf(m[1]),
  }),
};

/**
 * In Welsh words, the figures in numerals: percentages ("83%", "83 y cant") and counts ("31 o
 * 48", "31 allan o 48", "12 o’r 23"). Welsh number words, with their gender and mutations, are
 * not read.
 */
const PATTERNS_CY: typeof PATTERNS = [
  { re: PERCENT.re, read: PERCENT.read },
  { re: /(?<![\d.,])(\d+)\s+(?:allan\s+)?o(?:['’]r)?\s+(\d+)(?![\d.]\d)/gi, read: (m) => ofTotal(m[1]!, m[2]!) },
];

/** Longest forms first, so "all but one of the nine" is not also read as "one of the nine". */
const PATTERNS: readonly { re: RegExp; read: (m: RegExpExecArray) => FigurePart | undefined }[] = [
  PERCENT,
  { re: new RegExp(`\\ball but one of (?:the\\s+)?(${NUM})`, 'gi'), read: (m) => countOf(m[1]!, -1) },
  { re: new RegExp(`\\bnone of (?:the\\s+)?(${NUM})`, 'gi'), read: (m) => countOf(m[1]!, 0) },
  { re: /\bnone of the\b/gi, read: () => ({ kind: 'none' }) },
  { re: new RegExp(`(${NUM})\\s+(?:out\\s+of|of)\\s+(?:the\\s+)?(${NUM})`, 'gi'), read: (m) => ofTotal(m[1]!, m[2]!) },
  { re: new RegExp(`\\ball\\s+(?:the\\s+)?(${NUM})`, 'gi'), read: (m) => countOf(m[1]!, 'all') },
  // "in the one relevant case", "in the one PPO case": all of one.
  { re: /\bthe one (?:[\w-]+ ){0,4}case\b/gi, read: () => ({ kind: 'count', of: 1, total: 1 }) },
  {
    re: new RegExp(`${HEDGE}(?<!(?:first|second|other|the) )\\b${FRACTION}\\b`, 'gi'),
    read: (m) => ({ kind: 'fraction', value: FRACTIONS[m[2]!.toLowerCase().replace('-', ' ')]!, hedge: hedgeOf(m[1]) }),
  },
];

function hedgeOf(words: string | undefined): Hedge | undefined {
  switch (words?.toLowerCase()) {
    case undefined:
      return undefined;
    case 'more than':
    case 'over':
      return 'over';
    case 'less than':
    case 'fewer than':
    case 'under':
      return 'under';
    case 'just over':
      return 'just-over';
    case 'just under':
      return 'just-under';
    case 'nearly':
    case 'almost':
      return 'nearly';
    default:
      return 'about';
  }
}

/** A numeral ("1,200") or number in words ("twenty-one") as a number. */
export function numberFrom(words: string): number | undefined {
  const w = words.toLowerCase().trim();
  if (/^\d/.test(w)) return Number(w.replace(/,/g, ''));
  const [tens, unit] = w.split(/[- ]/);
  const t = TENS.indexOf(tens!);
  if (t >= 2) return t * 10 + (unit ? UNITS.indexOf(unit) : 0);
  const u = UNITS.indexOf(w);
  return u >= 0 ? u : undefined;
}

function countOf(totalWords: string, of: number | 'all'): FigurePart | undefined {
  const total = numberFrom(totalWords);
  if (total === undefined || total === 0) return undefined;
  return { kind: 'count', of: of === 'all' ? total : of < 0 ? total + of : of, total };
}

function ofTotal(ofWords: string, totalWords: string): FigurePart | undefined {
  const of = numberFrom(ofWords);
  const total = numberFrom(totalWords);
  // "2 of 1" is no share of anything: a page number, a rank ("17th out of 45" is not read at all).
  return of === undefined || total === undefined || total === 0 || of > total ? undefined : { kind: 'count', of, total };
}

/** Every figure in the words, in order, each with the one restating it in brackets. */
export function figuresIn(text: string, lang: 'en' | 'cy' = 'en'): FigureClaim[] {
  const found: { start: number; end: number; words: string; part: FigurePart }[] = [];
  // Characters an earlier (longer) form has read: a later form reads none of them again.
  const taken = new Uint8Array(text.length);
  for (const { re, read } of lang === 'cy' ? PATTERNS_CY : PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).includes(1)) continue;
      const part = read(m);
      if (!part) continue;
      found.push({ start, end, words: m[0].trim(), part });
      taken.fill(1, start, end);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const claims: (FigureClaim & { end: number })[] = [];
  for (const f of found) {
    const last = claims.at(-1);
    // "65% of cases (31 out of 48)": the bracket restates the figure before it.
    if (last && /^[^().;]{0,30}\(\s*$/.test(text.slice(last.end, f.start))) {
      last.words.push(f.words);
      last.parts.push(f.part);
      last.end = f.end;
    } else claims.push({ words: [f.words], parts: [f.part], at: f.start, end: f.end });
  }
  return claims.map(({ words, parts, at }) => ({ words, parts, at }));
}

const NEGATION = {
  en: /\b(?:not|no|never|without|lack(?:s|ed|ing)?|fail(?:s|ed|ing)?|insufficient)\b|n['’]t\b/i,
  cy: /\b(?:ddim|heb|nid|ni|na|nac|erioed)\b/i,
};

/** Whether one part agrees with the share `yes` of `yes + no` (the question's figure, or its complement). */
function partAgrees(part: FigurePart, yes: number, no: number, printed: number | null): boolean {
  const whole = yes + no;
  const exact = (100 * yes) / whole;
  switch (part.kind) {
    case 'count':
      return part.of === yes && part.total === whole;
    case 'none':
      return yes === 0;
    case 'percent':
      if (!part.hedge)
        return part.decimals === 0
          ? printed === part.value
          : tenthsHalfUp(yes, whole, part.decimals) === Math.round(part.value * 10 ** part.decimals);
      return inHedge(part.hedge, exact, part.value);
    case 'fraction': {
      const claimed = 100 * part.value;
      if (part.hedge) return inHedge(part.hedge, exact, claimed);
      const nearest = WORDED.reduce((best, f) => (Math.abs(100 * f - exact) < Math.abs(100 * best - exact) ? f : best));
      return Math.abs(100 * nearest - claimed) < 1e-9;
    }
  }
}

/** The percentage in units of 10^-decimals, rounded half up in whole numbers (as `percentHalfUp`), so 82.45 is never 82.4499... */
function tenthsHalfUp(part: number, whole: number, decimals: number): number {
  const scale = 100 * 10 ** decimals;
  return Math.floor((2 * scale * part + whole) / (2 * whole));
}

function inHedge(hedge: Hedge, exact: number, claimed: number): boolean {
  switch (hedge) {
    case 'over':
      return exact > claimed;
    case 'under':
      return exact < claimed;
    case 'just-over':
      return exact > claimed && exact <= claimed + 10;
    case 'just-under':
    case 'nearly':
      return exact < claimed && exact >= claimed - 10;
    case 'about':
      return Math.abs(exact - claimed) <= 5;
  }
}

/** Whether a claim agrees with a figure: every part, read as the share that did, or (in a negative sentence) the share that did not. */
export function claimAgrees(claim: FigureClaim, figure: QuestionFigure, negative = false): boolean {
  const { yes, no } = figure;
  if (yes + no === 0) return false;
  const direct = claim.parts.every((p) => partAgrees(p, yes, no, figure.percent));
  return direct || (negative && claim.parts.every((p) => partAgrees(p, no, yes, percentHalfUp(no, yes + no))));
}

export type TextCheck =
  | { status: 'agrees'; question: string; group?: string }
  | { status: 'disagrees'; question: string; group?: string; claims: string[]; figure: QuestionFigure | undefined }
  /** Why not checked: no tie to a question, no figure in the words, or no figure to compare with. */
  | { status: 'unchecked'; reason: 'no-tie' | 'no-claim' | 'no-figure'; question?: string; group?: string };

/** Sentences, keeping each one's offset; a question id's dots ("2.1.3") do not end one. */
function sentences(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[^.!?]+(?:[.!?](?=\S)[^.!?]*)*(?:[.!?]+|$)/g;
  for (let m = re.exec(text); m?.[0]; m = re.exec(text)) out.push({ text: m[0], at: m.index });
  return out;
}

function negativeAt(text: string, at: number, lang: 'en' | 'cy'): boolean {
  return NEGATION[lang].test(sentences(text).find((s) => at >= s.at && at < s.at + s.text.length)?.text ?? text);
}

/** One text against one question's figure (`figure` undefined: the question has none to compare with). */
export function checkAgainst(
  text: string,
  question: string,
  group: string | undefined,
  figure: QuestionFigure | undefined,
  lang: 'en' | 'cy' = 'en',
): TextCheck {
  const claims = figuresIn(text, lang);
  const tie = group === undefined ? { question } : { question, group };
  if (!claims.length) return { status: 'unchecked', reason: 'no-claim', ...tie };
  if (figure === undefined) return { status: 'unchecked', reason: 'no-figure', ...tie };
  if (claims.some((c) => claimAgrees(c, figure, negativeAt(text, c.at, lang)))) return { status: 'agrees', ...tie };
  return {
    status: 'disagrees',
    ...tie,
    claims: claims.flatMap((c) => (c.words.length > 1 ? [`${c.words[0]} (${c.words.slice(1).join(', ')})`] : c.words)),
    figure,
  };
}

/** "question 2.1.3", "questions 2.1.3", in Welsh "cwestiwn 2.1.3" as mutated: the ids a sentence names. */
const NAMED_QUESTION = /\b(?:questions?|n?g?c?h?westi(?:wn|ynau))\s+([1-4]\.[1-9]\.\d{1,3})(?![\d.]\d)/gi;

/**
 * Every check a text's words call for: the drafted figure's, or one for each question a
 * sentence names (that sentence's words against that question). A text with neither is one
 * `unchecked` result with reason `no-tie`. In Welsh (`cy`), its Welsh words against the same
 * tie; none when it has no Welsh.
 */
export function checkText(text: WrittenText, figureOf: FigureOf, lang: 'en' | 'cy' = 'en'): TextCheck[] {
  const words = typeof text === 'string' ? (lang === 'en' ? text : undefined) : lang === 'en' ? text.text : text.textCy;
  if (words === undefined) return [];
  const drafted = typeof text === 'string' ? undefined : text.drafted;
  if (drafted) return [checkAgainst(words, drafted.question, drafted.group, figureOf(drafted.question, drafted.group), lang)];
  const out: TextCheck[] = [];
  for (const s of sentences(words)) {
    NAMED_QUESTION.lastIndex = 0;
    for (let m = NAMED_QUESTION.exec(s.text); m; m = NAMED_QUESTION.exec(s.text)) {
      // The id itself is no figure: read the sentence without it.
      const without = s.text.slice(0, m.index) + ' '.repeat(m[0].length) + s.text.slice(m.index + m[0].length);
      out.push(checkAgainst(without, m[1]!, undefined, figureOf(m[1]!), lang));
    }
  }
  return out.length ? out : [{ status: 'unchecked', reason: 'no-tie' }];
}

/** Where in the write-up a text stands. */
export type TextPlace =
  | { part: 'criterion'; criterion: string; kind: 'strength' | 'improvement'; index: number }
  | { part: 'summary'; section: string; index: number }
  | { part: 'recommendation'; index: number }
  | { part: 'good-practice'; index: number };

export interface FigureMismatch {
  place: TextPlace;
  /** Whose words: the English, or the Welsh beside them. */
  lang: 'en' | 'cy';
  /** The very object in the write-up, so a page can mark it where it prints it. */
  text: WrittenText;
  question: string;
  group?: string;
  /** The figures as the words give them ("83%", "65% (31 out of 48)"). */
  claims: string[];
  /** The question's figure now; undefined when it has none (nothing relevant, no score). */
  figure: QuestionFigure | undefined;
}

/** Every authored text of the write-up that can carry a figure, with its place. */
function textsOf(writeUp: WriteUp): { place: TextPlace; text: WrittenText }[] {
  const out: { place: TextPlace; text: WrittenText }[] = [];
  // The items themselves (their words and Welsh), not copies.
  writeUp.summary.forEach((s, index) => out.push({ place: { part: 'summary', section: s.section, index }, text: s }));
  for (const [criterion, texts] of Object.entries(writeUp.criteria)) {
    texts.strengths.forEach((text, index) => out.push({ place: { part: 'criterion', criterion, kind: 'strength', index }, text }));
    texts.improvements.forEach((text, index) => out.push({ place: { part: 'criterion', criterion, kind: 'improvement', index }, text }));
  }
  writeUp.recommendations.forEach((r, index) => out.push({ place: { part: 'recommendation', index }, text: r }));
  writeUp.goodPractice.forEach((g, index) => out.push({ place: { part: 'good-practice', index }, text: g }));
  return out;
}

/**
 * Every authored text of the write-up with what the check made of it: agreeing, contradicted,
 * or unchecked and why. A fidelity test can ask of it which texts give figures with no tie
 * (`unchecked`, `no-tie`, with `figuresIn(words).length > 0`).
 */
export function checkWriteUp(
  writeUp: WriteUp,
  figureOf: FigureOf,
): { place: TextPlace; text: WrittenText; checks: TextCheck[]; checksCy: TextCheck[] }[] {
  return textsOf(writeUp).map(({ place, text }) => ({ place, text, checks: checkText(text, figureOf), checksCy: checkText(text, figureOf, 'cy') }));
}

/**
 * The write-up's texts whose figures contradict the figure they claim, in the write-up's
 * order. A summary, recommendation or good-practice text is a plain string: it is checked
 * where it names a question.
 */
export function figureMismatches(writeUp: WriteUp, figureOf: FigureOf): FigureMismatch[] {
  const out: FigureMismatch[] = [];
  for (const { place, text, checks, checksCy } of checkWriteUp(writeUp, figureOf)) {
    for (const [lang, check] of [...checks.map((c) => ['en', c] as const), ...checksCy.map((c) => ['cy', c] as const)]) {
      if (check.status !== 'disagrees') continue;
      out.push({
        place,
        lang,
        text,
        question: check.question,
        ...(check.group === undefined ? {} : { group: check.group }),
        claims: check.claims,
        figure: check.figure,
      });
    }
  }
  return out;
}

/**
 * The figures of a staff summary (every count, no disclosure control). Undefined for a question
 * the summary does not hold and for any sub-group: the summary breaks questions down by no
 * group, so a finding about one is not checked until it does.
 */
export function figuresOfSummary(summary: Pick<Summary, 'questions'>): FigureOf {
  const byId = new Map(summary.questions.map((q) => [q.id, q]));
  return (question, group) => {
    const q = byId.get(question);
    if (group !== undefined || !q || typeof q.yes !== 'number' || typeof q.no !== 'number') return undefined;
    return { yes: q.yes, no: q.no, percent: typeof q.percent === 'number' ? q.percent : null };
  };
}

/** "the words say 83%; the figure is 76% (38 of 50)": the figure half, for a message. */
export function figureWords(figure: QuestionFigure | undefined, of: string): string {
  if (!figure || figure.yes + figure.no === 0) return 'none';
  return `${figure.percent}% (${figure.yes} ${of} ${figure.yes + figure.no})`;
}

/** Where a mismatch stands, as the write-up page names it ("2.1 strength (b)", "2.1 strength (b) in Welsh"). */
export function placeName(place: TextPlace, lang: 'en' | 'cy' = 'en'): string {
  return lang === 'cy' ? `${placeNameEn(place)} in Welsh` : placeNameEn(place);
}

function placeNameEn(place: TextPlace): string {
  switch (place.part) {
    case 'criterion':
      return `${place.criterion} ${place.kind === 'strength' ? 'strength' : 'area for improvement'} (${String.fromCharCode(97 + (place.index % 26))})`;
    case 'summary':
      return `summary paragraph ${place.index + 1}`;
    case 'recommendation':
      return `recommendation ${place.index + 1}`;
    case 'good-practice':
      return `good practice ${place.index + 1}`;
  }
}
