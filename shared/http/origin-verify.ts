/**
 * Requests that did not come through our CloudFront distribution are refused.
 *
 * The API's own address (execute-api, or origin.<domain> with a domain) is reachable from the
 * internet, and a request sent there skips the WAF: its per-IP rate rule, the managed rule groups
 * and the body-size rule. CloudFront adds a secret header to every request it forwards; a request
 * without it is refused before anything is read or written. Locally (no secret set) there is no
 * edge, and nothing is checked.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Forbidden } from '../core/errors';

export const ORIGIN_VERIFY_HEADER = 'x-omi-origin-verify';
export const ORIGIN_VERIFY_ENV = 'ORIGIN_VERIFY_SECRET';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function requireEdgeOrigin(event: APIGatewayProxyEventV2, secret = process.env[ORIGIN_VERIFY_ENV]): void {
  if (!secret) return;
  const sent = event.headers?.[ORIGIN_VERIFY_HEADER];
  // Compared as digests so the comparison takes the same time whatever was sent.
  if (sent === undefined || !timingSafeEqual(digest(sent), digest(secret))) {
    throw new Forbidden("Use this service through its public address, not the API's own.");
  }
}
