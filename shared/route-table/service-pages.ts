/** functions/service-pages.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, NO_DATA, type RouteSpec } from './spec';

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

/**
 * The accessibility statement and privacy notice: static pages.
 */
export const servicePagesFunction = httpFunction('service-pages', servicePagesRoutes, NO_DATA);
