/**
 * The one route table. The local router, the CDK app (routes, authorizer, one Lambda per
 * `fn`), the role tests and GET /openapi.json are all generated from it, so a route added
 * here is served, deployed, documented and tested for its roles in one step.
 *
 * Each function's routes live in shared/route-table/<fn>.ts, joined here in one table; a
 * function's handler is given only its own (`httpHandler(<fn>Routes, ...)`), so its bundle
 * carries only its own routes' schemas. A new route goes into its function's file.
 */
import { JOBS_MAX_RECEIVE_COUNT } from './core/timeouts';
import { findRouteIn, routeKeyOf, type RouteSpec } from './route-table/spec';
import { healthRoutes } from './route-table/health';
import { openapiRoutes } from './route-table/openapi';
import { questionBankRoutes } from './route-table/question-bank';
import { inspectionsRoutes } from './route-table/inspections';
import { casesRoutes } from './route-table/cases';
import { csvImportsRoutes } from './route-table/csv-imports';
import { leadershipRoutes } from './route-table/leadership';
import { invitationsRoutes } from './route-table/invitations';
import { questionnairesRoutes } from './route-table/questionnaires';
import { questionnairePagesRoutes } from './route-table/questionnaire-pages';
import { assetsRoutes } from './route-table/assets';
import { eraseResponsesRoutes } from './route-table/erase-responses';
import { conclusionsRoutes } from './route-table/conclusions';
import { summaryRoutes } from './route-table/summary';
import { reportRoutes } from './route-table/report';
import { reportCssRoutes } from './route-table/report-css';
import { signInRoutes } from './route-table/sign-in';
import { workbenchRoutes } from './route-table/workbench';
import { workbenchSummaryRoutes } from './route-table/workbench-summary';
import { workbenchCasesRoutes } from './route-table/workbench-cases';
import { workbenchManageRoutes } from './route-table/workbench-manage';
import { workbenchFindingsRoutes } from './route-table/workbench-findings';
import { paperResponsesRoutes } from './route-table/paper-responses';
import { servicePagesRoutes } from './route-table/service-pages';
import { workbenchPaperRoutes } from './route-table/workbench-paper';
import { evidenceRoutes } from './route-table/evidence';
import { workbenchModerationRoutes } from './route-table/workbench-moderation';
import { writeUpRoutes } from './route-table/write-up';
import { releasesRoutes } from './route-table/releases';
import { workbenchPublishRoutes } from './route-table/workbench-publish';
import { meetingsRoutes } from './route-table/meetings';
import { improvementPlanRoutes } from './route-table/improvement-plan';
import { workbenchMeetingsRoutes } from './route-table/workbench-meetings';
import { workbenchPlanRoutes } from './route-table/workbench-plan';

export * from './route-table/spec';

/** The DynamoDB actions the store can send (Scan is not among them: no code scans the table). */
export const DYNAMO_ACTIONS = ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems', 'ConditionCheckItem', 'BatchGetItem'] as const;
export type DynamoAction = (typeof DYNAMO_ACTIONS)[number];
export const READ_ACTIONS: readonly DynamoAction[] = ['GetItem', 'Query', 'BatchGetItem'];

/** A function's table access: the actions its reachable store functions send, and whether one queries gsi1. */
export interface DataAccess {
  readonly actions: readonly DynamoAction[];
  readonly index?: boolean;
}

export const NO_DATA: DataAccess = { actions: [] };

export function isReadOnly(data: DataAccess): boolean {
  return data.actions.every((a) => READ_ACTIONS.includes(a));
}

/**
 * Every HTTP function and what it may do to the table, declared once per function (the CDK
 * app grants exactly this, nothing more): a function's routes share one Lambda and one role.
 * Each entry is the union of what the store functions its handler can reach send to DynamoDB;
 * test/infra/access-map.test.ts derives that union from the code (tree-shaken bundle, store
 * function bodies) and fails when an entry says more or less.
 */
