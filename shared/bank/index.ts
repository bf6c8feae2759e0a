import type { CaseType, Criterion, Question, QuestionBank } from '../schemas/bank';
import { deepFreeze } from './freeze';
import { omi2008_1 } from './omi-2008.1';

export { CURRENT_BANK_VERSION } from './current';

/**
 * Every published bank, by version. Banks are frozen: an inspection scored against a version
 * must see exactly the questions it was created with, so a published bank never changes
 * (add a new version instead).
 */
const banks: ReadonlyMap<string, QuestionBank> = new Map(
  [omi2008_1].map((bank) => [bank.version, deepFreeze(bank)] as const),
);

/** The bank with this version, or undefined when there is none. */
export function getBank(version: string): QuestionBank | undefined {
  return banks.get(version);
}

/** The versions of every published bank, oldest first. */
export function bankVersions(): string[] {
  return [...banks.keys()];
}

/** The questions of one criterion, in bank order (the summary question last). */
export function questionsOf(bank: QuestionBank, criterionId: string): Question[] {
  return bank.questions.filter((q) => q.criterion === criterionId);
}

/** The summary (overall judgement) question of a scored criterion. */
export function summaryQuestionOf(bank: QuestionBank, criterionId: string): Question | undefined {
  return bank.questions.find((q) => q.criterion === criterionId && q.summary);
}

/** The criteria scored from case judgements: sections 1-3 (1.1-3.2), in bank order. */
export function scoredCriteria(bank: QuestionBank): Criterion[] {
  return bank.criteria.filter((c) => c.section !== 4);
}

/** The criteria graded by inspectors: section 4 (4.1-4.6), in bank order. */
export function gradedCriteria(bank: QuestionBank): Criterion[] {
  return bank.criteria.filter((c) => c.section === 4);
}

/** The questions counted in the Risk of Harm thread (sections 1 and 2), in bank order. */
export function rohQuestions(bank: QuestionBank): Question[] {
  return bank.questions.filter((q) => q.roh);
}

/** Whether an inspector may answer this question for a case of this type. */
export function questionApplies(question: Pick<Question, 'appliesTo'>, caseType: CaseType): boolean {
  return question.appliesTo.includes(caseType);
}
