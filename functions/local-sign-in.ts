/**
 * The local stand-in for Cognito's managed login: pick a role, get the very session cookie the
 * OAuth callback sets in AWS. Its routes are `localOnly`: the CDK app never deploys this file.
 */
import { isRole } from '../shared/core/roles';
import { html, httpHandler, type RouteHandler } from '../shared/http/handler';
import { localSignInRoutes } from '../shared/route-table/local-sign-in';
import { pageOptions, seeOther } from '../shared/http/pages';
import { safeReturnTo, sessionCookie, signSession } from '../shared/http/session';
import { localSignInPage } from '../shared/web/workbench-pages';

const showChoice: RouteHandler<'GET /sign-in'> = async ({ query }) => html(200, localSignInPage(safeReturnTo(query.returnTo)));

const signInAs: RouteHandler<'POST /sign-in'> = async ({ body }) => {
  const returnTo = safeReturnTo(body.get('returnTo'));
  const role = body.get('role') ?? '';
  if (!isRole(role)) return html(400, localSignInPage(returnTo, 'Select the role to sign in as'));
  const { value } = await signSession(`local-${role}`, [role]);
  return seeOther(returnTo, [sessionCookie(value)]);
};

export const handler = httpHandler(localSignInRoutes, { 'GET /sign-in': showChoice, 'POST /sign-in': signInAs }, { localOnly: true, ...pageOptions });
