/**
 * Requests that did not come through our CloudFront distribution are refused.
 *
 * The API's own address (execute-api, or origin.<domain> with a domain) is reachable from the
 * internet, and a request sent there skips the WAF: its per-IP rate rule, the managed rule groups
 * and the body-size rule. CloudFront adds a secret header to every request it forwards; API
 * Gateway refuses a request without it before any route's function runs (the header is the
 * identity source of a cached Lambda authorizer, functions/origin-authorizer.ts, or, on the JSON
 * routes, the JWT authorizer refuses it first), and every function checks it again. The accepted values come from the
 * key provider (./keys.ts): the current one and, during a rotation, the previous one, so the
 * distribution can be moved to the new value while the functions still accept the old.
 * Locally (no origin key) there is no edge, and nothing is checked.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Forbidden } from '#core/errors';
import { originSecrets } from './keys';

export const ORIGIN_VERIFY_HEADER = 'x-omi-origin-verify';
/** The plain value, for tests only; in AWS the functions read the secret named by OMI_ORIGIN_KEY_ARN. */
export const ORIGIN_VERIFY_ENV = 'ORIGIN_VERIFY_SECRET';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether `sent` is one of the accepted values. Compared as digests so the comparison takes the
 * same time whatever was sent; every value is compared, so the time does not say which one
 * matched. No accepted value means no match: the edge's authorizer (functions/origin-authorizer.ts)
 * refuses everything when it has no value to compare with.
 */
export function carriesOriginValue(sent: string | undefined, accepted: readonly string[]): boolean {
  let matched = false;
  if (sent !== undefined) for (const value of accepted) matched = timingSafeEqual(digest(sent), digest(value)) || matched;
  return matched;
}

/**
 * The functions' own check, behind the authorizer that API Gateway runs first: kept so that a
 * route deployed without the authorizer, or an authorizer answer cached past a retirement,
 * still meets a refusal.
 */
export async function requireEdgeOrigin(event: APIGatewayProxyEventV2, accepted?: readonly string[]): Promise<void> {
  const values = accepted ?? (await originSecrets());
  if (values.length === 0) return;
  if (!carriesOriginValue(event.headers?.[ORIGIN_VERIFY_HEADER], values))
    throw new Forbidden("Use this service through its public address, not the API's own.");
}
