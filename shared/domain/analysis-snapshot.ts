/**
 * What a release freezes for the analyst's data package (./data-package.ts serves it): the
 * finished cases and the closed answers of every response, under pseudonyms made with a key
 * drawn at random for this release. Called while the release is made (./releases.ts).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isFinished } from '#cases/validate';
import { getQuestionnaireVersion } from '#questionnaires/index';
import type { CaseProfile, Judgement } from '#schemas/case';
import type { Audience } from '#schemas/questionnaire';
import { allCases } from '#store/cases';
import { allResponses } from '#store/responses';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';

export type Answer = string | string[];

/** What a release freezes for its data package. Never served as it is: it holds the pseudonyms' key. */
export interface AnalysisSnapshot {
  format: 1;
  questionBankVersion: string;
  /** The HMAC key of this release's pseudonyms (base64url). */
  key: string;
  cases: { case: string; profile: CaseProfile; answers: Record<string, Judgement> }[];
  responses: {
    response: string;
    audience: Audience;
    language: string;
    channel: string;
    questionnaireVersion: string;
    answers: Record<string, Answer>;
  }[];
}

export function pseudonym(key: Buffer, kind: 'C' | 'R', id: string): string {
  return `${kind}-${createHmac('sha256', key).update(`${kind}:${id}`).digest('hex').slice(0, 12)}`;
}

export const byPseudonym =
  <T>(name: (x: T) => string) =>
  (a: T, b: T) =>
    name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;

/** The frozen part of a release's data package, as the release's `analysis` file (JSON). Called while the release is made. */
export async function analysisSnapshot(inspectionId: string): Promise<string> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const key = randomBytes(32);
  const cases: AnalysisSnapshot['cases'] = [];
  // Only finished cases: the figures of the release are theirs.
  for await (const page of allCases(bank, inspection.inspectionId)) {
    for (const c of page) if (isFinished(bank, c)) cases.push({ case: pseudonym(key, 'C', c.caseRef), profile: c.profile, answers: c.answers });
  }
  const responses: AnalysisSnapshot['responses'] = [];
  for await (const page of allResponses(inspection.inspectionId)) {
    for (const r of page) {
      const definition = getQuestionnaireVersion(r.questionnaireVersion, 'en');
      const closed = new Set(definition?.questions.filter((q) => q.type !== 'text').map((q) => q.id) ?? []);
      const answers = Object.fromEntries(Object.entries(r.answers).filter(([id]) => closed.has(id)));
      responses.push({
        response: pseudonym(key, 'R', r.invitationId),
        audience: r.audience,
        language: r.language,
        channel: r.channel ?? 'online',
        questionnaireVersion: r.questionnaireVersion,
        answers,
      });
    }
  }
  const snapshot: AnalysisSnapshot = {
    format: 1,
    questionBankVersion: bank.version,
    key: key.toString('base64url'),
    cases: cases.sort(byPseudonym((c) => c.case)),
    responses: responses.sort(byPseudonym((r) => r.response)),
  };
  return JSON.stringify(snapshot);
}
