/**
 * What staff read for analysis and drafting (issue 28, items 9 and 11): each question's figure
 * by sub-group, and the analyst's data package of a release. Never published as they are: the
 * sub-group figures carry every count, and beside each the figure the disclosure rule lets out.
 */
import * as z from 'zod/mini';
import { QUESTION_BREAKDOWN_BY } from '#scoring/question-breakdowns';

const SUPPRESSED_MARK = z.literal('[c]');
export const QuestionBreakdownBy = z.enum(QUESTION_BREAKDOWN_BY);

export const QuestionGroupFigure = z.object({
  value: z.string(),
  yes: z.int(),
  no: z.int(),
  na: z.int(),
  percent: z.nullable(z.int()),
  /** The percentage as a published file would show it: "[c]" over fewer than 5 relevant cases (contract, "Disclosure control"). */
  published: z.union([z.int(), z.null(), SUPPRESSED_MARK]),
});

export const QuestionBreakdowns = z.object({
  inspectionId: z.string(),
  questionBankVersion: z.string(),
  computedAt: z.string(),
  /** Always true: staff figures, every count shown; `published` says what the rule would let out. */
  notForPublication: z.literal(true),
  /** Finished cases counted; unfinished ones wait, as in the summary. */
  cases: z.int(),
  unfinished: z.int(),
  groups: z.array(z.object({ by: QuestionBreakdownBy, values: z.array(z.object({ value: z.string(), cases: z.int() })) })),
  questions: z.array(
    z.object({
      id: z.string(),
      criterion: z.string(),
      breakdowns: z.array(z.object({ by: QuestionBreakdownBy, groups: z.array(QuestionGroupFigure) })),
    }),
  ),
});
export type QuestionBreakdowns = z.infer<typeof QuestionBreakdowns>;

export const QuestionBreakdownsQuery = z.object({
  criterion: z.optional(z.string().check(z.regex(/^[1-3]\.[1-9]$/, 'A scored criterion id such as 2.2'))),
});

/** A column as a Frictionless Table Schema field: its name, type, what it is and the values it takes. */
export const DataPackageField = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer']),
  description: z.string(),
  constraints: z.object({
    required: z.optional(z.boolean()),
    unique: z.optional(z.boolean()),
    enum: z.optional(z.array(z.union([z.string(), z.int()]))),
  }),
});
export type DataPackageField = z.infer<typeof DataPackageField>;

/** The analyst's data package of a release: a Frictionless Tabular Data Package descriptor (datapackage.json). */
export const DataPackage = z.object({
  profile: z.literal('tabular-data-package'),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  created: z.string(),
  version: z.string(),
  resources: z.array(
    z.object({
      name: z.string(),
      /** Relative to the descriptor's own address: `data-package/cases.csv`. */
      path: z.string(),
      title: z.string(),
      description: z.string(),
      profile: z.literal('tabular-data-resource'),
      format: z.literal('csv'),
      mediatype: z.literal('text/csv'),
      encoding: z.literal('utf-8'),
      schema: z.object({ fields: z.array(DataPackageField), missingValues: z.array(z.string()), primaryKey: z.optional(z.string()) }),
    }),
  ),
});
export type DataPackage = z.infer<typeof DataPackage>;

export const DataPackageQuery = z.object({ freeText: z.optional(z.enum(['include', 'exclude'])) });
