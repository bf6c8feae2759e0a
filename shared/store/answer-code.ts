/**
 * A case's answers stored as one short string, a character per question in the bank's
 * order: y(es), n(o), x (explicitly not relevant) or . (left out). 145 answers then take
 * 145 bytes instead of ~1.5 KB as a map, so a case fits in one write unit and an
 * aggregation reads a quarter of the bytes. Decoding needs the same bank version, which is
 * why every case item records it.
 */
import type { QuestionBank } from '../schemas/bank';
import type { Judgement } from '../schemas/case';

const TO_CODE: Record<Judgement, string> = { yes: 'y', no: 'n', na: 'x' };
const FROM_CODE: Record<string, Judgement | undefined> = { y: 'yes', n: 'no', x: 'na', '.': undefined };

const orders = new WeakMap<QuestionBank, Map<string, number>>();
function orderOf(bank: QuestionBank): Map<string, number> {
  let order = orders.get(bank);
  if (!order) orders.set(bank, (order = new Map(bank.questions.map((q, i) => [q.id, i]))));
  return order;
}

/** Answers must already be validated against `bank` (an unknown id would be lost here). */
export function encodeAnswers(bank: QuestionBank, answers: Record<string, Judgement>): string {
  const codes = new Array<string>(bank.questions.length).fill('.');
  const order = orderOf(bank);
  for (const [id, answer] of Object.entries(answers)) {
    const index = order.get(id);
    if (index === undefined) throw new Error(`encodeAnswers: ${id} is not in ${bank.version}`);
    codes[index] = TO_CODE[answer];
  }
  return codes.join('');
}

export function decodeAnswers(bank: QuestionBank, code: string): Record<string, Judgement> {
  const answers: Record<string, Judgement> = {};
  const questions = bank.questions;
  for (let i = 0; i < code.length && i < questions.length; i++) {
    const answer = FROM_CODE[code[i]!];
    if (answer) answers[questions[i]!.id] = answer;
  }
  return answers;
}
