/** The Idempotency-Key of a JSON request, scoped to its route, its resource and its user (shared/domain/idempotency.ts). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { IdempotentRequest } from '#domain/idempotency';

export function idempotentRequest(request: { event: APIGatewayProxyEventV2; rawBody: string; user: { sub: string } | undefined }): IdempotentRequest {
  const { event } = request;
  return {
    scope: `${event.requestContext?.http?.method ?? ''} ${event.rawPath}`,
    userSub: request.user?.sub ?? '',
    key: event.headers?.['idempotency-key'],
    body: request.rawBody,
  };
}
