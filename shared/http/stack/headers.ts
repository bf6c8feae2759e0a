/** Every reply, an error's too, leaves with the security headers; a page with the pages' own. */
import { isSessionRoute } from '#route-table/spec';
import { pageHeaders, SECURITY_HEADERS } from '#http/security-headers';
import type { Middleware, Req } from './types';

const API_HEADERS = SECURITY_HEADERS;

export function securityHeaders(): Middleware {
  const add = (request: Req) => {
    const response = request.response;
    if (!response) return;
    const isHtml = String(response.headers?.['content-type'] ?? '').startsWith('text/html');
    // With no-referrer a browser sends `Origin: null` on our own form posts, and the pages'
    // Origin check needs the real one; same-origin still tells other sites nothing.
    const page: Record<string, string> =
      request.internal?.route && isSessionRoute(request.internal.route) ? { 'referrer-policy': 'same-origin' } : {};
    response.headers = { ...API_HEADERS, ...(isHtml ? pageHeaders() : {}), ...page, ...(response.headers ?? {}) };
  };
  return { after: add, onError: add };
}
