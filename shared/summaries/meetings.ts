/**
 * The service users' perspective from every source (issue 29): for each audience, how many
 * were asked by questionnaire, how many answered, and how many were met in person, one by
 * one and in groups; then what the meetings found. Pure: meetings and counts in, the
 * summary's `meetings` block out.
 *
 * Only what may be published leaves here: findings, and quotes whose speaker consented,
 * masked as respondents' comments are. A meeting's notes are never read.
 */
import type { MeetingAudience, MeetingInput } from '#schemas/meeting';
import { MEETING_AUDIENCES } from '#schemas/vocabulary';
import type { Summary } from '#schemas/summary';

type MeetingsByAudience = NonNullable<Summary['meetings']>[number];
import { maskFreeText } from './mask';

type MeetingFacts = Pick<MeetingInput, 'kind' | 'audience' | 'people' | 'individually' | 'date' | 'findings' | 'quotes'> & { meetingId: string };

/** How many of a meeting's people were met one by one: an interview's all, a group's none, unless it says. */
export function metIndividually(meeting: Pick<MeetingInput, 'kind' | 'people' | 'individually'>): number {
  return Math.min(meeting.people, meeting.individually ?? (meeting.kind === 'interview' ? meeting.people : 0));
}

/**
 * Every audience that was asked, answered or met, in the contract's order. `questionnaires`
 * gives the asked and answered counts of the audiences that have a questionnaire.
 */
export function summariseMeetings(
  meetings: readonly MeetingFacts[],
  questionnaires: Partial<Record<MeetingAudience, { asked: number; answered: number }>>,
): MeetingsByAudience[] {
  // The order they were held, then by id: the report prints findings in that order.
  const ordered = [...meetings].sort((a, b) => a.date.localeCompare(b.date) || a.meetingId.localeCompare(b.meetingId));
  const out: MeetingsByAudience[] = [];
  for (const audience of MEETING_AUDIENCES) {
    const mine = ordered.filter((m) => m.audience === audience);
    const { asked = 0, answered = 0 } = questionnaires[audience] ?? {};
    if (!mine.length && !(audience in questionnaires)) continue;
    const individually = mine.reduce((n, m) => n + metIndividually(m), 0);
    const everyone = mine.reduce((n, m) => n + m.people, 0);
    out.push({
      audience,
      asked,
      answered,
      met: { individually, inGroups: everyone - individually, total: everyone },
      interviews: mine.filter((m) => m.kind === 'interview').length,
      // The groups the `inGroups` people were met in: an interview that also met some together counts as one.
      groups: mine.filter((m) => m.people > metIndividually(m)).length,
      findings: mine.flatMap((m) => m.findings),
      quotes: mine.flatMap((m) =>
        m.quotes
          .filter((q) => q.consent === true)
          .map((q) => ({ text: maskFreeText(q.text), ...(q.textCy ? { textCy: maskFreeText(q.textCy) } : {}) })),
      ),
      quotesWithheld: mine.reduce((n, m) => n + m.quotes.filter((q) => q.consent !== true).length, 0),
    });
  }
  return out;
}
