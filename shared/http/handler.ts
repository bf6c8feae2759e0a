/**
 * The one middy stack every HTTP function uses, as its parts in the order they run. A function
 * supplies only its route key(s) and a small async body per route; the parts, each a module
 * of ./stack/:
 *   access-log     correlation id, the route (404 for another key), one log line per request
 *   headers        security headers on every reply, an error's too
 *   errors         an error as a redirect, a GOV.UK page (session routes) or problem+json
 *   origin-verify  only requests through our CloudFront edge (../origin-verify.ts)
 *   authorize      401 / 403: the session cookie on pages, the bearer token's user on JSON routes
 *   origin-csrf    a page's form from our own origin, checked before its body is read...
 *   body           ...its size (413), content type (415) and parsing...
 *   origin-csrf    ...then its CSRF token
 *   validate       the body and query against the route's zod schemas (400)
 *   the handler, then replies: its reply shaped into API Gateway's result
 */
import middy from '@middy/core';
import { withInvocation } from '#core/invocation';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { RouteKey } from '#shared/routes';
import { routeKeyOf, type RouteSpec } from '#route-table/spec';
import { requireEdgeOrigin } from './origin-verify';
import { accessLog } from './stack/access-log';
import { authorize } from './stack/authorize';
import { readBody } from './stack/body';
import { problemErrors } from './stack/errors';
import { securityHeaders } from './stack/headers';
import { checkCsrf, checkOrigin } from './stack/origin-csrf';
import { shape } from './stack/replies';
import { servedRoutes } from './stack/routing';
import { stateOf } from './stack/state';
import type { HandlerOptions, HttpReply, HttpRequest, Internal, Result, RouteHandler } from './stack/types';
import { validate } from './stack/validate';

export type * from './stack/types';
export { RedirectTo } from './stack/errors';
export { download, html, json, versioned } from './stack/replies';
export { signInLocation } from './stack/authorize';
export { parseJson } from './stack/body';
export { issuesToProblems } from './stack/validate';

// zod/mini ships no messages by default ("Invalid input"); a user deserves to be told what is wrong.
z.config(en());

/**
 * One Lambda entry point serving the routes named in `handlers`, each with its own named
 * handler function, typed from the route table. `table` is the function's own part of it
 * (shared/route-table/<fn>.ts), so that its bundle carries no other route's schemas.
 */
export function httpHandler<K extends RouteKey>(table: readonly RouteSpec[], handlers: { [P in K]: RouteHandler<P> }, options: HandlerOptions = {}) {
  const served = servedRoutes(table, Object.keys(handlers), options);
  const handlerOf = handlers as unknown as Record<string, (request: HttpRequest) => Promise<HttpReply>>;

  // Each log line names its invocation (request id, cold start), as Powertools Logger's do.
  return withInvocation(
    middy<APIGatewayProxyEventV2, Result, Error, Context, Internal>()
      .use(accessLog(served))
      // Middy runs onError middlewares in reverse order of registration: problemErrors must
      // build the error response before securityHeaders runs, so it is registered after it.
      .use(securityHeaders())
      .use(problemErrors(options))
      .use({ before: (request) => requireEdgeOrigin(request.event) })
      .use(authorize(options.sessions))
      // Before any body is parsed: a form from another site is refused unread (an upload's parser is the riskiest code here).
      .use(checkOrigin(options.sessions))
      .use(readBody(options.multipart, options.sessions))
      .use(checkCsrf(options.sessions))
      .use(validate())
      .handler(async (event, context) => {
        const internal = stateOf.get(event)!;
        const reply = await handlerOf[routeKeyOf(internal.route)]!({
          route: internal.route,
          event,
          body: internal.body,
          rawBody: internal.rawBody,
          params: event.pathParameters
            ? (Object.fromEntries(Object.entries(event.pathParameters).filter(([, v]) => v !== undefined)) as Record<string, string>)
            : {},
          query: internal.query,
          user: internal.user,
          session: internal.session,
          correlationId: internal.correlationId,
          remainingTimeMs: () =>
            typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : Number.POSITIVE_INFINITY,
        });
        return shape(reply, internal);
      }),
  );
}
