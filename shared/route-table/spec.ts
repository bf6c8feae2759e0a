/**
 * What a route is, and the helpers that read one, apart from the table itself: a function's
 * bundle carries its own routes (shared/route-table/<fn>.ts) and this, never the whole table.
 */
import * as z from 'zod/mini';
import { ROLES, type Role } from '../core/roles';
import type { FunctionName } from '../routes';

/** The cases' CSV template: one case type's columns, or every question's, with notes rows (shared/cases/csv.ts). */
export const TemplateQuery = z.object({ caseType: z.optional(z.enum(['community', 'licence', 'custody', 'all'])) });
/** A cases upload: `ask` refuses (409) to replace cases already entered, naming them; `confirm` (the default) replaces them. */
export const ReplaceQuery = z.object({ replace: z.optional(z.enum(['ask', 'confirm'])) });

/** Every report route takes ?lang=cy (contract, "Write-up and releases"). */
export const ReportQuery = z.object({ lang: z.optional(z.enum(['en', 'cy'])) });

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `public`: no credentials at all. `token`: the questionnaire token in the path is the credential. */
export type Access = 'public' | 'token' | readonly Role[];

export type BodySpec =
  /** `optional`: a request with no body and no content type is taken as `{}` (a route that grew a body keeps its old callers). */
  | { kind: 'json'; schema: z.ZodMiniType; optional?: boolean }
  | { kind: 'csv' }
  | { kind: 'form' }
  /** One file and a few fields from a browser's `<input type="file">` form (multipart/form-data). */
  | { kind: 'multipart' };

export interface RouteSpec {
  method: Method;
  path: string;
  /** The Lambda entry point: functions/<fn>.ts. Several routes may share one. */
  fn: FunctionName;
  access: Access;
  summary: string;
  body?: BodySpec;
  maxBodyBytes?: number;
  query?: z.ZodMiniObject;
  /**
   * `session`: a page for a person in a browser. The credential is our signed session cookie
   * (shared/http/session.ts), never a bearer token; the JSON routes (no `auth`) never accept
   * the cookie. Signed out, a GET is redirected to /sign-in; every non-GET needs a CSRF token.
   */
  auth?: 'session';
  /**
   * A page form whose post, sent after the session ended, is kept (encrypted, 30 minutes, for
   * the same person) while they sign in again, then put back on the form: shared/http/form-stash.ts.
   */
  keepsFormOnSignIn?: boolean;
  /** Served by the local runner only (the sign-in stand-in); the CDK app never deploys it. */
  localOnly?: boolean;
  /**
   * Static files that CloudFront serves from S3 in AWS (infra/stacks/edge.ts), so a stack with
   * the edge deploys neither the route nor its function; locally and without an edge, it serves them.
   */
  servedByEdge?: boolean;
  /**
   * Its work may outlast the function's timeout, so past INLINE_LIMIT items it is a job: 202,
   * `Location: /jobs/{jobId}`, a JobAccepted body (shared/domain/jobs.ts).
   */
  mayBeJob?: boolean;
  /** For OpenAPI: the 2xx body. */
  response?: { status: number; contentType: 'application/json' | 'text/html' | 'text/csv' | 'text/css'; schema?: z.ZodMiniType };
}

export const SIGNED_IN: readonly Role[] = ROLES;
export const INSPECTORS: readonly Role[] = ['inspector', 'admin'];
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** The browser's CSV upload: the 5 MB the JSON route takes, plus the form's own framing, under Lambda's 6 MB. */
export const UPLOAD_MAX_BODY_BYTES = 6 * 1024 * 1024;
/** A respondent's answers: a few thousand characters of text at most, even URL-encoded. */
export const RESPONDENT_MAX_BODY_BYTES = 64 * 1024;

export function routeKeyOf(route: RouteSpec): string {
  return `${route.method} ${route.path}`;
}

export const isSessionRoute = (route: RouteSpec): boolean => route.auth === 'session';

/** No bearer token: nothing at all, the questionnaire/report token in the path, or our session cookie. */
export function isPublic(route: RouteSpec): boolean {
  return route.access === 'public' || route.access === 'token' || route.auth === 'session';
}

/** The route of `key` in `list` (a function's own routes, or the whole table): see findRoute in shared/routes.ts. */
export function findRouteIn(list: readonly RouteSpec[], key: string, localOnly = false): RouteSpec | undefined {
  return list.find((r) => routeKeyOf(r) === key && !!r.localOnly === localOnly);
}
