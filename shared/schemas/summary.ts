/**
 * The summary an aggregation computes and every summary route returns: the single source of
 * its type (shared/domain/aggregate.ts builds one, the web pages read one) and of its OpenAPI
 * description. Additive fields only: other teams read it.
 */
import * as z from 'zod/mini';
import { Audience, Language } from './invitation';
import { NOT_RECORDED, QUANTITY_WORDS, SAMPLE_KEYS } from './vocabulary';
import { MeetingAudience } from './meeting';
import { WrittenText } from './write-up';
import { PerformanceFigure } from './performance';
import { AREA_FIGURES } from './area-figures';
import { inspectionIdentity } from './inspection';

const num = z.number();
/** A leadership point as it was recorded: its words, with their Welsh beside them when written. */
const LeadershipPointOut = z.union([z.string(), z.object({ text: z.string(), textCy: z.optional(z.string()) })]);
const nullableNumber = z.nullable(z.number());
/**
 * A figure the published summary may hold back: "[c]", the Government Statistical Service's
 * mark (contract, "Disclosure control"; shared/summaries/disclosure.ts). Staff summaries
 * always hold the number.
 */
const SUPPRESSED_MARK = z.literal('[c]');
const cell = z.union([num, SUPPRESSED_MARK]);
const nullableCell = z.union([nullableNumber, SUPPRESSED_MARK]);

/**
 * The staff summary's type: the schema's figures without "[c]", which only publication writes.
 * A breakdown group's criterion scores keep theirs: a group of fewer than 5 cases has no score
 * for staff either.
 */
export type Unsuppressed<T> = T extends '[c]' ? never : T extends object ? { [K in keyof T]: K extends 'criteria' ? T[K] : Unsuppressed<T[K]> } : T;
/** A rational as JSON-safe strings (bigints do not survive JSON.stringify). */
const RationalJson = z.object({ num: z.string(), den: z.string() });
const Section = z.literal([1, 2, 3]);

export { NOT_RECORDED, QUANTITY_WORDS, SAMPLE_KEYS } from './vocabulary';

/** Every key listed (zeros included), "not-recorded" too, so the shape is stable. */
const counts = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum([...keys, NOT_RECORDED]), cell);

export const QuestionScore = z.object({
  id: z.string(),
  criterion: z.string(),
  yes: cell,
  no: cell,
  /** Cases that answered na, left the question out, or whose case type it does not apply to. */
  na: num,
  proportion: nullableCell,
  percent: nullableCell,
});

export const CriterionSummary = z.object({
  id: z.string(),
  section: Section,
  title: z.string(),
  score: nullableNumber,
  percent: nullableNumber,
  cases: num,
  exact: z.nullable(RationalJson),
  questions: z.array(z.string()),
  scoredQuestions: z.optional(num),
  suggestedBand: z.nullable(z.object({ id: z.string(), label: z.string(), conclusion: z.string() })),
  conclusion: z.nullable(
    z.object({
      band: z.string(),
      text: z.optional(z.string()),
      textCy: z.optional(z.string()),
      textOmitted: z.optional(z.literal(true)),
      recordedBy: z.optional(z.string()),
      recordedAt: z.string(),
    }),
  ),
});
export type CriterionSummary = Unsuppressed<z.infer<typeof CriterionSummary>>;

export const SectionScore = z.object({ id: Section, score: nullableNumber, percent: nullableNumber, exact: z.nullable(RationalJson), criteria: num });
export const RohThreadScore = z.object({ score: nullableNumber, percent: nullableNumber, exact: z.nullable(RationalJson), questions: num });

