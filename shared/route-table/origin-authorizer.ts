/** functions/origin-authorizer.ts: API Gateway's authorizer on every route without a JWT one; no routes, no table. */
import { authorizerFunction, NO_DATA } from './spec';

export const originAuthorizerFunction = authorizerFunction({
  fn: 'origin-authorizer',
  summary: 'Let a request through only when it carries the value CloudFront adds (the current or, during a rotation, the previous one)',
  data: NO_DATA,
});
