/**
 * First in, last out: the request's correlation id, the route it is (of those this function
 * serves; any other key is a 404), and one log line when it is answered, however.
 */
import { NotFound } from '#core/errors';
import { log } from '#core/log';
import { countRefusedUpload } from '#http/upload-metrics';
import type { RouteSpec } from '#route-table/spec';
import { stateOf } from './state';
import type { Middleware, Req } from './types';

export function accessLog(served: Map<string, RouteSpec>): Middleware {
  const finish = (request: Req) => {
    const internal = request.internal;
    log('info', 'request', {
      routeKey: request.event?.routeKey,
      status: request.response?.statusCode ?? 500,
      durationMs: Date.now() - internal.startedAt,
      correlationId: internal.correlationId,
      role: internal.user?.roles.join(' '),
    });
    countRefusedUpload(internal.route, request.response?.statusCode ?? 500);
  };
  return {
    before: (request) => {
      const event = request.event;
      const correlationId = event.requestContext?.requestId || crypto.randomUUID();
      const route = served.get(event.routeKey);
      request.internal = { correlationId, startedAt: Date.now(), rawBody: '', body: undefined, query: {}, route: route! };
      stateOf.set(event, request.internal);
      if (!route) throw new NotFound(`No route ${event.routeKey}`);
    },
    after: finish,
    onError: finish,
  };
}
