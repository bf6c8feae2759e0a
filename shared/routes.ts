/**
 * The one route table. The local router, the CDK app (routes, authorizer, one Lambda per
 * `fn`), the role tests and GET /openapi.json are all generated from it, so a route added
 * here is served, deployed, documented and tested for its roles in one step.
 */
import * as z from 'zod/mini';
import { ROLES, type Role } from './core/roles';
import { CaseInput, CaseList, CaseRecorded, CasesImported, CaseWithHistory } from './schemas/case';
import { Health } from './schemas/common';
import {
  AreaContext,
  ContextRecorded,
  InterviewInput,
  InterviewRecorded,
  PerformanceFiguresRecorded,
  QuestionBankWithInterviews,
  SecondMarkingInput,
  SecondMarkingRecorded,
} from './schemas/evidence';
import {
  Conclusion,
  ConclusionRecorded,
  CreateInspection,
  Inspection,
  InspectionList,
  LeadershipRecorded,
  PutLeadership,
  ResponsesErased,
} from './schemas/inspection';
import { CreatedInvitations, CreateInvitations, PaperResponseBody, PaperResponseReceived, ResponseBody, ResponseReceived } from './schemas/invitation';
import { QuestionnaireDefinition } from './schemas/questionnaire';
import { Summary, SummaryCommentPage } from './schemas/summary';
import { ReportLinkCreated, ReportLinkList, ReportLinkWithdrawn } from './schemas/report';
import { WriteUp } from './schemas/write-up';
import { CreateRelease, ReleaseCreated, ReleaseList } from './schemas/release';

/** Every report route takes ?lang=cy (contract, "Write-up and releases"). */
const ReportQuery = z.object({ lang: z.optional(z.enum(['en', 'cy'])) });

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `public`: no credentials at all. `token`: the questionnaire token in the path is the credential. */
export type Access = 'public' | 'token' | readonly Role[];