export const functionData = {
  // Every page function (the workbench's) also reads the session on each request (GetItem), refreshes its
  // roles every few minutes (UpdateItem) and deletes it when the provider refuses the refresh (DeleteItem).
  // Pages that say who did something read their names from the people directory (store/people.ts: BatchGetItem);
  // signing in writes the person's name there (PutItem).
  health: NO_DATA,
  openapi: NO_DATA,
  'question-bank': NO_DATA,
  // createInspection (with its area's list, one transaction), getInspection, listInspections (the one query of gsi1);
  // deleteInspection: marked (UpdateItem), every item of its partitions deleted (Query, BatchWriteItem, DeleteItem).
  inspections: { actions: ['BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'], index: true },
  // putCase, getCase, listCases (the table's stream marks the inspection stale, not the request). Every input write is a
  // transaction fenced on the inspection's item (store/fence.ts: TransactWriteItems with a ConditionCheckItem), and the
  // first of its kind moves the stage on (advanceStage: UpdateItem); imports and invitation batches hold a writer's lease (UpdateItem).
  cases: { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // The CSV uploads: cases (putCase for each row, all or nothing), the performance figures; the template.
  // An upload's Idempotency-Key record (shared/store/idempotency.ts): claimed, answered (UpdateItem), let go (DeleteItem).
  'csv-imports': { actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'TransactWriteItems', 'UpdateItem'] },
  // putGrade, putConclusion; getInspection.
  leadership: { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems'] },
  conclusions: { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems'] },
  // createInvitations (one batch item and the links' slots by BatchWriteItem); getInspection; the references a
  // hundred to a transaction; a batch's sealed secret put, read and deleted, the batch marked sent (UpdateItem);
  // the Idempotency-Key record.
  invitations: { actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // getSlot (a page, a refused send with bad answers); sendToSlot: the one conditional UpdateItem of a send.
  questionnaires: { actions: ['GetItem', 'UpdateItem'] },
  // The same, plus saveDraftAnswer and saveAnswerLanguage (UpdateItem).
  'questionnaire-pages': { actions: ['GetItem', 'UpdateItem'] },
  assets: NO_DATA,
  // eraseResponses (queryPages, then writeAll's deletes); the summary snapshot rewritten without comments.
  'erase-responses': { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'] },
  // latestSummary reads every input of an inspection and caches the snapshot it computes (and its comment pages: BatchWriteItem);
  // a recompute asked for takes the stale marker it covered (clearStale: DeleteItem).
  summary: { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem', 'DeleteItem'] },
  // The summary as above; putReportLink and revokeReportLink are transactions (Put, Update).
  report: { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem', 'TransactWriteItems', 'BatchWriteItem'] },
  'report-css': NO_DATA,
  // The workbench (issues 12, 25). Signing in and out: the sessions (Put, Get, refresh, Delete), the state spent
  // at the callback (a conditional Put); the admin's list of who is signed in (gsi1), ending a person's sessions.
  'sign-in': { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], index: true },
  // Lists inspections (gsi1), creates them, uploads cases, shows summaries, recomputes (taking the stale marker: DeleteItem).
  workbench: { actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'], index: true },
  'workbench-summary': { actions: ['BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'] },
  'workbench-cases': { actions: ['BatchGetItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // ... and the invitations page: a batch's sealed secret deleted when it is marked sent, the form token's record let go (DeleteItem).
  // Deleting an inspection reads its area's inspections from the list (gsi1) when the area predates its own list.
  'workbench-manage': { actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'], index: true },
  // Paper returns (issue 15): find the invitation by its reference, store the response once; the reminders file.
  'paper-responses': { actions: ['GetItem', 'UpdateItem'] },
  'workbench-paper': { actions: ['GetItem', 'Query', 'UpdateItem', 'DeleteItem'] },
  // Evidence beyond the case file (issue 14): second markings, interviews, performance figures, the caseload.
  evidence: { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems'] },
  'workbench-moderation': { actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // The accessibility statement and privacy notice: static pages.
  'service-pages': NO_DATA,
  // The report's authored text: getInspection, getWriteUp, putWriteUp (a conditional Put).
  'write-up': { actions: ['ConditionCheckItem', 'GetItem', 'PutItem', 'TransactWriteItems', 'UpdateItem'] },
  // Releases: the summary recomputed (reads every input, caches the snapshot), the frozen files
  // put, the inspection closed and reopened by conditional updates; a release's files read back.
  // A release's or reopening's Idempotency-Key record: claimed (PutItem), answered (UpdateItem), let go (DeleteItem).
  releases: { actions: ['BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // The workbench's write-up, releases, reopening and breakdowns pages: the same use cases as the JSON routes.
  'workbench-publish': { actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // Drafted findings: the summary as the summary function reads it, the write-up as the write-up function.
  'workbench-findings': { actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // Meetings met in person (issue 29): putMeeting, getMeeting, listMeetings, deleteMeeting; getInspection.
  meetings: { actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems'] },
  // The improvement plan: getImprovementPlan, putImprovementPlan (conditional Put), the releases listed, the write-up read; annexes put and read.
  'improvement-plan': { actions: ['GetItem', 'PutItem', 'Query'] },
  // The workbench's meetings pages: the same use cases as the meetings function.
  'workbench-meetings': { actions: ['ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  // The workbench's improvement plan: the same use cases as the improvement-plan function.
  'workbench-plan': { actions: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'] },
} as const satisfies Record<string, DataAccess>;

export type FunctionName = keyof typeof functionData;

export const routes = [
  ...healthRoutes,
  ...openapiRoutes,
  ...questionBankRoutes,
  ...inspectionsRoutes,
  ...casesRoutes,
  ...csvImportsRoutes,
  ...leadershipRoutes,
  ...invitationsRoutes,
  ...questionnairesRoutes,
  ...questionnairePagesRoutes,
  ...assetsRoutes,
  ...eraseResponsesRoutes,
  ...conclusionsRoutes,
  ...summaryRoutes,
  ...reportRoutes,
  ...reportCssRoutes,
  ...signInRoutes,
  ...workbenchRoutes,
  ...workbenchSummaryRoutes,
  ...workbenchCasesRoutes,
  ...workbenchManageRoutes,
  ...workbenchFindingsRoutes,
  ...paperResponsesRoutes,
  ...servicePagesRoutes,
  ...workbenchPaperRoutes,
  ...evidenceRoutes,
  ...workbenchModerationRoutes,
  ...writeUpRoutes,
  ...releasesRoutes,
  ...workbenchPublishRoutes,
  ...meetingsRoutes,
  ...improvementPlanRoutes,
  ...workbenchMeetingsRoutes,
  ...workbenchPlanRoutes,
] as const satisfies readonly RouteSpec[];

/** Each route's own entry, by its key ('PUT /inspections/{id}/cases/{caseRef}'), with its literal types kept. */
export type RouteByKey = { [R in (typeof routes)[number] as `${R['method']} ${R['path']}`]: R };
export type RouteKey = keyof RouteByKey;


/**
 * A key names one deployed route, and at most one local stand-in for it: `localOnly` picks
 * which. (None has one since the local sign-in became a real OpenID Connect provider, issue 25.)
 */
export function findRoute(key: string, localOnly = false): RouteSpec | undefined {
  return findRouteIn(routes, key, localOnly);
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
  return (Object.keys(functionData) as FunctionName[]).filter((fn) => deployed.has(fn));
}



/** Functions EventBridge runs on a schedule (locally, a timer does). */
export const schedules: readonly { fn: string; everySeconds: number; summary: string; data: DataAccess }[] = [
  {
    fn: 'aggregate',
    everySeconds: 60,
    summary: 'Hand each inspection whose inputs changed to the aggregation queue',
    // listStale, claimDispatch (UpdateItem); then the queue (queueConsumers below). fieldworkWindows: the listing's index.
    data: { actions: ['Query', 'UpdateItem'], index: true },
  },
];

/**
 * Functions fed by the table's stream (an event source mapping in AWS; locally
 * infra/local/streams.ts): changes are noticed here, off the request path.
 */
export const streamConsumers: readonly { fn: string; batchSize: number; summary: string; data: DataAccess }[] = [
  {
    fn: 'mark-stale',
    batchSize: 100,
    summary: 'Mark stale the inspections whose inputs a batch of writes changed',
    // markStale: one blind put per inspection per batch.
    data: { actions: ['PutItem'] },
  },
];

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
}[] = [
  {
    fn: 'aggregate-worker',
    queue: 'aggregation',
    env: 'AGGREGATION_QUEUE_URL',
    senders: ['aggregate'],
    batchSize: 1,
    maxConcurrency: 5,
    // Twice the worker's 60 s timeout, and the dispatcher's window (DISPATCH_WINDOW_MS).
    visibilityTimeoutSeconds: 120,
    maxReceiveCount: 3,
    summary: 'Recompute one stale inspection: read its inputs, write its snapshot and comment pages, then clear its marker if unchanged',
    // computeSummary's reads, putSummarySnapshot, putCommentPages/deleteCommentPages (BatchWriteItem), clearStale (DeleteItem).
    data: { actions: ['GetItem', 'PutItem', 'Query', 'DeleteItem', 'BatchWriteItem'] },
  },
  {
    fn: 'jobs-worker',
    queue: 'jobs',
    env: 'JOBS_QUEUE_URL',
    // The routes that hand long work over (`mayBeJob`), and the pages that call the same use cases.
    senders: ['releases', 'workbench-publish', 'invitations', 'workbench-manage', 'csv-imports', 'workbench'],
    batchSize: 1,
    maxConcurrency: 2,
    // Twice the worker's 60 s timeout: a delivery is taken again only once the last one has surely stopped.
    visibilityTimeoutSeconds: 120,
    maxReceiveCount: JOBS_MAX_RECEIVE_COUNT,
    summary: 'Do one job handed over by a route that answered 202 (a release of a large inspection, a large batch of invitations, a large CSV upload), all or nothing, and finish it once',
    // getJob, getJobParts, setJobDoing, finishJob; a release's steps (releases.ts runRelease) and its undo; a batch's writes; an import's (putCases).
    data: { actions: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem'] },
  },
];
