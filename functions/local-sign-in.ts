/**
 * The local stand-in for Cognito's managed login: pick a role, get the very session cookie the
 * OAuth callback sets in AWS. Its routes are `localOnly`: the CDK app never deploys this file.
 */
import { ROLES, type Role } from '../shared/http/auth';
import { html, httpHandler } from '../shared/http/handler';
import { safeReturnTo, sessionCookie, signSession } from '../shared/http/session';
import { localSignInPage } from '../shared/web/workbench-pages';
import { errorPage, seeOther } from '../shared/web/workbench-http';

export const handler = httpHandler(
  ['GET /sign-in', 'POST /sign-in'],
  async ({ route, query, body }) => {
    if (route.method === 'GET') return html(200, localSignInPage(safeReturnTo(query.returnTo)));
    const form = body as URLSearchParams;
    const returnTo = safeReturnTo(form.get('returnTo'));
    const role = form.get('role');
    if (!role || !(ROLES as readonly string[]).includes(role)) return html(400, localSignInPage(returnTo, 'Select the role to sign in as'));
    const { value } = await signSession(`local-${role}`, [role as Role]);
    return seeOther(returnTo, [sessionCookie(value)]);
  },
  { localOnly: true, errorPage },
);