/** `caseload` and its share are null for a part the area did not give: not known, never 0. */
const BalanceRow = z.object({
  key: z.string(),
  caseload: nullableNumber,
  caseloadPercent: nullableNumber,
  sample: cell,
  samplePercent: nullableCell,
});
/** The sample beside the area's caseload (issue 14); a breakdown is null when the context does not give it. */
export const SampleBalance = z.object({
  caseload: num,
  sampleCases: num,
  byGender: z.nullable(z.array(BalanceRow)),
  byEthnicity: z.nullable(z.array(BalanceRow)),
  byCaseType: z.nullable(z.array(BalanceRow)),
  /** Each minimum the inspection set, against the cases entered so far. */
  minimums: z.optional(z.array(z.object({ id: z.string(), wanted: num, entered: num, met: z.boolean() }))),
  /** The rest of Appendix 2 as the context gives it (MAPPA, PPO, budgets, approved premises); absent when not given. */
  ...AREA_FIGURES,
});
export type SampleBalance = Unsuppressed<z.infer<typeof SampleBalance>>;
export type PublishedSampleBalance = z.infer<typeof SampleBalance>;

export const SampleComposition = z.object({
  cases: num,
  byCaseType: counts(SAMPLE_KEYS.caseType),
  byGender: counts(SAMPLE_KEYS.gender),
  byEthnicity: counts(SAMPLE_KEYS.ethnicity),
  byRoh: counts(SAMPLE_KEYS.roh),
  ppo: cell,
  byMappaLevel: counts(SAMPLE_KEYS.mappaLevel),
  approvedPremises: cell,
  statutoryVictimContact: cell,
  /**
   * Cases with a question their type takes still unanswered: left out of every figure (scores,
   * breakdowns, this composition, moderation) until finished. Absent from summaries computed
   * before cases could be unfinished.
   */
  unfinished: z.optional(num),
  flagsNotRecorded: z.object({ ppo: cell, approvedPremises: cell, statutoryVictimContact: cell }),
  byAssessor: counts(SAMPLE_KEYS.assessor),
  byTier: counts(SAMPLE_KEYS.tier),
  /** Null when no context was given (PUT /inspections/{id}/context); absent from summaries computed before issue 14. */
  balance: z.optional(z.nullable(SampleBalance)),
});
export type SampleComposition = Unsuppressed<z.infer<typeof SampleComposition>>;
export type PublishedSampleComposition = z.infer<typeof SampleComposition>;

export const ClosedQuestionSummary = z.object({
  id: z.string(),
  type: z.enum(['yes-no', 'single-choice', 'scale', 'multi-choice']),
  text: z.string(),
  /** Responses that gave a value outside `notApplicable` (only those who were asked: routing). */
  answered: cell,
  /** Of those, responses that gave a positive value. */
  positive: cell,
  /** Routed questions only (`showIf`): the responses whose answers asked this question. */
  asked: z.optional(cell),
  percent: nullableCell,
  /** The contract's quantity word for positive / answered; null when nobody answered. */
  quantity: z.nullable(z.enum(QUANTITY_WORDS)),
  counts: z.record(z.string(), cell),
  sentence: z.string(),
  /**
   * A question with no positive answer ("Which of these are you?") is summarised by its
   * distribution: its sentence lists the counts, and positive and percent mean nothing.
   */
  distribution: z.optional(z.literal(true)),
});

export type ClosedQuestionSummary = Unsuppressed<z.infer<typeof ClosedQuestionSummary>>;
export type PublishedClosedQuestionSummary = z.infer<typeof ClosedQuestionSummary>;

export const Comment = z.object({ text: z.string(), language: Language });

export const TextQuestionSummary = z.object({
  id: z.string(),
  type: z.literal('text'),
  text: z.string(),
  answered: num,
  comments: z.array(Comment),
  /** Comments left out of the summary (too much text to store, erased, or past retention). */
  commentsOmitted: z.optional(num),
});
export type TextQuestionSummary = z.infer<typeof TextQuestionSummary>;
export type Comment = z.infer<typeof Comment>;

/**
 * People met in person: one by one, and in groups, and everyone met (absent from summaries
 * computed before it was added). Counts of people: published under disclosure control.
 */
export const MetInPerson = z.object({ individually: cell, inGroups: cell, total: z.optional(cell) });
export type MetInPerson = z.infer<typeof MetInPerson>;

