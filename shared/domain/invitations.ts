/**
 * Invitation and response use cases shared by the JSON API and the web pages: issue links,
 * find the invitation behind a token, send a response once.
 */
import { Conflict, Gone, NotFound } from '../http/errors';
import { getQuestionnaire } from '../questionnaires/index';
import type { Answers, QuestionnaireDefinition } from '../schemas/questionnaire';
import { markStale } from '../store/inspections';
import { getInvitation, type Invitation } from '../store/invitations';
import { getResponseSlot, saveDraftAnswer, type ResponseSlot } from '../store/responses';
import { putResponse } from '../store/responses';
import { hashToken, invitationState, isWellFormedToken } from './invitation-tokens';
import { retentionEpoch } from './retention';
import { cleanDraft } from './questionnaire-flow';

export type Found = {
  state: 'open' | 'submitted' | 'expired';
  invitation: Invitation & ResponseSlot;
  tokenHash: string;
  definition: QuestionnaireDefinition;
};

/** The invitation behind a token, its state and its questionnaire; undefined for anything unknown (no hint why). */
export async function findInvitation(token: string, options: { readSlot?: boolean } = {}): Promise<Found | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const tokenHash = hashToken(token);
  const stored = await getInvitation(tokenHash);
  if (!stored) return undefined;
  // A send needs no draft: its conditional put tells "already sent" by itself, one read fewer.
  const slot: ResponseSlot = options.readSlot === false ? { draft: {}, seen: [] } : await getResponseSlot(stored.inspectionId, stored.invitationId);
  const invitation = { ...stored, ...slot };
  const definition = getQuestionnaire(invitation.audience, invitation.language);
  return {
    state: invitationState(invitation),
    invitation: { ...invitation, draft: cleanDraft(definition, invitation.draft) },
    tokenHash,
    definition,
  };
}

/** For the JSON API: the named errors the stack turns into 404 / 409 / 410 problems. */
export function requireOpen(found: Found | undefined): Found {
  if (!found) throw new NotFound('There is no questionnaire at this address.');
  if (found.state === 'submitted') throw new Conflict('This questionnaire has already been sent. Each link can be used once.');
  if (found.state === 'expired') throw new Gone('This link has expired.');
  return found;
}

/**
 * A send to a link whose response is already stored: most often a retry by a client whose
 * first request stored the response but died before marking the inspection stale. Marking
 * it again (a read, and a write only when no marker waits) makes sure the aggregation
 * counts that response.
 */
export async function ensureCounted(found: Found): Promise<void> {
  if (found.state === 'submitted') await markStale(found.invitation.inspectionId);
}

/** For a send whose slot was not read: has this link's response already been stored? */
export async function alreadySent(found: Found): Promise<boolean> {
  const slot = await getResponseSlot(found.invitation.inspectionId, found.invitation.invitationId);
  return slot.submittedAt !== undefined;
}

/** Keeps one answer of an open invitation as the respondent goes; false once it has been sent. */
export function saveDraft(found: Found, questionId: string, answer: Answers[string] | undefined): Promise<boolean> {
  const { invitation } = found;
  return saveDraftAnswer(invitation.inspectionId, invitation.invitationId, questionId, answer, retentionEpoch());
}

/**
 * Sends checked answers for an open invitation: one conditional put of the response (the
 * once-only guarantee, replacing the draft), then the inspection is marked stale so the
 * scheduled aggregation counts it. 'duplicate' when the invitation already had a response.
 */
export async function sendResponse(found: Found, answers: Answers): Promise<{ outcome: 'stored' | 'duplicate'; submittedAt: string }> {
  const submittedAt = new Date().toISOString();
  const { invitation } = found;
  const outcome = await putResponse(invitation.inspectionId, {
    invitationId: invitation.invitationId,
    audience: invitation.audience,
    language: invitation.language,
    questionnaireVersion: found.definition.version,
    answers,
    submittedAt,
  }, retentionEpoch());
  // Also on 'duplicate': a sender that died between the two writes left no marker.
  await markStale(invitation.inspectionId);
  return { outcome, submittedAt };
}
