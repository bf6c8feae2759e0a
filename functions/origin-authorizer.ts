/**
 * API Gateway's authorizer for every route without a JWT authorizer: lets a request through only
 * when it carries the value CloudFront adds (shared/http/origin-verify.ts), the current one or,
 * during a rotation, the previous one. A request without the header never reaches this function:
 * the header is the authorizer's identity source, so API Gateway answers 401 itself. API Gateway
 * caches each answer by the header's value (ORIGIN_AUTHORIZER_CACHE, infra/stacks/collector-stack.ts),
 * so the edge's own traffic invokes this about once a minute.
 *
 * Nothing is logged: the header's value is a secret, and a refusal is already a line of the API's
 * access log (status 403).
 */
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerResult } from 'aws-lambda';
import { originSecrets } from '#http/keys';
import { carriesOriginValue, ORIGIN_VERIFY_HEADER } from '#http/origin-verify';

export async function handler(event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerResult> {
  return { isAuthorized: carriesOriginValue(event.headers?.[ORIGIN_VERIFY_HEADER], await originSecrets()) };
}
