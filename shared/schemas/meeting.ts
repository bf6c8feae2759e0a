/**
 * What people said in person (issue 29): a meeting is an interview or a group, with who took
 * part, how many, where and when, the criteria it bears on, notes for staff only, findings
 * written for the report and quotes with the consent to publish them recorded.
 *
 * The counts are checked by the use case (shared/domain/meetings.ts), not here, so that a
 * group of 0 people or more individuals than took part is refused with an error naming it.
 */
import * as z from 'zod/mini';
import { CriterionId } from './bank';
import { IsoDate } from './common';
import { WrittenText } from './write-up';

import { MEETING_AUDIENCES } from './vocabulary';

export { MEETING_AUDIENCES };
export const MeetingAudience = z.enum(MEETING_AUDIENCES);
export type MeetingAudience = z.infer<typeof MeetingAudience>;

/**
 * A reference, never a bare word: lower-case letters, digits and dashes with at least one
 * digit or dash ("offenders-idap", "v2"), so no meeting is named after a person, nor after a
 * property every object has ("constructor").
 */
export const MEETING_ID = /^(?=[a-z0-9-]*[0-9-])[a-z0-9][a-z0-9-]{0,63}$/;
/** The workbench's form for a meeting not yet recorded lives at .../meetings/new: no meeting can take the name. */
export const RESERVED_MEETING_ID = 'new';
export const MEETING_TEXT_MAX = 4_000;
export const MEETING_NOTES_MAX = 20_000;
export const MEETING_LIST_MAX = 40;

const Text = z.string().check(z.trim(), z.minLength(1), z.maxLength(MEETING_TEXT_MAX));

export const Quote = z.strictObject({
  text: Text,
  textCy: z.optional(Text),
  /** Whether the person agreed to be quoted in the published report: without it, the quote is never published. */
  consent: z.boolean(),
});
export type Quote = z.infer<typeof Quote>;

export const MeetingInput = z.strictObject({
  kind: z.enum(['interview', 'group']),
  audience: MeetingAudience,
  /** How many people took part. */
  people: z.int().check(z.minimum(0), z.maximum(10_000)),
  /**
   * Of those, how many were met one by one (an interview's people are, unless it says
   * otherwise; a group's are not). Never more than took part.
   */
  individually: z.optional(z.int().check(z.minimum(0), z.maximum(10_000))),
  date: IsoDate,
  /** Where: "Unpaid work placements", "The approved premises in Maidstone". */
  place: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  criteria: z.array(CriterionId).check(z.maxLength(40)),
  /** For staff only: never in a summary, a report or a release. */
  notes: z.optional(z.string().check(z.maxLength(MEETING_NOTES_MAX))),
  /** Written for the report, one paragraph each, printed under the audience's heading. */
  findings: z.array(WrittenText).check(z.maxLength(MEETING_LIST_MAX)),
  quotes: z.array(Quote).check(z.maxLength(MEETING_LIST_MAX)),
});
export type MeetingInput = z.infer<typeof MeetingInput>;

export const Meeting = z.extend(MeetingInput, {
  inspectionId: z.string(),
  meetingId: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingList = z.object({ inspectionId: z.string(), meetings: z.array(Meeting) });

/** A quote that cannot be published: the readiness check lists these. */
export const UnconsentedQuote = z.object({ meetingId: z.string(), quote: z.int(), audience: MeetingAudience });
export type UnconsentedQuote = z.infer<typeof UnconsentedQuote>;
