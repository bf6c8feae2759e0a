/**
 * A moderator's agreed judgement of a double-marked case (issue 27): for the questions where the
 * two markings differ, what the judgement is, with a note of why. The agreed answers are saved
 * on the case through recordCase, checked against the version the moderator saw, so its history
 * keeps the first marking as it was; the decision and its note are kept beside the case.
 */
import { InvalidInput, NotFound, type ProblemDetail } from '#core/errors';
import type { User } from '#core/roles';
import type { Judgement } from '#schemas/case';
import { getCase } from '#store/cases';
import { getSecondMarking, listModerationDecisions, putModerationDecision, type StoredModerationDecision } from '#store/evidence';
import { bankOf } from './bank-of';
import { checkCaseRef, recordCase } from './cases';
import { requireOpenInspection } from './closing';
import { requireInspection } from './inspections';

export const MODERATION_NOTE_MAX = 2000;

/** A moderator's decision as the pages show it: the pages reach the store's record only through these use cases. */
export type ModerationDecision = StoredModerationDecision;

export interface ModerationDecisionInput {
  decided: Record<string, Judgement>;
  note: string;
  /** The case's version the moderator saw: a case saved since is not overwritten. */
  version: number;
}

export async function recordModerationDecision(
  inspectionId: string,
  caseRef: string,
  input: ModerationDecisionInput,
  user: User,
): Promise<ModerationDecision> {
  const inspection = await requireOpenInspection(inspectionId);
  const bank = bankOf(inspection);
  const ref = checkCaseRef(caseRef);
  const [first, second] = await Promise.all([getCase(bank, inspection.inspectionId, ref), getSecondMarking(bank, inspection.inspectionId, ref)]);
  if (!first || !second) throw new NotFound(`Case ${ref} has not been marked twice: there is nothing to moderate.`);
  const problems: ProblemDetail[] = [];
  const differing = new Set(bank.questions.filter((q) => (first.current.answers[q.id] ?? 'na') !== (second.answers[q.id] ?? 'na')).map((q) => q.id));
  for (const [id, value] of Object.entries(input.decided)) {
    if (!differing.has(id))
      problems.push({
        path: `decided.${id}`,
        message: `The two markings of case ${ref} agree on ${id}, or it is not a question of the bank: there is nothing to decide`,
      });
    else if (!['yes', 'no', 'na'].includes(value)) problems.push({ path: `decided.${id}`, message: `Choose yes, no or not relevant for ${id}` });
  }
  if (Object.keys(input.decided).length === 0) problems.push({ path: 'decided', message: 'Choose the agreed judgement for at least one question' });
  const note = input.note.trim();
  if (!note) problems.push({ path: 'note', message: 'Say why in a note: the moderation is part of the inspection record' });
  if (note.length > MODERATION_NOTE_MAX) problems.push({ path: 'note', message: `The note must be ${MODERATION_NOTE_MAX} characters or fewer` });
  if (problems.length) throw new InvalidInput(problems);
  await recordCase(inspection.inspectionId, ref, { profile: first.current.profile, answers: { ...first.current.answers, ...input.decided } }, user, {
    expectedVersion: input.version,
  });
  const decision: ModerationDecision = { caseRef: ref, decided: input.decided, note, decidedAt: new Date().toISOString(), decidedBy: user.sub };
  await putModerationDecision(inspection.inspectionId, decision);
  return decision;
}

export async function moderationDecisionsOf(inspectionId: string): Promise<Map<string, ModerationDecision>> {
  const inspection = await requireInspection(inspectionId);
  return new Map((await listModerationDecisions(inspection.inspectionId)).map((d) => [d.caseRef, d]));
}
