/**
 * A case's answers stored as one short string, a character per question in the bank's
 * order: y(es), n(o), x (explicitly not relevant) or - (not answered). 145 answers then take
 * 145 bytes instead of ~1.5 KB as a map, so a case fits in one write unit and an
 * aggregation reads a quarter of the bytes. Decoding needs the same bank version, which is
 * why every case item records it.
 *
 * Records written before cases could be unfinished use `.` for a question left out, which the
 * rules of the time counted as not relevant. A `.` is read that way still, for the questions
 * the case type takes (see decodeCaseAnswers), so an old case keeps the figures it was entered
 * with; nothing written now uses `.`.
 */
import type { CaseType, QuestionBank } from '#schemas/bank';
import type { Judgement } from '#schemas/case';

const TO_CODE: Record<Judgement, string> = { yes: 'y', no: 'n', na: 'x' };
const UNANSWERED = '-';
const LEGACY_LEFT_OUT = '.';
const FROM_CODE: Record<string, Judgement | undefined> = { y: 'yes', n: 'no', x: 'na', [UNANSWERED]: undefined, [LEGACY_LEFT_OUT]: undefined };

const orders = new WeakMap<QuestionBank, Map<string, number>>();
function orderOf(bank: QuestionBank): Map<string, number> {
  let order = orders.get(bank);
  if (!order) orders.set(bank, (order = new Map(bank.questions.map((q, i) => [q.id, i]))));
  return order;
}

/** Answers must already be validated against `bank` (an unknown id would be lost here). */
export function encodeAnswers(bank: QuestionBank, answers: Record<string, Judgement>): string {
  const codes = new Array<string>(bank.questions.length).fill(UNANSWERED);
  const order = orderOf(bank);
  for (const [id, answer] of Object.entries(answers)) {
    const index = order.get(id);
    if (index === undefined) throw new Error(`encodeAnswers: ${id} is not in ${bank.version}`);
    codes[index] = TO_CODE[answer];
  }
  return codes.join('');
}

/** The answers given; a question not answered is absent (interviews and second markings). */
export function decodeAnswers(bank: QuestionBank, code: string): Record<string, Judgement> {
  const answers: Record<string, Judgement> = {};
  const questions = bank.questions;
  for (let i = 0; i < code.length && i < questions.length; i++) {
    const answer = FROM_CODE[code[i]!];
    if (answer) answers[questions[i]!.id] = answer;
  }
  return answers;
}

/** A case's answers: as decodeAnswers, with an old record's `.` read as the rules then said (not relevant). */
export function decodeCaseAnswers(bank: QuestionBank, code: string, caseType: CaseType): Record<string, Judgement> {
  const answers = decodeAnswers(bank, code);
  if (!code.includes(LEGACY_LEFT_OUT)) return answers;
  const questions = bank.questions;
  for (let i = 0; i < code.length && i < questions.length; i++) {
    if (code[i] === LEGACY_LEFT_OUT && questions[i]!.appliesTo.includes(caseType)) answers[questions[i]!.id] = 'na';
  }
  return answers;
}
