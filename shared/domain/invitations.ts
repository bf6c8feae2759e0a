/**
 * Invitation and response use cases shared by the JSON API and the web pages: issue links,
 * find the invitation behind a token, send a response once.
 */
import { Conflict, Gone, InvalidInput, NotFound } from '#core/errors';
import { getQuestionnaire, getQuestionnaireVersion } from '#questionnaires/index';
import type { Answers, Language, QuestionnaireDefinition } from '#schemas/questionnaire';
import { validateAnswers } from '#questionnaires/validate';
import { getSlot, saveAnswerLanguage, saveDraftAnswer, sendToSlot, type Invitation, type ResponseSlot, type Slot } from '#store/responses';
import { invitationState, parseLinkToken, type LinkToken } from './invitation-tokens';
import { retentionEpoch } from './retention';
import { cleanDraft } from './questionnaire-flow';
import { countMetric } from '#core/metrics';

export type Found = {
  /** `closed`: the inspection's final report is out, so the questionnaire is over, whatever the link's own state. */
  state: 'open' | 'submitted' | 'expired' | 'closed';
  invitation: Invitation & ResponseSlot;
  tokenHash: string;
  definition: QuestionnaireDefinition;
};

/**
 * A link of a closed inspection (its slot stamped `closedAt` by the final release) answers 410
 * with its own reason; a used link stays used (409) whatever else.
 */
const stateOf = (slot: Slot, now = Date.now()): Found['state'] => {
  const state = invitationState({ submittedAt: slot.slot.submittedAt, expiresAt: slot.expiresAt }, now);
  return state === 'open' && slot.slot.closedAt ? 'closed' : state;
};

/** The invitation behind a token, its state and its questionnaire; undefined for anything unknown (no hint why). One read. */
export async function findInvitation(token: string): Promise<Found | undefined> {
  const link = parseLinkToken(token);
  if (!link) return undefined;
  const stored = await getSlot(link.inspectionId, link.tokenHash);
  if (!stored) return undefined;
  const { slot, ...invitationOnly } = stored;
  const invitation = { ...invitationOnly, ...slot };
  // The version the link was issued with: a link issued before a new version keeps its questions.
  // In the language the respondent switched to, if they did (same ids and values: the draft carries over).
  const language = slot.language ?? invitation.language;
  const definition = getQuestionnaireVersion(invitation.questionnaireVersion, language) ?? getQuestionnaire(invitation.audience, language);
  return {
    state: stateOf(stored),
    invitation: { ...invitation, draft: cleanDraft(definition, invitation.draft) },
    tokenHash: link.tokenHash,
    definition,
  };
}

/** For the JSON API: the named errors the stack turns into 404 / 409 / 410 problems. */
export function requireOpen(found: Found | undefined): Found {
  if (!found) throw new NotFound(NO_QUESTIONNAIRE);
  if (found.state === 'submitted') throw new Conflict(ALREADY_SENT);
  if (found.state === 'expired') throw new Gone(EXPIRED);
  if (found.state === 'closed') throw new Gone(QUESTIONNAIRE_CLOSED);
  return found;
}

const NO_QUESTIONNAIRE = 'There is no questionnaire at this address.';
const EXPIRED = 'This link has expired.';

/**
 * The respondent's language switch: kept for the link (an open one), so every page after it
 * is in that language; the answers so far stay, since both languages share ids and values.
 * A used or expired link keeps nothing: its one page is simply shown in that language.
 */
export async function switchLanguage(found: Found, language: Language): Promise<Found> {
  const { invitation } = found;
  if (found.state === 'open' && language !== found.definition.language) {
    await saveAnswerLanguage(invitation.inspectionId, found.tokenHash, language, retentionEpoch());
  }
  const definition = getQuestionnaireVersion(invitation.questionnaireVersion, language) ?? getQuestionnaire(invitation.audience, language);
  return { ...found, definition };
}

/** Keeps one answer of an open invitation as the respondent goes; false once it has been sent. */
export function saveDraft(found: Found, questionId: string, answer: Answers[string] | undefined): Promise<boolean> {
  return saveDraftAnswer(found.invitation.inspectionId, found.tokenHash, questionId, answer, retentionEpoch());
}

