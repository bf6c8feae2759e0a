/**
 * What a route and a function are, and the helpers that read them, apart from the table itself:
 * a function's bundle carries its own file (shared/route-table/<fn>.ts) and this, never the whole
 * table. Nothing here imports shared/routes.ts, which joins the files: the arrows go one way.
 */
import * as z from 'zod/mini';
import { ROLES, type Role } from '#core/roles';

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
  /** The Lambda entry point: functions/<fn>.ts. Several routes may share one (shared/routes.ts narrows it to a known name). */
  fn: string;
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

/** What a route says besides its method, path, function, roles and summary. */
export type RouteDetails = Omit<RouteSpec, 'method' | 'path' | 'fn' | 'access' | 'summary'>;

type NoDetails = Record<never, never>;

/** A route as written, every literal kept: RouteKey, RouteByKey and the handlers' types (shared/http/stack/types.ts) read them. */
type RouteOf<M extends Method, P extends string, F extends string, A extends Access, X> = {
  method: M;
  path: P;
  fn: F;
  access: A;
  summary: string;
} & X;

/**
 * A file's routes with its function named once: `const route = routesOfFunction('cases')`, then one call
 * a route saying its method, path, roles and summary, and in the last argument only what is
 * particular to it (`{ body: json(CaseInput), response: created(CaseRecorded) }`).
 * `getPage` and `postForm` are the workbench's pages: the session cookie, an HTML page, a form post.
 */
export function routesOfFunction<F extends string>(fn: F) {
  const method =
    <M extends Method, const D extends RouteDetails>(m: M, defaults: D) =>
    <P extends string, const A extends Access, const X extends RouteDetails = NoDetails>(
      path: P,
      access: A,
      summary: string,
      details: X = {} as X,
      // NoInfer: with no details, X is NoDetails, not guessed from the array's `satisfies readonly RouteSpec[]`.
    ): RouteOf<M, P, F, A, Omit<D, keyof NoInfer<X>> & NoInfer<X>> => ({ ...defaults, method: m, path, fn, access, summary, ...details });
  return {
    get: method('GET', {}),
    post: method('POST', {}),
    put: method('PUT', {}),
    delete: method('DELETE', {}),
    getPage: method('GET', { auth: 'session', response: HTML }),
    postForm: method('POST', { auth: 'session', body: FORM }),
  };
}

/** A JSON body checked against `schema` (which also types the handler's `body`). */
export const json = <S extends z.ZodMiniType>(schema: S) => ({ kind: 'json', schema }) as const;
/** A form post from one of our pages. */
export const FORM = { kind: 'form' } as const;
/** 200 with a JSON body of `schema` (for OpenAPI). */
export const ok = <S extends z.ZodMiniType>(schema: S) => ({ status: 200, contentType: 'application/json', schema }) as const;
/** 201 with a JSON body of `schema`. */
export const created = <S extends z.ZodMiniType>(schema: S) => ({ status: 201, contentType: 'application/json', schema }) as const;
export const HTML = { status: 200, contentType: 'text/html' } as const;
export const CSV = { status: 200, contentType: 'text/csv' } as const;

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

/** The DynamoDB actions the store can send (Scan is not among them: no code scans the table). */
export const DYNAMO_ACTIONS = [
  'GetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'ConditionCheckItem',
  'BatchGetItem',
] as const;
export type DynamoAction = (typeof DYNAMO_ACTIONS)[number];
export const READ_ACTIONS: readonly DynamoAction[] = ['GetItem', 'Query', 'BatchGetItem'];

/**
 * A function's table access: the actions its reachable store functions send, and whether one
 * queries gsi1. The CDK app grants exactly this; test/infra/access-map.test.ts derives the same
 * union from the code (tree-shaken bundle, store function bodies) and fails when it says more or less.
 * Every page function (the workbench's) also reads the session on each request (GetItem), refreshes its
 * roles every few minutes (UpdateItem) and deletes it when the provider refuses the refresh (DeleteItem).
 * Pages that say who did something read their names from the people directory (store/people.ts: BatchGetItem).
 */
