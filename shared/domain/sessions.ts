/**
 * The workbench's sessions as the admin sees them, and the sign-in's single-use state
 * (issue 25). The per-request check itself lives with the cookie (shared/http/session.ts).
 */
import { createHash } from 'node:crypto';
import { endSessionsOf, listSessions, spendSignInState, type ListedSession } from '#store/sessions';

/** Everyone signed in now, for the admin's list (by display name; never an id or its hash on a page). */
export const whoIsSignedIn = (): Promise<ListedSession[]> => listSessions();

/** Ends every session of one person; how many. Anything that cannot be a person's id ends nothing. */
export async function endPersonsSessions(sub: string): Promise<number> {
  if (!sub || sub.length > 256) return 0;
  return endSessionsOf(sub);
}

/** True the first time a sign-in's OAuth state comes back, false for a replay; kept `seconds`. */
export function spendState(state: string, seconds: number): Promise<boolean> {
  return spendSignInState(createHash('sha256').update(state).digest('base64url'), Math.floor(Date.now() / 1000) + seconds);
}
