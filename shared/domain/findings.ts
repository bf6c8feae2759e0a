/**
 * Findings drafted from the figures, in the inspectorate's style ("In 79% of cases an OASys
 * assessment was completed as required at the start of the sentence"), and the check that a
 * finding used in the write-up still matches the figure it was written from.
 *
 * Each bank question's template is its question turned into a statement
 * (`findingClause`): "Was X done?" reads "X was done", "Did X do Y?" reads "X did Y" (the verb
 * in the past), "Where A, was X done?" reads "Where A, X was done in ...". The wording follows
 * the figure: a high figure is a strength ("In 87% of cases ..."), a low one an area for
 * improvement ("In only 23% of cases ..."); counts too small for a percentage to mean much
 * read as counts ("in four of the five relevant cases", numbers one to nine in words), a
 * question about a sub-group counts that group ("In all eight PPO cases ..."), and the ends of
 * the scale use the contract's quantity words ("all", "all but one", "none"). A strength starts
 * where the default bands start calling a score good (65%).
 *
 * Pure: the summary in, drafts out. The inspector picks, edits and saves them through the
 * write-up use case; a saved finding keeps `drafted: { question, percent }`.
 */
import type { Question, QuestionBank } from '#schemas/bank';
import type { Summary } from '#schemas/summary';
import type { DraftedFrom, WriteUp, WrittenText } from '#schemas/write-up';
import { DEFAULT_BANDS } from '#scoring/index';
import { numberWord } from '#summaries/words';

/** The lowest percentage the default bands call good: from here a finding is a strength. */
export const STRENGTH_FROM = DEFAULT_BANDS.find((b) => b.id === 'good')!.min;
/** Below this many relevant cases a finding reads as a count, not a percentage. */
const COUNT_BELOW = 20;

export interface DraftedFinding {
  criterion: string;
  kind: 'strength' | 'improvement';
  text: string;
  drafted: DraftedFrom;
}

const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  take: 'took',
  make: 'made',
  draw: 'drew',
  give: 'gave',
  get: 'got',
  set: 'set',
  build: 'built',
  meet: 'met',
  have: 'had',
  show: 'showed',
  understand: 'understood',
};

const PARTICIPLES = new Set([
  'paid',
  'made',
  'given',
  'taken',
  'done',
  'met',
  'set',
  'kept',
  'told',
  'sent',
  'seen',
  'drawn',
  'built',
  'written',
  'shown',
  'known',
  'held',
  'put',
  'carried',
  'informed',
]);
/** Words after which the subject of "Was ...?" has ended although they are not participles. */
const AFTER_SUBJECT = new Set([
  'accurate',
  'sufficient',
  'comprehensive',
  'consistent',
  'appropriate',
  'necessary',
  'balanced',
  'well',
  'clearly',
  'fully',
  'sensitive',
  'enforceable',
  'specific',
  'capable',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'any', 'all']);
/** Where the rules would misread a question, its statement is written out. */
const CLAUSES: Readonly<Record<string, string>> = {
  'Was the report of the appropriate type (fast delivery or standard delivery)':
    'the report was of the appropriate type (fast delivery or standard delivery)',
  'Did the offender manager oversee and coordinate the input of all workers': 'the offender manager oversaw and coordinated the input of all workers',
  'Did the work with the offender flow coherently from the sentence plan': 'the work with the offender flowed coherently from the sentence plan',
  'was communication between the offender manager and the other workers good':
    'communication between the offender manager and the other workers was good',
  'Was communication between all staff and the offender good': 'communication between all staff and the offender was good',
  'was a timely written offer of face-to-face contact made to the victim': 'a timely written offer of face-to-face contact was made to the victim',
  'had they agreed to the placement': 'they had agreed to the placement',
  "Were the resources allocated to the case consistent with the offender's Risk of Harm":
    "the resources allocated to the case were consistent with the offender's Risk of Harm",
  "Were the resources allocated to the case consistent with the offender's likelihood of reoffending":
    "the resources allocated to the case were consistent with the offender's likelihood of reoffending",
  "Were satisfactory arrangements in place to restrict the offender's liberty during the custodial sentence":
    "satisfactory arrangements were in place to restrict the offender's liberty during the custodial sentence",
};

