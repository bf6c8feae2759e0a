/** The routes of functions/assets.ts: its part of the route table (shared/routes.ts joins them all). */
import type { RouteSpec } from './spec';

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
