import type { CaseType, Criterion, Question, QuestionBank } from '#schemas/bank';
import { deepFreeze } from '#core/freeze';
import { readTextFile } from '#shared/text-files';
import { bankStructureVersions, getBankStructure } from './structure';

export { CURRENT_BANK_VERSION } from './current';

/**
 * Every published bank that has been asked for, by version: its structure (./structure.ts)
 * with the question texts read from shared/texts/bank/<version>.texts.json on first use
 * (authored in ./<version>.ts), so a bundle carries no texts. Banks are frozen: an inspection scored
 * against a version must see exactly the questions it was created with, so a published bank
 * never changes (add a new version instead).
 */
const banks = new Map<string, QuestionBank>();

/** The bank with this version, or undefined when there is none. */
export function getBank(version: string): QuestionBank | undefined {
  const structure = getBankStructure(version);
  if (!structure) return undefined;
  let bank = banks.get(version);
  if (!bank) {
    const texts = readTextFile(`bank/${version}.texts.json`) as Readonly<Record<string, string>>;
    bank = deepFreeze({ ...structure, questions: structure.questions.map((question) => ({ ...question, text: texts[question.id] ?? '' })) });
    banks.set(version, bank);
  }
  return bank;
}

/**
 * Each question's Welsh, by id, from shared/texts/bank/<version>.texts.cy.json (authored in
 * ./<version>.cy.ts): read only when a Welsh page names a question, so the English pages never
 * load it. Undefined for a bank that is not published.
 */
export function bankTextsCy(version: string): Readonly<Record<string, string>> | undefined {
  if (!getBankStructure(version)) return undefined;
  return readTextFile(`bank/${version}.texts.cy.json`) as Readonly<Record<string, string>>;
}

/** The versions of every published bank, oldest first. */
export function bankVersions(): string[] {
  return bankStructureVersions();
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

/**
 * The questions counted in the Risk of Harm thread (sections 1 and 2), in bank order: Table 2's
 * question table in the report, and what `rohTablesInternal` keeps out of everything published.
 */
export function rohQuestions<Q extends Pick<Question, 'roh' | 'criterion'>>(bank: { questions: readonly Q[] }): Q[] {
  return bank.questions.filter((q) => q.roh && Number(q.criterion.split('.')[0]) <= 2);
}

/** Whether an inspector may answer this question for a case of this type. */
export function questionApplies(question: Pick<Question, 'appliesTo'>, caseType: CaseType): boolean {
  return question.appliesTo.includes(caseType);
}
