/** The routes of functions/sign-in.ts: its part of the route table (shared/routes.ts joins them all). */
import { SIGNED_IN, type RouteSpec } from './spec';

export const signInRoutes = [
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
] as const satisfies readonly RouteSpec[];
