/** functions/report-css.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, NO_DATA, type RouteSpec, routesOfFunction } from './spec';

const route = routesOfFunction('report-css');

export const reportCssRoutes = [
  route.get('/report.css', 'public', "The report's own styles: chart, tables and print", { response: { status: 200, contentType: 'text/css' } }),
] as const satisfies readonly RouteSpec[];

export const reportCssFunction = httpFunction('report-css', reportCssRoutes, NO_DATA);
