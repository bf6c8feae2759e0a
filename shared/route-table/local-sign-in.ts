/** The routes of functions/local-sign-in.ts: its part of the route table (shared/routes.ts joins them all). */
import type { RouteSpec } from './spec';

export const localSignInRoutes = [
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
] as const satisfies readonly RouteSpec[];
