/**
 * Checks a respondent's answers against a questionnaire definition and normalises them.
 *
 * Every problem is listed, one per question at most, in the definition's question order,
 * followed by unknown question ids; paths are `answers.<questionId>` (or `answers` when the
 * answers are not an object at all). Messages are in the definition's language, so the HTML
 * pages can show them as they are.
 *
 * Rules:
 * - `yes-no`, `single-choice`, `scale`: one option value (a string).
 * - `multi-choice`: an array of distinct option values; a value listed in the question's
 *   `exclusive` cannot be combined with another. Normalised to the options' order.
 * - `text`: a string. Line endings are normalised to "\n" and the ends trimmed; the length is
 *   then counted in Unicode code points (so an emoji counts once) against `maxLength`.
 * - Left out, `null`, `""`, a blank text and an empty array all mean "not answered": an error
 *   for a required question (in `validateAnswers` only), otherwise simply left out.
 * - A key that is not a question id of this definition is an error.
 * - Routing (`showIf`): a question whose condition does not hold is not asked, so not
 *   required, and an answer to it is an error naming it. When the question a condition names
 *   has an invalid value, the questions it routes are left unjudged (no second error).
 *   `{ routing: false }` judges one page's answer alone (the page checks it is asked).
 *
 * Never throws, whatever the input.
 */
import type { Answer, Answers, QuestionnaireDefinition, QuestionnaireQuestion } from '#schemas/questionnaire';
import { answerErrors, type AnswerErrorText } from './answer-errors';
import { isAsked } from './routing';

export interface AnswerError {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

/** For a finished questionnaire: required questions must be answered. */
export function validateAnswers(def: QuestionnaireDefinition, answers: unknown, options: CheckOptions = {}): ValidationResult {
  return check(def, answers, true, options);
}

export interface CheckOptions {
  /** False: every question is judged as if asked (one page's answer, already known to be asked). */
  routing?: boolean;
}

/** For save-and-resume: the same checks, but required questions may still be missing. */
export function validatePartial(def: QuestionnaireDefinition, answers: unknown, options: CheckOptions = {}): ValidationResult {
  return check(def, answers, false, options);
}

/**
 * For the JSON API: the whole body `{ "answers": { ... } }` (a strict object), then the
 * answers as `validateAnswers` checks them.
 */
export function validateResponseBody(def: QuestionnaireDefinition, body: unknown): ValidationResult {
  const t = messagesFor(def);
  if (!isPlainObject(body)) return { ok: false, errors: [{ path: 'answers', message: t.answersNotObject }] };
  const extra: AnswerError[] = Object.keys(body)
    .filter((k) => k !== 'answers')
    .map((k) => ({ path: k, message: 'Unrecognised field: only "answers" is allowed' }));
  const result = check(def, Object.hasOwn(body, 'answers') ? body.answers : undefined, true, {});
  if (extra.length === 0) return result;
  return { ok: false, errors: [...(result.ok ? [] : result.errors), ...extra] };
}

type Outcome = { kind: 'value'; value: Answer } | { kind: 'missing' } | { kind: 'error'; message: string };

function messagesFor(def: QuestionnaireDefinition): AnswerErrorText {
  return answerErrors[def.language] ?? answerErrors.en;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function check(def: QuestionnaireDefinition, input: unknown, requireAll: boolean, options: CheckOptions): ValidationResult {
  const t = messagesFor(def);
  if (!isPlainObject(input)) return { ok: false, errors: [{ path: 'answers', message: t.answersNotObject }] };

  const errors: AnswerError[] = [];
  const answers: Answers = {};
  const known = new Set<string>();
  const unjudged = new Set<string>();
  const routing = options.routing ?? true;
  for (const q of def.questions) {
    known.add(q.id);
    const raw = Object.hasOwn(input, q.id) ? input[q.id] : undefined;
    if (routing && q.showIf) {
      const on = q.showIf.question;
      if (unjudged.has(on)) {
        unjudged.add(q.id);
        continue;
      }
      if (!isAsked(def, q.id, answers)) {
        if (!isBlank(raw)) {
          const controlling = def.questions.find((o) => o.id === on);
          errors.push({ path: `answers.${q.id}`, message: t.notAsked(q.text, controlling?.text ?? on) });
        }
        continue;
      }
    }
    const outcome = checkOne(q, raw, t);
    if (outcome.kind === 'value') answers[q.id] = outcome.value;
    else if (outcome.kind === 'error') {
      errors.push({ path: `answers.${q.id}`, message: outcome.message });
      // A value that is not an answer cannot say which questions follow: those are left unjudged.
      unjudged.add(q.id);
    } else if (requireAll && !q.optional) errors.push({ path: `answers.${q.id}`, message: missingMessage(q, t) });
  }
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ path: `answers.${key}`, message: t.unknownQuestion });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

function isBlank(raw: unknown): boolean {
  return (
    raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0) || (typeof raw === 'string' && raw.trim() === '')
  );
}

function missingMessage(q: QuestionnaireQuestion, t: AnswerErrorText): string {
  if (q.type === 'text') return t.enterAnswer(q.text);
  if (q.type === 'multi-choice') return t.selectAtLeastOne(q.text);
  return t.selectAnswer(q.text);
}

function checkOne(q: QuestionnaireQuestion, raw: unknown, t: AnswerErrorText): Outcome {
  if (raw === undefined || raw === null || raw === '') return { kind: 'missing' };
  const values = (q.options ?? []).map((o) => o.value);

  switch (q.type) {
    case 'text': {
      if (typeof raw !== 'string') return { kind: 'error', message: t.notText(q.text) };
      const text = raw.replace(/\r\n?/g, '\n').trim();
      if (text === '') return { kind: 'missing' };
      const max = q.maxLength ?? Number.POSITIVE_INFINITY;
      if (codePoints(text) > max) return { kind: 'error', message: t.tooLong(max) };
      return { kind: 'value', value: text };
    }
    case 'multi-choice': {
      if (!Array.isArray(raw)) return { kind: 'error', message: t.notAnOption(q.text) };
      if (raw.length === 0) return { kind: 'missing' };
      if (!raw.every((v): v is string => typeof v === 'string' && values.includes(v))) {
        return { kind: 'error', message: t.notAnOption(q.text) };
      }
      const chosen = new Set(raw);
      if (chosen.size !== raw.length) return { kind: 'error', message: t.duplicate(q.text) };
      const lonely = (q.exclusive ?? []).find((v) => chosen.has(v));
      if (lonely !== undefined && chosen.size > 1) {
        const label = q.options?.find((o) => o.value === lonely)?.label ?? lonely;
        return { kind: 'error', message: t.exclusive(label, q.text) };
      }
      return { kind: 'value', value: values.filter((v) => chosen.has(v)) };
    }
    default: {
      if (typeof raw !== 'string' || !values.includes(raw)) {
        return { kind: 'error', message: t.notAnOption(q.text) };
      }
      return { kind: 'value', value: raw };
    }
  }
}

/** Length in Unicode code points, not UTF-16 code units. */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