function past(verb: string): string {
  if (IRREGULAR_PAST[verb]) return IRREGULAR_PAST[verb]!;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** Verbs that follow the subject of a "Did ...?" question in the bank. */
const DID_VERBS = new Set([
  'take',
  'make',
  'include',
  'reflect',
  'accurately',
  'cover',
  'draw',
  'set',
  'clearly',
  'give',
  'have',
  'show',
  'oversee',
  'build',
  'flow',
  'work',
  'contribute',
  'liaise',
  'receive',
  'meet',
  'support',
  'challenge',
  'get',
  'avoid',
  'enhance',
  'deliver',
  'comply',
  'demonstrate',
  'improve',
  'reduce',
  'understand',
  'agree',
  'keep',
  'know',
  'record',
  'consider',
  'address',
  'use',
  'attend',
  'engage',
  'complete',
  'achieve',
  'respond',
]);

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^(Risk|MAPPA|OASys|PPO|OGRS)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** "Did the report make a clear proposal" -> "the report made a clear proposal". */
function didClause(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!.replace(/[^a-z]/gi, '');
    if (!DID_VERBS.has(w)) continue;
    const subject = words.slice(0, i).join(' ');
    if (w.endsWith('ly') && !/^(comply|apply)$/.test(w) && words[i + 1]) return [subject, w, past(words[i + 1]!), ...words.slice(i + 2)].join(' ');
    return [subject, past(w), ...words.slice(i + 1)].join(' ');
  }
  return undefined;
}

/** "Was a court report prepared to inform sentencing" -> "a court report was prepared to inform sentencing". */
function wasClause(aux: 'was' | 'were', words: string[]): string | undefined {
  if (words[0] === 'there') return ['there', aux, ...words.slice(1)].join(' ');
  let depth = 0;
  for (let i = 1; i < words.length; i++) {
    const raw = words[i]!;
    depth += (raw.match(/\(/g) ?? []).length - (raw.match(/\)/g) ?? []).length;
    if (depth > 0 || raw.includes(')')) continue;
    const w = raw.replace(/[^a-z-]/gi, '');
    const next = words[i + 1]?.replace(/[^a-z]/gi, '') ?? '';
    if (DETERMINERS.has(words[i - 1]!.toLowerCase())) continue;
    const participle = (/(ed|en)$/.test(w) && !/^(need|seen|women|children)$/.test(w)) || PARTICIPLES.has(w);
    const adverb = /ly$/.test(w) && /ed$/.test(next);
    const phrase =
      (w === 'of' && next === 'sufficient') || (w === 'in' && (next === 'place' || next === 'line')) || (w === 'within' && next === 'the');
    if (participle || adverb || phrase || AFTER_SUBJECT.has(w)) return [...words.slice(0, i), aux, ...words.slice(i)].join(' ');
  }
  return undefined;
}

/** A bank question as a statement, with any "Where ..." condition apart; undefined when the rules cannot turn it. */
export function findingClause(question: string): { condition?: string; clause: string } | undefined {
  let text = question.trim().replace(/\?$/, '');
  text = text.replace(/^Overall, /, '');
  if (CLAUSES[text]) return { clause: CLAUSES[text]! };
  let condition: string | undefined;
  const where = /^((?:Where|In a) [^,]+(?:,[^,]*\([^)]*\))?), (.*)$/.exec(text);
  if (where) {
    condition = where[1]!.replace(/^In a (.*) case$/, 'In $1 cases');
    text = where[2]!;
  }
  const written = CLAUSES[text];
  if (written) return { condition, clause: written };
  const words = text.split(/\s+/);
  const head = words[0]!.toLowerCase();
  const rest = words.slice(1);
  const clause =
    head === 'did'
      ? didClause(rest)
      : head === 'was' || head === 'were'
        ? wasClause(head, rest)
        : head === 'are'
          ? wasClause('were', rest)
          : undefined;
  return clause ? { condition, clause: lowerFirst(clause) } : undefined;
}

/** Conditions that name a sub-group of the sample: the finding then counts that group's cases ("all eight PPO cases"). */
const GROUPS: readonly [RegExp, string][] = [
  [/^Where the offender was a prolific and other priority offender$/, 'PPO cases'],
  [/^Where the case was managed under MAPPA$/, 'MAPPA cases'],
  [/^In statutory victim contact cases$/, 'statutory victim contact cases'],
  [/^Where the offender lived in approved premises$/, 'approved premises cases'],
  [/^Where the offender posed a high Risk of Harm$/, 'high Risk of Harm cases'],
  [/^Where the offender was recalled$/, 'recall cases'],
  [/^Where there was an accredited programme requirement$/, 'cases with an accredited programme requirement'],
  [/^Where there was unpaid work$/, 'unpaid work cases'],
];

