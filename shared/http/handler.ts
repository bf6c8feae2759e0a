/**
 * The one middy stack every HTTP function uses. A function supplies only its route key(s)
 * and a small async body; this stack does the rest, in this order:
 *   correlation id + access log -> security headers -> problem+json errors -> auth (401/403)
 *   -> body size (413) -> content type (415) -> parse -> zod validation (400) -> handler -> reply shaping
 */
import middy from '@middy/core';
import { requireEdgeOrigin } from './origin-verify';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { Role, User } from '../core/roles';
import { publicOrigin } from './request';
import type { RouteKey, RouteByKey } from '../routes';
import { DEFAULT_MAX_BODY_BYTES, findRouteIn, isPublic, isSessionRoute, type RouteSpec, routeKeyOf } from '../route-table/spec';
import { userFromEvent } from './auth';
import type { Session } from './session';
import {
  Forbidden,
  InvalidInput,
  NotFound,
  PayloadTooLarge,
  Unauthenticated,
  UnsupportedMediaType,
  type ProblemDetail,
} from '../core/errors';
import { log, safeErrorFields } from '../core/log';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';
import { pageHeaders, SECURITY_HEADERS } from './security-headers';
import { withInvocation } from '../core/invocation';
import { countRefusedUpload } from './upload-metrics';

// zod/mini ships no messages by default ("Invalid input"); a user deserves to be told what is wrong.
z.config(en());

export interface HttpRequest<Body = unknown, Query = Record<string, string>, Params = Record<string, string>, U = User | undefined> {
  route: RouteSpec;
  event: APIGatewayProxyEventV2;
  body: Body;
  rawBody: string;
  params: Params;
  query: Query;
  user: U;
  /** On session routes (the pages), the signed-in person's session; its CSRF token goes into every form. */
  session: Session | undefined;
  correlationId: string;
  /** What is left of the invocation's time (Lambda's context): long work answers before the deadline, not at it. */
  remainingTimeMs: () => number;
}

/** A `multipart/form-data` body: its text fields and its files, whole. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: { field: string; filename: string; mimeType: string; data: Buffer; truncated: boolean }[];
}

/** Thrown on a session route to send the browser somewhere else (sign in, most often). */
export class RedirectTo extends Error {
  constructor(readonly location: string, readonly cookies: string[] = []) {
    super('redirect');
  }
}

export interface HandlerOptions {
  /** This function serves the local stand-ins of its keys (localOnly routes), not the deployed ones. */
  localOnly?: boolean;
  /**
   * The page a person sees for an error on a session route (403, 404, 413, ...). Passed in by
   * the page functions so that the JSON functions' bundles carry no page template.
   */
  errorPage?: (status: number, title: string, detail: string, session: Session | undefined) => string;
  /**
   * The session cookie, CSRF token and form stash (jose): required by a function serving
   * session routes (the pages), passed in by them (`pageOptions`, shared/http/pages.ts) so
   * that the JSON functions' bundles carry no jose.
   */
  sessions?: SessionSupport;
  /** The multipart/form-data parser (busboy, shared/http/multipart.ts): required by a function whose routes take uploads. */
  multipart?: MultipartParser;
}

/** What the stack needs of the session code (shared/http/session.ts, form-stash.ts). */
export interface SessionSupport {
  sessionFromEvent(event: APIGatewayProxyEventV2): Promise<Session | undefined>;
  stashCookieFor(event: APIGatewayProxyEventV2, path: string): Promise<string | undefined>;
  stashPath(routePath: string, params: Readonly<Record<string, string | undefined>>): string;
  csrfTokenMatches(session: Session, sent: string | null | undefined): boolean;
  safeReturnTo(value: string | null | undefined): string;
}

export type MultipartParser = (contentType: string, data: Buffer, limit: number, beforeFile?: (fields: Record<string, string>) => void) => Promise<MultipartBody>;

/** `/inspections/{id}/cases/{caseRef}` -> `{ id: string; caseRef: string }` (a greedy `{path+}` too). */
type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name extends `${infer Greedy}+` ? Greedy : Name]: string } & PathParams<Rest>
  : unknown;

type BodyOf<R> = R extends { body: { kind: 'json'; schema: infer S extends z.ZodMiniType } }
  ? z.output<S>
  : R extends { body: { kind: 'form' } }
    ? URLSearchParams
    : R extends { body: { kind: 'csv' } }
      ? string
      : R extends { body: { kind: 'multipart' } }
        ? MultipartBody
        : undefined;
type QueryOf<R> = R extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : Record<string, string | undefined>;
type UserOf<R> = R extends { access: readonly Role[] } ? User : User | undefined;

/** What a route's handler receives: body, query, path parameters and user typed from its entry in the route table. */
export type RequestFor<K extends RouteKey> = HttpRequest<
  BodyOf<RouteByKey[K]>,
  QueryOf<RouteByKey[K]>,
  PathParams<RouteByKey[K]['path']>,
  UserOf<RouteByKey[K]>
