/** functions/service-pages.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, NO_DATA, type RouteSpec, HTML, routesOfFunction } from './spec';

const route = routesOfFunction('service-pages');

export const servicePagesRoutes = [
  route.get(
    '/accessibility',
    'public',
    'The accessibility statement of the respondent pages (`?lang=cy` for Welsh; another language is a 400 page)',
    { response: HTML },
  ),
  route.get('/privacy', 'public', 'The privacy notice of the respondent pages (`?lang=cy` for Welsh; another language is a 400 page)', {
    response: HTML,
  }),
] as const satisfies readonly RouteSpec[];

/**
 * The accessibility statement and privacy notice: static pages.
 */
export const servicePagesFunction = httpFunction('service-pages', servicePagesRoutes, NO_DATA);
