/** The stack's types: what a route's handler receives and returns, and the state its middlewares share. */
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Role, User } from '#core/roles';
import type { RouteKey, RouteByKey } from '#shared/routes';
import type { RouteSpec } from '#route-table/spec';
import type { Session } from '#http/session';

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

export type MultipartParser = (
  contentType: string,
  data: Buffer,
  limit: number,
  beforeFile?: (fields: Record<string, string>) => void,
) => Promise<MultipartBody>;

/** `/inspections/{id}/cases/{caseRef}` -> `{ id: string; caseRef: string }` (a greedy `{path+}` too). */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name extends `${infer Greedy}+` ? Greedy : Name]: string } & PathParams<Rest>
  : unknown;

export type BodyOf<R> = R extends { body: { kind: 'json'; schema: infer S extends z.ZodMiniType } }
  ? z.output<S>
  : R extends { body: { kind: 'form' } }
    ? URLSearchParams
    : R extends { body: { kind: 'csv' } }
      ? string
      : R extends { body: { kind: 'multipart' } }
        ? MultipartBody
        : undefined;
export type QueryOf<R> = R extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : Record<string, string | undefined>;
export type UserOf<R> = R extends { access: readonly Role[] } ? User : User | undefined;

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

export type Internal = {
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

export type Req = middy.Request<APIGatewayProxyEventV2, Result, Error, Context, Internal>;

/** One part of the stack. */
export type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, Result, Error, Context, Internal>;