export type BodySpec =
  | { kind: 'json'; schema: z.ZodMiniType }
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
  /** For OpenAPI: the 2xx body. */
  response?: { status: number; contentType: 'application/json' | 'text/html' | 'text/csv'; schema?: z.ZodMiniType };
}

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
  health: NO_DATA,
  openapi: NO_DATA,
  'question-bank': NO_DATA,
  // createInspection, getInspection, listInspections (the one query of gsi1).
  inspections: { actions: ['GetItem', 'PutItem', 'Query'], index: true },
  // putCase, getCase, listCases (the table's stream marks the inspection stale, not the request).
  cases: { actions: ['GetItem', 'PutItem', 'Query'] },
  // putGrade, putConclusion; getInspection.
  leadership: { actions: ['GetItem', 'PutItem'] },
  conclusions: { actions: ['GetItem', 'PutItem'] },
  // createInvitations (one batch item and the links' slots by BatchWriteItem); getInspection.
  invitations: { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'] },
  // getSlot (a page, a refused send with bad answers); sendToSlot: the one conditional UpdateItem of a send.
  questionnaires: { actions: ['GetItem', 'UpdateItem'] },
  // The same, plus saveDraftAnswer and saveAnswerLanguage (UpdateItem).
  'questionnaire-pages': { actions: ['GetItem', 'UpdateItem'] },
  assets: NO_DATA,
  // eraseResponses (queryPages, then writeAll's deletes); the summary snapshot rewritten without comments.
  'erase-responses': { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'] },
  // latestSummary reads every input of an inspection and caches the snapshot it computes (and its comment pages: BatchWriteItem).
  summary: { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'] },
  // The summary as above; putReportLink and revokeReportLink are transactions (Put, Update).
  report: { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem', 'TransactWriteItems', 'BatchWriteItem'] },
  'report-css': NO_DATA,
  // The workbench (issue 12). `local-sign-in` serves only localOnly routes: never built or deployed.
  'sign-in': NO_DATA,
  'local-sign-in': NO_DATA,
  // Lists inspections (gsi1), creates them, uploads cases, shows summaries.
  workbench: { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'], index: true },
  'workbench-summary': { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'] },
  'workbench-cases': { actions: ['GetItem', 'PutItem', 'Query'] },
  'workbench-manage': { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem', 'BatchWriteItem', 'TransactWriteItems'] },
  // Paper returns (issue 15): find the invitation by its reference, store the response once; the reminders file.
  'paper-responses': { actions: ['GetItem', 'UpdateItem'] },
  'workbench-paper': { actions: ['GetItem', 'Query', 'UpdateItem'] },
  // Evidence beyond the case file (issue 14): second markings, interviews, performance figures, the caseload.
  evidence: { actions: ['GetItem', 'PutItem', 'Query'] },
  'workbench-moderation': { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'] },
  // The accessibility statement and privacy notice: static pages.
  'service-pages': NO_DATA,
  // The report's authored text: getInspection, getWriteUp, putWriteUp (a conditional Put).
  'write-up': { actions: ['GetItem', 'PutItem'] },
  // Releases: the summary recomputed (reads every input, caches the snapshot), the frozen files
  // put, the inspection closed and reopened by conditional updates; a release's files read back.
  releases: { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem', 'BatchWriteItem'] },
  // The workbench's write-up, releases, reopening and breakdowns pages: the same use cases as the JSON routes.
  'workbench-publish': { actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem', 'BatchWriteItem'] },
  // Drafted findings: the summary as the summary function reads it, the write-up as the write-up function.
  'workbench-findings': { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'] },
} as const satisfies Record<string, DataAccess>;

export type FunctionName = keyof typeof functionData;

export const SIGNED_IN: readonly Role[] = ROLES;
export const INSPECTORS: readonly Role[] = ['inspector', 'admin'];
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** The browser's CSV upload: the 5 MB the JSON route takes, plus the form's own framing, under Lambda's 6 MB. */
export const UPLOAD_MAX_BODY_BYTES = 6 * 1024 * 1024;
/** A respondent's answers: a few thousand characters of text at most, even URL-encoded. */
export const RESPONDENT_MAX_BODY_BYTES = 64 * 1024;

export const routes = [
  {
    method: 'GET',
    path: '/health',
    fn: 'health',
    access: 'public',
    summary: 'Liveness check',
    response: { status: 200, contentType: 'application/json', schema: Health },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    fn: 'openapi',
    access: 'public',
    summary: 'This API described in OpenAPI 3.1',
    response: { status: 200, contentType: 'application/json' },
  },
  {
    method: 'GET',
    path: '/question-bank',
    fn: 'question-bank',
    access: SIGNED_IN,
    summary: 'The current Offender Management question bank (or ?version=)',
    query: z.object({ version: z.optional(z.string().check(z.maxLength(40))) }),
    response: { status: 200, contentType: 'application/json', schema: QuestionBankWithInterviews },
  },
  {
    method: 'POST',
    path: '/inspections',
    fn: 'inspections',
    access: ['admin'],
    summary: 'Create an inspection, pinned to the current question bank',
    body: { kind: 'json', schema: CreateInspection },
    response: { status: 201, contentType: 'application/json', schema: Inspection },
  },
  {
    method: 'GET',
    path: '/inspections',
    fn: 'inspections',
    access: SIGNED_IN,
    summary: 'List inspections, newest first',
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
    response: { status: 200, contentType: 'application/json', schema: InspectionList },
  },
  {
    method: 'GET',
    path: '/inspections/{id}',
    fn: 'inspections',
    access: SIGNED_IN,
    summary: 'One inspection',
    response: { status: 200, contentType: 'application/json', schema: Inspection },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/cases/{caseRef}',
    fn: 'cases',
    access: INSPECTORS,
    summary: "Create (201) or replace (200) one case's profile and judgements",
    body: { kind: 'json', schema: CaseInput },
    response: { status: 201, contentType: 'application/json', schema: CaseRecorded },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/cases/{caseRef}',
    fn: 'cases',
    access: SIGNED_IN,
    summary: 'One case, with its earlier versions (who and when)',
    response: { status: 200, contentType: 'application/json', schema: CaseWithHistory },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/cases',
    fn: 'cases',
    access: SIGNED_IN,
    summary: "The inspection's cases, a page at a time",
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
    response: { status: 200, contentType: 'application/json', schema: CaseList },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/cases',
    fn: 'cases',
    access: INSPECTORS,
    summary: 'Upload many cases as CSV, all or nothing',
    body: { kind: 'csv' },
    maxBodyBytes: 5 * 1024 * 1024,
    response: { status: 200, contentType: 'application/json', schema: CasesImported },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/cases-template.csv',
    fn: 'cases',
    access: SIGNED_IN,
    summary: "A CSV template (header row) for the inspection's question bank",
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/leadership/{criterionId}',
    fn: 'leadership',
    access: INSPECTORS,
    summary: 'Grade a leadership criterion (4.1-4.6)',
    body: { kind: 'json', schema: PutLeadership },
    response: { status: 201, contentType: 'application/json', schema: LeadershipRecorded },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/invitations',
    fn: 'invitations',
    access: ['admin'],
    summary: 'Issue one-time questionnaire links; `Accept: text/csv` or `?format=csv` returns them as CSV for a mail merge',
    body: { kind: 'json', schema: CreateInvitations },
    query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
    response: { status: 201, contentType: 'application/json', schema: CreatedInvitations },
  },
  {
    method: 'GET',
    path: '/questionnaires/{token}',
    fn: 'questionnaires',
    access: 'token',
    summary: "The questionnaire for the token's audience and language (404 unknown, 409 already sent, 410 expired)",
    response: { status: 200, contentType: 'application/json', schema: QuestionnaireDefinition },
  },
  {
    method: 'POST',
    path: '/questionnaires/{token}/responses',
    fn: 'questionnaires',
    access: 'token',
    summary: 'Send the answers, once: 201, then 409 for the same token; 410 when expired',
    body: { kind: 'json', schema: ResponseBody },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
    response: { status: 201, contentType: 'application/json', schema: ResponseReceived },
  },
  {
    method: 'GET',
    path: '/q/{token}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'The questionnaire as web pages: the start page, or back to the first unanswered question',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/q/{token}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Start (or carry on): redirects to the first unanswered question',
    body: { kind: 'form' },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  },
  {
    method: 'GET',
    path: '/q/{token}/check',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Check your answers before sending',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/q/{token}/check',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Send the saved answers, once; redirects to the confirmation page',
    body: { kind: 'form' },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  },
  {
    method: 'GET',
    path: '/q/{token}/saved',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Your answers have been saved: come back with the same link',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/q/{token}/sent',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Confirmation: questionnaire sent',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/q/{token}/{questionId}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'One question',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/q/{token}/{questionId}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Answer one question (kept as a draft); redirects to the next page',
    body: { kind: 'form' },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  },
  {
    method: 'GET',
    path: '/assets/{path+}',
    fn: 'assets',
    access: 'public',
    servedByEdge: true,
    summary: "GOV.UK Frontend's CSS, JavaScript, fonts and images for the pages",
  },
  {
    method: 'DELETE',
    path: '/inspections/{id}/responses',
    fn: 'erase-responses',
    access: ['admin'],
    summary: "Erase every questionnaire response and draft of an inspection (the summary keeps its figures and loses its comments)",
    response: { status: 200, contentType: 'application/json', schema: ResponsesErased },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/conclusions/{criterionId}',
    fn: 'conclusions',
    access: INSPECTORS,
    summary: "Record the lead inspector's conclusion on a scored criterion (the report uses it over the suggested band)",
    body: { kind: 'json', schema: Conclusion },
    response: { status: 201, contentType: 'application/json', schema: ConclusionRecorded },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/aggregate',
    fn: 'summary',
    access: ['admin', 'staff'],
    summary: 'Recompute the summary now',
    response: { status: 200, contentType: 'application/json', schema: Summary },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/summary',
    fn: 'summary',
    access: SIGNED_IN,
    summary: 'The last computed summary as JSON, or ?format=csv',
    query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
    response: { status: 200, contentType: 'application/json', schema: Summary },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/summary/comments',
    fn: 'summary',
    access: SIGNED_IN,
    summary: "Every respondents' comment of the last summary, a page at a time (?page=1..commentPages)",
    query: z.object({ page: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,4}$/, 'A page number from 1'))) }),
    response: { status: 200, contentType: 'application/json', schema: SummaryCommentPage },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/report',
    fn: 'report',
    access: SIGNED_IN,
    summary: 'The printable report (HTML) from the last computed summary, for staff (a draft, with what is not published); ?lang=cy in Welsh',
    query: ReportQuery,
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/report-links',
    fn: 'report',
    access: SIGNED_IN,
    summary: 'A link that opens the report in a browser without a bearer token (?expiresInHours=, default 24, at most 168; ?releaseId= opens that release, frozen, instead of the live report)',
    query: z.object({
      expiresInHours: z.optional(z.string().check(z.regex(/^(?:[1-9]|[1-9]\d|1[0-5]\d|16[0-8])$/, 'A whole number of hours from 1 to 168'))),
      releaseId: z.optional(z.string().check(z.maxLength(40))),
    }),
    response: { status: 201, contentType: 'application/json', schema: ReportLinkCreated },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/report-links',
    fn: 'report',
    access: SIGNED_IN,
    summary: "The inspection's report links: id, when made, when they expire, whether withdrawn (never the links themselves)",
    response: { status: 200, contentType: 'application/json', schema: ReportLinkList },
  },
  {
    method: 'DELETE',
    path: '/inspections/{id}/report-links/{linkId}',
    fn: 'report',
    access: SIGNED_IN,
    summary: 'Withdraw a report link: it then answers 410 (404 for an unknown link id)',
    response: { status: 200, contentType: 'application/json', schema: ReportLinkWithdrawn },
  },
  {
    method: 'GET',
    path: '/reports/{token}',
    fn: 'report',
    access: 'token',
    summary: 'The report, opened with a report link (404 unknown, 410 expired): what is published, without staff-only material; ?lang=cy in Welsh',
    query: ReportQuery,
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/reports/{token}/summary.json',
    fn: 'report',
    access: 'token',
    summary: "The report's summary as JSON, with a report link",
    response: { status: 200, contentType: 'application/json', schema: Summary },
  },
  {
    method: 'GET',
    path: '/reports/{token}/summary.csv',
    fn: 'report',
    access: 'token',
    summary: "The report's summary as CSV, with a report link",
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'GET',
    path: '/report.css',
    fn: 'report-css',
    access: 'public',
    summary: "The report's own styles: chart, tables and print",
  },
  // --- the workbench (issue 12): pages for inspectors, staff and admins, signed in with a session ---
  // Sign-in. GET /sign-in appears twice: the deployed one starts Cognito's managed login; the
  // local stand-in (localOnly) replaces it on this machine and is never deployed.
  {
    method: 'GET',
    path: '/sign-in',
    fn: 'sign-in',
    access: 'public',
    auth: 'session',
    summary: "Start signing in: a redirect to Cognito's managed login (authorization code with PKCE)",
  },
  {
    method: 'GET',
    path: '/auth/callback',
    fn: 'sign-in',
    access: 'public',
    auth: 'session',
    summary: "Cognito's redirect back: exchanges the code, verifies the ID token, sets the session",
  },
  {
    method: 'POST',
    path: '/sign-out',
    fn: 'sign-in',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'End the session (and, in AWS, the managed login)',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/sign-in',
    fn: 'local-sign-in',
    access: 'public',
    auth: 'session',
    localOnly: true,
    summary: 'Local stand-in for the managed login: choose a role',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/sign-in',
    fn: 'local-sign-in',
    access: 'public',
    auth: 'session',
    localOnly: true,
    summary: 'Local stand-in: sign in with the chosen role',
    body: { kind: 'form' },
  },
  // The pages. They live under /workbench/ so that no page path can collide with a JSON route
  // (GET /inspections/{id} is the JSON API's), and one prefix marks the session routes in logs.
  {
    method: 'GET',
    path: '/',
    fn: 'workbench',
    access: 'public',
    auth: 'session',
    summary: 'Signed out, the start page; signed in, the inspections',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/new',
    fn: 'workbench',
    access: ['admin'],
    auth: 'session',
    summary: 'New inspection form',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/new',
    fn: 'workbench',
    access: ['admin'],
    auth: 'session',
    summary: "Create an inspection; redirects to its dashboard",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}',
    fn: 'workbench',
    access: SIGNED_IN,
    auth: 'session',
    summary: "An inspection's dashboard: the sample so far, responses, figures, CSV upload",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/cases',
    fn: 'workbench',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Upload cases as a CSV file, all or nothing',
    body: { kind: 'multipart' },
    maxBodyBytes: UPLOAD_MAX_BODY_BYTES,
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases-template.csv',
    fn: 'workbench',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The CSV template for the inspection's question bank",
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/recompute',
    fn: 'workbench',
    access: ['admin', 'staff'],
    auth: 'session',
    summary: 'Recompute the figures now; redirects to the dashboard',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/summary',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The figures as tables, with downloads and the report',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/summary.csv',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The summary as CSV',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/summary.json',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The summary as JSON',
    response: { status: 200, contentType: 'application/json' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/report',
    fn: 'workbench-summary',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The printable report, for staff; ?lang=cy in Welsh',
    query: ReportQuery,
    response: { status: 200, contentType: 'text/html' },
  },
  // The inspectors' inputs (the case form, grades and conclusions) and the admin's pages.
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases',
    fn: 'workbench-cases',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The inspection's cases, a page at a time",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases/new',
    fn: 'workbench-cases',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Enter a new case: its case type first, then its profile and every question that applies',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/cases/new',
    fn: 'workbench-cases',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Save a new case (part-filled is fine: an unanswered question counts as not relevant)',
    body: { kind: 'form' },
    keepsFormOnSignIn: true,
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/cases/{caseRef}',
    fn: 'workbench-cases',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'One case: its form (inspectors) or its answers, and who changed what, when',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/cases/{caseRef}',
    fn: 'workbench-cases',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Save a case; refused if somebody else saved it since the form was opened',
    body: { kind: 'form' },
    keepsFormOnSignIn: true,
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/grades',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Leadership grades (4.1-4.6) and conclusions on the scored criteria',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/grades/{criterionId}',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: "One criterion's grade (section 4) or conclusion (1.1-3.2)",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/grades/{criterionId}',
    fn: 'workbench-manage',
    access: INSPECTORS,
    auth: 'session',
    summary: "Record one criterion's grade or conclusion",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/findings',
    fn: 'workbench-findings',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Findings drafted from the figures, criterion by criterion: how many are used, how many no longer match their figure',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/findings/{criterionId}',
    fn: 'workbench-findings',
    access: SIGNED_IN,
    auth: 'session',
    summary: "One criterion's findings: those in the write-up and the drafts not used yet (read only for staff)",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/findings/{criterionId}',
    fn: 'workbench-findings',
    access: INSPECTORS,
    auth: 'session',
    summary: "Save one criterion's findings into the write-up (the write-up's use case, with the ETag the page was opened on)",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/invitations',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: 'Issue questionnaire links; the batches issued so far',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/invitations',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: 'Issue a batch of links: answers with their mail-merge CSV, shown this once',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/report-links',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The inspection's report links: make one, withdraw one",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/report-links',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Make a report link, shown this once',
    body: { kind: 'form' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/report-links/{linkId}/withdraw',
    fn: 'workbench-manage',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'Withdraw a report link',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/erase',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: "Erase the inspection's questionnaire responses: the confirmation page",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/erase',
    fn: 'workbench-manage',
    access: ['admin'],
    auth: 'session',
    summary: "Erase the responses, once the area's name is typed exactly",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/invitations/reminders.csv',
    fn: 'invitations',
    access: ['admin'],
    summary:
      'The reminders mail merge: one row per invitation neither answered nor expired (invitationId, reference, audience, language, expiresAt). No URL: only token hashes are stored, so join on invitationId to the first file',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/paper-responses',
    fn: 'paper-responses',
    access: INSPECTORS,
    summary:
      "Enter a paper questionnaire's answers against its invitation's reference: 201; 404 unknown reference, 409 already answered (online or on paper), 410 expired; the online link then answers 409",
    body: { kind: 'json', schema: PaperResponseBody },
    response: { status: 201, contentType: 'application/json', schema: PaperResponseReceived },
  },
  {
    method: 'GET',
    path: '/accessibility',
    fn: 'service-pages',
    access: 'public',
    summary: 'The accessibility statement of the respondent pages (`?lang=cy` for Welsh; another language is a 400 page)',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/privacy',
    fn: 'service-pages',
    access: 'public',
    summary: 'The privacy notice of the respondent pages (`?lang=cy` for Welsh; another language is a 400 page)',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/paper-returns',
    fn: 'workbench-paper',
    access: INSPECTORS,
    auth: 'session',
    summary:
      "Enter a paper return: the reference on the paper form (and, for admins, the reminders download); with ?reference=, the answers form of that invitation's questionnaire version",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/paper-returns',
    fn: 'workbench-paper',
    access: INSPECTORS,
    auth: 'session',
    summary: "With a reference alone, find its invitation and redirect to its answers form; with the answers (stage=answers), save the paper return as POST /inspections/{id}/paper-responses does",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/reminders.csv',
    fn: 'workbench-paper',
    access: ['admin'],
    auth: 'session',
    summary: 'The reminders mail merge (as GET /inspections/{id}/invitations/reminders.csv)',
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/cases/{caseRef}/second-marking',
    fn: 'evidence',
    access: INSPECTORS,
    summary: 'A second, independent marking of a case (404 when it has no first marking, 409 from the first marker)',
    body: { kind: 'json', schema: SecondMarkingInput },
    response: { status: 201, contentType: 'application/json', schema: SecondMarkingRecorded },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/interviews/{caseRef}',
    fn: 'evidence',
    access: INSPECTORS,
    summary: "The offender manager's interview for a sample case (404 for a case not in the sample)",
    body: { kind: 'json', schema: InterviewInput },
    response: { status: 201, contentType: 'application/json', schema: InterviewRecorded },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/performance-figures',
    fn: 'evidence',
    access: INSPECTORS,
    summary: "The area's performance figures as CSV (measure,target,area,national,period), all or nothing; the report's Appendix 1",
    body: { kind: 'csv' },
    response: { status: 200, contentType: 'application/json', schema: PerformanceFiguresRecorded },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/context',
    fn: 'evidence',
    access: INSPECTORS,
    summary: "The area's caseload and its make-up; the summary's sample.balance sets the sample beside it",
    body: { kind: 'json', schema: AreaContext },
    response: { status: 200, contentType: 'application/json', schema: ContextRecorded },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/moderation',
    fn: 'workbench-moderation',
    access: SIGNED_IN,
    auth: 'session',
    summary: 'The second-marked cases for a moderator, their two markings side by side',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/write-up',
    fn: 'write-up',
    access: SIGNED_IN,
    summary: "The report's authored text (section summaries, strengths and areas for improvement, recommendations, good practice), with its ETag",
    response: { status: 200, contentType: 'application/json', schema: WriteUp },
  },
  {
    method: 'PUT',
    path: '/inspections/{id}/write-up',
    fn: 'write-up',
    access: INSPECTORS,
    summary: 'Replace the write-up whole: If-Match with the ETag from GET (428 without, 412 when somebody saved since, 409 when the inspection is closed)',
    body: { kind: 'json', schema: WriteUp },
    response: { status: 200, contentType: 'application/json', schema: WriteUp },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/releases',
    fn: 'releases',
    access: ['admin'],
    summary:
      "Freeze the report as it is now: `factual-accuracy` (the draft for the area's comments) or `final`, which also closes the inspection (409 when it is closed already; 409 with no cases)",
    body: { kind: 'json', schema: CreateRelease },
    response: { status: 201, contentType: 'application/json', schema: ReleaseCreated },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases',
    fn: 'releases',
    access: SIGNED_IN,
    summary: "The inspection's releases, oldest first",
    response: { status: 200, contentType: 'application/json', schema: ReleaseList },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases/{releaseId}/report',
    fn: 'releases',
    access: SIGNED_IN,
    summary: 'The frozen report of a release (HTML; ?lang=cy for Welsh), byte for byte the same on every request',
    query: z.object({ lang: z.optional(z.enum(['en', 'cy'])) }),
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/inspections/{id}/releases/{releaseId}/summary',
    fn: 'releases',
    access: SIGNED_IN,
    summary: 'The frozen summary of a release as JSON, or ?format=csv, byte for byte the same on every request',
    query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
    response: { status: 200, contentType: 'application/json', schema: Summary },
  },
  {
    method: 'POST',
    path: '/inspections/{id}/reopen',
    fn: 'releases',
    access: ['admin'],
    summary: 'Reopen an inspection a final release closed: its writes and questionnaire links work again (409 when it is not closed)',
    response: { status: 200, contentType: 'application/json', schema: Inspection },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/write-up',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The write-up: section summaries, each criterion's strengths and areas for improvement, recommendations, good practice (read only for staff)",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/write-up',
    fn: 'workbench-publish',
    access: INSPECTORS,
    auth: 'session',
    summary: 'Save the write-up whole, as PUT /inspections/{id}/write-up does: refused if somebody saved since the form was opened',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "The inspection's releases: open one; admins make one or reopen a closed inspection",
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/releases',
    fn: 'workbench-publish',
    access: ['admin'],
    auth: 'session',
    summary: 'Make a release (factual accuracy or final), as POST /inspections/{id}/releases does',
    body: { kind: 'form' },
  },
  {
    method: 'POST',
    path: '/workbench/inspections/{id}/reopen',
    fn: 'workbench-publish',
    access: ['admin'],
    auth: 'session',
    summary: 'Reopen a closed inspection, as POST /inspections/{id}/reopen does',
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/report',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "A release's frozen report (?lang=cy for Welsh)",
    query: z.object({ lang: z.optional(z.enum(['en', 'cy'])) }),
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/summary.json',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "A release's frozen summary as JSON",
    response: { status: 200, contentType: 'application/json' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/releases/{releaseId}/summary.csv',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "A release's frozen summary as CSV",
    response: { status: 200, contentType: 'text/csv' },
  },
  {
    method: 'GET',
    path: '/workbench/inspections/{id}/breakdowns',
    fn: 'workbench-publish',
    access: SIGNED_IN,
    auth: 'session',
    summary: "Each criterion's score by case type, tier, Risk of Harm, PPO, gender and ethnicity; the diversity view (criterion 2.7)",
    response: { status: 200, contentType: 'text/html' },
  },
] as const satisfies readonly RouteSpec[];

/** Each route's own entry, by its key ('PUT /inspections/{id}/cases/{caseRef}'), with its literal types kept. */
export type RouteByKey = { [R in (typeof routes)[number] as `${R['method']} ${R['path']}`]: R };
export type RouteKey = keyof RouteByKey;

export function routeKeyOf(route: RouteSpec): string {
  return `${route.method} ${route.path}`;
}

/**
 * A key names one deployed route, and at most one local stand-in for it: `localOnly` picks
 * which. (Only GET /sign-in has both.)
 */
export function findRoute(key: string, localOnly = false): RouteSpec | undefined {
  return (routes as readonly RouteSpec[]).find((r) => routeKeyOf(r) === key && !!r.localOnly === localOnly);
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

export const isSessionRoute = (route: RouteSpec): boolean => route.auth === 'session';

/** No bearer token: nothing at all, the questionnaire/report token in the path, or our session cookie. */
export function isPublic(route: RouteSpec): boolean {
  return route.access === 'public' || route.access === 'token' || route.auth === 'session';
}

/** Functions EventBridge runs on a schedule (locally, a timer does). */
export const schedules: readonly { fn: string; everySeconds: number; summary: string; data: DataAccess }[] = [
  {
    fn: 'aggregate',
    everySeconds: 60,
    summary: 'Hand each inspection whose inputs changed to the aggregation queue',
    // listStale, claimDispatch (UpdateItem); then the queue (queueConsumers below).
    data: { actions: ['Query', 'UpdateItem'] },
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
];
