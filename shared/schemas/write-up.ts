/**
 * The report's authored text (contract, "Write-up and releases"): section summaries, each
 * criterion's strengths and areas for improvement, recommendations tied to criteria and
 * good-practice case studies.
 *
 * A text is a plain string (the contract's shape) or an object that may also carry its
 * Welsh version and, for a finding drafted from the figures, the question and the
 * percentage it was written from, so that the report can say when the figure has moved.
 * Ids are checked against the inspection's bank by the use case, not here.
 */
import * as z from 'zod/mini';
import { CriterionId } from './bank';

/** Long enough for the longest paragraph in the Kent report several times over. */
export const WRITE_UP_TEXT_MAX = 4_000;
export const WRITE_UP_LIST_MAX = 40;

const Text = z.string().check(z.trim(), z.minLength(1), z.maxLength(WRITE_UP_TEXT_MAX));
/** A recommendation's id: minted here (`rec-` and 8 hex digits) or chosen by the client. */
export const RecommendationId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

const QuestionId = z.string().check(z.regex(/^[1-4]\.[1-9]\.\d{1,3}$/));

export const DraftedFrom = z.strictObject({
  question: QuestionId,
  /** The whole percentage the words were written from. */
  percent: z.int().check(z.minimum(0), z.maximum(100)),
  /** Set when the finding is about a sub-group ("all 8 PPO cases"): `ppo:yes`, `caseType:licence`. */
  group: z.optional(z.string().check(z.regex(/^[a-zA-Z]+:[a-z0-9-]+$/))),
});
export type DraftedFrom = z.infer<typeof DraftedFrom>;

export const WrittenText = z.union([Text, z.strictObject({ text: Text, textCy: z.optional(Text), drafted: z.optional(DraftedFrom) })]);
export type WrittenText = z.infer<typeof WrittenText>;

const list = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.maxLength(WRITE_UP_LIST_MAX));

export const WRITE_UP_SECTIONS = ['1', '2', '3', '4', 'roh'] as const;
export const NEXT_STEPS_DECISIONS = ['no-further-inspection', 'further-inspection'] as const;

/** Authored words with their Welsh beside them. */
const Paragraph = z.strictObject({ text: Text, textCy: z.optional(Text) });
export type Paragraph = z.infer<typeof Paragraph>;

export const WriteUp = z.strictObject({
  summary: list(z.strictObject({ section: z.enum(WRITE_UP_SECTIONS), text: Text, textCy: z.optional(Text) })),
  criteria: z.record(CriterionId, z.strictObject({ strengths: list(WrittenText), improvements: list(WrittenText) })),
  recommendations: list(
    z.strictObject({
      /**
       * Stable through edits, so an improvement plan's actions stay attached (issue 29). Sent
       * back as read; a recommendation without one is given one when saved.
       */
      id: z.optional(RecommendationId),
      text: Text,
      textCy: z.optional(Text),
      criteria: z.array(CriterionId).check(z.minLength(1), z.maxLength(20)),
    }),
  ),
  goodPractice: list(
    z.strictObject({
      title: Text.check(z.maxLength(200)),
      titleCy: z.optional(Text.check(z.maxLength(200))),
      text: Text,
      textCy: z.optional(Text),
      criteria: z.array(CriterionId).check(z.minLength(1), z.maxLength(20)),
    }),
  ),
  /** The published report leaves out Table 2's case counts for each Risk of Harm question (staff still see them). */
  rohTablesInternal: z.optional(z.boolean()),
  /*
   * Issue 28: the whole document. Every field optional, so a write-up stored before them still reads.
   */
  /** The cover: the month the inspectorate publishes in ("2008-02"), never the day a release was made; the inspection dates as the cover words them. */
  cover: z.optional(
    z.strictObject({
      publicationMonth: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))),
      inspectionDates: z.optional(Paragraph),
    }),
  ),
  foreword: z.optional(z.strictObject({ paragraphs: list(Paragraph), signedBy: z.optional(Paragraph) })),
  acknowledgements: z.optional(list(Paragraph)),
  /** "HM Inspectors: Lisa Cox, Melva Burton, ..." */
  inspectionTeam: z.optional(list(z.strictObject({ role: Paragraph, names: Text.check(z.maxLength(1_000)) }))),
  /** Kent's list has 46; a long report's may have a hundred or more. */
  abbreviations: z.optional(z.array(z.strictObject({ term: Text.check(z.maxLength(40)), meaning: Paragraph })).check(z.maxLength(300))),
  /**
   * The inspectorate's decision on further inspection, beside the Risk of Harm thread and the
   * section scores: the product suggests none (no published rule sets one).
   */
  nextSteps: z.optional(z.strictObject({ decision: z.enum(NEXT_STEPS_DECISIONS), text: z.optional(Paragraph) })),
  /** Audiences whose questionnaires sent the report does not state ("There were 11 responses to the questionnaires sent out to sentencers"). */
  sentNotStated: z.optional(z.array(z.enum(['offender', 'victim', 'sentencer'])).check(z.maxLength(3))),
});
export type WriteUp = z.infer<typeof WriteUp>;

export const EMPTY_WRITE_UP: WriteUp = { summary: [], criteria: {}, recommendations: [], goodPractice: [] };

/** The words of a text in the language asked for, falling back to English when no Welsh was written. */
export function textIn(text: WrittenText, lang: 'en' | 'cy'): string {
  if (typeof text === 'string') return text;
  return (lang === 'cy' && text.textCy) || text.text;
}
