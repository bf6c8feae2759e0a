/** The workbench's moderation page (issue 14): read only, so a bundle and a role of its own. */
import { flaggedCasesOf } from '../shared/domain/moderation';
import { html, httpHandler, type RouteHandler } from '../shared/http/handler';
import { workbenchModerationRoutes } from '../shared/route-table/workbench-moderation';
import { pageOptions } from '../shared/http/pages';
import { csrfToken } from '../shared/http/session';
import { moderationPage } from '../shared/web/workbench-moderation';

const moderation: RouteHandler<'GET /workbench/inspections/{id}/moderation'> = async ({ params, session }) =>
  html(200, moderationPage(session!, csrfToken(session!), await flaggedCasesOf(params.id)));

export const handler = httpHandler(workbenchModerationRoutes, { 'GET /workbench/inspections/{id}/moderation': moderation }, pageOptions);
