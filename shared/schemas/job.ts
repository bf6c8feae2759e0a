import * as z from 'zod/mini';

/**
 * Long work run off the request (contract, "An inspection's life cycle": "Long work is a job"):
 * what `GET /jobs/{jobId}` answers. `doing` says in words what it is doing or did; `result` is
 * what the route would have answered had it finished in time; `problem` is the problem+json a
 * failed job would have answered.
 */
export const JobStatus = z.enum(['running', 'done', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;
export const JobKind = z.enum(['release', 'invitations', 'import']);
export type JobKind = z.infer<typeof JobKind>;

export const Job = z.object({
  jobId: z.string(),
  kind: JobKind,
  inspectionId: z.string(),
  status: JobStatus,
  doing: z.string(),
  startedAt: z.string(),
  finishedAt: z.optional(z.string()),
  result: z.optional(z.unknown()),
  problem: z.optional(
    z.object({
      type: z.string(),
      title: z.string(),
      status: z.number(),
      detail: z.string(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
});
export type Job = z.infer<typeof Job>;

/** What a route that handed its work to a job answers, with 202 and `Location: /jobs/{jobId}`. */
export const JobAccepted = z.object({ jobId: z.string(), status: JobStatus, location: z.string() });
export type JobAccepted = z.infer<typeof JobAccepted>;

export const JOB_ID = /^[0-9a-f-]{36}$/;
