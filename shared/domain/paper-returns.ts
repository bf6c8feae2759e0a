/**
 * Paper returns: the use cases behind `POST /inspections/{id}/paper-responses` (and its
 * workbench page); the reminders (`GET /inspections/{id}/invitations/reminders.csv`) are in
 * ./reminders, apart, so the invitations function's bundle carries no questionnaire.
 *
 * A paper return is entered against the invitation's reference and stored exactly as an
 * online send is: the same response slot, the same one conditional put. So whichever comes
 * first counts, once: a second paper entry, or the online link afterwards, meets the stored
 * response and gets 409. It keeps `channel: 'paper'` and who entered it.
 */
import { Conflict, Gone, InvalidInput, NotFound, TooManyRequests } from '../core/errors';
import type { User } from '../core/roles';
import { getQuestionnaire, getQuestionnaireVersion } from '../questionnaires/index';
import { validateAnswers } from '../questionnaires/validate';
import type { QuestionnaireDefinition } from '../schemas/questionnaire';
import { countReferenceMiss, getInvitationReference, referenceMisses, type InvitationReference } from '../store/invitations';
import { getSlot } from '../store/responses';
import { submitPaper } from './invitations';
import { invitationState } from './invitation-tokens';
import { requireInspection } from './inspections';
import { requireOpenInspection } from './closing';
import { isWellFormedReference, normaliseReference } from './references';

export const REFERENCE_USED = 'A response has already been recorded for this reference, online or on paper. Each invitation counts once.';

export interface PaperReturn {
  status: 'received';
  channel: 'paper';
  reference: string;
  invitationId: string;
  audience: InvitationReference['audience'];
  questionnaireVersion: string;
  submittedAt: string;
}

/**
 * Unknown references an inspection takes in an hour before every lookup waits for the next
 * hour. A reference is about 40 random bits, so guessing one is hopeless anyway; the brake
 * makes it hopeless by a wide margin (10,000 guesses get this many lookups an hour), while
 * leaving room for an inspector's typing slips.
 */
export const REFERENCE_MISSES_PER_HOUR = 100;

const hourOf = (now: number) => new Date(now).toISOString().slice(0, 13);

/** The invitation behind a typed reference; NotFound (one message, whatever the reason) for anything unknown. */
export async function findReference(inspectionId: string, typed: string, now = Date.now()): Promise<InvitationReference> {
  const inspection = await requireInspection(inspectionId);
  const hour = hourOf(now);
  if ((await referenceMisses(inspection.inspectionId, hour)) >= REFERENCE_MISSES_PER_HOUR) {
    const wait = Math.max(1, Math.ceil((Date.parse(`${hour}:00:00.000Z`) + 3_600_000 - now) / 1000));
    throw new TooManyRequests('Too many unknown references were tried for this inspection; try again later.', [], { 'retry-after': String(wait) });
  }
  const reference = normaliseReference(typed);
  const found = isWellFormedReference(reference) ? await getInvitationReference(inspectionId, reference) : undefined;
  if (!found) {
    await countReferenceMiss(inspection.inspectionId, hour, Math.floor(now / 1000) + 2 * 3600);
    throw new NotFound('No invitation of this inspection has this reference.', [
      { path: 'reference', message: 'Enter the 8-character reference printed on the paper form, for example ABCD2345' },
    ]);
  }
  return found;
}

/**
 * A reference that can still take a paper return, with the questionnaire its invitation was
 * issued with (in `language`, by default the invitation's own: ids and values are the same in
 * both). NotFound, Conflict (answered already) or Gone (expired) otherwise.
 */
export async function openPaperReturn(
  inspectionId: string,
  typed: string,
  language?: InvitationReference['language'],
): Promise<{ ref: InvitationReference; definition: QuestionnaireDefinition }> {
  await requireOpenInspection(inspectionId);
  const ref = await findReference(inspectionId, typed);
  const slot = await getSlot(ref.inspectionId, ref.tokenHash);
  if (!slot) throw new NotFound('No invitation of this inspection has this reference.');
  const state = invitationState({ submittedAt: slot.slot.submittedAt, expiresAt: ref.expiresAt });
  if (state === 'submitted') throw new Conflict(REFERENCE_USED);
  if (state === 'expired') throw new Gone('This invitation expired before its return was entered.');
  const lang = language ?? ref.language;
  const definition = getQuestionnaireVersion(ref.questionnaireVersion, lang) ?? getQuestionnaire(ref.audience, lang);
  return { ref, definition };
}

/**
 * The form of a reference, whatever the inspection's state: to show a refused return's answers
 * again, read only, so nothing typed is lost (a closed inspection takes no return).
 */
export async function paperReturnForm(inspectionId: string, typed: string): Promise<{ ref: InvitationReference; definition: QuestionnaireDefinition }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const ref = await findReference(id, typed);
  return { ref, definition: getQuestionnaireVersion(ref.questionnaireVersion, 'en') ?? getQuestionnaire(ref.audience, 'en') };
}

/**
 * Enters a paper return. 404 unknown reference, 410 expired, 409 already answered (online or
 * on paper), 400 naming every problem with the answers (judged by the version the invitation
 * was issued with). Nothing is stored unless it all holds.
 */
export async function enterPaperReturn(inspectionId: string, body: { reference: string; answers: unknown }, user: User): Promise<PaperReturn> {
  // Judged in English, the inspectors' language: the Welsh form has the same ids and values.
  const { ref, definition } = await openPaperReturn(inspectionId, body.reference, 'en');
  const checked = validateAnswers(definition, body.answers);
  if (!checked.ok) throw new InvalidInput(checked.errors);
  // Answered online (or entered by a colleague) between the read above and this write: the write's condition says so.
  const { submittedAt } = await submitPaper(ref, definition, checked.answers, user.sub, REFERENCE_USED);
  return {
    status: 'received',
    channel: 'paper',
    reference: ref.reference,
    invitationId: ref.invitationId,
    audience: ref.audience,
    questionnaireVersion: definition.version,
    submittedAt,
  };
}
