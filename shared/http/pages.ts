/** What every workbench function shares: the error page and redirects. */
import { workbenchErrorPage } from '../web/workbench-pages';
import type { HttpReply } from './handler';
import { csrfToken, type Session } from './session';

export const errorPage = (status: number, title: string, detail: string, session: Session | undefined) =>
  workbenchErrorPage(status, title, detail, session, session ? csrfToken(session) : undefined);

export const seeOther = (location: string, cookies?: string[]): HttpReply => ({
  status: 303,
  body: '',
  contentType: 'text/html; charset=utf-8',
  headers: { location },
  ...(cookies ? { cookies } : {}),
});
