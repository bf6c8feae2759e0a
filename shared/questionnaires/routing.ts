/**
 * Routing (contract: `showIf`): which questions a respondent is asked, given their answers.
 * A question is asked when it has no condition, or when the question its condition names was
 * itself asked and answered with one of the listed values (any of them, for a multi-choice).
 * Conditions only name earlier questions (the schema checks), so one pass in order decides.
 * Pure, and used alike by validation, the page flow and the summaries.
 */
import type { QuestionnaireDefinition, QuestionnaireQuestion } from '#schemas/questionnaire';

function chose(raw: unknown, values: readonly string[]): boolean {
  if (Array.isArray(raw)) return raw.some((v) => typeof v === 'string' && values.includes(v));
  return typeof raw === 'string' && values.includes(raw);
}

/** The ids of the questions asked, in order. */
export function askedIds(def: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): Set<string> {
  const asked = new Set<string>();
  for (const q of def.questions) {
    if (!q.showIf) asked.add(q.id);
    else if (asked.has(q.showIf.question) && chose(answerOf(answers, q.showIf.question), q.showIf.in)) asked.add(q.id);
  }
  return asked;
}

/** The questions asked, in the definition's order. */
export function askedQuestions(def: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): QuestionnaireQuestion[] {
  const asked = askedIds(def, answers);
  return def.questions.filter((q) => asked.has(q.id));
}

export function isAsked(def: QuestionnaireDefinition, questionId: string, answers: Readonly<Record<string, unknown>>): boolean {
  return askedIds(def, answers).has(questionId);
}

/** Only the answers to questions asked (a changed answer can hide questions answered before). */
export function onlyAsked<T>(def: QuestionnaireDefinition, answers: Readonly<Record<string, T>>): Record<string, T> {
  const asked = askedIds(def, answers);
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(answers)) if (asked.has(id)) out[id] = value;
  return out;
}

function answerOf(answers: Readonly<Record<string, unknown>>, id: string): unknown {
  return answers && typeof answers === 'object' && Object.hasOwn(answers, id) ? answers[id] : undefined;
}
