/** The routes of functions/service-pages.ts: its part of the route table (shared/routes.ts joins them all). */
import type { RouteSpec } from './spec';

export const servicePagesRoutes = [
  {
    method: 'GET',
    path: '/accessibility',
    fn: 'service-pages',
    access: 'public',
    summary: 'The accessibility statement of the respondent pages (`?lang=cy` for Welsh; another language is a 400 page)',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/privacy',
    fn: 'service-pages',
    access: 'public',
    summary: 'The privacy notice of the respondent pages (`?lang=cy` for Welsh; another language is a 400 page)',
    response: { status: 200, contentType: 'text/html' },
  },
] as const satisfies readonly RouteSpec[];