export const QUESTIONNAIRE_CLOSED = 'This questionnaire has closed: the inspection it was for has published its report.';

export const ALREADY_SENT = 'This questionnaire has already been sent. Each link can be used once.';

/** Why a send was refused, from the slot as it stood: 404, 409 or 410 (409 wins: a used link is used, whatever else). */
export function refusal(slot: Slot | undefined, now = Date.now()): Error {
  if (!slot) return new NotFound(NO_QUESTIONNAIRE);
  const state = stateOf(slot, now);
  if (state === 'submitted') return new Conflict(ALREADY_SENT);
  if (state === 'expired') return new Gone(EXPIRED);
  if (state === 'closed') return new Gone(QUESTIONNAIRE_CLOSED);
  // Open, yet refused: the token named a version or audience its slot was not issued for.
  return new NotFound(NO_QUESTIONNAIRE);
}

/**
 * Sends answers into a link's slot. On success this is ONE DynamoDB call, the conditional
 * write; the stream behind the table tells the aggregation (shared/domain/changes.ts).
 * The answers are checked first, against the version the token names; a bad set costs one
 * read, to tell a used link (409 whatever is sent), an unknown one (404) or an expired one
 * (410) from bad answers (400 naming every problem).
 */
async function sendInto(
  link: Pick<LinkToken, 'inspectionId' | 'tokenHash'>,
  definition: QuestionnaireDefinition,
  answers: unknown,
  options: { channel: 'online' | 'paper'; enteredBy?: string; alreadySent: string },
): Promise<{ submittedAt: string }> {
  const checked = validateAnswers(definition, answers);
  if (!checked.ok) {
    const slot = await getSlot(link.inspectionId, link.tokenHash);
    const refused = refusal(slot);
    if (!(refused instanceof NotFound && slot)) throw refused instanceof Conflict ? new Conflict(options.alreadySent) : refused;
    throw new InvalidInput(checked.errors);
  }
  const now = new Date().toISOString();
  const result = await sendToSlot(
    link.inspectionId,
    link.tokenHash,
    {
      audience: definition.audience,
      questionnaireVersion: definition.version,
      answers: checked.answers,
      submittedAt: now,
      channel: options.channel,
      ...(options.enteredBy ? { enteredBy: options.enteredBy } : {}),
    },
    now,
    retentionEpoch(),
  );
  if (result.outcome === 'refused') {
    const refused = refusal(result.slot);
    throw refused instanceof Conflict ? new Conflict(options.alreadySent) : refused;
  }
  // After the one write that took it: a second send of the same link was refused above and counts nothing.
  countMetric('ResponsesReceived', { audience: definition.audience, channel: options.channel });
  return { submittedAt: now };
}

/** The JSON API's send: nothing is read before the write; the token says where and what. */
export async function submitWithToken(token: string, answers: unknown): Promise<{ submittedAt: string; questionnaireVersion: string }> {
  const link = parseLinkToken(token);
  const definition = link && getQuestionnaireVersion(link.questionnaireVersion, link.language);
  if (!link || !definition) throw new NotFound(NO_QUESTIONNAIRE);
  const { submittedAt } = await sendInto(link, definition, answers, { channel: 'online', alreadySent: ALREADY_SENT });
  return { submittedAt, questionnaireVersion: definition.version };
}

/**
 * The pages' "Send" (the slot was read to show the check page): check every answer, then
 * send once. InvalidInput names every problem; Conflict means the link was used already.
 */
export async function submitResponse(found: Found, answers: unknown): Promise<{ submittedAt: string }> {
  return sendInto({ inspectionId: found.invitation.inspectionId, tokenHash: found.tokenHash }, found.definition, answers, {
    channel: 'online',
    alreadySent: ALREADY_SENT,
  });
}

/** A paper return into the slot of the invitation its reference names: the same one write, so each invitation counts once. */
export function submitPaper(
  slotOf: { inspectionId: string; tokenHash: string },
  definition: QuestionnaireDefinition,
  answers: unknown,
  enteredBy: string,
  alreadySent: string,
): Promise<{ submittedAt: string }> {
  return sendInto(slotOf, definition, answers, { channel: 'paper', enteredBy, alreadySent });
}