export const AudienceSummary = z.object({
  audience: Audience,
  version: z.string(),
  invited: num,
  returned: cell,
  responseRate: nullableCell,
  responsePercent: nullableCell,
  returnedSentence: z.string(),
  /** How the returns came in: through the link, or on paper entered by an inspector. */
  byChannel: z.optional(z.object({ online: cell, paper: cell })),
  /** Issue 29: asked and answered by questionnaire (invited, returned), and met in person. */
  asked: z.optional(num),
  answered: z.optional(cell),
  met: z.optional(MetInPerson),
  questions: z.array(z.discriminatedUnion('type', [ClosedQuestionSummary, TextQuestionSummary])),
});

export type AudienceSummary = Unsuppressed<z.infer<typeof AudienceSummary>>;
export type PublishedAudienceSummary = z.infer<typeof AudienceSummary>;

/**
 * One audience's evidence from every source (issue 29): the questionnaires' counts beside the
 * meetings', then what the meetings found, in the order they were held. Only what may be
 * published: findings, and quotes whose speaker consented (masked as comments are); never a
 * meeting's notes.
 */
export const MeetingsByAudience = z.object({
  audience: MeetingAudience,
  asked: num,
  answered: num,
  met: MetInPerson,
  /** How many interviews and groups: held back with the counts of people they would bound. */
  interviews: cell,
  groups: cell,
  findings: z.array(WrittenText),
  quotes: z.array(z.object({ text: z.string(), textCy: z.optional(z.string()) })),
  /** Quotes recorded without consent to publish: counted, never carried. */
  quotesWithheld: num,
});
export type MeetingsByAudience = z.infer<typeof MeetingsByAudience>;
export type QuestionSummary = AudienceSummary['questions'][number];
export type PublishedQuestionSummary = PublishedAudienceSummary['questions'][number];

const LanguageCells = z.object({ en: z.string(), cy: z.string(), total: z.string() });
export type LanguageCells = z.infer<typeof LanguageCells>;
export const LanguageBreakdown = z.object({
  returned: z.array(z.extend(LanguageCells, { audience: z.union([Audience, z.literal('all')]) })),
  questions: z.array(z.object({ audience: Audience, id: z.string(), answered: LanguageCells, positive: LanguageCells })),
});

export type LanguageBreakdown = z.infer<typeof LanguageBreakdown>;

/** One row of counts by kind of sentencer, each cell a numeral or "[c]" (fewer than 3, or secondary). */
const KindCells = z.object({
  magistrate: z.string(),
  'district-judge': z.string(),
  judge: z.string(),
  'legal-adviser': z.string(),
  total: z.string(),
});
export type KindCells = z.infer<typeof KindCells>;
/** The sentencers' results split by which kind of sentencer answered (sentencer-2008.2 on), suppressed. */
export const SentencerKindBreakdown = z.object({
  returned: KindCells,
  /** Responses from a version that did not ask (sentencer-2008.1), or that left it out. */
  notSaid: cell,
  questions: z.array(z.object({ id: z.string(), answered: KindCells, positive: KindCells })),
});
export type SentencerKindBreakdown = Unsuppressed<z.infer<typeof SentencerKindBreakdown>>;

const Agreement = { agreement: nullableNumber, kappa: nullableNumber };
/** Agreement between first and second markers (issue 14): the contract's formulas, rounded to 3 decimals, null without pairs. */
export const Moderation = z.object({
  cases: num,
  ...Agreement,
  byCriterion: z.array(z.object({ id: z.string(), cases: num, ...Agreement })),
  /** By the first marker's assessor type (the case profile's `assessor`): HMI inspectors or the area's own assessors. */
  byAssessor: z.array(z.object({ assessor: z.enum(['hmi', 'area', NOT_RECORDED]), cases: num, ...Agreement })),
  flagged: z.array(z.string()),
});
export type Moderation = z.infer<typeof Moderation>;

export const InterviewsSummary = z.object({
  version: z.string(),
  count: cell,
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      answered: cell,
      positive: cell,
      percent: nullableCell,
      quantity: z.nullable(z.enum(QUANTITY_WORDS)),
      sentence: z.string(),
    }),
  ),
});
export type InterviewsSummary = Unsuppressed<z.infer<typeof InterviewsSummary>>;
export type PublishedInterviewsSummary = z.infer<typeof InterviewsSummary>;

