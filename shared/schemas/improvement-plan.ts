/**
 * The area's improvement plan (issue 29; contract, "Meetings and the improvement plan"):
 * after a final release, what the area will do about each recommendation, who owns it, by
 * when, and how it is going. Due four weeks after publication.
 */
import * as z from 'zod/mini';
import { IsoDate } from './common';
import { RecommendationId } from './write-up';

const Text = z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000));

export const Progress = z.strictObject({ date: IsoDate, text: Text });

export const PlanAction = z.strictObject({
  recommendation: RecommendationId,
  action: Text,
  /** A name or a role, free text. */
  owner: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  due: IsoDate,
  progress: z.optional(z.array(Progress).check(z.maxLength(100))),
  status: z.enum(['open', 'done']),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const ImprovementPlanInput = z.strictObject({
  /** When the area's plan came in; absent while it is awaited. */
  receivedAt: z.optional(IsoDate),
  actions: z.array(PlanAction).check(z.maxLength(200)),
});
export type ImprovementPlanInput = z.infer<typeof ImprovementPlanInput>;

export const PLAN_STATES = ['due', 'overdue', 'received'] as const;
export const ACTION_STATES = ['open', 'done', 'overdue'] as const;

/** The plan as it is followed: when it is due, whether it came, and each action's state today. */
export const ImprovementPlan = z.object({
  inspectionId: z.string(),
  /** The final release the plan answers, and its date. */
  releaseId: z.string(),
  publishedAt: z.string(),
  dueAt: IsoDate,
  state: z.enum(PLAN_STATES),
  receivedAt: z.optional(IsoDate),
  actions: z.array(
    z.extend(PlanAction, {
      state: z.enum(ACTION_STATES),
      /** The recommendation's words now; absent when the write-up no longer has it. */
      recommendationText: z.optional(z.string()),
    }),
  ),
  version: z.int(),
  updatedAt: z.optional(z.string()),
});
export type ImprovementPlan = z.infer<typeof ImprovementPlan>;

export const PlanAnnex = z.object({ inspectionId: z.string(), releaseId: z.string(), annexId: z.string(), createdAt: z.string() });
export type PlanAnnex = z.infer<typeof PlanAnnex>;
