/**
 * Who may use the route (401, 403): a page by our session cookie only, sending a signed-out
 * browser to sign in; a JSON route by the bearer token's user (API Gateway's authorizer checked it).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Forbidden, Unauthenticated } from '#core/errors';
import { isPublic, isSessionRoute } from '#route-table/spec';
import { userFromEvent } from '#http/auth';
import { publicOrigin } from '#http/request';
import { RedirectTo } from './errors';
import type { Middleware, SessionSupport } from './types';

/** Where a signed-out browser is sent: the sign-in, and back here afterwards (a GET), or to the page it came from. */
export function signInLocation(event: APIGatewayProxyEventV2, safeReturnTo: SessionSupport['safeReturnTo'], stashedFormPath?: string): string {
  let back = '/';
  // A stashed form's page is at the path it posts to (and the stash cookie only there).
  if (stashedFormPath) back = stashedFormPath;
  else if (event.requestContext?.http?.method === 'GET') {
    back = event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');
  } else {
    const referer = event.headers?.referer;
    const origin = publicOrigin(event);
    if (referer?.startsWith(`${origin}/`)) back = referer.slice(origin.length);
  }
  const returnTo = safeReturnTo(back);
  return returnTo === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

export function authorize(sessions: SessionSupport | undefined): Middleware {
  return {
    before: async (request) => {
      const route = request.internal.route;
      if (isSessionRoute(route) && sessions) {
        // Only the cookie: a page never takes a bearer token, whatever the request carries.
        const session = await sessions.sessionFromEvent(request.event);
        request.internal.session = session;
        request.internal.user = session;
        if (!Array.isArray(route.access)) return;
        if (!session) {
          // A form that keeps what was typed across signing in again (see form-stash.ts): never one from another site.
          const origin = request.event.headers?.origin;
          const keep = route.keepsFormOnSignIn && route.method !== 'GET' && (origin === undefined || origin === publicOrigin(request.event));
          const formPath = sessions.stashPath(route.path, request.event.pathParameters ?? {});
          const stash = keep ? await sessions.stashCookieFor(request.event, formPath) : undefined;
          throw new RedirectTo(signInLocation(request.event, sessions.safeReturnTo, stash ? formPath : undefined), stash ? [stash] : []);
        }
        if (!session.roles.some((role) => (route.access as readonly string[]).includes(role))) {
          throw new Forbidden('Your role may not use this page.');
        }
        return;
      }
      if (isPublic(route)) return;
      const user = userFromEvent(request.event);
      if (!user) throw new Unauthenticated('Sign in and send a bearer token.');
      request.internal.user = user;
      if (!user.roles.some((role) => (route.access as readonly string[]).includes(role))) {
        throw new Forbidden('Your role may not use this route.');
      }
    },
  };
}
