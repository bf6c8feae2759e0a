/** functions/assets.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, NO_DATA, type RouteSpec } from './spec';

export const assetsRoutes = [
  {
    method: 'GET',
    path: '/assets/{path+}',
    fn: 'assets',
    access: 'public',
    servedByEdge: true,
    summary: "GOV.UK Frontend's CSS, JavaScript, fonts and images for the pages",
  },
] as const satisfies readonly RouteSpec[];

export const assetsFunction = httpFunction('assets', assetsRoutes, NO_DATA);
