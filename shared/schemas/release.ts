import * as z from 'zod/mini';

export const ReleaseKind = z.enum(['factual-accuracy', 'final']);
export type ReleaseKind = z.infer<typeof ReleaseKind>;

/**
 * `confirm`: for a final release, the area's name exactly, to publish despite what the
 * readiness check finds missing (without it, such a release is a 409 not-ready).
 */
export const CreateRelease = z.strictObject({ kind: ReleaseKind, confirm: z.optional(z.string().check(z.maxLength(200))) });

/** Sortable by time: the moment it was made (compact ISO, milliseconds), then six random hex digits. */
export const RELEASE_ID = /^\d{8}T\d{9}Z-[0-9a-f]{6}$/;

export const ReleaseCreated = z.object({ releaseId: z.string(), kind: ReleaseKind, createdAt: z.string() });
export const ReleaseList = z.object({ inspectionId: z.string(), releases: z.array(ReleaseCreated) });

/** An admin finishing or undoing a release or reopening that died half-way (contract, "An inspection's life cycle"). */
export const RecoverTransition = z.strictObject({ action: z.enum(['finish', 'undo']) });
export const TransitionRecovered = z.object({
  inspectionId: z.string(),
  recovered: z.enum(['factual-accuracy', 'final', 'reopen']),
  action: z.enum(['finish', 'undo']),
  release: z.optional(ReleaseCreated),
});
