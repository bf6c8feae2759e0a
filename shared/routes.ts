/**
 * The one table of functions. Each function declares, in its own file shared/route-table/<fn>.ts,
 * its routes (or what else starts it: a schedule, the table's stream, a queue) and what it may do
 * to the table; this file only joins them. The local router, the CDK app (routes, authorizer,
 * one Lambda per `fn` with exactly its table access), `npm run build`, the role tests, the access
 * map and GET /openapi.json are all generated from the join, so a function added here is served,
 * deployed, granted, documented and tested in one step (test/unit/function-table.test.ts).
 *
 * A function's handler is given only its own routes (`httpHandler(<fn>Routes, ...)`), so its
 * bundle carries only its own routes' schemas. The arrows go one way: the files import
 * route-table/spec.ts, never this file.
 */
import { healthFunction } from './route-table/health';
import { openapiFunction } from './route-table/openapi';
import { questionBankFunction } from './route-table/question-bank';
import { inspectionsFunction } from './route-table/inspections';
import { casesFunction } from './route-table/cases';
import { csvImportsFunction } from './route-table/csv-imports';
import { leadershipFunction } from './route-table/leadership';
import { invitationsFunction } from './route-table/invitations';
import { questionnairesFunction } from './route-table/questionnaires';
import { questionnairePagesFunction } from './route-table/questionnaire-pages';
import { assetsFunction } from './route-table/assets';
import { eraseResponsesFunction } from './route-table/erase-responses';
import { conclusionsFunction } from './route-table/conclusions';
import { summaryFunction } from './route-table/summary';
import { reportFunction } from './route-table/report';
import { reportLinkFunction } from './route-table/report-link';
import { reportCssFunction } from './route-table/report-css';
import { signInFunction } from './route-table/sign-in';
import { workbenchFunction } from './route-table/workbench';
import { workbenchSummaryFunction } from './route-table/workbench-summary';
import { workbenchCasesFunction } from './route-table/workbench-cases';
import { workbenchManageFunction } from './route-table/workbench-manage';
import { workbenchFindingsFunction } from './route-table/workbench-findings';
import { paperResponsesFunction } from './route-table/paper-responses';
import { servicePagesFunction } from './route-table/service-pages';
import { workbenchPaperFunction } from './route-table/workbench-paper';
import { evidenceFunction } from './route-table/evidence';
import { workbenchModerationFunction } from './route-table/workbench-moderation';
import { writeUpFunction } from './route-table/write-up';
import { releasesFunction } from './route-table/releases';
import { workbenchPublishFunction } from './route-table/workbench-publish';
import { meetingsFunction } from './route-table/meetings';
import { improvementPlanFunction } from './route-table/improvement-plan';
import { workbenchMeetingsFunction } from './route-table/workbench-meetings';
import { workbenchPlanFunction } from './route-table/workbench-plan';
import { originAuthorizerFunction } from './route-table/origin-authorizer';
import { aggregateFunction } from './route-table/aggregate';
import { markStaleFunction } from './route-table/mark-stale';
import { aggregateWorkerFunction } from './route-table/aggregate-worker';
import { jobsWorkerFunction } from './route-table/jobs-worker';
import { findRouteIn, routeKeyOf, type AnyFunction, type DataAccess, type QueueName, type RouteSpec as AnyRouteSpec } from './route-table/spec';

export * from './route-table/spec';

/** Every function: one line each, in the order their routes are matched and documented. */
export const httpFunctions = [
  healthFunction,
  openapiFunction,
  questionBankFunction,
  inspectionsFunction,
  casesFunction,
  csvImportsFunction,
  leadershipFunction,
  invitationsFunction,
  questionnairesFunction,
  questionnairePagesFunction,
  assetsFunction,
  eraseResponsesFunction,
  conclusionsFunction,
  summaryFunction,
  reportFunction,
  reportLinkFunction,
  reportCssFunction,
  signInFunction,
  workbenchFunction,
  workbenchSummaryFunction,
  workbenchCasesFunction,
  workbenchManageFunction,
  workbenchFindingsFunction,
  paperResponsesFunction,
  servicePagesFunction,
  workbenchPaperFunction,
  evidenceFunction,
  workbenchModerationFunction,
  writeUpFunction,
  releasesFunction,
  workbenchPublishFunction,
  meetingsFunction,
  improvementPlanFunction,
  workbenchMeetingsFunction,
  workbenchPlanFunction,
] as const;

const backgroundFunctions = [aggregateFunction, markStaleFunction, aggregateWorkerFunction, jobsWorkerFunction] as const;

/** API Gateway's own checks in front of routes. */
export const authorizerFunctions = [originAuthorizerFunction] as const;

export const allFunctionSpecs: readonly AnyFunction[] = [...httpFunctions, ...backgroundFunctions, ...authorizerFunctions];

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
export const schedules: readonly { fn: string; everySeconds: number; summary: string; data: DataAccess }[] = backgroundFunctions.filter(
  (f) => f.kind === 'schedule',
);

/**
 * Functions fed by the table's stream (an event source mapping in AWS; locally
 * infra/local/streams.ts): changes are noticed here, off the request path.
 */
export const streamConsumers: readonly { fn: string; batchSize: number; summary: string; data: DataAccess }[] = backgroundFunctions.filter(
  (f) => f.kind === 'stream',
);

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
}[] = backgroundFunctions.filter((f) => f.kind === 'queue').map((f) => ({ ...f, senders: sendersTo(f.queue) }));
