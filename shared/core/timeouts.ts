/**
 * How long a deployed function may run: the CDK stack gives each function these, and the
 * local server enforces the same (infra/local/server.ts), so a test sees what AWS would do.
 */
export const HTTP_FUNCTION_TIMEOUT_S = 10;
export const BACKGROUND_FUNCTION_TIMEOUT_S = 60;
