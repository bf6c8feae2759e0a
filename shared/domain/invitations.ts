/**
 * Invitation and response use cases shared by the JSON API and the web pages: issue links,
 * find the invitation behind a token, send a response once.
 */
import { Conflict, Gone, InvalidInput, NotFound } from '../core/errors';
import { getQuestionnaire, getQuestionnaireVersion } from '../questionnaires/index';
import type { Answers, Language, QuestionnaireDefinition } from '../schemas/questionnaire';
import { validateAnswers } from '../questionnaires/validate';
import { getInvitation, type Invitation } from '../store/invitations';
import { getResponseSlot, saveAnswerLanguage, saveDraftAnswer, type ResponseSlot } from '../store/responses';
import { putResponse } from '../store/responses';
import { changeInputs, markInputsChanged } from './changes';
import { hashToken, invitationState, isWellFormedToken } from './invitation-tokens';
import { retentionEpoch } from './retention';
import { cleanDraft } from './questionnaire-flow';
import { questionnaireClosed } from './closing';

export type Found = {
  /** `closed`: the inspection's final report is out, so the questionnaire is over, whatever the link's own state. */
  state: 'open' | 'submitted' | 'expired' | 'closed';
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
  const [slot, closed] = await Promise.all([
    options.readSlot === false ? ({ draft: {}, seen: [] } as ResponseSlot) : getResponseSlot(stored.inspectionId, stored.invitationId),
    questionnaireClosed(stored.inspectionId),
  ]);
  const invitation = { ...stored, ...slot };
  // The version the link was issued with: a link issued before a new version keeps its questions.
  // In the language the respondent switched to, if they did (same ids and values: the draft carries over).
  const language = slot.language ?? invitation.language;
  const definition = getQuestionnaireVersion(invitation.questionnaireVersion, language) ?? getQuestionnaire(invitation.audience, language);
  return {
    state: closed ? 'closed' : invitationState(invitation),
    invitation: { ...invitation, draft: cleanDraft(definition, invitation.draft) },
    tokenHash,
    definition,
  };
}

/** For the JSON API: the named errors the stack turns into 404 / 409 / 410 problems. */
export function requireOpen(found: Found | undefined): Found {
  if (!found) throw new NotFound('There is no questionnaire at this address.');
  if (found.state === 'submitted') throw new Conflict(ALREADY_SENT);
  if (found.state === 'expired') throw new Gone('This link has expired.');
  if (found.state === 'closed') throw new Gone(QUESTIONNAIRE_CLOSED);
  return found;
}

/**
 * A send to a link whose response is already stored: most often a retry by a client whose
 * first request stored the response but died before marking the inspection stale. Marking
 * it again (a read, and a write only when no marker waits) makes sure the aggregation
 * counts that response.
 */
export async function ensureCounted(found: Found): Promise<void> {
  if (found.state === 'submitted') await markInputsChanged(found.invitation.inspectionId);
}

/** For a send whose slot was not read: has this link's response already been stored? */
export async function alreadySent(found: Found): Promise<boolean> {
  const slot = await getResponseSlot(found.invitation.inspectionId, found.invitation.invitationId);
  return slot.submittedAt !== undefined;
}

/**
 * The respondent's language switch: kept for the link (an open one), so every page after it
 * is in that language; the answers so far stay, since both languages share ids and values.
 * A used or expired link keeps nothing: its one page is simply shown in that language.
 */
export async function switchLanguage(found: Found, language: Language): Promise<Found> {
  const { invitation } = found;
  if (found.state === 'open' && language !== found.definition.language) {
    await saveAnswerLanguage(invitation.inspectionId, invitation.invitationId, language, retentionEpoch());
  }
  const definition = getQuestionnaireVersion(invitation.questionnaireVersion, language) ?? getQuestionnaire(invitation.audience, language);
  return { ...found, definition };
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
  // Marked also on 'duplicate': a sender that died between the two writes left no marker.
  const outcome = await changeInputs(invitation.inspectionId, () =>
    putResponse(
      invitation.inspectionId,
      {
        invitationId: invitation.invitationId,
        audience: invitation.audience,
        // The language answered in: the link's, or the one the respondent switched to.
        language: found.definition.language,
        questionnaireVersion: found.definition.version,
        answers,
        submittedAt,
        channel: 'online',
      },
      retentionEpoch(),
    ),
  );
  return { outcome, submittedAt };
}

export const QUESTIONNAIRE_CLOSED = 'This questionnaire has closed: the inspection it was for has published its report.';

export const ALREADY_SENT = 'This questionnaire has already been sent. Each link can be used once.';

/**
 * The one way a response is submitted, from the JSON API and from the pages' "Send": check
 * every answer, then send once. InvalidInput names every problem; Conflict means the link was
 * used already (also when the answers are bad: a used link answers 409 whatever is sent).
 */
export async function submitResponse(found: Found, answers: unknown): Promise<{ submittedAt: string }> {
  const checked = validateAnswers(found.definition, answers);
  if (!checked.ok) {
    if (await alreadySent(found)) throw new Conflict(ALREADY_SENT);
    throw new InvalidInput(checked.errors);
  }
  const { outcome, submittedAt } = await sendResponse(found, checked.answers);
  if (outcome === 'duplicate') throw new Conflict(ALREADY_SENT);
  return { submittedAt };
}
