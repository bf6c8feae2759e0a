/**
 * The respondent's way through a questionnaire, pure: which question comes next, where a
 * returning respondent carries on, and one page's form turned into one checked answer.
 * The pages (shared/web) render; the store keeps the draft; this decides.
 */
import type { Answer, Answers, QuestionnaireDefinition, QuestionnaireQuestion } from '#schemas/questionnaire';
import { askedQuestions, onlyAsked } from '#questionnaires/routing';
import { validateAnswers, validatePartial } from '#questionnaires/validate';

/** Page names under /q/{token}/ that are not question ids. */
export const RESERVED_PAGES = ['check', 'saved', 'sent'] as const;

export function questionIndex(def: QuestionnaireDefinition, questionId: string): number {
  return def.questions.findIndex((q) => q.id === questionId);
}

/**
 * The first question asked (given the answers so far) and not yet seen (answered, or an
 * optional one passed), or undefined when all have been. Hidden questions are skipped.
 */
export function firstUnseen(def: QuestionnaireDefinition, seen: readonly string[], answers: Answers = {}): QuestionnaireQuestion | undefined {
  const done = new Set(seen);
  return askedQuestions(def, answers).find((q) => !done.has(q.id));
}

/** The next question asked after `questionId`, given the answers so far (which include this page's). */
export function nextQuestion(def: QuestionnaireDefinition, questionId: string, answers: Answers = {}): QuestionnaireQuestion | undefined {
  const i = questionIndex(def, questionId);
  if (i < 0) return undefined;
  const asked = askedQuestions(def, answers);
  return asked.find((q) => questionIndex(def, q.id) > i);
}

export function previousQuestion(def: QuestionnaireDefinition, questionId: string, answers: Answers = {}): QuestionnaireQuestion | undefined {
  const i = questionIndex(def, questionId);
  if (i <= 0) return undefined;
  return askedQuestions(def, answers)
    .filter((q) => questionIndex(def, q.id) < i)
    .pop();
}

/** "Question x of y": where this question sits among those asked so far. */
export function position(def: QuestionnaireDefinition, questionId: string, answers: Answers = {}): { index: number; of: number } {
  const asked = askedQuestions(def, answers);
  const index = asked.findIndex((q) => q.id === questionId);
  return { index: index < 0 ? questionIndex(def, questionId) : index, of: asked.length };
}

/**
 * A saved draft kept only where each answer still fits the definition, and only for the
 * questions asked: a changed answer ("no" to contact) hides questions answered before, whose
 * answers are then neither shown nor sent (they come back if the answer is changed back).
 */
export function cleanDraft(def: QuestionnaireDefinition, draft: Record<string, unknown>): Answers {
  const out: Answers = {};
  for (const q of def.questions) {
    if (!Object.hasOwn(draft, q.id)) continue;
    const checked = validatePartial(def, { [q.id]: draft[q.id] }, { routing: false });
    if (checked.ok && checked.answers[q.id] !== undefined) out[q.id] = checked.answers[q.id]!;
  }
  return onlyAsked(def, out);
}

/** What the form sent for one question, before checking: radios one value, checkboxes several, a textarea text. */
export function rawAnswerFromForm(question: QuestionnaireQuestion, form: URLSearchParams): unknown {
  if (question.type === 'multi-choice') return form.getAll(question.id);
  const value = form.get(question.id);
  return value === null ? undefined : value;
}

export type OneAnswer = { ok: true; answer: Answer | undefined } | { ok: false; message: string };

/**
 * Checks one page's answer with the shared validation (so messages are the questionnaire's
 * own, in its language): required questions must be answered, values must be options, text
 * must fit. `answer` undefined means an optional question left blank.
 */
export function checkOneAnswer(def: QuestionnaireDefinition, question: QuestionnaireQuestion, raw: unknown): OneAnswer {
  const path = `answers.${question.id}`;
  // The page has made sure the question is asked: judge the answer alone.
  const full = validateAnswers(def, { [question.id]: raw }, { routing: false });
  const own = full.ok ? undefined : full.errors.find((e) => e.path === path);
  if (own) return { ok: false, message: own.message };
  const partial = validatePartial(def, { [question.id]: raw }, { routing: false });
  if (!partial.ok) return { ok: false, message: partial.errors[0]?.message ?? '' };
  return { ok: true, answer: partial.answers[question.id] };
}

/** Required questions still unanswered, in order, with the questionnaire's own messages. */
export function missingAnswers(def: QuestionnaireDefinition, draft: Answers): { questionId: string; message: string }[] {
  const result = validateAnswers(def, draft);
  if (result.ok) return [];
  return result.errors.filter((e) => e.path.startsWith('answers.')).map((e) => ({ questionId: e.path.slice('answers.'.length), message: e.message }));
}

/** A rough reading time for the start page: half a minute a question, two minutes at least. */
export function minutesToAnswer(def: QuestionnaireDefinition): number {
  return Math.max(2, Math.ceil(def.questions.length / 2));
}
