/**
 * The interview question set an inspection uses, found from its question bank's version: an
 * inspection keeps its bank for good, and so keeps the interview set published with it.
 * Authored in ./interviews-<version>.ts and read from shared/texts/bank/<bank>.interviews.json
 * when first needed (shared/text-files.ts), so no bundle carries it.
 */
import type { InterviewQuestionSet } from '#schemas/evidence';
import type { InterviewQuestionCy } from './interviews-2008.1.cy';
import { readTextFile } from '#shared/text-files';
import { PUBLISHED_BANK_VERSIONS } from './current';

/** The interview set published with this bank, or undefined when it has none. */
export function interviewSetFor(bankVersion: string): InterviewQuestionSet | undefined {
  if (!PUBLISHED_BANK_VERSIONS.includes(bankVersion)) return undefined;
  return readTextFile(`bank/${bankVersion}.interviews.json`) as InterviewQuestionSet;
}

/** The Welsh of the interview set published with this bank, by question id (the Welsh report's words). */
export function interviewSetCyFor(bankVersion: string): Readonly<Record<string, InterviewQuestionCy>> | undefined {
  if (!PUBLISHED_BANK_VERSIONS.includes(bankVersion)) return undefined;
  return readTextFile(`bank/${bankVersion}.interviews.cy.json`) as Readonly<Record<string, InterviewQuestionCy>>;
}
