import * as z from 'zod/mini';
import { IsoDate } from './common';
import { WRITE_UP_TEXT_MAX } from './write-up';

const validDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const CreateInspection = z
  .strictObject({
    area: z
      .string()
      .check(z.trim(), z.minLength(1), z.maxLength(80), z.regex(/^[\p{L}\p{N} .,'&()-]+$/u, "Use letters, digits, spaces and . , ' & ( ) - only")),
    fieldworkStart: IsoDate.check(z.refine(validDate, 'Not a real date')),
    fieldworkEnd: IsoDate.check(z.refine(validDate, 'Not a real date')),
  })
  .check(z.refine((v) => v.fieldworkEnd >= v.fieldworkStart, { message: 'Fieldwork cannot end before it starts', path: ['fieldworkEnd'] }));
export type CreateInspection = z.infer<typeof CreateInspection>;

export const InspectionStatus = z.enum(['open', 'closed']);

/**
 * Where an inspection is in its life cycle (contract, "An inspection's life cycle"). `status`
 * stays beside it for existing callers: `closed` exactly when the stage is `published`.
 */
export const INSPECTION_STAGES = ['set-up', 'fieldwork', 'drafting', 'factual-accuracy', 'published'] as const;
export const InspectionStage = z.enum(INSPECTION_STAGES);
export type InspectionStage = z.infer<typeof InspectionStage>;

/** Which inspection, of which area, over which fieldwork: an inspection's first fields, and its summary's. */
export const inspectionIdentity = {
  inspectionId: z.string(),
  area: z.string(),
  fieldworkStart: z.string(),
  fieldworkEnd: z.string(),
};

export const Inspection = z.object({
  ...inspectionIdentity,
  questionBankVersion: z.string(),
  status: InspectionStatus,
  stage: InspectionStage,
  /** Incremented by every change of stage (and by every close and reopening). */
  version: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Inspection = z.infer<typeof Inspection>;

export const InspectionList = z.object({ inspections: z.array(Inspection), nextCursor: z.optional(z.string()) });
/** The answer to deleting an inspection made by mistake. */
export const InspectionDeleted = z.object({ inspectionId: z.string(), deleted: z.literal(true) });

/** Never an offender's name: short, letters/digits/dashes, and at least one digit. */
export const CaseRef = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(32),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Use letters, digits, - and _ only'),
    z.regex(/\d/, 'A case reference must contain a digit (never use a name)'),
  );

export const LeadershipGrade = z.enum(['well-met', 'satisfactorily-met', 'partly-met', 'not-met']);
export type LeadershipGrade = z.infer<typeof LeadershipGrade>;

/** As long as a write-up's text: several of the Kent report's leadership findings run past 1,000 characters. */
const PointText = z.string().check(z.trim(), z.minLength(1), z.maxLength(WRITE_UP_TEXT_MAX));
/**
 * A strength or area for improvement: a plain string (the contract's first shape, still
 * valid) or its words with their Welsh beside them, as a write-up's texts are.
 */
export const LeadershipPoint = z.union([PointText, z.strictObject({ text: PointText, textCy: z.optional(PointText) })]);
export type LeadershipPoint = z.infer<typeof LeadershipPoint>;

export const PutLeadership = z.strictObject({
  grade: LeadershipGrade,
  strengths: z._default(z.array(LeadershipPoint).check(z.maxLength(30)), []),
  improvements: z._default(z.array(LeadershipPoint).check(z.maxLength(30)), []),
});
export type PutLeadership = z.infer<typeof PutLeadership>;

export const Conclusion = z.strictObject({
  band: z.enum(['good', 'priority', 'urgent-priority']),
  text: z.optional(z.string().check(z.maxLength(2000))),
  /** Its Welsh, for the Welsh report (issue 28): without it the Welsh report prints the English, marked so. */
  textCy: z.optional(z.string().check(z.maxLength(2000))),
});
export type Conclusion = z.infer<typeof Conclusion>;

export const LeadershipRecorded = z.extend(PutLeadership, { inspectionId: z.string(), criterionId: z.string() });
export const ConclusionRecorded = z.extend(Conclusion, { inspectionId: z.string(), criterionId: z.string() });
export const ResponsesErased = z.object({ inspectionId: z.string(), erased: z.int() });
