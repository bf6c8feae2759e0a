/**
 * Meetings as evidence (issue 29; contract, "Meetings and the improvement plan"): interviews
 * and groups met in person. The JSON routes and the workbench's pages both come here. A
 * meeting is an input of the inspection, so a closed inspection refuses it like any other.
 */
import { InvalidInput, NotFound, type ProblemDetail } from '#core/errors';
import type { User } from '#core/roles';
import { MEETING_ID, RESERVED_MEETING_ID, type Meeting, type MeetingInput, type UnconsentedQuote } from '#schemas/meeting';
import type { Inspection } from '#schemas/inspection';
import { deleteMeeting, getMeeting, listMeetings, putMeeting } from '#store/meetings';
import { bankStructureOf } from './bank-structure-of';
import { requireOpenInspection } from './closing';
import { requireInspection } from './inspections';

/** Every problem with a meeting's counts, dates and criteria, each named by its field. */
export function meetingProblems(inspection: Inspection, input: MeetingInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (input.people < 1) {
    problems.push({
      path: 'people',
      message: `A ${input.kind === 'group' ? 'group' : 'meeting'} of 0 people: record how many took part (at least 1)`,
    });
  }
  if (input.individually !== undefined && input.individually > input.people) {
    problems.push({ path: 'individually', message: `${input.individually} met individually is more than the ${input.people} who took part` });
  }
  const day = new Date(`${input.date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input.date)
    problems.push({ path: 'date', message: `${input.date} is not a real date` });
  const known = new Set(bankStructureOf(inspection).criteria.map((c) => c.id));
  input.criteria.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `criteria.${i}`, message: `No criterion ${id} in question bank ${inspection.questionBankVersion}` });
  });
  return problems;
}

function checkMeetingId(meetingId: string): string {
  if (meetingId === RESERVED_MEETING_ID)
    throw new InvalidInput([
      { path: 'meetingId', message: 'A meeting cannot be called "new": the workbench keeps it for a meeting not yet recorded' },
    ]);
  if (!MEETING_ID.test(meetingId)) {
    throw new InvalidInput([
      {
        path: 'meetingId',
        message: 'A meeting reference is up to 64 lower-case letters, digits and dashes, with at least one digit or dash, for example offenders-idap',
      },
    ]);
  }
  return meetingId;
}

/** Records a meeting, or replaces the one with this id. */
export async function recordMeeting(
  inspectionId: string,
  meetingId: string,
  input: MeetingInput,
  user: User,
): Promise<{ outcome: 'created' | 'replaced'; meeting: Meeting }> {
  const inspection = await requireOpenInspection(inspectionId);
  const id = checkMeetingId(meetingId);
  const problems = meetingProblems(inspection, input);
  if (problems.length) throw new InvalidInput(problems);
  return putMeeting(inspection.inspectionId, id, input, user.sub);
}

export async function meetingsOf(inspectionId: string): Promise<{ inspection: Inspection; meetings: Meeting[] }> {
  const inspection = await requireInspection(inspectionId);
  return { inspection, meetings: await listMeetings(inspection.inspectionId) };
}

export async function meetingOf(inspectionId: string, meetingId: string): Promise<{ inspection: Inspection; meeting: Meeting }> {
  const inspection = await requireInspection(inspectionId);
  const meeting = MEETING_ID.test(meetingId) ? await getMeeting(inspection.inspectionId, meetingId) : undefined;
  if (!meeting) throw new NotFound(`No meeting ${meetingId.slice(0, 64)} in inspection ${inspection.inspectionId}.`);
  return { inspection, meeting };
}

export async function removeMeeting(inspectionId: string, meetingId: string): Promise<void> {
  const inspection = await requireOpenInspection(inspectionId);
  const gone = MEETING_ID.test(meetingId) && (await deleteMeeting(inspection.inspectionId, meetingId));
  if (!gone) throw new NotFound(`No meeting ${meetingId.slice(0, 64)} in inspection ${inspection.inspectionId}.`);
}

/**
 * Every quote recorded without consent to publish it: for the readiness check of a final
 * release (shared/domain/readiness.ts). The summary never carries them, so they are never
 * published either way; the check tells the inspector before they publish without them.
 */
export async function unconsentedQuotes(inspectionId: string): Promise<UnconsentedQuote[]> {
  const meetings = await listMeetings(inspectionId);
  return meetings.flatMap((m) => m.quotes.flatMap((q, quote) => (q.consent ? [] : [{ meetingId: m.meetingId, quote, audience: m.audience }])));
}
