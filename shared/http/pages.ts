/** What every workbench function shares: the error page, the session support and redirects. */
import { workbenchErrorPage } from '#web/workbench/frame';
import { stashCookieFor, stashPath } from './form-stash';
import type { HandlerOptions, HttpReply } from './handler';
import { csrfToken, csrfTokenMatches, safeReturnTo, sessionFromEvent, type Session } from './session';

export const errorPage = (status: number, title: string, detail: string, session: Session | undefined) =>
  workbenchErrorPage(status, title, detail, session, session ? csrfToken(session) : undefined);

/** `httpHandler`'s options for a function serving pages (session routes). */
export const pageOptions = {
  errorPage,
  sessions: { sessionFromEvent, stashCookieFor, stashPath, csrfTokenMatches, safeReturnTo },
} satisfies HandlerOptions;

export const seeOther = (location: string, cookies?: string[]): HttpReply => ({
  status: 303,
  body: '',
  contentType: 'text/html; charset=utf-8',
  headers: { location },
  ...(cookies ? { cookies } : {}),
});