>;

export type RouteHandler<K extends RouteKey> = (request: RequestFor<K>) => Promise<HttpReply>;

export interface HttpReply {
  status: number;
  /** Serialised as JSON unless `contentType` says otherwise (then it must be a string). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  /** The body is base64 (a font or an image); API Gateway decodes it for the client. */
  isBase64Encoded?: boolean;
}

export type Result = APIGatewayProxyStructuredResultV2;

type Internal = {
  route: RouteSpec;
  correlationId: string;
  startedAt: number;
  user?: User;
  session?: Session;
  rawBody: string;
  body: unknown;
  query: Record<string, string>;
  [key: string]: unknown;
};

type Req = middy.Request<APIGatewayProxyEventV2, Result, Error, Context, Internal>;

/** Middy hands the handler only the event, so the stack's per-request state is keyed by it. */
const stateOf = new WeakMap<APIGatewayProxyEventV2, Internal>();

export const json = (status: number, body: unknown, headers?: Record<string, string>): HttpReply => ({ status, body, headers });
export const html = (status: number, body: string, headers?: Record<string, string>): HttpReply => ({
  status,
  body,
  contentType: 'text/html; charset=utf-8',
  headers,
});

const API_HEADERS = SECURITY_HEADERS;

/**
 * One Lambda entry point serving the routes named in `handlers`, each with its own named
 * handler function, typed from the route table. `table` is the function's own part of it
 * (shared/route-table/<fn>.ts), so that its bundle carries no other route's schemas.
 */
export function httpHandler<K extends RouteKey>(table: readonly RouteSpec[], handlers: { [P in K]: RouteHandler<P> }, options: HandlerOptions = {}) {
  const served = new Map<string, RouteSpec>();
  for (const key of Object.keys(handlers)) {
    const route = findRouteIn(table, key, options.localOnly);
    if (!route) throw new Error(`httpHandler: ${key} is not among this function's routes`);
    if (isSessionRoute(route) && !options.sessions) throw new Error(`httpHandler: ${key} is a session route: pass the session support (pageOptions)`);
    if (route.body?.kind === 'multipart' && !options.multipart) throw new Error(`httpHandler: ${key} takes multipart bodies: pass the multipart parser`);
    served.set(key, route);
  }
  const handlerOf = handlers as unknown as Record<string, (request: HttpRequest) => Promise<HttpReply>>;

  return withInvocation(middy<APIGatewayProxyEventV2, Result, Error, Context, Internal>()
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
        params: event.pathParameters ? (Object.fromEntries(Object.entries(event.pathParameters).filter(([, v]) => v !== undefined)) as Record<string, string>) : {},
        query: internal.query,
        user: internal.user,
        session: internal.session,
        correlationId: internal.correlationId,
        remainingTimeMs: () => (typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : Number.POSITIVE_INFINITY),
      });
      return shape(reply, internal);
    }));
}

/** A file download: CSV (or JSON) with a name for the browser to save it as. */
export function download(body: string, filename: string, contentType = 'text/csv; charset=utf-8', status = 200, headers: Record<string, string> = {}): HttpReply {
  return { status, body, contentType, headers: { 'content-disposition': `attachment; filename="${filename}"`, ...headers } };
}

function shape(reply: HttpReply, internal: Internal): Result {
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

function accessLog(served: Map<string, RouteSpec>): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
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

function problemErrors(options: HandlerOptions): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
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

function securityHeaders(): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
  const add = (request: Req) => {
    const response = request.response;
    if (!response) return;
    const isHtml = String(response.headers?.['content-type'] ?? '').startsWith('text/html');
    // With no-referrer a browser sends `Origin: null` on our own form posts, and the pages'
    // Origin check needs the real one; same-origin still tells other sites nothing.
    const page: Record<string, string> = request.internal?.route && isSessionRoute(request.internal.route) ? { 'referrer-policy': 'same-origin' } : {};
    response.headers = { ...API_HEADERS, ...(isHtml ? pageHeaders() : {}), ...page, ...(response.headers ?? {}) };
  };
  return { after: add, onError: add };
}

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

function authorize(sessions: SessionSupport | undefined): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
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

/** A state-changing page request with an `Origin` (browsers send one on every POST) must come from our own pages. */
function checkOrigin(sessions: SessionSupport | undefined): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
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

const CSRF_REFUSED = 'This form has expired or did not come from this service. Go back, reload the page and try again.';

/**
 * Every state-changing request to a page must come from our own pages: the `Origin` (above),
 * and a signed-in form must carry the session's CSRF token. Checked before the handler runs,
 * so a refused request changes nothing; an upload's token is checked before its file is read.
 */
