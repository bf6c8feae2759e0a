/**
 * Evidence beyond the case file (issue 14): the offender managers' interviews, a second
 * marking of a case, the area's performance figures and its caseload.
 */
import * as z from 'zod/mini';
import { CONTEXT_KEYS, MINIMUM_KINDS } from './vocabulary';
import { AREA_FIGURES } from './area-figures';
import { QuestionBank } from './bank';
import { CaseAnswers, Judgement } from './case';

export const InterviewQuestion = z.object({
  id: z.string(),
  /** As the inspector asks it. */
  text: z.string(),
  /** What a "yes" means, to end the summary's sentence: "felt well informed about policies and procedures". */
  finding: z.string(),
  /** Who answered, when not every offender manager interviewed could ("offender managers who had had an appraisal"). */
  group: z.optional(z.string()),
});
export type InterviewQuestion = z.infer<typeof InterviewQuestion>;

export const InterviewQuestionSet = z.object({ version: z.string(), questions: z.array(InterviewQuestion) });
export type InterviewQuestionSet = z.infer<typeof InterviewQuestionSet>;

export const InterviewInput = z.strictObject({ answers: z.record(z.string(), Judgement) });
export type InterviewInput = z.infer<typeof InterviewInput>;
export const InterviewRecorded = z.object({ inspectionId: z.string(), caseRef: z.string(), outcome: z.enum(['created', 'replaced']) });

export const SecondMarkingInput = z.strictObject({ answers: CaseAnswers });
export type SecondMarkingInput = z.infer<typeof SecondMarkingInput>;
export const SecondMarkingRecorded = z.object({ inspectionId: z.string(), caseRef: z.string(), outcome: z.enum(['created', 'replaced']) });

export { FIGURE_COLUMNS, IPPF_DOMAINS, PERFORMANCE_DOMAINS, PERFORMANCE_KINDS, PerformanceFigure } from './performance';
export const PerformanceFiguresRecorded = z.object({ inspectionId: z.string(), measures: z.int() });

export { CONTEXT_KEYS, MINIMUM_KINDS } from './vocabulary';

const count = z.int().check(z.minimum(0), z.maximum(10_000_000));
const parts = <K extends readonly [string, ...string[]]>(keys: K) => z.optional(z.partialRecord(z.enum(keys), count));

export const AreaContext = z.strictObject({
  caseload: count,
  /** The fewest cases of each kind the inspection wants in its sample; the dashboard warns while one is short. */
  minimums: z.optional(z.partialRecord(z.enum(MINIMUM_KINDS), z.int().check(z.minimum(0), z.maximum(1000)))),
  byGender: parts(CONTEXT_KEYS.byGender),
  byEthnicity: parts(CONTEXT_KEYS.byEthnicity),
  byCaseType: parts(CONTEXT_KEYS.byCaseType),
  ...AREA_FIGURES,
});
export type AreaContext = z.infer<typeof AreaContext>;
export const ContextRecorded = z.object({ inspectionId: z.string(), outcome: z.enum(['created', 'replaced']) });

/** GET /question-bank: the bank, with the interview question set published with it. */
export const QuestionBankWithInterviews = z.extend(QuestionBank, { interviewQuestions: z.optional(InterviewQuestionSet) });
