/** The page and JSON replies a route's handler returns, and their shaping into API Gateway's result. */
import type { HttpReply, Internal, Result } from './types';

export const json = (status: number, body: unknown, headers?: Record<string, string>): HttpReply => ({ status, body, headers });
/** A document replaced on its version (If-Match): its ETag, and never cached, so the next If-Match a client sends is the current one. */
export const versioned = (body: unknown, etag: string): HttpReply => json(200, body, { etag, 'cache-control': 'no-store' });
export const html = (status: number, body: string, headers?: Record<string, string>): HttpReply => ({
  status,
  body,
  contentType: 'text/html; charset=utf-8',
  headers,
});

/** A file download: CSV (or JSON) with a name for the browser to save it as. */
export function download(
  body: string,
  filename: string,
  contentType = 'text/csv; charset=utf-8',
  status = 200,
  headers: Record<string, string> = {},
): HttpReply {
  return { status, body, contentType, headers: { 'content-disposition': `attachment; filename="${filename}"`, ...headers } };
}

export function shape(reply: HttpReply, internal: Internal): Result {
  const isString = typeof reply.body === 'string' && reply.contentType !== undefined;
  return {
    statusCode: reply.status,
    headers: {
      'content-type': reply.contentType ?? 'application/json; charset=utf-8',
      ...(reply.headers ?? {}),
      'x-correlation-id': internal.correlationId,
    },
    body: reply.body === undefined ? '' : isString ? (reply.body as string) : JSON.stringify(reply.body),
    ...(reply.cookies ? { cookies: reply.cookies } : {}),
    ...(reply.isBase64Encoded ? { isBase64Encoded: true } : {}),
  };
}
