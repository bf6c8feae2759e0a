/**
 * The one table of functions. Each function declares, in its own file shared/route-table/<fn>.ts,
 * its routes (or what else starts it: a schedule, the table's stream, a queue) and what it may do
 * to the table; this file only joins them. The local router, the CDK app (routes, authorizer,
 * one Lambda per `fn` with exactly its table access), `npm run build`, the role tests, the access
 * map and GET /openapi.json are all generated from the join, so a function added here is served,
 * deployed, granted, documented and tested in one step (test/unit/function-table.test.ts). No
 * list here: shared/route-table/index.generated.ts imports every file of the folder (written by
 * `npm run route-index`, which every entry point runs first), so a new file is joined as it is.
 *
 * A function's handler is given only its own routes (`httpHandler(<fn>Routes, ...)`), so its
 * bundle carries only its own routes' schemas. The arrows go one way: the files import
 * route-table/spec.ts, never this file.
 */
import { declaredFunctions } from './route-table/index.generated';
import { findRouteIn, routeKeyOf, type AnyFunction, type DataAccess, type QueueName, type RouteSpec as AnyRouteSpec } from './route-table/spec';

export * from './route-table/spec';

type Declared = (typeof declaredFunctions)[number];
const ofKind = <K extends Declared['kind']>(kind: K) => declaredFunctions.filter((f): f is Extract<Declared, { kind: K }> => f.kind === kind);

/** Every function behind the HTTP API, by file name (the order routes are documented in; matching is by specificity). */
export const httpFunctions = ofKind('http');

/** API Gateway's own checks in front of routes (the stack puts the first in front of every route without a JWT one). */
export const authorizerFunctions = atLeastOne(ofKind('authorizer'));

function atLeastOne<T>(list: readonly T[]): readonly [T, ...T[]] {
  if (list.length === 0) throw new Error('shared/route-table/ declares no authorizer function');
  return list as readonly [T, ...T[]];
}

export const allFunctionSpecs: readonly AnyFunction[] = declaredFunctions;

export type FunctionName = (typeof httpFunctions)[number]['fn'];

/** A route of the table: its `fn` one of the functions above. */
export type RouteSpec = AnyRouteSpec & { fn: FunctionName };

/** Every HTTP function and what it may do to the table (the CDK app grants exactly this, nothing more). */
export const functionData = Object.fromEntries(httpFunctions.map((f) => [f.fn, f.data])) as Record<FunctionName, DataAccess>;

type TableRoute = (typeof httpFunctions)[number]['routes'][number];

export const routes: readonly TableRoute[] = httpFunctions.flatMap((f): readonly TableRoute[] => f.routes);

/** Each route's own entry, by its key ('PUT /inspections/{id}/cases/{caseRef}'), with its literal types kept. */
export type RouteByKey = { [R in TableRoute as `${R['method']} ${R['path']}`]: R };
export type RouteKey = keyof RouteByKey;

/**
 * A key names one deployed route, and at most one local stand-in for it: `localOnly` picks
 * which. (None has one since the local sign-in became a real OpenID Connect provider, issue 25.)
 */
export function findRoute(key: string, localOnly = false): RouteSpec | undefined {
  return findRouteIn(routes, key, localOnly) as RouteSpec | undefined;
}

/** What AWS gets: every route but the local stand-ins. */
export function deployedRoutes(list: readonly RouteSpec[] = routes): RouteSpec[] {
  return list.filter((r) => !r.localOnly);
}

/** What this machine serves: a local stand-in replaces the deployed route with its key. */
export function localRoutes(list: readonly RouteSpec[] = routes): RouteSpec[] {
  const standIns = new Set(list.filter((r) => r.localOnly).map(routeKeyOf));
  return list.filter((r) => r.localOnly || !standIns.has(routeKeyOf(r)));
}

/** The deployable functions (`npm run build`, the CDK app): never one that serves only local stand-ins. */
export function functionNames(): FunctionName[] {
  const deployed = new Set(deployedRoutes().map((r) => r.fn));
  return httpFunctions.map((f) => f.fn).filter((fn) => deployed.has(fn));
}

/** The functions that send to `queue` (each says so in its own file: `sendsTo`). */
const sendersTo = (queue: QueueName): string[] => allFunctionSpecs.filter((f) => f.sendsTo?.includes(queue)).map((f) => f.fn);

/** Functions EventBridge runs on a schedule (locally, a timer does). */
export const schedules: readonly { fn: string; everySeconds: number; summary: string; data: DataAccess }[] = ofKind('schedule');

/**
 * Functions fed by the table's stream (an event source mapping in AWS; locally
 * infra/local/streams.ts): changes are noticed here, off the request path.
 */
export const streamConsumers: readonly { fn: string; batchSize: number; summary: string; data: DataAccess }[] = ofKind('stream');

/**
 * Functions fed by a queue (an SQS event source mapping in AWS, at most `maxConcurrency` at
 * once; locally infra/local/queues.ts). The queue's URL reaches its senders as `env`.
 */
export const queueConsumers: readonly {
  fn: string;
  queue: string;
  env: string;
  senders: readonly string[];
  batchSize: number;
  maxConcurrency: number;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
  summary: string;
  data: DataAccess;
}[] = ofKind('queue').map((f) => ({ ...f, senders: sendersTo(f.queue) }));
