import * as z from 'zod/mini';

export const CaseType = z.enum(['community', 'licence', 'custody']);
export type CaseType = z.infer<typeof CaseType>;

export const CriterionId = z.string().check(z.regex(/^[1-4]\.[1-9]$/));

export const Criterion = z.object({
  id: CriterionId,
  section: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  title: z.string(),
  statement: z.string(),
});
export type Criterion = z.infer<typeof Criterion>;

export const Question = z.object({
  id: z.string().check(z.regex(/^[1-3]\.[1-9]\.[0-9]{1,2}$/)),
  criterion: CriterionId,
  text: z.string(),
  /** The criterion's one overall judgement, weighted 20% against the mean of the others. */
  summary: z.boolean(),
  /** Counts towards the Risk of Harm thread (sections 1 and 2 only). */
  roh: z.boolean(),
  appliesTo: z.array(CaseType),
});
export type Question = z.infer<typeof Question>;

export const QuestionBank = z.object({
  version: z.string(),
  criteria: z.array(Criterion),
  questions: z.array(Question),
});
export type QuestionBank = z.infer<typeof QuestionBank>;

/** A bank without its question texts: what checking ids and scoring need (shared/bank/structure.ts). */
export interface BankStructure {
  version: string;
  criteria: Criterion[];
  questions: Omit<Question, 'text'>[];
}
