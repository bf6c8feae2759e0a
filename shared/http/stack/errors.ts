/**
 * What an error becomes: a redirect (303), a GOV.UK error page on a session route, or
 * problem+json on a JSON route; never a stack trace, and a 5xx logged without personal data.
 */
import { log, safeErrorFields } from '#core/log';
import { isSessionRoute } from '#route-table/spec';
import { PROBLEM_CONTENT_TYPE, toProblem } from '#http/problem';
import type { HandlerOptions, Middleware } from './types';

/** Thrown on a session route to send the browser somewhere else (sign in, most often). */
export class RedirectTo extends Error {
  constructor(
    readonly location: string,
    readonly cookies: string[] = [],
  ) {
    super('redirect');
  }
}

export function problemErrors(options: HandlerOptions): Middleware {
  return {
    onError: (request) => {
      const correlationId = request.internal?.correlationId ?? crypto.randomUUID();
      const route = request.internal?.route;
      if (request.error instanceof RedirectTo) {
        request.response = {
          statusCode: 303,
          headers: { location: request.error.location, 'content-type': 'text/html; charset=utf-8', 'x-correlation-id': correlationId },
          body: '',
          ...(request.error.cookies.length ? { cookies: request.error.cookies } : {}),
        };
        return;
      }
      const { problem, headers } = toProblem(request.error, correlationId);
      if (problem.status >= 500) log('error', 'unhandled error', { correlationId, ...safeErrorFields(request.error) });
      if (route && isSessionRoute(route)) {
        // A person reads this: a GOV.UK page with the same status, never problem+json.
        const page = options.errorPage?.(problem.status, problem.title, problem.detail ?? '', request.internal.session);
        request.response = {
          statusCode: problem.status,
          headers: { 'content-type': 'text/html; charset=utf-8', 'x-correlation-id': correlationId, ...headers },
          body: page ?? `<!DOCTYPE html><html lang="en"><title>${problem.status}</title><h1>${problem.status}</h1></html>`,
        };
        return;
      }
      request.response = {
        statusCode: problem.status,
        headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'x-correlation-id': correlationId, ...headers },
        body: JSON.stringify(problem),
      };
    },
  };
}
