/** functions/sign-in.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, SIGNED_IN, type RouteSpec, routesOfFunction } from './spec';

const route = routesOfFunction('sign-in');

export const signInRoutes = [
  // --- the workbench (issues 12, 25): signing in with the OpenID Connect provider (Cognito in
  // AWS, a local oidc-provider on this machine: the same code, only the addresses differ) ---
  route.get('/sign-in', 'public', "Start signing in: a redirect to the provider's login (authorization code with PKCE)", { auth: 'session' }),
  route.get(
    '/auth/callback',
    'public',
    "The provider's redirect back: spends the state, exchanges the code, verifies the ID token, starts the session",
    { auth: 'session' },
  ),
  route.postForm('/sign-out', SIGNED_IN, "End the session on the server at once, then the provider's"),
  route.getPage('/workbench/sessions', ['admin'], 'Who is signed in, by name, each with a button to end their sessions'),
  route.postForm('/workbench/sessions/end', ['admin'], 'End every session of one person (form field `sub`): their next request is sent to sign in'),
] as const satisfies readonly RouteSpec[];

/**
 * The workbench (issues 12, 25). Signing in and out: the sessions (Put, Get, refresh, Delete), the state spent
 * at the callback (a conditional Put); the admin's list of who is signed in (gsi1), ending a person's sessions.
 */
export const signInFunction = httpFunction('sign-in', signInRoutes, {
  actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
  index: true,
});
