/** The reminders mail merge (`GET /inspections/{id}/invitations/reminders.csv` and the workbench's). */
import { invitationReferences, type InvitationReference } from '#store/invitations';
import { answeredInvitationIds } from '#store/responses';
import { invitationState, remindersCsv } from './invitation-tokens';
import { requireInspection } from './inspections';

/** The reminders mail merge of an inspection: its invitations neither answered nor expired, oldest first. */
export async function reminders(inspectionId: string, now = Date.now()): Promise<string> {
  await requireInspection(inspectionId);
  return remindersCsv(await openInvitations(inspectionId, now));
}

/** An inspection's questionnaires still open: invitations neither answered nor expired, oldest first. */
export async function openInvitations(inspectionId: string, now = Date.now()): Promise<InvitationReference[]> {
  const answered = await answeredInvitationIds(inspectionId);
  const open: InvitationReference[] = [];
  for await (const page of invitationReferences(inspectionId)) {
    for (const ref of page) {
      if (!answered.has(ref.invitationId) && invitationState({ expiresAt: ref.expiresAt }, now) === 'open') open.push(ref);
    }
  }
  open.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.reference.localeCompare(b.reference));
  return open;
}
