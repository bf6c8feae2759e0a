/** The routes of functions/health.ts: its part of the route table (shared/routes.ts joins them all). */
import { Health } from '../schemas/common';
import type { RouteSpec } from './spec';

export const healthRoutes = [
  {
    method: 'GET',
    path: '/health',
    fn: 'health',
    access: 'public',
    summary: 'Liveness check',
    response: { status: 200, contentType: 'application/json', schema: Health },
  },
] as const satisfies readonly RouteSpec[];
