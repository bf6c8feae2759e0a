/** functions/report.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import * as z from 'zod/mini';
import { CreateReportLink, ReportLinkCreated, ReportLinkList, ReportLinkWithdrawn } from '#schemas/report';
import { httpFunction, ReportQuery, SIGNED_IN, type RouteSpec, HTML, created, ok, routesOfFunction } from './spec';

const route = routesOfFunction('report');

export const reportRoutes = [
  route.get(
    '/inspections/{id}/report',
    SIGNED_IN,
    'The printable report (HTML) from the last computed summary, for staff (a draft, with what is not published); ?lang=cy in Welsh',
    { query: ReportQuery, response: HTML },
  ),
  route.post(
    '/inspections/{id}/report-links',
    SIGNED_IN,
    'A link that opens a release in a browser without a bearer token: the latest release, or ?releaseId= that one (409 when there is no release yet). ?expiresInHours=, default 24, at most 168. Body `{ "draft": true }` (admins only): a link to the live draft instead, marked "Draft, not published" on its page and files',
    {
      body: { kind: 'json', schema: CreateReportLink, optional: true },
      query: z.object({
        expiresInHours: z.optional(z.string().check(z.regex(/^(?:[1-9]|[1-9]\d|1[0-5]\d|16[0-8])$/, 'A whole number of hours from 1 to 168'))),
        releaseId: z.optional(z.string().check(z.maxLength(40))),
      }),
      response: created(ReportLinkCreated),
    },
  ),
  route.get(
    '/inspections/{id}/report-links',
    SIGNED_IN,
    "The inspection's report links: id, when made, when they expire, whether withdrawn (never the links themselves)",
    { response: ok(ReportLinkList) },
  ),
  route.delete('/inspections/{id}/report-links/{linkId}', SIGNED_IN, 'Withdraw a report link: it then answers 410 (404 for an unknown link id)', {
    response: ok(ReportLinkWithdrawn),
  }),
] as const satisfies readonly RouteSpec[];

/**
 * The summary as above; putReportLink and revokeReportLink are transactions (Put, Update).
 */
export const reportFunction = httpFunction('report', reportRoutes, {
  actions: ['GetItem', 'PutItem', 'Query', 'UpdateItem', 'TransactWriteItems', 'BatchWriteItem'],
  readsTexts: true,
});