function checkCsrf(sessions: SessionSupport | undefined): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
  return {
    before: (request) => {
      const { internal } = request;
      const route = internal.route;
      if (!isSessionRoute(route) || !sessions || route.method === 'GET') return;
      if (!internal.session) return;
      const body = internal.body;
      const sent =
        body instanceof URLSearchParams ? body.get('csrf') : body && typeof body === 'object' && 'fields' in body ? (body as MultipartBody).fields.csrf : undefined;
      if (!sessions.csrfTokenMatches(internal.session, sent)) throw new Forbidden(CSRF_REFUSED);
    },
  };
}

const CONTENT_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
} as const;

function readBody(multipart: MultipartParser | undefined, sessions: SessionSupport | undefined): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
  return {
    before: async (request) => {
      const { event, internal } = request;
      internal.query = Object.fromEntries(
        Object.entries(event.queryStringParameters ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
      );
      const spec = internal.route.body;
      if (!spec) return;
      const limit = internal.route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const raw = event.body ?? '';
      const bytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw, 'utf8');
      if (bytes > limit) throw new PayloadTooLarge(`The body may be at most ${limit} bytes.`);

      const contentType = (event.headers?.['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (spec.kind === 'json' && spec.optional && raw === '' && contentType === '') {
        internal.body = {};
        return;
      }
      const expected = CONTENT_TYPES[spec.kind];
      if (contentType !== expected) {
        throw new UnsupportedMediaType(`Send the body as ${expected}.`, [{ path: 'content-type', message: `expected ${expected}` }]);
      }
      if (spec.kind === 'multipart' && multipart) {
        const data = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
        const session = internal.session;
        const tokenFirst =
          session && sessions && isSessionRoute(internal.route)
            ? (fields: Record<string, string>) => {
                if (!sessions.csrfTokenMatches(session, fields.csrf)) throw new Forbidden(CSRF_REFUSED);
              }
            : undefined;
        internal.body = await multipart(event.headers?.['content-type'] ?? '', data, limit, tokenFirst);
        return;
      }
      const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      internal.rawBody = text;
      if (spec.kind === 'json') {
        internal.body = parseJson(text);
      } else if (spec.kind === 'form') {
        internal.body = new URLSearchParams(text);
      } else {
        internal.body = text;
      }
    },
  };
}

/**
 * JSON.parse, refusing any "__proto__" key at any depth. JSON.parse keeps such a key as a
 * harmless own property, but zod's record() then drops it silently, so an answer keyed
 * "__proto__" would vanish (and the rest be stored) instead of being refused as unknown.
 */
export function parseJson(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInput([{ path: '', message: 'The body is not valid JSON.' }], 'The body is not valid JSON.');
  }
  // Only a body that spells the key, or escapes characters (\u005f...), can hold one.
  if (text.includes('__proto__') || text.includes('\\u')) {
    const found = protoKeyPaths(body);
    if (found.length) throw new InvalidInput(found.map((path) => ({ path, message: 'Unknown field' })));
  }
  return body;
}

/** Paths of "__proto__" keys, walked without recursion (a body may nest 20,000 deep). */
function protoKeyPaths(root: unknown, max = 20): string[] {
  type Node = { value: unknown; key: string; parent?: Node };
  const pathOf = (n: Node): string => {
    const parts: string[] = [];
    for (let at: Node | undefined = n; at?.parent; at = at.parent) parts.push(at.key);
    return parts.reverse().join('.');
  };
  const found: string[] = [];
  const stack: Node[] = [{ value: root, key: '' }];
  while (stack.length && found.length < max) {
    const node = stack.pop()!;
    if (typeof node.value !== 'object' || node.value === null) continue;
    for (const key of Object.keys(node.value)) {
      const child: Node = { value: (node.value as Record<string, unknown>)[key], key, parent: node };
      if (key === '__proto__') found.push(pathOf(child));
      stack.push(child);
    }
  }
  return found;
}

function validate(): middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal> {
  return {
    before: (request) => {
      const { internal } = request;
      const problems: ProblemDetail[] = [];
      const spec = internal.route.body;
      if (spec?.kind === 'json') {
        const parsed = z.safeParse(spec.schema, internal.body);
        if (parsed.success) internal.body = parsed.data;
        else problems.push(...issuesToProblems(parsed.error.issues, []));
      }
      if (internal.route.query) {
        const parsed = z.safeParse(internal.route.query, internal.query);
        if (parsed.success) internal.query = parsed.data as Record<string, string>;
        else problems.push(...issuesToProblems(parsed.error.issues, ['query']));
      }
      if (problems.length > 0) throw new InvalidInput(problems);
    },
  };
}

export function issuesToProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[] }[],
  prefix: string[],
): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message: 'Unknown field' });
    } else {
      out.push({ path: base.join('.'), message: issue.message });
    }
  }
  return out;
}
