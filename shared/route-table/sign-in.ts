/** functions/sign-in.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, SIGNED_IN, type RouteSpec } from './spec';

export const signInRoutes = [
  // --- the workbench (issues 12, 25): signing in with the OpenID Connect provider (Cognito in
  // AWS, a local oidc-provider on this machine: the same code, only the addresses differ) ---
  {
    method: 'GET',
    path: '/sign-in',
    fn: 'sign-in',
    access: 'public',
    auth: 'session',
    summary: "Start signing in: a redirect to the provider's login (authorization code with PKCE)",
  },
  {
    method: 'GET',
    path: '/auth/callback',
    fn: 'sign-in',
    access: 'public',
    auth: 'session',
    summary: "The provider's redirect back: spends the state, exchanges the code, verifies the ID token, starts the session",
  },
  {
    method: 'POST',
    path: '/sign-out',
    fn: 'sign-in',
    access: SIGNED_IN,
    auth: 'session',
    summary: "End the session on the server at once, then the provider's",
    body: { kind: 'form' },
  },
  {
    method: 'GET',
    path: '/workbench/sessions',
    fn: 'sign-in',
    access: ['admin'],
    auth: 'session',
    summary: 'Who is signed in, by name, each with a button to end their sessions',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/workbench/sessions/end',
    fn: 'sign-in',
    access: ['admin'],
    auth: 'session',
    summary: 'End every session of one person (form field `sub`): their next request is sent to sign in',
    body: { kind: 'form' },
  },
] as const satisfies readonly RouteSpec[];

/**
 * The workbench (issues 12, 25). Signing in and out: the sessions (Put, Get, refresh, Delete), the state spent
 * at the callback (a conditional Put); the admin's list of who is signed in (gsi1), ending a person's sessions.
 */
export const signInFunction = httpFunction('sign-in', signInRoutes, {
  actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
  index: true,
});
