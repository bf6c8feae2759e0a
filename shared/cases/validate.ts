/** Checks a case's answers against the inspection's own question bank. Pure. */
import type { QuestionBank, Question } from '#schemas/bank';
import type { CaseInput } from '#schemas/case';
import type { ProblemDetail } from '#core/errors';

const indexes = new WeakMap<QuestionBank, Map<string, Question>>();

export function questionIndex(bank: QuestionBank): Map<string, Question> {
  let index = indexes.get(bank);
  if (!index) indexes.set(bank, (index = new Map(bank.questions.map((q) => [q.id, q]))));
  return index;
}

export function caseProblems(bank: QuestionBank, input: CaseInput, prefix = 'answers'): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const index = questionIndex(bank);
  for (const [questionId, answer] of Object.entries(input.answers)) {
    const question = index.get(questionId);
    if (!question) {
      problems.push({ path: `${prefix}.${questionId}`, message: `No question ${questionId} in question bank ${bank.version}` });
    } else if (answer !== 'na' && !question.appliesTo.includes(input.profile.caseType)) {
      problems.push({
        path: `${prefix}.${questionId}`,
        message: `Question ${questionId} does not apply to ${input.profile.caseType} cases (answer na or leave it out)`,
      });
    }
  }
  return problems;
}

/**
 * The questions the case's type takes that have no answer yet (yes, no and na are answers).
 * A case is finished when there are none (contract, "An inspection's life cycle").
 */
export function unansweredQuestions(bank: QuestionBank, c: Pick<CaseInput, 'profile' | 'answers'>): string[] {
  const caseType = c.profile.caseType;
  return bank.questions.filter((q) => q.appliesTo.includes(caseType) && c.answers[q.id] === undefined).map((q) => q.id);
}

export function isFinished(bank: QuestionBank, c: Pick<CaseInput, 'profile' | 'answers'>): boolean {
  return unansweredQuestions(bank, c).length === 0;
}
