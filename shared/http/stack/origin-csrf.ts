/** The pages' forms: from our own origin, before any body is read, and with the session's CSRF token. */
import { Forbidden } from '#core/errors';
import { isSessionRoute } from '#route-table/spec';
import { publicOrigin } from '#http/request';
import type { Middleware, MultipartBody, SessionSupport } from './types';

/** A state-changing page request with an `Origin` (browsers send one on every POST) must come from our own pages. */
export function checkOrigin(sessions: SessionSupport | undefined): Middleware {
  return {
    before: (request) => {
      const { event, internal } = request;
      if (!isSessionRoute(internal.route) || !sessions || internal.route.method === 'GET') return;
      const origin = event.headers?.origin;
      if (origin !== undefined && origin !== publicOrigin(event)) {
        throw new Forbidden('This form was sent from another site.');
      }
    },
  };
}

export const CSRF_REFUSED = 'This form has expired or did not come from this service. Go back, reload the page and try again.';

/**
 * Every state-changing request to a page must come from our own pages: the `Origin` (above),
 * and a signed-in form must carry the session's CSRF token. Checked before the handler runs,
 * so a refused request changes nothing; an upload's token is checked before its file is read.
 */
export function checkCsrf(sessions: SessionSupport | undefined): Middleware {
  return {
    before: (request) => {
      const { internal } = request;
      const route = internal.route;
      if (!isSessionRoute(route) || !sessions || route.method === 'GET') return;
      if (!internal.session) return;
      const body = internal.body;
      const sent =
        body instanceof URLSearchParams
          ? body.get('csrf')
          : body && typeof body === 'object' && 'fields' in body
            ? (body as MultipartBody).fields.csrf
            : undefined;
      if (!sessions.csrfTokenMatches(internal.session, sent)) throw new Forbidden(CSRF_REFUSED);
    },
  };
}
