/**
 * The interview question set an inspection uses, found from its question bank's version: an
 * inspection keeps its bank for good, and so keeps the interview set published with it.
 */
import type { InterviewQuestionSet } from '../schemas/evidence';
import { interviews2008_1 } from './interviews-2008.1';

const byBankVersion: ReadonlyMap<string, InterviewQuestionSet> = new Map([['omi-2008.1', Object.freeze(interviews2008_1)]]);

/** The interview set published with this bank, or undefined when it has none. */
export function interviewSetFor(bankVersion: string): InterviewQuestionSet | undefined {
  return byBankVersion.get(bankVersion);
}
