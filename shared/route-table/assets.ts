/** functions/assets.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, NO_DATA, type RouteSpec, routesOfFunction } from './spec';

const route = routesOfFunction('assets');

export const assetsRoutes = [
  route.get('/assets/{path+}', 'public', "GOV.UK Frontend's CSS, JavaScript, fonts and images for the pages", { servedByEdge: true }),
] as const satisfies readonly RouteSpec[];

export const assetsFunction = httpFunction('assets', assetsRoutes, NO_DATA);