export interface DataAccess {
  readonly actions: readonly DynamoAction[];
  readonly index?: boolean;
}

export const NO_DATA: DataAccess = { actions: [] };

export function isReadOnly(data: DataAccess): boolean {
  return data.actions.every((a) => READ_ACTIONS.includes(a));
}

/** The work queues (shared/queue/): a function that sends to one gets its URL and SendMessage. */
export type QueueName = 'aggregation' | 'jobs';

/** What every function declares in its own file, whatever starts it. */
interface FunctionParts<F extends string> {
  /** functions/<fn>.ts, and this file's name. */
  readonly fn: F;
  readonly data: DataAccess;
  /** Its bundle reads shared/texts/, so they are copied beside it (infra/stacks/extra-files.ts; `npm run build` checks it). */
  readonly readsTexts?: boolean;
  readonly sendsTo?: readonly QueueName[];
  /** It seals or opens invitation batches' secrets (shared/domain/batch-secrets.ts): only such a function gets the invitation key. */
  readonly sealsInvitationBatches?: boolean;
}

type Extra = Omit<FunctionParts<string>, 'fn' | 'data'>;

/** A function behind the HTTP API: its routes (every one naming it) and what it may do. */
export interface HttpFunction<F extends string = string, R extends readonly RouteSpec[] = readonly RouteSpec[]> extends FunctionParts<F> {
  readonly kind: 'http';
  readonly routes: R;
}

/** A function EventBridge runs on a schedule (locally, a timer does). */
export interface ScheduledFunction<F extends string = string> extends FunctionParts<F> {
  readonly kind: 'schedule';
  readonly everySeconds: number;
  readonly summary: string;
}

/** A function fed by the table's stream (an event source mapping in AWS; locally infra/local/streams.ts). */
export interface StreamFunction<F extends string = string> extends FunctionParts<F> {
  readonly kind: 'stream';
  readonly batchSize: number;
  readonly summary: string;
}

/**
 * A function fed by a queue (an SQS event source mapping in AWS, at most `maxConcurrency` at
 * once; locally infra/local/queues.ts). The queue's URL reaches its senders as `env`.
 */
export interface QueueFunction<F extends string = string> extends FunctionParts<F> {
  readonly kind: 'queue';
  readonly queue: QueueName;
  readonly env: string;
  readonly batchSize: number;
  readonly maxConcurrency: number;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly summary: string;
}

/** API Gateway's own check in front of routes (an HTTP API Lambda authorizer): it serves no route itself. */
export interface AuthorizerFunction<F extends string = string> extends FunctionParts<F> {
  readonly kind: 'authorizer';
  readonly summary: string;
}

export type AnyFunction = HttpFunction | ScheduledFunction | StreamFunction | QueueFunction | AuthorizerFunction;

/**
 * A function with routes (every route must name it: a route of another function's file is a type
 * error), then in one object what it may do to the table and what else it says of itself.
 */
export function httpFunction<F extends string, R extends readonly (RouteSpec & { fn: F })[]>(
  fn: F,
  routes: R,
  { actions, index, ...extra }: DataAccess & Extra,
): HttpFunction<F, R> {
  return { kind: 'http', fn, routes, data: index === undefined ? { actions } : { actions, index }, ...extra };
}

export function scheduledFunction<F extends string>(spec: Omit<ScheduledFunction<F>, 'kind'>): ScheduledFunction<F> {
  return { kind: 'schedule', ...spec };
}

export function streamFunction<F extends string>(spec: Omit<StreamFunction<F>, 'kind'>): StreamFunction<F> {
  return { kind: 'stream', ...spec };
}

export function authorizerFunction<F extends string>(spec: Omit<AuthorizerFunction<F>, 'kind'>): AuthorizerFunction<F> {
  return { kind: 'authorizer', ...spec };
}

export function queueFunction<F extends string>(spec: Omit<QueueFunction<F>, 'kind'>): QueueFunction<F> {
  return { kind: 'queue', ...spec };
}
