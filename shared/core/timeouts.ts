/**
 * How long a deployed function may run: the CDK stack gives each function these, and the
 * local server enforces the same (infra/local/server.ts), so a test sees what AWS would do.
 */
export const HTTP_FUNCTION_TIMEOUT_S = 10;
export const BACKGROUND_FUNCTION_TIMEOUT_S = 60;
/**
 * How long a queued message stays hidden once a worker has it: six times the workers' timeout,
 * as AWS advises for a Lambda consumer, so that a batch Lambda takes but must retry (throttled,
 * or waiting for a concurrency slot under maxConcurrency) is not delivered a second time while
 * the first is still running. The aggregation dispatcher waits as long before it sends a unit
 * again (shared/domain/dispatch.ts), and the local queues hide messages as long (infra/local/queues.ts).
 */
export const QUEUE_VISIBILITY_TIMEOUT_S = 6 * BACKGROUND_FUNCTION_TIMEOUT_S;
/** Deliveries of one job's message before it goes to the dead-letter queue; the last one takes the work back (shared/domain/jobs.ts). */
export const JOBS_MAX_RECEIVE_COUNT = 3;
/**
 * Above this many items (cases in a release) a route hands its work to a job (shared/domain/jobs.ts).
 * A final release of 1,000 cases took 15 s under a load of 25-40 (bench part 8), past the HTTP
 * functions' 10 s; 250 keeps what runs in the request near a quarter of that.
 */
export const INLINE_LIMIT = 250;
