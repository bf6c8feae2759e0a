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
import { createHash } from 'node:crypto';
import { Conflict, Gone, InvalidInput, NotFound, TooManyRequests } from '#core/errors';
import type { User } from '#core/roles';
import { getQuestionnaire, getQuestionnaireVersion } from '#questionnaires/index';
import { validateAnswers } from '#questionnaires/validate';
import type { QuestionnaireDefinition } from '#schemas/questionnaire';
import { countReferenceMiss, getInvitationReference, referenceMisses, type InvitationReference } from '#store/invitations';
import { getSlot } from '#store/responses';
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
 * Unknown references one person may try against an inspection in an hour; past it, their
 * unknown references get 429 until the next hour. A reference is about 40 random bits, so
 * guessing one is hopeless anyway; the brake makes it hopeless by a wide margin, while leaving
 * room for an inspector's typing slips. It is each person's own: one person's guesses never
 * stop anybody else's paper entry.
 */
export const REFERENCE_MISSES_PER_HOUR = 100;
/**
 * A real reference is looked up before the brake, so it works for a person past the brake too
 * (their slips do not stop their work) until they have tried this many unknown ones in the hour:
 * then every lookup of theirs waits, so that found-or-not cannot be asked of the table unboundedly.
 */
export const REFERENCE_LOOKUPS_CEILING = 3 * REFERENCE_MISSES_PER_HOUR;

const hourOf = (now: number) => new Date(now).toISOString().slice(0, 13);
const whoOf = (user: Pick<User, 'sub'>) => createHash('sha256').update(`reference-misses:${user.sub}`).digest('hex').slice(0, 32);

function tooMany(hour: string, now: number): TooManyRequests {
  const wait = Math.max(1, Math.ceil((Date.parse(`${hour}:00:00.000Z`) + 3_600_000 - now) / 1000));
  return new TooManyRequests('You have tried too many unknown references for this inspection; try again later.', [], { 'retry-after': String(wait) });
}

/**
 * The invitation behind a typed reference; NotFound (one message, whatever the reason) for
 * anything unknown, counted against the person who typed it (TooManyRequests past the brake).
 */
export async function findReference(inspectionId: string, typed: string, user: Pick<User, 'sub'>, now = Date.now()): Promise<InvitationReference> {
  const inspection = await requireInspection(inspectionId);
  const hour = hourOf(now);
  const who = whoOf(user);
  const reference = normaliseReference(typed);
  const found = isWellFormedReference(reference) ? await getInvitationReference(inspection.inspectionId, reference) : undefined;
  if (found) {
    if ((await referenceMisses(inspection.inspectionId, hour, who)) >= REFERENCE_LOOKUPS_CEILING) throw tooMany(hour, now);
    return found;
  }
  const counted = await countReferenceMiss(inspection.inspectionId, hour, who, Math.floor(now / 1000) + 2 * 3600, REFERENCE_LOOKUPS_CEILING);
  if (counted === undefined || counted > REFERENCE_MISSES_PER_HOUR) throw tooMany(hour, now);
  throw new NotFound('No invitation of this inspection has this reference.', [
    { path: 'reference', message: 'Enter the 8-character reference printed on the paper form, for example ABCD2345' },
  ]);
}

/**
 * A reference that can still take a paper return, with the questionnaire its invitation was
 * issued with (in `language`, by default the invitation's own: ids and values are the same in
 * both). NotFound, Conflict (answered already) or Gone (expired) otherwise.
 */
export async function openPaperReturn(
  inspectionId: string,
  typed: string,
  user: Pick<User, 'sub'>,
  language?: InvitationReference['language'],
): Promise<{ ref: InvitationReference; definition: QuestionnaireDefinition }> {
  await requireOpenInspection(inspectionId);
  const ref = await findReference(inspectionId, typed, user);
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
export async function paperReturnForm(
  inspectionId: string,
  typed: string,
  user: Pick<User, 'sub'>,
): Promise<{ ref: InvitationReference; definition: QuestionnaireDefinition }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const ref = await findReference(id, typed, user);
  return { ref, definition: getQuestionnaireVersion(ref.questionnaireVersion, 'en') ?? getQuestionnaire(ref.audience, 'en') };
}

/**
 * Enters a paper return. 404 unknown reference, 410 expired, 409 already answered (online or
 * on paper), 400 naming every problem with the answers (judged by the version the invitation
 * was issued with). Nothing is stored unless it all holds.
 */
export async function enterPaperReturn(inspectionId: string, body: { reference: string; answers: unknown }, user: User): Promise<PaperReturn> {
  // Judged in English, the inspectors' language: the Welsh form has the same ids and values.
  const { ref, definition } = await openPaperReturn(inspectionId, body.reference, user, 'en');
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