/**
 * The finding for a figure: a strength when it is good, an area for improvement otherwise.
 * `subGroup`: the figure is one sub-group's ("tier:4"), named around the noun ("Tier 4 cases
 * that had been transferred"), so the finding counts that group's cases.
 */
export function draftFinding(
  q: Question,
  yes: number,
  no: number,
  percent: number,
  subGroup?: { group: string; words: { before?: string; after?: string } },
): Omit<DraftedFinding, 'criterion'> | undefined {
  const turned = findingClause(q.text);
  if (!turned) return undefined;
  const relevant = yes + no;
  const kind: DraftedFinding['kind'] = percent >= STRENGTH_FROM ? 'strength' : 'improvement';
  const questionGroup = GROUPS.find(([pattern]) => turned.condition !== undefined && pattern.test(turned.condition))?.[1];
  const group = subGroup ? [subGroup.words.before, questionGroup ?? 'cases', subGroup.words.after].filter(Boolean).join(' ') : questionGroup;
  const condition = questionGroup ? undefined : turned.condition;
  const { clause } = turned;
  const cases = group ?? 'relevant cases';
  const only = kind === 'improvement' ? 'only ' : '';
  let share: string;
  if (yes === relevant)
    share = relevant === 1 ? `in the one ${group ? group.replace(/ cases\b/, ' case') : 'relevant case'}` : `in all ${numberWord(relevant)} ${cases}`;
  else if (relevant >= 3 && yes === relevant - 1 && relevant < COUNT_BELOW) share = `in all but one of the ${numberWord(relevant)} ${cases}`;
  else if (yes === 0) share = `in none of the ${numberWord(relevant)} ${cases}`;
  else if (relevant < COUNT_BELOW) share = `in ${only}${numberWord(yes)} of the ${numberWord(relevant)} ${cases}`;
  else share = group ? `in ${only}${percent}% of the ${numberWord(relevant)} ${group}` : `in ${only}${percent}% of cases`;
  const sentence = condition ? `${condition}, ${clause} ${share}.` : `${share.charAt(0).toUpperCase()}${share.slice(1)} ${clause}.`;
  return { kind, text: sentence, drafted: { question: q.id, percent, ...(subGroup ? { group: subGroup.group } : {}) } };
}

/** Drafts for every scored question, by criterion, strengths first in bank order. */
export function draftFindings(summary: Summary, bank: QuestionBank): Record<string, { strengths: DraftedFinding[]; improvements: DraftedFinding[] }> {
  const out: Record<string, { strengths: DraftedFinding[]; improvements: DraftedFinding[] }> = {};
  const scores = new Map(summary.questions.map((q) => [q.id, q]));
  for (const q of bank.questions) {
    const s = scores.get(q.id);
    if (!s || s.percent === null) continue;
    const draft = draftFinding(q, s.yes, s.no, s.percent);
    if (!draft) continue;
    const slot = (out[q.criterion] ??= { strengths: [], improvements: [] });
    (draft.kind === 'strength' ? slot.strengths : slot.improvements).push({ criterion: q.criterion, ...draft });
  }
  return out;
}

export interface StaleFinding {
  criterion: string;
  kind: 'strength' | 'improvement';
  index: number;
  /** The very object in the write-up, so a page can mark it where it prints it. */
  text: WrittenText;
  question: string;
  was: number;
  now: number | null;
}

/**
 * The write-up's drafted findings whose question's figure is no longer the one they were
 * written from. Findings about a sub-group (`drafted.group`) are not checked: the summary
 * keeps no per-question figure for a group.
 */
export function staleFindings(writeUp: WriteUp, summary: Summary): StaleFinding[] {
  const now = new Map(summary.questions.map((q) => [q.id, q.percent]));
  const out: StaleFinding[] = [];
  for (const [criterion, texts] of Object.entries(writeUp.criteria)) {
    for (const kind of ['strengths', 'improvements'] as const) {
      (texts[kind] ?? []).forEach((text, index) => {
        if (typeof text === 'string' || !text.drafted || text.drafted.group) return;
        const current = now.get(text.drafted.question) ?? null;
        if (current !== text.drafted.percent) {
          out.push({
            criterion,
            kind: kind === 'strengths' ? 'strength' : 'improvement',
            index,
            text,
            question: text.drafted.question,
            was: text.drafted.percent,
            now: current,
          });
        }
      });
    }
  }
  return out;
}