export const PerformanceFigureSummary = z.extend(PerformanceFigure, {
  /** False where there is no target or no actual figure to set against it. */
  missedTarget: z.boolean(),
  /** Re-offending: actual less predicted, to one decimal place. */
  difference: z.optional(num),
});
export type PerformanceFigureSummary = z.infer<typeof PerformanceFigureSummary>;

/** Each criterion's whole percentage over one sub-group's cases; "[c]" for a group of fewer than 5, null when no question applied. */
export const Breakdown = z.object({
  by: z.enum(['caseType', 'tier', 'roh', 'ppo', 'gender', 'ethnicity']),
  groups: z.array(z.object({ value: z.string(), cases: cell, criteria: z.record(z.string(), z.union([z.nullable(num), z.literal('[c]')])) })),
});
export type Breakdown = Unsuppressed<z.infer<typeof Breakdown>>;
export type PublishedBreakdown = z.infer<typeof Breakdown>;

export const Summary = z.object({
  ...inspectionIdentity,
  computedAt: z.string(),
  fingerprint: z.string(),
  /** "Draft, not published": set only on the files of a report link to the live draft. */
  notice: z.optional(z.string()),
  questionBankVersion: z.string(),
  criteria: z.array(CriterionSummary),
  sections: z.array(SectionScore),
  rohThread: RohThreadScore,
  questions: z.array(QuestionScore),
  leadership: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      grade: z.nullable(z.string()),
      strengths: z.array(LeadershipPointOut),
      improvements: z.array(LeadershipPointOut),
    }),
  ),
  sample: SampleComposition,
  serviceUsers: z.object({ offender: AudienceSummary, victim: AudienceSummary, sentencer: AudienceSummary }),
  serviceUsersByLanguage: LanguageBreakdown,
  sentencersByKind: z.optional(SentencerKindBreakdown),
  /** Respondents' comments left out (see shared/domain/summary-free-text.ts); the figures count them all. */
  commentsOmitted: num,
  leadershipPointsOmitted: num,
  /** Set when every comment was taken out after the summary was computed. */
  commentsRemoved: z.optional(z.enum(['erased', 'expired'])),
  /** When the oldest comment's retention ends: the comments are taken out then. Null when there are none. */
  commentsExpireAt: z.nullable(z.string()),
  /**
   * Pages of GET /inspections/{id}/summary/comments holding every comment, including those left
   * out here for size (absent on summaries computed before the pages existed).
   */
  commentPages: z.optional(num),
  /** Issue 14; optional only so that summaries computed before it still read. */
  moderation: z.optional(Moderation),
  interviews: z.optional(InterviewsSummary),
  /** Appendix 1: null until the figures are uploaded. */
  performanceFigures: z.optional(z.nullable(z.array(PerformanceFigureSummary))),
  /** Each criterion's score by case type, tier, Risk of Harm, PPO, gender and ethnicity; optional only so that older summaries still read. */
  breakdowns: z.optional(z.array(Breakdown)),
  /** Issue 29: every audience asked, answered or met, with what the meetings found; optional only so that older summaries still read. */
  meetings: z.optional(z.array(MeetingsByAudience)),
});
export type Summary = Unsuppressed<z.infer<typeof Summary>>;
export type PublishedSummary = z.infer<typeof Summary>;

/** One comment as the comment pages keep it: which audience and question it answers. */
export const PagedComment = z.object({ audience: Audience, questionId: z.string(), text: z.string(), language: Language });
export type PagedComment = z.infer<typeof PagedComment>;

/** `GET /inspections/{id}/summary/comments?page=N` -> 200: one page of every comment of the last summary. */
export const SummaryCommentPage = z.object({
  inspectionId: z.string(),
  page: num,
  pages: num,
  comments: z.array(PagedComment),
});
export type SummaryCommentPage = z.infer<typeof SummaryCommentPage>;
