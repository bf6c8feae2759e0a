/** What every workbench function shares: the error page, replies for pages, redirects and downloads. */
import type { HttpReply } from '../http/handler';
import { csrfToken, type Session } from '../http/session';
import { workbenchErrorPage } from './workbench-pages';

export const errorPage = (status: number, title: string, detail: string, session: Session | undefined) =>
  workbenchErrorPage(status, title, detail, session, session ? csrfToken(session) : undefined);

export const seeOther = (location: string, cookies?: string[]): HttpReply => ({
  status: 303,
  body: '',
  contentType: 'text/html; charset=utf-8',
  headers: { location },
  ...(cookies ? { cookies } : {}),
});

export const download = (body: string, contentType: string, filename: string): HttpReply => ({
  status: 200,
  body,
  contentType,
  headers: { 'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"` },
});
